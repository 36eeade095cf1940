import type { z } from 'zod';
import { REVIEW_MIGRATIONS, runMigrations, type Migration } from './migrations';
import { Review, SCHEMA_VERSION } from './review';

/** What a review file holds, decided before anything trusts it. */
export type DecodedReview =
  | { kind: 'current'; review: Review }
  | { kind: 'migrated'; review: Review; fromVersion: number; applied: string[] }
  /** Saved by a newer app. `review` is what this app understands of it, for a read-only view, if anything. */
  | { kind: 'newer'; fileVersion: number; review: Review | undefined }
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
    return { kind: 'corrupt', reason: `it is not valid JSON (${detail}); it may have been cut short or edited by hand` };
  }
  const outcome = runMigrations(document, format.version, format.migrations);
  switch (outcome.kind) {
    case 'invalid':
      return { kind: 'corrupt', reason: outcome.reason };
    case 'newer': {
      const understood = Review.safeParse({ ...(document as object), schemaVersion: SCHEMA_VERSION });
      return { kind: 'newer', fileVersion: outcome.fileVersion, review: understood.success ? understood.data : undefined };
    }
    case 'current':
    case 'migrated': {
      const parsed = Review.safeParse(outcome.document);
      if (!parsed.success) return { kind: 'corrupt', reason: describeSchemaIssues(parsed.error) };
      return outcome.kind === 'current'
        ? { kind: 'current', review: parsed.data }
        : { kind: 'migrated', review: parsed.data, fromVersion: outcome.fromVersion, applied: outcome.applied };
    }
  }
}

/** The first few schema problems, each with where it is, in one sentence. */
export function describeSchemaIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the document';
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
