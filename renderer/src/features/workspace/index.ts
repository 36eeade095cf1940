// The open review's shared state, split by concern, and the basics every area of it uses (versions, filters, drafts).
export { type AnnotationStore, useAnnotations } from './annotationStore';
export { useCompareMode, type VersionPair } from './compareMode';
export { type DraftStatus, useDraft } from './draftStore';
export { useFeedback } from './feedback';
export { activeFilterCount, type AnnotationFilter, matchesFilter } from './filters';
export { REVIEW_AREAS, type ReviewAreaId } from './reviewAreas';
export { useReviewData } from './reviewData';
export { useReviewNavigation } from './reviewNavigation';
export { ReviewWorkspaceProvider } from './ReviewWorkspace';
export { criterionCardId, showCriterion } from './showCriterion';
export { mediaTypeName, shortSha } from './versionFacts';
export { VersionSelect } from './VersionSelect';
