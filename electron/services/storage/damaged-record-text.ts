import { createScanner } from 'jsonc-parser';
import type { DamagedRecord, Review } from '../../../shared/model';
import { serializeJson } from '../../../shared/model';

/** A damaged record with its exact text in the file, which every save puts back unchanged. */
export interface KeptDamagedRecord extends DamagedRecord {
  text: string;
}

// jsonc-parser's token kinds are a `const enum`, which isolated modules cannot read; these are its values.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const EOF = 17;

/** Paths are followed this deep (`annotations[3].replies[1]`); below that only brackets are counted. */
const TRACKED_DEPTH = 4;

interface Container {
  isArray: boolean;
  /** Its path, while shallow enough to be tracked. */
  path: string | undefined;
  depth: number;
  start: number;
  index: number;
  key: string | undefined;
  expectingKey: boolean;
}

/**
 * The exact text, as it is in `text` (valid JSON), of the values at `paths` (`annotations[3]`,
 * `annotations[3].replies[1]`). Found with jsonc-parser's scanner and a stack of its own, not by recursion,
 * because a damaged record can be nested deeper than any call stack. A repeated key counts last, as in JSON.parse.
 */
export function findValueTexts(text: string, paths: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  const scanner = createScanner(text, true);
  const open: Container[] = [];
  const pathOfNextValue = (parent: Container | undefined): string | undefined => {
    if (!parent) return '';
    if (parent.path === undefined || parent.depth >= TRACKED_DEPTH) return undefined;
    if (parent.isArray) return `${parent.path}[${parent.index}]`;
    return parent.path === '' ? parent.key : `${parent.path}.${parent.key}`;
  };
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    const parent = open.at(-1);
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      const isArray = token === OPEN_BRACKET;
      open.push({
        isArray,
        path: pathOfNextValue(parent),
        depth: open.length,
        start: scanner.getTokenOffset(),
        index: 0,
        key: undefined,
        expectingKey: !isArray,
      });
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      const closed = open.pop();
      if (closed?.path !== undefined && paths.has(closed.path))
        found.set(closed.path, text.slice(closed.start, scanner.getTokenOffset() + 1));
    } else if (token === COMMA) {
      if (parent?.isArray) parent.index++;
      else if (parent) parent.expectingKey = true;
    } else if (token === STRING && parent && !parent.isArray && parent.expectingKey) {
      parent.key = scanner.getTokenValue();
      parent.expectingKey = false;
    } else if (token !== COLON) {
      const path = pathOfNextValue(parent);
      if (path !== undefined && paths.has(path))
        found.set(path, text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()));
    }
  }
  return found;
}

/** The damaged records of a review with their text in the file it was read from. */
export function keepDamagedRecordTexts(
  text: string,
  damaged: readonly DamagedRecord[],
): KeptDamagedRecord[] | undefined {
  if (damaged.length === 0) return [];
  const texts = findValueTexts(text, new Set(damaged.map((record) => record.where)));
  const kept: KeptDamagedRecord[] = [];
  for (const record of damaged) {
    const recordText = texts.get(record.where);
    if (recordText === undefined) return undefined;
    kept.push({ ...record, text: recordText });
  }
  return kept;
}

/**
 * The text of a review file: the review, with each damaged record put back where it was, byte for byte, so a
 * save never changes or drops a record this app could not read. New annotations and replies come after them.
 */
export function reviewFileText(review: Review, damaged: readonly KeptDamagedRecord[]): string {
  if (damaged.length === 0) return serializeJson(review);
  // Each damaged record goes in as a unique placeholder string, replaced by its text once the rest is serialized.
  const token = crypto.randomUUID();
  const texts: string[] = [];
  const placeholder = (record: KeptDamagedRecord) => `${token}:${texts.push(record.text) - 1}`;
  const inFileOrder = [...damaged].sort((a, b) => a.index - b.index);
  const annotations: unknown[] = [...review.annotations];
  for (const record of inFileOrder) {
    if (record.kind === 'annotation')
      annotations.splice(Math.min(record.index, annotations.length), 0, placeholder(record));
  }
  // With the damaged annotations back in place, every annotation is where it is in the file.
  for (const record of inFileOrder) {
    if (record.kind !== 'reply') continue;
    const parent = annotations[record.annotationIndex ?? -1];
    if (typeof parent !== 'object' || parent === null)
      throw new Error(`the annotation of the damaged reply ${record.where} is missing`);
    const replies = [...(parent as Review['annotations'][number]).replies] as unknown[];
    replies.splice(Math.min(record.index, replies.length), 0, placeholder(record));
    annotations[record.annotationIndex ?? -1] = { ...parent, replies };
  }
  const text = serializeJson({ ...review, annotations });
  return text.replace(new RegExp(`"${token}:(\\d+)"`, 'g'), (_, n: string) => texts[Number(n)] ?? '');
}

/** The damaged records left when a person removes one: those after it in the same list move up by one. */
export function withoutDamagedRecord(
  damaged: readonly KeptDamagedRecord[],
  removed: KeptDamagedRecord,
): KeptDamagedRecord[] {
  return damaged
    .filter((record) => record !== removed)
    .map((record) => {
      if (removed.kind === 'annotation') {
        if (record.kind === 'annotation' && record.index > removed.index)
          return renamed({ ...record, index: record.index - 1 });
        if (record.kind === 'reply' && (record.annotationIndex ?? 0) > removed.index)
          return renamed({ ...record, annotationIndex: (record.annotationIndex ?? 0) - 1 });
      } else if (
        record.kind === 'reply' &&
        record.annotationIndex === removed.annotationIndex &&
        record.index > removed.index
      ) {
        return renamed({ ...record, index: record.index - 1 });
      }
      return record;
    });
}

function renamed(record: KeptDamagedRecord): KeptDamagedRecord {
  const where =
    record.kind === 'annotation'
      ? `annotations[${record.index}]`
      : `annotations[${record.annotationIndex}].replies[${record.index}]`;
  return { ...record, where };
}
