export { AttachHereButton } from './AttachHereButton';
export { CompareArea } from './CompareArea';
export { RecheckMarker } from './RecheckMarker';
export { RepointBar } from './RepointBar';
export { useRecheckCriteria } from './useRecheckCriteria';
export { useRepointAttach } from './useRepointAttach';
