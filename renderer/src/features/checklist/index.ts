export { ChecklistArea } from './ChecklistArea';
