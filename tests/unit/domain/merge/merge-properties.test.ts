import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAnnotation,
  deleteAnnotation,
  setAnnotationStatus,
  updateAnnotation,
} from '../../../../shared/domain/annotations/edit-annotations';
import { addReply } from '../../../../shared/domain/annotations/replies';
import { listConflicts } from '../../../../shared/domain/merge/conflicts';
import { mergeReviews } from '../../../../shared/domain/merge/merge-reviews';
import { fieldText, readMergeable, TIME_FIELDS } from '../../../../shared/domain/merge/mergeable-review';
import {
  COLLECTIONS,
  reviewHeader,
  reviewRecords,
  versionContents,
} from '../../../../shared/domain/merge/review-records';
import { renameReview } from '../../../../shared/domain/reviews/edit-review';
import { ANNOTATION_STATUSES, SEVERITIES, type Author, type Review } from '../../../../shared/model';
import { plainTextToRichText } from '../../../../shared/rich-text';
import {
  CHAIR,
  Laptop,
  laptopClock,
  LEGAL,
  PRIVACY,
  receive,
  setLegalAdvisorsEmail,
  startingReview,
} from './support-laptops';

// Random edit scripts on several laptops that parted from one review, merged in every order: the engine must give
// one result whatever the order, keep every record any laptop made, and show a conflict exactly where two laptops
// left the same field with different values (the oracle below works that out from the reviews alone).

type Step =
  | { kind: 'severity'; annotation: number; severity: (typeof SEVERITIES)[number] }
  | { kind: 'status'; annotation: number; status: (typeof ANNOTATION_STATUSES)[number] }
  | { kind: 'reply'; annotation: number; text: string }
  | { kind: 'annotate'; passage: number }
  | { kind: 'delete'; annotation: number }
  | { kind: 'rename'; title: string }
  | { kind: 'email'; email: string | undefined };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('severity' as const),
    annotation: fc.nat(4),
    severity: fc.constantFrom(...SEVERITIES),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    annotation: fc.nat(4),
    status: fc.constantFrom(...ANNOTATION_STATUSES),
  }),
  fc.record({ kind: fc.constant('reply' as const), annotation: fc.nat(4), text: fc.constantFrom('Agreed.', 'No.') }),
  fc.record({ kind: fc.constant('annotate' as const), passage: fc.nat(2) }),
  fc.record({ kind: fc.constant('delete' as const), annotation: fc.nat(4) }),
  fc.record({ kind: fc.constant('rename' as const), title: fc.constantFrom('Policy A', 'Policy B', 'Policy C') }),
  // A member's email given, changed or cleared: a field that comes and goes, where the others only change; as
  // likely as the rest together, so that laptops clear and write it apart in many runs.
  {
    arbitrary: fc.record({
      kind: fc.constant('email' as const),
      email: fc.constantFrom('lena@riverton.example', 'legal@riverton.example', undefined),
    }),
    weight: 6,
  },
);

const PASSAGES = ['Communications Office', 'timely information', 'personal data'];
const PEOPLE: Author[] = [CHAIR, LEGAL, PRIVACY];

function run(review: Review, item: Step, actor: Author, clock: Parameters<Parameters<Laptop['act']>[0]>[2]): void {
  const live = review.annotations;
  const target = live['annotation' in item ? item.annotation % Math.max(1, live.length) : 0];
  try {
    switch (item.kind) {
      case 'severity':
        if (target) updateAnnotation(review, target.id, { severity: item.severity }, actor, clock);
        break;
      case 'status':
        if (target) setAnnotationStatus(review, target.id, item.status, actor, clock);
        break;
      case 'reply':
        if (target) addReply(review, target.id, plainTextToRichText(item.text), actor, clock);
        break;
      case 'delete':
        if (target) deleteAnnotation(review, target.id, actor, clock);
        break;
      case 'rename':
        renameReview(review, item.title, actor, clock);
        break;
      case 'email':
        setLegalAdvisorsEmail(review, item.email, actor, clock);
        break;
      case 'annotate': {
        const version = review.versions[0]!;
        const exact = PASSAGES[item.passage]!;
        const start = version.text.indexOf(exact);
        const range = { start, end: start + exact.length, exact };
        const body = plainTextToRichText('New.');
        addAnnotation(review, { versionId: version.id, range, criterionIds: [], severity: 'info', body }, actor, clock);
        break;
      }
    }
  } catch {
    // An operation the domain refuses (e.g. on a deleted annotation) changes nothing: the script goes on.
  }
}

/** Every field of a review by place: `collection/id/field` → its value as the document stores it. */
function fieldsOf(review: Review): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [field, value] of Object.entries(reviewHeader(review))) {
    if (value !== undefined) fields.set(`review/${review.id}/${field}`, fieldText(value));
  }
  const records = reviewRecords(review);
  for (const collection of COLLECTIONS) {
    for (const record of records[collection]) {
      for (const [field, value] of Object.entries(record)) {
        if (value !== undefined) fields.set(`${collection}/${record.id}/${field}`, fieldText(value));
      }
    }
  }
  return fields;
}

/** Written in `lastWrites` for a field a laptop cleared. */
const CLEARED = Symbol('cleared');

/**
 * What a laptop last wrote to each field it changed, step by step, as the app saves after each operation (CLEARED
 * for a field it took away).
 */
function lastWrites(states: Review[]): Map<string, string | typeof CLEARED> {
  const writes = new Map<string, string | typeof CLEARED>();
  for (let i = 1; i < states.length; i++) {
    const before = fieldsOf(states[i - 1]!);
    const after = fieldsOf(states[i]!);
    for (const [place, text] of after) if (before.get(place) !== text) writes.set(place, text);
    for (const place of before.keys()) if (!after.has(place)) writes.set(place, CLEARED);
  }
  return writes;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [item, ...p]),
  );
}

describe('merging laptops’ random edits (property)', () => {
  it('gives one result in every order, loses no record, and conflicts exactly where two laptops disagree', () => {
    const base = Laptop.first(
      startingReview(laptopClock(0, '2026-03-02T09:00:00.000Z')),
      laptopClock(1, '2026-03-02T10:00:00.000Z'),
    );
    const contents = versionContents(base.review);
    const baseFields = fieldsOf(base.review);
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 6 }), { minLength: 2, maxLength: 3 }), (scripts) => {
        const laptops = scripts.map((script, i) => {
          const clock = laptopClock(i + 1, '2026-03-02T10:00:00.000Z');
          const laptop = base.copyTo(i + 1, PEOPLE[i]!, clock);
          const states = [structuredClone(laptop.review)];
          script.forEach((item, n) => {
            clock.setTo(`2026-03-02T1${n}:0${i}:00.000Z`);
            laptop.act((review, actor, c) => run(review, item, actor, c));
            states.push(structuredClone(laptop.review));
          });
          return { laptop, writes: lastWrites(states) };
        });

        const results = permutations(laptops.map((l) => l.laptop)).map(([first, ...rest]) => {
          let document = receive(first!.document);
          for (const other of rest) document = mergeReviews(document, other.document).document;
          return document;
        });
        const reviews = results.map((d) => JSON.stringify(readMergeable(d, (id) => contents.get(id))));
        const conflicts = results.map((d) => JSON.stringify(listConflicts(d)));
        for (let i = 1; i < results.length; i++) {
          expect(reviews[i]).toBe(reviews[0]);
          expect(conflicts[i]).toBe(conflicts[0]);
        }

        // The oracle: which fields were written by which laptops, and to what.
        const writers = new Map<string, Set<string | typeof CLEARED>>();
        for (const { writes } of laptops) {
          for (const [place, text] of writes) writers.set(place, (writers.get(place) ?? new Set()).add(text));
        }
        const merged = fieldsOf(readMergeable(results[0]!, (id) => contents.get(id)));
        const conflicted = new Set(listConflicts(results[0]!).map((c) => c.id));
        const expectedConflicts = new Set<string>();
        for (const [place, texts] of writers) {
          const field = place.split('/')[2]!;
          // A field cleared on one laptop and written on another keeps the write: the clear took away only what
          // its laptop had seen. Cleared everywhere it was written, it is gone.
          const values = [...texts].filter((text) => text !== CLEARED);
          if (TIME_FIELDS[field]) {
            const times = values.sort();
            expect(merged.get(place)).toBe(TIME_FIELDS[field] === 'latest' ? times.at(-1) : times[0]);
          } else if (values.length > 1) expectedConflicts.add(place);
          else expect(merged.get(place)).toBe(values[0]);
        }
        expect([...conflicted].sort()).toEqual([...expectedConflicts].sort());
        // Fields no laptop wrote keep the base's value; every record any laptop made is there.
        for (const [place, text] of baseFields) if (!writers.has(place)) expect(merged.get(place)).toBe(text);
        for (const { laptop } of laptops) {
          for (const place of fieldsOf(laptop.review).keys()) expect(merged.has(place)).toBe(true);
        }

        // Merging again what is already merged changes nothing.
        const again = mergeReviews(receive(results[0]!), laptops[0]!.laptop.document);
        expect(again.counts).toMatchObject({ added: 0, changed: 0, conflicts: 0 });
      }),
      { numRuns: 30, seed: Number(process.env['TEST_SEED'] ?? 1404) },
    );
  });
});
