export { CriterionAssessment } from './CriterionAssessment';
export { type Progress, progressOf } from './progress';
export { ProgressMeter } from './ProgressMeter';
