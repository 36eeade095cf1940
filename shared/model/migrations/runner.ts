/**
 * Numbered migrations of the review file format. Each migration lifts a document from
 * `from` to `from + 1`; the runner applies them in order and never skips a number.
 */
export interface Migration {
  readonly from: number;
  readonly name: string;
  up(document: Record<string, unknown>): Record<string, unknown>;
}

export type MigrationOutcome =
  | { kind: 'current'; document: Record<string, unknown> }
  | { kind: 'migrated'; document: Record<string, unknown>; fromVersion: number; applied: string[] }
  | { kind: 'newer'; fileVersion: number }
  | { kind: 'invalid'; reason: string };

export function readSchemaVersion(document: unknown): number | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const version = (document as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : undefined;
}

export function runMigrations(
  document: unknown,
  currentVersion: number,
  migrations: readonly Migration[],
  /** A deep copy of `document`, which must stay as it was. By default, through JSON. */
  copyOfDocument: () => unknown = () => JSON.parse(JSON.stringify(document)),
): MigrationOutcome {
  const fileVersion = readSchemaVersion(document);
  if (fileVersion === undefined) {
    return { kind: 'invalid', reason: 'it has no valid "schemaVersion" field' };
  }
  if (fileVersion > currentVersion) return { kind: 'newer', fileVersion };
  if (fileVersion === currentVersion) return { kind: 'current', document: document as Record<string, unknown> };

  let migrated = copyOfDocument() as Record<string, unknown>;
  const applied: string[] = [];
  for (let version = fileVersion; version < currentVersion; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) {
      return { kind: 'invalid', reason: `no migration is known from format version ${version} to ${version + 1}` };
    }
    migrated = { ...step.up(migrated), schemaVersion: version + 1 };
    applied.push(step.name);
  }
  return { kind: 'migrated', document: migrated, fromVersion: fileVersion, applied };
}
