import type { z } from 'zod';
import { findRichTextProblem } from '../rich-text';
import { Review, type RichText } from './review';

/**
 * A record of a review that cannot be used as it is (a comment nested 20,000 levels deep, a reply whose severity
 * this app does not know, ...). It is set aside when the review is read, so the rest of the review can be used;
 * the file keeps it exactly as it is until a person removes it (the storage puts it back on every save).
 * Annotations and their replies are set aside one by one: they carry the rich text and come from other people's
 * copies. Anything else that is wrong makes the whole file damaged, as other records depend on it.
 */
export interface DamagedRecord {
  /** Where it is in the file, e.g. `annotations[3]` or `annotations[3].replies[1]`. Names it in this session. */
  where: string;
  kind: 'annotation' | 'reply';
  /** Its position in its list in the file. */
  index: number;
  /** For a reply: the position of its annotation in the file. */
  annotationIndex: number | undefined;
  /** What it says of itself, when it says so readably, so a person can tell which record it is. */
  id: string | undefined;
  author: string | undefined;
  createdAt: string | undefined;
  /** The annotated words, for an annotation. */
  quote: string | undefined;
  /** What is wrong with it, as a sentence. */
  problem: string;
}

export type RecordByRecord =
  { kind: 'read'; review: Review; damaged: DamagedRecord[] } | { kind: 'corrupt'; error: z.ZodError };

/**
 * Checks a review document record by record: annotations and replies that are damaged are set aside (with
 * what is wrong), and the rest is checked against the schema as a whole.
 */
export function readRecordByRecord(document: Record<string, unknown>): RecordByRecord {
  const damaged = new Map<string, DamagedRecord>();
  const annotations = Array.isArray(document.annotations) ? (document.annotations as unknown[]) : undefined;
  if (annotations) {
    for (const [i, annotation] of annotations.entries()) {
      const problem = ownProblem(annotation);
      if (problem) {
        setAside(damaged, annotation, 'annotation', i, undefined, problem);
        continue;
      }
      const replies =
        isRecord(annotation) && Array.isArray(annotation.replies) ? (annotation.replies as unknown[]) : [];
      for (const [j, reply] of replies.entries()) {
        const replyProblem = ownProblem(reply);
        if (replyProblem) setAside(damaged, reply, 'reply', j, i, replyProblem);
      }
    }
  }
  // Two rounds at most: the schema's complaints about annotations set those aside, then the rest must pass.
  for (let round = 0; ; round++) {
    const kept = withoutDamaged(document, annotations, damaged);
    // The same checks without zod's compiled fast path: building it (new Function, per object schema, on its first
    // parse) took 3 of a small review's 6 ms of checking, and checking a 2.4 MB review was no faster with it.
    const parsed = Review.safeParse(kept.document, { jitless: true });
    if (parsed.success)
      return { kind: 'read', review: parsed.data, damaged: [...damaged.values()].sort(byPlaceInFile) };
    const blamed = annotations && round === 0 ? blameRecords(parsed.error, kept, annotations) : undefined;
    if (!blamed) return { kind: 'corrupt', error: parsed.error };
    for (const record of blamed) {
      if (record.kind === 'annotation') {
        for (const [where, other] of damaged) if (other.annotationIndex === record.index) damaged.delete(where);
      }
      damaged.set(record.where, record);
    }
  }
}

/** What is wrong with an annotation's or a reply's own rich text, before the schema is asked. */
function ownProblem(record: unknown): string | undefined {
  if (!isRecord(record)) return 'It is not a record (a JSON object).';
  const body = record.body;
  if (!isRecord(body) || !isRecord(body.root)) return undefined; // the schema says what is missing
  return findRichTextProblem(body as RichText)?.message;
}

function setAside(
  damaged: Map<string, DamagedRecord>,
  value: unknown,
  kind: DamagedRecord['kind'],
  index: number,
  annotationIndex: number | undefined,
  problem: string,
): DamagedRecord {
  const where =
    annotationIndex === undefined ? `annotations[${index}]` : `annotations[${annotationIndex}].replies[${index}]`;
  const record = isRecord(value) ? value : {};
  const author = isRecord(record.author) ? readable(record.author.name) : undefined;
  const target =
    isRecord(record.target) && Array.isArray(record.target.selector)
      ? (record.target.selector as unknown[])[0]
      : undefined;
  const entry: DamagedRecord = {
    where,
    kind,
    index,
    annotationIndex,
    id: readable(record.id),
    author,
    createdAt: readable(record.createdAt),
    quote: kind === 'annotation' && isRecord(target) ? readable(target.exact) : undefined,
    problem,
  };
  damaged.set(where, entry);
  return entry;
}

interface KeptRecords {
  document: Record<string, unknown>;
  /** For each annotation kept, its position in the file. */
  annotationIndexes: number[];
  /** For each annotation kept (by position in the file), the positions in the file of its replies kept. */
  replyIndexes: Map<number, number[]>;
}

function withoutDamaged(
  document: Record<string, unknown>,
  annotations: unknown[] | undefined,
  damaged: Map<string, DamagedRecord>,
): KeptRecords {
  if (!annotations || damaged.size === 0) {
    return { document, annotationIndexes: annotations?.map((_, i) => i) ?? [], replyIndexes: new Map() };
  }
  const annotationIndexes: number[] = [];
  const replyIndexes = new Map<number, number[]>();
  const kept: unknown[] = [];
  for (const [i, annotation] of annotations.entries()) {
    if (damaged.has(`annotations[${i}]`)) continue;
    annotationIndexes.push(i);
    const replies =
      isRecord(annotation) && Array.isArray(annotation.replies) ? (annotation.replies as unknown[]) : undefined;
    if (!replies || !replies.some((_, j) => damaged.has(`annotations[${i}].replies[${j}]`))) {
      kept.push(annotation);
      continue;
    }
    const keptReplies = replies.map((_, j) => j).filter((j) => !damaged.has(`annotations[${i}].replies[${j}]`));
    replyIndexes.set(i, keptReplies);
    kept.push({ ...(annotation as Record<string, unknown>), replies: keptReplies.map((j) => replies[j]) });
  }
  return { document: { ...document, annotations: kept }, annotationIndexes, replyIndexes };
}

/**
 * The annotations and replies the schema's issues point into, as damaged records; `undefined` when any issue
 * lies elsewhere (then the file as a whole is damaged).
 */
function blameRecords(error: z.ZodError, kept: KeptRecords, annotations: unknown[]): DamagedRecord[] | undefined {
  const blamed = new Map<string, DamagedRecord>();
  for (const issue of error.issues) {
    const [top, at, field, replyAt] = issue.path;
    if (top !== 'annotations' || typeof at !== 'number') return undefined;
    const i = kept.annotationIndexes[at];
    if (i === undefined) return undefined;
    const replyPositions = kept.replyIndexes.get(i);
    const isReply = field === 'replies' && typeof replyAt === 'number';
    const j = isReply ? (replyPositions ? replyPositions[replyAt] : replyAt) : undefined;
    const where = j === undefined ? `annotations[${i}]` : `annotations[${i}].replies[${j}]`;
    if (blamed.has(where) || blamed.has(`annotations[${i}]`)) continue;
    const inside = issue.path.slice(j === undefined ? 2 : 4);
    const problem = `It does not match the review format (${inside.length ? `${issuePath(inside)}: ` : ''}${issue.message}).`;
    const annotation = annotations[i];
    const value =
      j === undefined
        ? annotation
        : isRecord(annotation) && Array.isArray(annotation.replies)
          ? (annotation.replies as unknown[])[j]
          : undefined;
    setAside(blamed, value, j === undefined ? 'annotation' : 'reply', j ?? i, j === undefined ? undefined : i, problem);
  }
  // A whole annotation set aside takes its replies with it.
  for (const [where, record] of blamed)
    if (record.kind === 'reply' && blamed.has(`annotations[${record.annotationIndex}]`)) blamed.delete(where);
  return [...blamed.values()];
}

/** A schema path as a person reads it: `target.selector[0].exact`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function byPlaceInFile(a: DamagedRecord, b: DamagedRecord): number {
  const rank = (record: DamagedRecord) => (record.kind === 'annotation' ? 0 : 1);
  return (a.annotationIndex ?? a.index) - (b.annotationIndex ?? b.index) || rank(a) - rank(b) || a.index - b.index;
}

/** A short string a record says about itself, safe to print: no control characters, at most 120 characters. */
function readable(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const flat = value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return flat === '' ? undefined : flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
