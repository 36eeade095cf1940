import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { MethodResult } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { CliContext } from './context';

/**
 * Finds the review a person means: its id, the start of its id (at least 4 characters), its exact title
 * (ignoring case), or the path of its file in the library. An id whose file is in the library is taken as it is:
 * listing the library reads every review in it whole, which took more than a second at 10,000 annotations, for
 * each command that named a review, and for each review in the library.
 */
export async function resolveReviewId(ctx: CliContext, reference: string | undefined): Promise<string> {
  if (!reference)
    throw new AppError(
      'E_INVALID_INPUT',
      'Name the review: its id, the start of its id, or its title. `policy-review list` shows them.',
    );
  const wanted = referencedName(reference);
  if (await namesReviewFile(ctx, wanted)) return wanted;
  const reviews = await ctx.call('reviews.list', {});
  const exact = reviews.find((r) => r.id === wanted);
  if (exact) return exact.id;
  const byPrefix = wanted.length >= 4 ? reviews.filter((r) => r.id.startsWith(wanted.toLowerCase())) : [];
  const byTitle = reviews.filter((r) => r.title.toLowerCase() === reference.trim().toLowerCase());
  const matches = [...new Map([...byPrefix, ...byTitle].map((r) => [r.id, r])).values()];
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length > 1) {
    throw new AppError(
      'E_INVALID_INPUT',
      `“${reference}” matches ${matches.length} reviews (${matches.map((r) => r.id.slice(0, 8)).join(', ')}); use more of the id.`,
    );
  }
  throw new AppError(
    'E_NOT_FOUND',
    `No review matches “${reference}” in ${ctx.reviewsDir}. \`policy-review list\` shows the reviews there.`,
  );
}

/** Reads the review a person means, found as `resolveReviewId` finds it (an id without reading the others). */
export async function readNamedReview(
  ctx: CliContext,
  reference: string | undefined,
): Promise<MethodResult<'reviews.read'>> {
  return ctx.call('reviews.read', { reviewId: await resolveReviewId(ctx, reference) });
}

/**
 * Whether `name` is the id of a review whose file is in the library. Review files are named by their ids in lower
 * case: only such a name can be an exact match (on a file system that ignores case too).
 */
async function namesReviewFile(ctx: CliContext, name: string): Promise<boolean> {
  // The model loads with the app's services (ctx), not with the command: `--help` costs nothing.
  const { RecordId } = await import('../../shared/model');
  if (name !== name.toLowerCase() || !RecordId.safeParse(name).success) return false;
  try {
    return (await stat(ctx.reviewFile(name))).isFile();
  } catch {
    // Not there (or not to be looked at): found, or not, among the others as any other name is.
    return false;
  }
}

/** The name a reference gives: a review file's path names the review by the file's name. */
function referencedName(reference: string): string {
  return basename(reference).replace(/\.review\.json$/, '');
}
