import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ChecklistView } from '../../../../shared/api';
import type { Category, Criterion, Review, Version } from '../../../../shared/model';
import type { ReviewAreaId } from './reviewAreas';
import { liveVersions } from './versionFacts';
import { useSelectedVersion } from './useSelectedVersion';
import { AnnotationStore } from './annotationStore';
import { useAssessmentBook, type AssessmentBook } from './assessmentBook';
import { DraftStore, useFlushDraftsOnHide } from './draftStore';
import { NO_FILTER, type AnnotationFilter } from './filters';
import { useLiveAnnouncer } from './LiveAnnouncer';
import { UndoToast, type UndoOffer } from './UndoToast';
import './workspace.css';

/** A request to bring an annotation's highlight into view (and give it focus) once the Document area shows. */
export interface TextFocusRequest {
  annotationId: string;
  focus: boolean;
  serial: number;
}

/**
 * A carried annotation waiting to be pointed at other words of its version: while it waits, the Document area's
 * Annotate button becomes "Attach here", and attaching returns the person to the area they came from.
 */
export interface RepointRequest {
  annotationId: string;
  versionId: string;
  returnTo: ReviewAreaId;
}

/** Two versions chosen in the Compare area, older first. */
export interface VersionPair {
  fromVersionId: string;
  toVersionId: string;
}

/** Everything the areas of one open review share: the review model, the version in review, and the way around. */
export interface ReviewWorkspace {
  reviewId: string;
  readOnly: boolean;
  review: Review;
  versions: readonly Version[];
  /** The version being reviewed: shown in the Document area, judged in the Checklist. */
  selectedVersion: Version | undefined;
  selectVersion: (versionId: string) => void;
  checklist: ChecklistView | undefined;
  criteriaById: ReadonlyMap<string, Criterion>;
  categoryLabel: (category: Category) => string;
  annotations: AnnotationStore;
  drafts: DraftStore;
  assessments: AssessmentBook;
  filter: AnnotationFilter;
  setFilter: (filter: AnnotationFilter) => void;
  /** The annotation whose thread is open in the Document area's side panel. */
  openAnnotationId: string | undefined;
  openAnnotation: (annotationId: string | undefined) => void;
  area: ReviewAreaId;
  showArea: (area: ReviewAreaId) => void;
  /** Goes to the Document area on the annotation's version, opens its thread and focuses its highlight. */
  showInText: (annotationId: string, options?: { focus?: boolean }) => void;
  textFocusRequest: TextFocusRequest | undefined;
  textFocusDone: (serial: number) => void;
  /** The versions chosen in the Compare area, if the person chose any; the Checklist marks criteria to re-check by it. */
  comparedPair: VersionPair | undefined;
  setComparedPair: (pair: VersionPair) => void;
  /** The annotation being re-pointed, if any. */
  repointing: RepointRequest | undefined;
  /** Goes to the Document area on the annotation's version, waiting for the person to select its new words. */
  startRepointing: (annotationId: string) => void;
  /** Leaves re-pointing mode (attached or cancelled) and goes back where the person started it. */
  endRepointing: () => void;
  /** Reads a short confirmation out to screen-reader users. */
  announce: (message: string) => void;
  /** Shows "… — Undo" at the foot of the window. */
  offerUndo: (offer: UndoOffer) => void;
}

const WorkspaceContext = createContext<ReviewWorkspace | null>(null);

export function useWorkspace(): ReviewWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace is used outside a ReviewWorkspaceProvider');
  return workspace;
}

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

/** Holds the shared state of one open review for the areas inside it. */
export function ReviewWorkspaceProvider({ reviewId, review, readOnly, drafts: initialDrafts, checklist, area, showArea, children }: ReviewWorkspaceProviderProps) {
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

  const criteriaById = useMemo(() => new Map((checklist?.criteria ?? review.checklist.criteria).map((c) => [c.id, c])), [checklist, review.checklist.criteria]);
  const categoryLabel = useCallback((category: Category) => checklist?.categories.find((c) => c.id === category)?.label ?? category, [checklist]);

  const showInText = useCallback(
    (annotationId: string, { focus = true }: { focus?: boolean } = {}) => {
      const annotation = annotations.get(annotationId);
      if (!annotation) return;
      select(annotation.versionId);
      openAnnotation(annotationId);
      showArea('document');
      // An orphaned annotation has no words in the text to go to: its thread opens, and says so.
      if (annotation.anchorState !== 'orphaned') setTextFocusRequest((previous) => ({ annotationId, focus, serial: (previous?.serial ?? 0) + 1 }));
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
  const textFocusDone = useCallback((serial: number) => setTextFocusRequest((current) => (current?.serial === serial ? undefined : current)), []);

  const workspace = useMemo<ReviewWorkspace>(
    () => ({
      reviewId,
      readOnly,
      review,
      versions,
      selectedVersion: selected,
      selectVersion: select,
      checklist,
      criteriaById,
      categoryLabel,
      annotations,
      drafts,
      assessments,
      filter,
      setFilter,
      openAnnotationId,
      openAnnotation,
      area,
      showArea,
      showInText,
      textFocusRequest,
      textFocusDone,
      comparedPair,
      setComparedPair,
      repointing,
      startRepointing,
      endRepointing,
      announce,
      offerUndo: setUndoOffer,
    }),
    [
      reviewId,
      readOnly,
      review,
      versions,
      selected,
      select,
      checklist,
      criteriaById,
      categoryLabel,
      annotations,
      drafts,
      assessments,
      filter,
      openAnnotationId,
      area,
      showArea,
      showInText,
      textFocusRequest,
      textFocusDone,
      comparedPair,
      repointing,
      startRepointing,
      endRepointing,
      announce,
    ],
  );

  return (
    <WorkspaceContext value={workspace}>
      {children}
      {region}
      {undoOffer && <UndoToast key={undoOffer.message + String(undoOffer.undo)} offer={undoOffer} onDone={() => setUndoOffer(undefined)} />}
    </WorkspaceContext>
  );
}
