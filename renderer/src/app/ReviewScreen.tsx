import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ReviewSummary } from '../../../shared/api';
import type { Review } from '../../../shared/model';
import { callInReview, errorMessage, type StepProgress } from '../api';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { countOf, formatDateTime } from '../ui/format';
import {
  AlertIcon,
  ArrowLeftIcon,
  ChecklistIcon,
  CompareIcon,
  DocumentIcon,
  PencilIcon,
  PresentIcon,
  ReportIcon,
  UsersIcon,
} from '../ui/icons';
import { StepProgressStatus } from '../ui/StepProgressStatus';
import { TabPanel, Tabs } from '../ui/Tabs';
import { useAsyncValue } from '../ui/useAsyncValue';
import { ChecklistArea } from '../features/checklist';
import { CommitteeArea } from '../features/committee';
import { CompareArea, ComparisonsProvider } from '../features/compare';
import { DocumentArea } from '../features/document';
import { PackageActions, type PackageOutcome, ToResolveArea, useConflicts } from '../features/exchange';
import { RenameReviewDialog } from '../features/library';
import { PresenterView } from '../features/presenter';
import { ReportArea } from '../features/report';
import { REVIEW_AREAS, type ReviewAreaId, ReviewWorkspaceProvider } from '../features/workspace';
import { DamagedRecordsPanel } from './DamagedRecordsPanel';
import { TakeOverLockDialog } from './TakeOverLockDialog';
import { useReviewSession } from './useReviewSession';
import './review.css';

export interface ReviewScreenProps {
  reviewId: string;
  /** The title from the library, shown while the review opens. */
  title: string;
  onBack: () => void;
  onTitleChange: (title: string) => void;
  onCloseFailed: (message: string) => void;
}

const AREA_ICONS: Record<ReviewAreaId, ReactNode> = {
  document: <DocumentIcon />,
  checklist: <ChecklistIcon />,
  compare: <CompareIcon />,
  report: <ReportIcon />,
  committee: <UsersIcon />,
  resolve: <AlertIcon />,
};

const live = <T extends { deletedAt?: string | undefined }>(items: readonly T[]) =>
  items.filter((item) => !item.deletedAt);

/** One review, open for work: its areas in tabs, read-only when the file cannot be written here. */
export function ReviewScreen({ reviewId, title, onBack, onTitleChange, onCloseFailed }: ReviewScreenProps) {
  const { session, retry, refresh, generation, updateReview, updateOpened } = useReviewSession(reviewId, onCloseFailed);
  const [exchangeOutcome, setExchangeOutcome] = useState<PackageOutcome>();
  const [mergeProgress, setMergeProgress] = useState<StepProgress>();
  // After a decision rebuilt the areas, focus returns to the To resolve heading, not to the top of the window.
  const [resolvedHere, setResolvedHere] = useState(false);
  const [takingOver, setTakingOver] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [area, setArea] = useState<ReviewAreaId>('document');
  // Areas are built the first time they are shown (the document first, quickly), then kept, with what was typed.
  const [visited, setVisited] = useState<ReadonlySet<ReviewAreaId>>(() => new Set(['document']));
  const showArea = useCallback((next: ReviewAreaId) => {
    setArea(next);
    setVisited((current) => (current.has(next) ? current : new Set(current).add(next)));
  }, []);
  const [renaming, setRenaming] = useState(false);
  // The presenter view of a workshop: the review on a projector, one criterion at a time, over the whole window.
  const [presenting, setPresenting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opened = session.status === 'open' ? session.opened : undefined;
  const checklist = useAsyncValue(opened ? `checklist:${reviewId}` : null, () =>
    callInReview(reviewId, 'checklist.get', { reviewId }),
  );
  const conflicts = useConflicts(reviewId, opened !== undefined);
  const conflictCount = conflicts.data?.length ?? 0;

  /**
   * A merge or a decision changed much of the review at once: read it again, with its checklist, and its conflicts
   * unless they are known (a decision settles one and leaves the others as they were).
   */
  const reread = (conflictsKnown = false) => {
    if (!conflictsKnown) conflicts.reload();
    checklist.reload();
    refresh().catch((error: unknown) =>
      setExchangeOutcome({
        tone: 'error',
        title: 'The review could not be read again',
        text: `${errorMessage(error)} Go back to the library and open it again to see the merged work.`,
      }),
    );
  };
  // Keyboard and screen-reader users land on the review's title, not back at the top of the window.
  useEffect(() => headingRef.current?.focus(), []);

  const review = opened?.review;
  const readOnly = opened?.readOnly ?? true;
  const members = review ? live(review.committee) : [];
  const versions = review ? live(review.versions) : [];
  const criteriaCount =
    checklist.data?.criteria.length ?? (review ? live(review.checklist.criteria).length : undefined);

  const rename = async (newTitle: string): Promise<ReviewSummary> =>
    callInReview(reviewId, 'reviews.rename', { reviewId, title: newTitle });

  return (
    <div className="screen review-screen">
      <div className="review-header">
        <Button variant="ghost" size="sm" icon={<ArrowLeftIcon />} onClick={onBack} className="back-button">
          Library
        </Button>
        <div className="review-title-row">
          <h1 ref={headingRef} tabIndex={-1} className="review-title">
            {review?.title ?? title}
          </h1>
          {review && (
            <div className="review-title-actions">
              <Button size="sm" icon={<PresentIcon />} onClick={() => setPresenting(true)}>
                Present
              </Button>
              <Button size="sm" icon={<PencilIcon />} onClick={() => setRenaming(true)} disabled={readOnly}>
                Rename
              </Button>
              <PackageActions
                reviewId={reviewId}
                title={review.title}
                readOnly={readOnly}
                onOutcome={(outcome) => {
                  setResolvedHere(false);
                  setExchangeOutcome(outcome);
                }}
                onMerged={() => reread()}
                onProgress={setMergeProgress}
              />
            </div>
          )}
        </div>
        {review && (
          <p className="review-meta">
            {[
              countOf(criteriaCount ?? 0, 'criterion', 'criteria'),
              countOf(members.length, 'member'),
              countOf(versions.length, 'version'),
            ].join(' · ')}
            {' · '}Created {formatDateTime(review.createdAt)} · Updated {formatDateTime(review.updatedAt)}
          </p>
        )}
      </div>

      {session.status === 'opening' && (
        <p className="loading-text" role="status">
          Opening the review…
        </p>
      )}

      {session.status === 'failed' && (
        <Banner
          tone="error"
          title="This review could not be opened"
          actions={
            <>
              <Button size="sm" onClick={retry}>
                Try again
              </Button>
              <Button size="sm" variant="ghost" onClick={onBack}>
                Back to the library
              </Button>
            </>
          }
        >
          {session.error}
        </Banner>
      )}

      <StepProgressStatus
        job={mergeProgress && 'Merging the package'}
        progress={mergeProgress}
        className="package-progress"
      />
      {/* Outside the areas, which a merge builds again: the sentence stays while they are rebuilt. */}
      {exchangeOutcome && (
        <Banner
          tone={exchangeOutcome.tone}
          title={exchangeOutcome.title}
          onDismiss={() => setExchangeOutcome(undefined)}
          actions={
            exchangeOutcome.tone === 'success' &&
            conflictCount > 0 &&
            area !== 'resolve' && (
              <Button size="sm" onClick={() => showArea('resolve')}>
                Show what to resolve
              </Button>
            )
          }
        >
          {exchangeOutcome.text}
        </Banner>
      )}

      {opened && review && session.status === 'open' && (
        <ReviewWorkspaceProvider
          key={generation}
          reviewId={reviewId}
          review={review}
          readOnly={readOnly}
          drafts={session.drafts}
          checklist={checklist.data}
          area={area}
          showArea={showArea}
        >
          {opened.readOnly && (
            <Banner
              tone="read-only"
              title="Read-only: you can look, but not change anything"
              className="read-only-banner"
              actions={
                opened.lock?.canTakeOver && (
                  <Button size="sm" onClick={() => setTakingOver(true)}>
                    Take over…
                  </Button>
                )
              }
            >
              <p>{opened.readOnlyReason ?? 'This review cannot be changed here.'}</p>
              <p className="read-only-detail">
                Annotations, replies, verdicts, actions and the checklist are shown here but cannot be added or changed.
              </p>
            </Banner>
          )}
          {notice && (
            <Banner tone="success" onDismiss={() => setNotice(undefined)}>
              {notice}
            </Banner>
          )}
          <DamagedRecordsPanel
            reviewId={reviewId}
            records={opened.damagedRecords}
            readOnly={readOnly}
            returnFocusTo={() => headingRef.current}
            onRemoved={(left, backupCreatedAt) => {
              updateOpened((o) => ({ ...o, damagedRecords: left }));
              setNotice(
                `The damaged record was removed. The backup of ${formatDateTime(backupCreatedAt)} still holds it.`,
              );
            }}
          />
          <Tabs
            label="Review areas"
            idBase="review-area"
            tabs={REVIEW_AREAS.filter((a) => a.id !== 'resolve' || conflictCount > 0 || area === 'resolve').map(
              (a) => ({
                ...a,
                icon: AREA_ICONS[a.id],
                count:
                  a.id === 'checklist'
                    ? criteriaCount
                    : a.id === 'committee'
                      ? members.length
                      : a.id === 'resolve'
                        ? conflictCount
                        : undefined,
              }),
            )}
            selected={area}
            onSelect={showArea}
          />
          <TabPanel idBase="review-area" id="document" selected={area === 'document'}>
            {visited.has('document') && (
              <DocumentArea reviewId={reviewId} readOnly={readOnly} updateReview={updateReview} />
            )}
          </TabPanel>
          <TabPanel idBase="review-area" id="checklist" selected={area === 'checklist'}>
            {visited.has('checklist') && (
              <ChecklistArea reviewId={reviewId} checklist={checklist} readOnly={readOnly} />
            )}
          </TabPanel>
          {/* Here from the start, whether or not the area was shown yet: it compares the pair ahead of time. */}
          <ComparisonsProvider>
            <TabPanel idBase="review-area" id="compare" selected={area === 'compare'}>
              {visited.has('compare') && <CompareArea />}
            </TabPanel>
          </ComparisonsProvider>
          <TabPanel idBase="review-area" id="report" selected={area === 'report'}>
            {visited.has('report') && (
              <ReportArea
                reviewId={reviewId}
                readOnly={readOnly}
                signoffs={review.signoffs}
                onSignedOff={(signOff) => updateReview((r) => ({ ...r, signoffs: [...r.signoffs, signOff] }))}
              />
            )}
          </TabPanel>
          <TabPanel idBase="review-area" id="committee" selected={area === 'committee'}>
            {visited.has('committee') && (
              <CommitteeArea
                reviewId={reviewId}
                members={members}
                readOnly={readOnly}
                visible={area === 'committee'}
                onCommitteeChange={(committee) => updateReview((r: Review) => ({ ...r, committee }))}
              />
            )}
          </TabPanel>
          <TabPanel idBase="review-area" id="resolve" selected={area === 'resolve'}>
            {visited.has('resolve') && (
              <ToResolveArea
                reviewId={reviewId}
                readOnly={readOnly}
                visible={area === 'resolve'}
                conflicts={conflicts}
                focusHeading={resolvedHere}
                onResolved={(result, message) => {
                  setResolvedHere(true);
                  setExchangeOutcome({ tone: 'success', text: message });
                  // Listing them again would load the review's whole history once more, for the same answer.
                  conflicts.update((open) => open?.filter((conflict) => conflict.id !== result.resolved.id));
                  reread(true);
                }}
              />
            )}
          </TabPanel>
          {presenting && <PresenterView readOnlyReason={opened.readOnlyReason} onLeave={() => setPresenting(false)} />}
        </ReviewWorkspaceProvider>
      )}

      {takingOver && opened?.lock && (
        <TakeOverLockDialog
          reviewId={reviewId}
          lock={opened.lock}
          returnFocusTo={() => headingRef.current}
          onTakenOver={(next) => {
            setTakingOver(false);
            updateOpened(() => next);
            setNotice(
              'You took over the review: it is open for editing here. The take-over is recorded in its audit log.',
            );
          }}
          onClose={() => setTakingOver(false)}
        />
      )}

      {renaming && review && (
        <RenameReviewDialog
          currentTitle={review.title}
          rename={rename}
          onRenamed={(summary) => {
            setRenaming(false);
            updateReview((r) => ({ ...r, title: summary.title, updatedAt: summary.updatedAt ?? r.updatedAt }));
            onTitleChange(summary.title);
          }}
          onClose={() => setRenaming(false)}
        />
      )}
    </div>
  );
}
