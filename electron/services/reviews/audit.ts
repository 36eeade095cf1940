import { randomUUID } from 'node:crypto';
import type { AuditEntry, Author, Review } from '../../../shared/model';

/** Appends to the review's append-only log: who did what, when. */
export function recordAudit(
  review: Review,
  actor: Author,
  action: string,
  summary: string,
  subjectId?: string,
): AuditEntry {
  const entry: AuditEntry = { id: randomUUID(), at: new Date().toISOString(), actor, action, summary };
  if (subjectId !== undefined) entry.subjectId = subjectId;
  review.audit.push(entry);
  return entry;
}
