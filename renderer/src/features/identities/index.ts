export { IdentitiesPanel } from './IdentitiesPanel';
export { SigningPassphrase } from './SigningPassphrase';
