export * from './carry';
export * from './selectors';
