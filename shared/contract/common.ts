import { z } from 'zod';
import { RecordId } from '../model';

/** A contract method: the schema of its arguments and of its result. */
export function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const NoArgs = z.object({}).strict();
export const ReviewRef = z.object({ reviewId: RecordId }).strict();
/** One line of text a person typed: no control characters (line breaks, terminal escapes) that break a listing. */
export const SingleLine = z
  .string()
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'Use a single line without control characters.');
export const Title = SingleLine.trim().min(1, 'A title is required.').max(200, 'A title has at most 200 characters.');
/** Two versions of one review, older first: what comparing and carrying work on. */
export const VersionPair = z.object({ reviewId: RecordId, fromVersionId: RecordId, toVersionId: RecordId }).strict();
