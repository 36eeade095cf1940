export * from './canonical-text';
export * from './text-controls';
