export { ActionPlanView } from './ActionPlanView';
export { CriterionActions } from './CriterionActions';
export { useActionChanges } from './useActionChanges';
