import { useId } from 'react';
import type { ReviewSummary } from '../../../../shared/api';
import { callInReview } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { countOf, formatDateTime } from '../../ui/format';
import {
  AlertIcon,
  ChevronRightIcon,
  DocumentIcon,
  LockIcon,
  PencilIcon,
  RestoreIcon,
  TrashIcon,
} from '../../ui/icons';
import { useAction } from '../../ui/useAction';

/** What the badge of a review file that cannot be opened says. */
const UNUSABLE_BADGES: Partial<Record<ReviewSummary['state'], string>> = {
  corrupt: 'Damaged',
  'too-large': 'Too large to open',
  unreadable: 'Cannot be read',
};

export interface ReviewCardProps {
  review: ReviewSummary;
  /** Just created or restored: drawn with the accent so the eye finds it. */
  highlighted: boolean;
  onOpen: (review: ReviewSummary) => void;
  onRename: (review: ReviewSummary) => void;
  onDelete: (review: ReviewSummary) => void;
  onRestored: (review: ReviewSummary) => void;
}

/** One review in the library, whatever state its file is in: fine, damaged, newer than this app, or in use. */
export function ReviewCard({ review, highlighted, onOpen, onRename, onDelete, onRestored }: ReviewCardProps) {
  const titleId = useId();
  const noteId = useId();
  const restore = useAction(() => callInReview(review.id, 'reviews.restoreBackup', { reviewId: review.id }));
  // A file that cannot be opened at all: damaged, too large to read, or not readable by this app.
  const damaged = review.state === 'corrupt' || review.state === 'too-large' || review.state === 'unreadable';
  const newer = review.state === 'newer-format';
  const locked = review.lockedBy !== undefined;
  const readOnly = newer || locked;

  const restoreBackup = async () => {
    const restored = await restore.run();
    if (restored) onRestored(restored);
  };

  const classes = [
    'review-card',
    damaged ? 'is-damaged' : '',
    readOnly ? 'is-read-only' : '',
    highlighted ? 'is-highlighted' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-review-id={review.id}>
      <article aria-labelledby={titleId} className="review-card-inner">
        <div className="review-card-icon">
          {damaged ? <AlertIcon size={20} /> : readOnly ? <LockIcon size={20} /> : <DocumentIcon size={20} />}
        </div>
        <div className="review-card-main">
          <div className="review-card-title-row">
            <h3 id={titleId} className="review-card-title">
              {review.title}
            </h3>
            {damaged && <span className="badge badge-danger">{UNUSABLE_BADGES[review.state] ?? 'Damaged'}</span>}
            {!damaged && review.damagedRecords !== undefined && review.damagedRecords > 0 && (
              <span className="badge badge-warning">{countOf(review.damagedRecords, 'damaged record')}</span>
            )}
            {newer && <span className="badge badge-warning">Newer format · read-only</span>}
            {locked && <span className="badge badge-warning">Open elsewhere · read-only</span>}
          </div>
          {damaged ? (
            <div className="review-card-problem" id={noteId}>
              <p>{review.problem ?? 'This review file cannot be read.'}</p>
              {review.lastGoodBackup && (
                <p className="review-card-backup">
                  Last good backup: {formatDateTime(review.lastGoodBackup.createdAt)}
                </p>
              )}
            </div>
          ) : (
            <p className="review-card-meta">
              {[
                countOf(review.criteria, 'criterion', 'criteria'),
                countOf(review.members, 'member'),
                countOf(review.versions, 'version'),
                countOf(review.annotations, 'annotation'),
              ].join(' · ')}
              {review.updatedAt && (
                <span className="review-card-updated"> · Updated {formatDateTime(review.updatedAt)}</span>
              )}
            </p>
          )}
          {!damaged && (newer || locked) && (
            <p className="review-card-note" id={noteId}>
              {[newer ? review.problem : undefined, review.lockedBy].filter(Boolean).join(' ')}
            </p>
          )}
          {restore.error && (
            <Banner tone="error" title="The backup was not restored">
              {restore.error}
            </Banner>
          )}
        </div>
        <div className="review-card-actions">
          {damaged ? (
            review.lastGoodBackup && (
              <Button
                variant="primary"
                size="sm"
                icon={<RestoreIcon />}
                busy={restore.busy}
                onClick={() => void restoreBackup()}
                aria-describedby={noteId}
              >
                Restore backup
              </Button>
            )
          ) : (
            <Button
              size="sm"
              icon={<PencilIcon />}
              onClick={() => onRename(review)}
              disabled={readOnly}
              aria-describedby={readOnly ? noteId : undefined}
            >
              Rename
            </Button>
          )}
          <Button
            size="sm"
            variant="quiet-danger"
            icon={<TrashIcon />}
            onClick={() => onDelete(review)}
            disabled={locked}
            aria-describedby={locked ? noteId : undefined}
          >
            Delete
          </Button>
          {!damaged && (
            <Button
              variant={readOnly ? 'secondary' : 'primary'}
              size="sm"
              onClick={() => onOpen(review)}
              aria-label={`${readOnly ? 'Open read-only' : 'Open'} “${review.title}”`}
            >
              {readOnly ? 'Open read-only' : 'Open'}
              <ChevronRightIcon />
            </Button>
          )}
        </div>
      </article>
    </li>
  );
}
