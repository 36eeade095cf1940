import type { CommitteeRole } from '../model';

/** Each committee role as people call the person who holds it, in the order they are offered. */
export const ROLE_LABELS: Record<CommitteeRole, string> = {
  chair: 'Chair',
  secretary: 'Secretary',
  member: 'Member',
  legal: 'Legal advisor',
  privacy: 'Privacy officer',
  stakeholder: 'Stakeholder representative',
  observer: 'Observer',
};

/** "Ana Diaz (Legal advisor)". */
export function personLabel(person: { name: string; role?: CommitteeRole | undefined }): string {
  return person.role ? `${person.name} (${ROLE_LABELS[person.role]})` : person.name;
}
