export { annotationsByCriterion } from './annotationsByCriterion';
export { CriterionAssessment } from './CriterionAssessment';
export { type Progress, progressOf } from './progress';
export { ProgressMeter } from './ProgressMeter';
export { useCriterionVerdict, type VerdictSaveOutcome } from './useCriterionVerdict';
export { VerdictControl } from './VerdictControl';
export { VerdictRationale } from './VerdictRationale';
