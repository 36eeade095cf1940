import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ReviewSummary } from '../../../shared/api';
import { callInReview } from '../api';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { countOf } from '../ui/format';
import { LibraryIcon, RefreshIcon, UploadIcon } from '../ui/icons';
import { useApiQuery } from '../ui/useAsyncValue';
import { NewReviewFromTemplateDialog } from '../features/templates';
import { OpenPackage } from '../features/exchange';
import {
  CreateReviewForm,
  DeleteReviewDialog,
  RenameReviewDialog,
  ReviewCard,
  SampleReviewButton,
  SampleReviewStatus,
  useSampleReview,
} from '../features/library';

export interface LibraryScreenProps {
  onOpenReview: (review: ReviewSummary) => void;
  /** Messages from elsewhere in the app that belong on this screen, e.g. the name prompt. */
  notices?: ReactNode;
  /** Coming back from a review: put focus on the screen's heading, so keyboard users know where they are. */
  focusHeading?: boolean;
}

type Confirmation =
  { kind: 'rename'; review: ReviewSummary } | { kind: 'delete'; review: ReviewSummary } | { kind: 'template' };

/** Every review in the data folder: create, open, rename, delete, and repair a damaged one from its backup. */
export function LibraryScreen({ onOpenReview, notices, focusHeading = false }: LibraryScreenProps) {
  const reviews = useApiQuery('reviews.list', {});
  const [dialog, setDialog] = useState<Confirmation>();
  const [status, setStatus] = useState<string>();
  const [highlighted, setHighlighted] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = reviews.data ?? [];
  const sample = useSampleReview(onOpenReview);
  const empty = reviews.data !== undefined && list.length === 0 && !reviews.error;

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  const announce = (message: string, reviewId?: string) => {
    setStatus(message);
    setHighlighted(reviewId);
    reviews.reload();
  };

  const renameInLibrary = async (review: ReviewSummary, title: string) => {
    try {
      return await callInReview(review.id, 'reviews.rename', { reviewId: review.id, title });
    } finally {
      // Renaming opens the file for writing; the library does not keep it open.
      await callInReview(review.id, 'reviews.close', { reviewId: review.id });
    }
  };

  return (
    <div className="screen library-screen">
      <header className="screen-header">
        <div className="screen-heading">
          <h1 ref={headingRef} tabIndex={-1}>
            Review library
          </h1>
          <p className="screen-subtitle">
            Each review holds one policy: its versions, the committee, the checklist and the annotations made against
            it.
          </p>
        </div>
        <Button
          variant="ghost"
          icon={<RefreshIcon />}
          onClick={reviews.reload}
          busy={reviews.loading && reviews.data !== undefined}
        >
          Refresh
        </Button>
      </header>

      {notices}

      <section className="panel create-panel" aria-label="New review">
        <CreateReviewForm
          onCreated={(summary) =>
            announce(`Created “${summary.title}”. Open it to set the committee and adapt the checklist.`, summary.id)
          }
        />
        <p className="create-from-template">
          <span>Or start with a checklist another review saved as a template:</span>
          <Button size="sm" icon={<UploadIcon />} onClick={() => setDialog({ kind: 'template' })}>
            New review from template…
          </Button>
        </p>
        <OpenPackage onOpened={(opened, message) => announce(message, opened.reviewId)} />
        {!empty && (
          <p className="create-from-template">
            <span>Or look around a finished review of a sample policy:</span>
            <SampleReviewButton sample={sample} size="sm" />
          </p>
        )}
      </section>

      <SampleReviewStatus sample={sample} />

      {status && (
        <Banner tone="success" onDismiss={() => setStatus(undefined)}>
          {status}
        </Banner>
      )}

      {reviews.error && (
        <Banner
          tone="error"
          title="The library could not be read"
          actions={
            <Button size="sm" onClick={reviews.reload}>
              Try again
            </Button>
          }
        >
          {reviews.error.message}
        </Banner>
      )}

      <section className="library-list-section" aria-labelledby="library-list-heading">
        <div className="section-heading-row">
          <h2 id="library-list-heading" className="section-title">
            Your reviews
          </h2>
          {list.length > 0 && <span className="section-count">{countOf(list.length, 'review')}</span>}
        </div>
        {reviews.data === undefined && reviews.loading ? (
          <p className="loading-text" role="status">
            Loading reviews…
          </p>
        ) : empty ? (
          <EmptyState
            icon={<LibraryIcon size={28} />}
            title="No reviews yet"
            headingLevel={3}
            actions={<SampleReviewButton sample={sample} />}
          >
            <p>
              Type a title under <strong>New review</strong> above and choose <strong>Create review</strong>. Then open
              it to set the committee, adapt the checklist and, later, import the policy’s versions.
            </p>
            <p>
              New here? Open a sample review: two versions of a city’s social media policy, annotated and judged by a
              made-up committee, to look around in. Delete it when you are done.
            </p>
          </EmptyState>
        ) : (
          <ul className="review-list">
            {list.map((review) => (
              <ReviewCard
                key={review.id}
                review={review}
                highlighted={review.id === highlighted}
                onOpen={onOpenReview}
                onRename={(r) => setDialog({ kind: 'rename', review: r })}
                onDelete={(r) => setDialog({ kind: 'delete', review: r })}
                onRestored={(r) =>
                  announce(
                    `Restored “${r.title}” from its last good backup. The damaged file was kept beside it.`,
                    r.id,
                  )
                }
              />
            ))}
          </ul>
        )}
      </section>

      {dialog?.kind === 'rename' && (
        <RenameReviewDialog
          currentTitle={dialog.review.title}
          rename={(title) => renameInLibrary(dialog.review, title)}
          onRenamed={(summary) => {
            setDialog(undefined);
            announce(`Renamed to “${summary.title}”.`, summary.id);
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'template' && (
        <NewReviewFromTemplateDialog
          onCreated={(summary) => {
            setDialog(undefined);
            announce(
              `Created “${summary.title}” with the template’s ${countOf(summary.criteria, 'criterion', 'criteria')}.`,
              summary.id,
            );
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteReviewDialog
          review={dialog.review}
          onDeleted={(movedTo) => {
            setDialog(undefined);
            announce(`Deleted “${dialog.review.title}”. Its files were moved to ${movedTo}.`);
          }}
          onClose={() => {
            setDialog(undefined);
            // A failed delete may mean the file changed on disk; show the library as it is now.
            reviews.reload();
          }}
          returnFocusTo={() => headingRef.current}
        />
      )}
    </div>
  );
}
