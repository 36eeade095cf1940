import type { AuditEntry, Author, Review } from '../../model';
import type { Clock } from '../clock';

/** The most an audit summary may hold (AuditEntry.summary); longer ones end with an ellipsis. */
const MAX_SUMMARY = 1000;

/** Appends to the review's append-only log: who did what, when (by `clock`). */
export function recordAudit(
  review: Review,
  actor: Author,
  clock: Clock,
  action: string,
  summary: string,
  subjectId?: string,
): AuditEntry {
  // A summary that names many things (every version label, say) must not make the review invalid.
  const fitted = summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary;
  const entry: AuditEntry = { id: clock.newId(), at: clock.now(), actor, action, summary: fitted };
  if (subjectId !== undefined) entry.subjectId = subjectId;
  review.audit.push(entry);
  return entry;
}
