import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { CliContext } from './context';

/**
 * Finds the review a person means: its id, the start of its id (at least 4 characters), its exact title
 * (ignoring case), or the path of its file in the library.
 */
export async function resolveReviewId(ctx: CliContext, reference: string | undefined): Promise<string> {
  if (!reference)
    throw new AppError(
      'E_INVALID_INPUT',
      'Name the review: its id, the start of its id, or its title. `policy-review list` shows them.',
    );
  const wanted = basename(reference).replace(/\.review\.json$/, '');
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
