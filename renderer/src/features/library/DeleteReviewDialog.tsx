import type { ReviewSummary } from '../../../../shared/api';
import { callInReview } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useAction } from '../../ui/useAction';

export interface DeleteReviewDialogProps {
  review: ReviewSummary;
  onDeleted: (movedTo: string) => void;
  onClose: () => void;
  returnFocusTo: () => HTMLElement | null | undefined;
}

/** Asks before a review leaves the library. Nothing is erased: the files move to the trash folder. */
export function DeleteReviewDialog({ review, onDeleted, onClose, returnFocusTo }: DeleteReviewDialogProps) {
  const remove = useAction(() => callInReview(review.id, 'reviews.delete', { reviewId: review.id }));
  const confirm = async () => {
    const result = await remove.run();
    if (result) onDeleted(result.movedTo);
  };
  return (
    <ConfirmDialog
      title={`Delete “${review.title}”?`}
      confirmLabel="Delete review"
      onConfirm={() => void confirm()}
      onCancel={onClose}
      busy={remove.busy}
      error={remove.error}
      returnFocusTo={returnFocusTo}
    >
      <p>
        The review leaves the library. Its file, backups and imported sources are moved to the trash folder in your data
        folder, so nothing is erased.
      </p>
    </ConfirmDialog>
  );
}
