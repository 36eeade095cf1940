import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ChecklistView } from '../../../../shared/api';
import type { Category, Review } from '../../../../shared/model';
import { AnnotationStore } from './annotationStore';
import { useAssessmentBook } from './assessmentBook';
import { CompareModeContext, type CompareMode, type RepointRequest, type VersionPair } from './compareMode';
import { DraftStore, useFlushDraftsOnHide } from './draftStore';
import { FeedbackContext, type Feedback } from './feedback';
import { NO_FILTER, type AnnotationFilter } from './filters';
import { useLiveAnnouncer } from './LiveAnnouncer';
import { ReviewDataContext, type ReviewData } from './reviewData';
import type { ReviewAreaId } from './reviewAreas';
import { ReviewNavigationContext, type ReviewNavigation, type TextFocusRequest } from './reviewNavigation';
import { UndoToast, type UndoOffer } from './UndoToast';
import { useSelectedVersion } from './useSelectedVersion';
import { liveVersions } from './versionFacts';
import './workspace.css';

export interface ReviewWorkspaceProviderProps {
  reviewId: string;
  review: Review;
  readOnly: boolean;
  drafts: Record<string, string>;
  checklist: ChecklistView | undefined;
  area: ReviewAreaId;
  showArea: (area: ReviewAreaId) => void;
  children: ReactNode;
}

/**
 * Holds the shared state of one open review for the areas inside it, split by concern: its data, the way around it,
 * the Compare area's mode, and feedback (`useReviewData`, `useReviewNavigation`, `useCompareMode`, `useFeedback`).
 */
export function ReviewWorkspaceProvider({
  reviewId,
  review,
  readOnly,
  drafts: initialDrafts,
  checklist,
  area,
  showArea,
  children,
}: ReviewWorkspaceProviderProps) {
  const versions = useMemo(() => liveVersions(review.versions), [review.versions]);
  const { selected, select } = useSelectedVersion(reviewId, versions);
  const [annotations] = useState(() => new AnnotationStore(review.annotations));
  // A read-only window neither shows nor keeps drafts: those it could read belong to the window that edits.
  const [drafts] = useState(() => new DraftStore(reviewId, readOnly ? {} : initialDrafts, !readOnly));
  const assessments = useAssessmentBook(reviewId, review.assessments);
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [openAnnotationId, openAnnotation] = useState<string>();
  const [textFocusRequest, setTextFocusRequest] = useState<TextFocusRequest>();
  const [undoOffer, setUndoOffer] = useState<UndoOffer>();
  const [repointing, setRepointing] = useState<RepointRequest>();
  const [comparedPair, setComparedPair] = useState<VersionPair>();
  const { announce, region } = useLiveAnnouncer();
  useFlushDraftsOnHide(drafts);

  const criteriaById = useMemo(
    () => new Map((checklist?.criteria ?? review.checklist.criteria).map((c) => [c.id, c])),
    [checklist, review.checklist.criteria],
  );
  const categoryLabel = useCallback(
    (category: Category) => checklist?.categories.find((c) => c.id === category)?.label ?? category,
    [checklist],
  );

  const showInText = useCallback(
    (annotationId: string, { focus = true }: { focus?: boolean } = {}) => {
      const annotation = annotations.get(annotationId);
      if (!annotation) return;
      select(annotation.versionId);
      openAnnotation(annotationId);
      showArea('document');
      // An orphaned annotation has no words in the text to go to: its thread opens, and says so.
      if (annotation.anchorState !== 'orphaned')
        setTextFocusRequest((previous) => ({ annotationId, focus, serial: (previous?.serial ?? 0) + 1 }));
    },
    [annotations, select, showArea],
  );
  const startRepointing = useCallback(
    (annotationId: string) => {
      const annotation = annotations.get(annotationId);
      if (!annotation) return;
      select(annotation.versionId);
      openAnnotation(undefined);
      setRepointing({ annotationId, versionId: annotation.versionId, returnTo: area });
      showArea('document');
    },
    [annotations, select, area, showArea],
  );
  const endRepointing = useCallback(() => {
    if (repointing) showArea(repointing.returnTo);
    setRepointing(undefined);
  }, [repointing, showArea]);
  const textFocusDone = useCallback(
    (serial: number) => setTextFocusRequest((current) => (current?.serial === serial ? undefined : current)),
    [],
  );

  // One context per concern, each its own memo: a consumer re-renders only when the part it reads changes.
  const data = useMemo<ReviewData>(
    () => ({
      reviewId,
      readOnly,
      review,
      versions,
      checklist,
      criteriaById,
      categoryLabel,
      annotations,
      drafts,
      assessments,
    }),
    [reviewId, readOnly, review, versions, checklist, criteriaById, categoryLabel, annotations, drafts, assessments],
  );
  const navigation = useMemo<ReviewNavigation>(
    () => ({
      area,
      showArea,
      selectedVersion: selected,
      selectVersion: select,
      filter,
      setFilter,
      openAnnotationId,
      openAnnotation,
      showInText,
      textFocusRequest,
      textFocusDone,
    }),
    [area, showArea, selected, select, filter, openAnnotationId, showInText, textFocusRequest, textFocusDone],
  );
  const compareMode = useMemo<CompareMode>(
    () => ({ comparedPair, setComparedPair, repointing, startRepointing, endRepointing }),
    [comparedPair, repointing, startRepointing, endRepointing],
  );
  const feedback = useMemo<Feedback>(() => ({ announce, offerUndo: setUndoOffer }), [announce]);

  return (
    <ReviewDataContext value={data}>
      <ReviewNavigationContext value={navigation}>
        <CompareModeContext value={compareMode}>
          <FeedbackContext value={feedback}>
            {children}
            {region}
            {undoOffer && (
              <UndoToast
                key={undoOffer.message + String(undoOffer.undo)}
                offer={undoOffer}
                onDone={() => setUndoOffer(undefined)}
              />
            )}
          </FeedbackContext>
        </CompareModeContext>
      </ReviewNavigationContext>
    </ReviewDataContext>
  );
}
