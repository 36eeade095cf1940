export { AttachHereButton } from './AttachHereButton';
export { CompareArea } from './CompareArea';
export { ComparisonsProvider } from './ComparisonsProvider';
export { RecheckMarker } from './RecheckMarker';
export { RepointBar } from './RepointBar';
export { useRecheckCriteria } from './useRecheckCriteria';
export { useRepointAttach } from './useRepointAttach';
