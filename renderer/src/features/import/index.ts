export { ImportJobList } from './ImportJobList';
export { type DroppedFiles, useFileDrop } from './useFileDrop';
export { type ImportResult, useImportQueue } from './useImportQueue';
export { useWindowFileDropGuard } from './useWindowFileDropGuard';
