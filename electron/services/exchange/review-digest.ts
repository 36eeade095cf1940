import type { z } from 'zod';
import {
  Annotation,
  Assessment,
  AuditEntry,
  Criterion,
  Member,
  SignOff,
  Version,
  Vote,
  type Review,
} from '../../../shared/model';
import { sha256Hex } from '../storage/on-demand-crypto';

/**
 * What a review is, told by a SHA-256 digest: of its own fields and of each of its records as the schema reads it
 * (its fields in the schema's order, as a review read from its file has them), so two reviews that read alike have
 * the same digest however their records were made. Undefined when the review does not pass the schema.
 *
 * Each record's digest is kept with the record: the store never changes a record in place (a change makes a new one,
 * see ReviewStore.mutate, and a merge hands on the records it did not write as they were), so after a merge or a
 * decision only the records it wrote are read again. Read whole, the review cost 0.2 s at 10,000 annotations, each
 * time a merge or a decision left conflicts open.
 */
export function reviewDigest(review: Review): string | undefined {
  let known = reviewDigests.get(review);
  if (known === undefined) {
    known = { digest: digestOf(review) };
    reviewDigests.set(review, known);
  }
  return known.digest;
}

const reviewDigests = new WeakMap<Review, { digest: string | undefined }>();
const recordDigests = new WeakMap<object, string>();

function digestOf(review: Review): string | undefined {
  const { schemaVersion, id, title, createdAt, updatedAt, checklist } = review;
  const lists: [unknown, z.ZodType][] = [
    [review.committee, Member],
    [review.versions, Version],
    [checklist?.criteria, Criterion],
    [review.annotations, Annotation],
    [review.assessments, Assessment],
    [review.votes, Vote],
    [review.signoffs, SignOff],
    [review.audit, AuditEntry],
  ];
  const digests: string[][] = [];
  for (const [records, schema] of lists) {
    if (!Array.isArray(records)) return undefined;
    const list: string[] = [];
    for (const record of records as unknown[]) {
      const digest = recordDigest(record, schema);
      if (digest === undefined) return undefined;
      list.push(digest);
    }
    digests.push(list);
  }
  const fields = [schemaVersion, id, title, createdAt, updatedAt, checklist?.basedOn];
  if (!fields.every((value) => typeof value === 'string' || typeof value === 'number')) return undefined;
  return sha256Hex(JSON.stringify([fields, digests]));
}

function recordDigest(record: unknown, schema: z.ZodType): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const known = recordDigests.get(record);
  if (known !== undefined) return known;
  // Without zod's compiled fast path, which costs more to build than it saves (see damaged-records.ts).
  const read = schema.safeParse(record, { jitless: true });
  if (!read.success) return undefined;
  const digest = sha256Hex(JSON.stringify(read.data));
  recordDigests.set(record, digest);
  return digest;
}
