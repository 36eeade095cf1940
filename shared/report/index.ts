export * from './model';
export * from './html';
export * from './markdown';
export * from './json';
export * from './w3c';
export * from './labels';
export * from './page-layout';
export * from './sections';
