/**
 * The words people read for the model's values, one set for the screens, the report and the command line.
 * The values themselves (in the review file, the JSON report and the contract) never change with the words.
 */
export {
  ANCHOR_STATE_DESCRIPTIONS,
  ANCHOR_STATE_LABELS,
  ANNOTATION_STATUS_LABELS,
  SEVERITY_DESCRIPTIONS,
  SEVERITY_LABELS,
} from './annotations';
export { CHANGE_KIND_LABELS } from './changes';
export { categoryLabel } from './checklist';
export { personLabel, ROLE_LABELS } from './committee';
export { VERDICT_LABELS, VERDICT_SHORT_LABELS } from './verdicts';
export { agreeingLabel, KAPPA_MISSING, kappaLabel, shareLabel } from './votes';
