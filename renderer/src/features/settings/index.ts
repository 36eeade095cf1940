import './settings.css';

export { NameMissingBanner } from './NameMissingBanner';
export { SettingsDialog } from './SettingsDialog';
export { useNameAtFirstWork } from './useNameAtFirstWork';
