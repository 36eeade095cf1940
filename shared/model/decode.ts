import type { z } from 'zod';
import { issuePath, readRecordByRecord, type DamagedRecord } from './damaged-records';
import { REVIEW_MIGRATIONS, runMigrations, type Migration } from './migrations';
import { SCHEMA_VERSION, type Review } from './review';

/**
 * What a review file holds, decided before anything trusts it. `damaged` lists the annotations and replies set
 * aside because they cannot be used; the review holds everything else.
 */
export type DecodedReview =
  | { kind: 'current'; review: Review; damaged: DamagedRecord[] }
  | { kind: 'migrated'; review: Review; damaged: DamagedRecord[]; fromVersion: number; applied: string[] }
  /** Saved by a newer app. `review` is what this app understands of it, for a read-only view, if anything. */
  | { kind: 'newer'; fileVersion: number; review: Review | undefined; damaged: DamagedRecord[] }
  | { kind: 'corrupt'; reason: string };

export interface ReviewFormat {
  version: number;
  migrations: readonly Migration[];
}

export const CURRENT_REVIEW_FORMAT: ReviewFormat = { version: SCHEMA_VERSION, migrations: REVIEW_MIGRATIONS };

export function decodeReviewText(text: string, format: ReviewFormat = CURRENT_REVIEW_FORMAT): DecodedReview {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = withoutControlCharacters(error instanceof Error ? error.message : String(error));
    return {
      kind: 'corrupt',
      reason: `it is not valid JSON (${detail}); it may have been cut short or edited by hand`,
    };
  }
  // Migrations work on a copy; parsing the text again makes one that no depth of nesting can break.
  const outcome = runMigrations(document, format.version, format.migrations, () => JSON.parse(text) as unknown);
  switch (outcome.kind) {
    case 'invalid':
      return { kind: 'corrupt', reason: outcome.reason };
    case 'newer': {
      const understood = readRecordByRecord({ ...(document as object), schemaVersion: SCHEMA_VERSION });
      return understood.kind === 'read'
        ? { kind: 'newer', fileVersion: outcome.fileVersion, review: understood.review, damaged: understood.damaged }
        : { kind: 'newer', fileVersion: outcome.fileVersion, review: undefined, damaged: [] };
    }
    case 'current':
    case 'migrated': {
      const read = readRecordByRecord(outcome.document);
      if (read.kind === 'corrupt') return { kind: 'corrupt', reason: describeSchemaIssues(read.error) };
      return outcome.kind === 'current'
        ? { kind: 'current', review: read.review, damaged: read.damaged }
        : {
            kind: 'migrated',
            review: read.review,
            damaged: read.damaged,
            fromVersion: outcome.fromVersion,
            applied: outcome.applied,
          };
    }
  }
}

/** The first few schema problems, each with where it is, in one sentence. */
export function describeSchemaIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length ? issuePath(issue.path) : 'the document';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more problems)` : '';
  return `it does not match the review format: ${parts.join('; ')}${more}`;
}

/**
 * JSON.parse quotes the start of the text it rejects; from a damaged file that can be control characters (line
 * breaks, terminal escapes), which must not reach a terminal or break a one-line message. They are shown escaped.
 */
function withoutControlCharacters(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
