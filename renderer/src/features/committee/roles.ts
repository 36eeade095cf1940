import type { CommitteeRole } from '../../../../shared/model';

/** Each committee role as people say it, in the order they are offered. */
export const ROLE_LABELS: Record<CommitteeRole, string> = {
  chair: 'Chair',
  secretary: 'Secretary',
  member: 'Member',
  legal: 'Legal advisor',
  privacy: 'Privacy officer',
  stakeholder: 'Stakeholder representative',
  observer: 'Observer',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as CommitteeRole[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

export function isCommitteeRole(value: string): value is CommitteeRole {
  return Object.hasOwn(ROLE_LABELS, value);
}

