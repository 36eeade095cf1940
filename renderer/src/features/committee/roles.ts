import { COMMITTEE_ROLES, CommitteeRole } from '../../../../shared/model';
import { ROLE_LABELS } from '../../../../shared/vocabulary';

/** The roles a picker offers, in the model's order, each with its label. */
export const ROLE_OPTIONS = COMMITTEE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export function isCommitteeRole(value: string): value is CommitteeRole {
  return CommitteeRole.safeParse(value).success;
}
