export * from './ids';
export * from './review';
export * from './settings';
export * from './decode';
export * from './verdict-rules';
export type { DamagedRecord } from './damaged-records';
export { REVIEW_MIGRATIONS, runMigrations, readSchemaVersion } from './migrations';
export type { Migration, MigrationOutcome } from './migrations';
export { serializeJson } from './json-text';
