import type { LockInfo, OpenedReview } from '../../../shared/api';
import { callInReview } from '../api';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatDateTime } from '../ui/format';
import { useAction } from '../ui/useAction';

export interface TakeOverLockDialogProps {
  reviewId: string;
  lock: LockInfo;
  onTakenOver: (opened: OpenedReview) => void;
  onClose: () => void;
  /** Where focus goes once the review is taken over: the banner holding the button that opened this is gone. */
  returnFocusTo: () => HTMLElement | null | undefined;
}

/**
 * Asks before this window takes over the lock another computer holds on a review, saying what happens if
 * someone is still editing it there: their next changes are refused, and they are told so.
 */
export function TakeOverLockDialog({ reviewId, lock, onTakenOver, onClose, returnFocusTo }: TakeOverLockDialogProps) {
  const takeOver = useAction(() =>
    callInReview(reviewId, 'reviews.takeOverLock', { reviewId, fingerprint: lock.fingerprint }),
  );
  const where = lock.holder ? `“${lock.holder.host}”` : 'another computer';
  const confirm = async () => {
    const opened = await takeOver.run();
    if (opened) onTakenOver(opened);
  };
  return (
    <ConfirmDialog
      title={`Take over this review from ${lock.holder ? `“${lock.holder.host}”` : 'its lock file'}?`}
      confirmLabel="Take over and edit here"
      onConfirm={() => void confirm()}
      onCancel={onClose}
      returnFocusTo={returnFocusTo}
      busy={takeOver.busy}
      error={takeOver.error}
    >
      <p>
        {lock.holder
          ? `The review is marked as open for editing on ${where}${lock.holder.since ? ` since ${formatDateTime(lock.holder.since)}` : ''}.`
          : 'The review is locked by a lock file this app cannot read.'}{' '}
        Take it over only if no one is editing it there any more: the computer was renamed, or the app did not close
        properly on it.
      </p>
      <p>
        If someone is still editing it on {where}, nothing they change from now on is saved: the app there refuses their
        next change and tells them the review was taken over. Taking over is recorded in the review’s audit log.
      </p>
    </ConfirmDialog>
  );
}
