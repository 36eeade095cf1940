import type { AuditEntry, Author, Review } from '../../model';

/** The most an audit summary may hold (AuditEntry.summary); longer ones end with an ellipsis. */
const MAX_SUMMARY = 1000;

/** Appends to the review's append-only log: who did what, when. */
export function recordAudit(
  review: Review,
  actor: Author,
  action: string,
  summary: string,
  subjectId?: string,
): AuditEntry {
  // A summary that names many things (every version label, say) must not make the review invalid.
  const fitted = summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary;
  const entry: AuditEntry = { id: crypto.randomUUID(), at: new Date().toISOString(), actor, action, summary: fitted };
  if (subjectId !== undefined) entry.subjectId = subjectId;
  review.audit.push(entry);
  return entry;
}
