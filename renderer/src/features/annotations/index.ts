export { AnchorStateBadge } from './AnchorStateBadge';
export { awaitsConfirmation } from './anchorStates';
export { AnnotateButton } from './AnnotateButton';
export { ANNOTATE_SHORTCUT } from './annotateShortcut';
export { AnnotationsPanel } from './AnnotationsPanel';
export { shortQuote } from './labels';
export { MarkTooltipContent } from './MarkTooltipContent';
export { EMPTY_ANNOTATION, newAnnotationDraftKey, parseDraft, type PendingAnnotation } from './newAnnotationDraft';
export { SeverityBadge, SeveritySwatch } from './SeverityBadge';
