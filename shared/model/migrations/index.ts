import type { Migration } from './runner';

/**
 * The review format's migrations, one numbered file each (`0001-<what>.ts`), listed here in order.
 * Format version 1 is the first published format, so there is nothing to migrate yet.
 */
export const REVIEW_MIGRATIONS: readonly Migration[] = [];

export { runMigrations, readSchemaVersion } from './runner';
export type { Migration, MigrationOutcome } from './runner';
