import { z } from 'zod';
import { AuditEntry, RecordId } from '../model';
import { method, ReviewRef } from './common';

/**
 * Where a draft belongs: `annotation:new`, `reply:<annotationId>`, `rationale:<versionId>:<criterionId>`, ...
 * Drafts keep what a person typed but has not saved, so closing the window loses nothing.
 */
export const DraftKey = z
  .string()
  .regex(/^[a-z][a-z-]*(:[a-z0-9][a-z0-9.-]*)*$/, 'not a draft key')
  .max(200);

/** What a review's workspace keeps beside the review itself: the drafts of its editor, and the audit log to read. */
export const WORKSPACE_METHODS = {
  'drafts.get': method(ReviewRef, z.record(z.string(), z.string())),
  /** Saves (or, with `null`, clears) one draft. */
  'drafts.set': method(
    z.object({ reviewId: RecordId, key: DraftKey, value: z.string().max(200_000).nullable() }).strict(),
    z.object({ saved: z.literal(true) }),
  ),

  'audit.list': method(
    z.object({ reviewId: RecordId, limit: z.int().min(1).max(10_000).optional() }).strict(),
    z.array(AuditEntry),
  ),
} as const;
