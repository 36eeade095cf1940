export { IdentitiesPanel } from './IdentitiesPanel';
