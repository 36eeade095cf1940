export { NameMissingBanner } from './NameMissingBanner';
export { SettingsDialog } from './SettingsDialog';
