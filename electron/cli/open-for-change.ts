import type { OpenedReview } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { CliContext } from './context';

/**
 * Opens a review for a change from the command line, as the app's window does (`reviews.open`, which takes its
 * lock): a review open in the app (or another process), or in a folder that cannot be written, is refused with
 * the reason, before anything is done. A lock from another computer is taken over (`reviews.takeOverLock`) only
 * when the person asked for it with --take-over-lock. The review is released when the command's services close.
 */
export async function openForChange(
  ctx: CliContext,
  reviewId: string,
  takeOverLock: boolean | undefined,
): Promise<OpenedReview> {
  let opened = await ctx.call('reviews.open', { reviewId });
  const lock = opened.readOnly ? opened.lock : undefined;
  if (lock?.canTakeOver && takeOverLock)
    opened = await ctx.call('reviews.takeOverLock', { reviewId, fingerprint: lock.fingerprint });
  if (opened.readOnly) {
    const hint = lock?.canTakeOver
      ? ` To take it over from the command line, run the command again with --take-over-lock; ` +
        `only do so if no one is editing it${lock.holder ? ` on ${lock.holder.host}` : ''}, or ` +
        `their next changes will be refused.`
      : '';
    const reason = opened.readOnlyReason ?? 'It is read-only here.';
    throw new AppError(
      opened.lock ? 'E_LOCKED' : 'E_READ_ONLY',
      `${reason.replace(/ If no one is editing it .*$/, '')}${hint}`,
    );
  }
  return opened;
}
