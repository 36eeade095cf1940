export * from './canonical-text';
