import { memberVotes } from './0001-member-votes';
import type { Migration } from './runner';

/**
 * The review format's migrations, one numbered file each (`0001-<what>.ts`), listed here in order.
 * Format version 1 is the first published format.
 */
export const REVIEW_MIGRATIONS: readonly Migration[] = [memberVotes];

export { runMigrations, readSchemaVersion } from './runner';
export type { Migration, MigrationOutcome } from './runner';
