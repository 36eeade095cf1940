export * from './block-ranges';
export * from './compare-versions';
export * from './types';
export * from './word-diff';
