export { NewReviewFromTemplateDialog } from './NewReviewFromTemplateDialog';
export { SaveTemplateButton } from './SaveTemplateButton';
