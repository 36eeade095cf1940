import type { z } from 'zod';
import { AppError } from '../errors';

/**
 * A record this service made or changed, checked against its model schema before the review is written: the
 * whole-review check runs only in tests, so each change proves its own records valid. A failure leaves the
 * review as it was (the store rolls back), with a message that says which record and why.
 */
export function validRecord<S extends z.ZodType>(schema: S, record: z.input<S>, what: string): z.output<S> {
  const checked = schema.safeParse(record);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new AppError(
    'E_INVALID_INPUT',
    `That ${what} would not be valid${where}: ${issue?.message ?? 'unknown problem'}. Nothing was saved.`,
  );
}
