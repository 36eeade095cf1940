import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setAnnotationStatus, updateAnnotation } from '../../../../shared/domain/annotations/edit-annotations';
import { addReply } from '../../../../shared/domain/annotations/replies';
import { listConflicts, resolveConflict } from '../../../../shared/domain/merge/conflicts';
import { mergeReviews, mergeSavedReview } from '../../../../shared/domain/merge/merge-reviews';
import {
  fieldKey,
  fieldsOf,
  keysWithValues,
  newMergeableReview,
  orderOf,
  readMergeable,
  recordReview,
  ReviewRecorder,
  supersededOf,
  WHOLE_RECORD,
} from '../../../../shared/domain/merge/mergeable-review';
import {
  collectionRecords,
  versionContents,
  type CollectionName,
} from '../../../../shared/domain/merge/review-records';
import { recordAudit } from '../../../../shared/domain/reviews/audit';
import { renameReview } from '../../../../shared/domain/reviews/edit-review';
import { recordVote } from '../../../../shared/domain/votes/record-vote';
import { Review, type Author } from '../../../../shared/model';
import type { Clock } from '../../../../shared/domain/clock';
import { plainTextToRichText } from '../../../../shared/rich-text';
import {
  CHAIR,
  keysWrittenBy,
  Laptop,
  laptopClock,
  LEGAL,
  receive,
  startingReview,
  stateOf,
  writerFor,
} from './support-laptops';

const START = '2026-03-02T09:00:00.000Z';

function chairAndLegal() {
  const chair = Laptop.first(startingReview(laptopClock(0, START)), laptopClock(1, '2026-03-02T10:00:00.000Z'));
  const legal = chair.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:30:00.000Z'));
  return { chair, legal };
}

/** Merges `from` into `into` (each keeps its own document; the merge works on a copy of `into`). */
function merged(into: Laptop, from: Laptop) {
  return mergeReviews(receive(into.document), from.document);
}

describe('a review as a mergeable document', () => {
  it('reads back exactly the review it was made from, in the same order', () => {
    const review = startingReview(laptopClock(0, START));
    const document = newMergeableReview(review, writerFor(CHAIR, laptopClock(1, START)));
    const contents = versionContents(review);
    expect(Review.parse(readMergeable(document, (id) => contents.get(id)))).toEqual(review);
    // And after a trip through bytes, as a package or the disk carries it.
    expect(readMergeable(receive(document), (id) => contents.get(id))).toEqual(review);
  });

  it('holds from the start what recording the review field by field would: recording it again writes nothing', () => {
    const review = startingReview(laptopClock(0, START));
    const writer = writerFor(CHAIR, laptopClock(1, START));
    const document = newMergeableReview(review, writer);
    expect(review.audit.length).toBeGreaterThan(0);
    expect(review.annotations.length).toBeGreaterThan(0);
    const state = stateOf(document);
    expect(stateOf(recordReview(document, review, writer))).toEqual(state);
    const keysOf = (collection: CollectionName, id: string) =>
      keysWithValues(fieldsOf(document, collection, id), supersededOf(document)).filter((key) =>
        key.startsWith(`${id}|`),
      );
    // An audit entry whole; an annotation field by field, each field it has.
    const entry = review.audit[0]!;
    expect(keysOf('audit', entry.id)).toEqual([fieldKey(entry.id, WHOLE_RECORD)]);
    const annotation = collectionRecords(review, 'annotations')[0]!;
    const fields = Object.keys(annotation).filter((field) => annotation[field] !== undefined);
    expect(keysOf('annotations', annotation.id).sort()).toEqual(fields.map((f) => fieldKey(annotation.id, f)).sort());
    expect(orderOf(document, 'annotations').toArray()).toEqual(review.annotations.map((a) => a.id));
  });

  it('records only what changed: an edit is one small change, not the whole review again', () => {
    const { chair } = chairAndLegal();
    const before = Y.encodeStateAsUpdate(chair.document).length;
    const state = stateOf(chair.document);
    const [first] = chair.review.annotations;
    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    const change = Y.encodeStateAsUpdate(chair.document, state);
    expect(change.length).toBeLessThan(2_000);
    expect(before).toBeGreaterThan(10_000);
    expect(chair.read().annotations[0]?.severity).toBe('major');
  });

  it('keeps an audit entry, which never changes, as one value: an edit writes its own fields and one entry', () => {
    const { chair } = chairAndLegal();
    const [first] = chair.review.annotations;
    const state = stateOf(chair.document);
    const keys = keysWrittenBy(chair.document, () =>
      chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock)),
    );
    const entry = chair.review.audit.at(-1)!;
    // The severity and when the annotation changed; the entry whole, and its place in the log's order.
    expect(keys.filter((key) => key.startsWith(`${first!.id}|`)).sort()).toEqual([
      `${first!.id}|severity`,
      `${first!.id}|updatedAt`,
    ]);
    expect(keys.filter((key) => key.startsWith(`${entry.id}|`))).toEqual([`${entry.id}|${WHOLE_RECORD}`]);
    // Those three values, the entry's place in the log's order, and when the change was made.
    expect(Y.decodeUpdate(Y.encodeStateAsUpdate(chair.document, state)).structs.length).toBeLessThanOrEqual(5);
    expect(chair.read().audit.at(-1)).toEqual(entry);
  });

  it('compares and writes only the collections a recorder is told may change: a step logged writes its entry alone', () => {
    const { chair } = chairAndLegal();
    const review = chair.read();
    const recorder = new ReviewRecorder(chair.document, review, ['audit']);
    const [first] = review.annotations;
    // Changed without being said to change: not the recorder's to read, so not written.
    review.annotations[0] = { ...first!, severity: 'major', updatedAt: '2026-03-02T11:00:00.000Z' };
    const entry = recordAudit(review, CHAIR, laptopClock(1, '2026-03-02T11:00:00.000Z'), 'review.merge', 'Merged');
    let document = chair.document;
    const keys = keysWrittenBy(document, () => {
      document = recorder.record(review, writerFor(CHAIR, laptopClock(1, START)), 'review.merge');
    });
    // The entry, and when the change was made.
    expect(keys.filter((key) => key.includes('|'))).toEqual([`${entry.id}|${WHOLE_RECORD}`]);
    const contents = versionContents(review);
    const read = readMergeable(document, (id) => contents.get(id));
    expect(read.audit.at(-1)).toEqual(entry);
    expect(read.annotations[0]).toEqual(first);
  });
});

describe('merging two laptops’ work', () => {
  it('keeps what each added, combines different fields, and gives the same review in either order', () => {
    const { chair, legal } = chairAndLegal();
    const [first, second] = chair.review.annotations;
    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    chair.act((review, actor, clock) => addReply(review, second!.id, plainTextToRichText('Ask IT.'), actor, clock));
    legal.act((review, actor, clock) => setAnnotationStatus(review, first!.id, 'resolved', actor, clock));
    legal.act((review, actor, clock) =>
      addReply(review, second!.id, plainTextToRichText('See GDPR art. 6.'), actor, clock),
    );

    const intoChair = merged(chair, legal);
    const intoLegal = merged(legal, chair);
    const contents = versionContents(chair.review);
    const a = readMergeable(intoChair.document, (id) => contents.get(id));
    const b = readMergeable(intoLegal.document, (id) => contents.get(id));
    expect(Review.parse(a)).toEqual(Review.parse(b));

    const annotation = a.annotations.find((x) => x.id === first!.id)!;
    expect([annotation.severity, annotation.status]).toEqual(['major', 'resolved']);
    // updatedAt is the later of the two sides, not a conflict.
    expect(annotation.updatedAt).toBe('2026-03-02T10:30:00.000Z');
    const replies = a.annotations.find((x) => x.id === second!.id)!.replies.map((r) => r.author.name);
    expect(replies.sort()).toEqual([CHAIR.name, LEGAL.name]);
    expect(listConflicts(intoChair.document)).toEqual([]);
    // Each side's audit entries are all there.
    expect(a.audit.length).toBe(chair.review.audit.length + 2);
    // Counted for people: Lena's reply added and the annotation she resolved changed; her audit entries merge
    // without being counted.
    expect(intoChair.counts).toMatchObject({ added: 1, changed: 1, conflicts: 0 });
  });

  it('keeps both values of a field changed on both sides, with who and when, until a person keeps one', () => {
    const { chair, legal } = chairAndLegal();
    const [first] = chair.review.annotations;
    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    legal.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'critical' }, actor, clock));
    legal.act((review, actor, clock) => renameReview(review, 'Riverton policy (legal view)', actor, clock));

    const outcome = merged(chair, legal);
    expect(outcome.counts.conflicts).toBe(1);
    const conflicts = listConflicts(outcome.document);
    expect(conflicts).toEqual([
      {
        id: `annotations/${first!.id}/severity`,
        record: { collection: 'annotations', id: first!.id },
        field: 'severity',
        values: [
          { value: 'major', author: CHAIR, at: '2026-03-02T10:00:00.000Z' },
          { value: 'critical', author: LEGAL, at: '2026-03-02T10:30:00.000Z' },
        ],
      },
    ]);
    // The other side's conflict list is the same, numbered alike, and its merge counts the conflict too (there,
    // the value on screen before the merge may well be the one the engine shows after it).
    const otherWay = merged(legal, chair);
    expect(listConflicts(otherWay.document)).toEqual(conflicts);
    expect(otherWay.counts.conflicts).toBe(1);

    const resolved = resolveConflict(outcome.document, conflicts[0]!, 1, writerFor(CHAIR, chair.clock));
    expect(listConflicts(resolved)).toEqual([]);
    const contents = versionContents(chair.review);
    const review = readMergeable(resolved, (id) => contents.get(id));
    expect(review.annotations[0]?.severity).toBe('critical');
    expect(review.title).toBe('Riverton policy (legal view)');
    // The decision travels: the legal advisor merges it back and has no conflict left either.
    const back = mergeReviews(receive(legal.document), resolved).document;
    expect(listConflicts(back)).toEqual([]);
    expect(readMergeable(back, (id) => contents.get(id)).annotations[0]?.severity).toBe('critical');
  });

  it('finds one vote where a member voted on two laptops, and keeps both verdicts as a conflict', () => {
    const { chair, legal } = chairAndLegal();
    const secondLaptop = chair.copyTo(3, LEGAL, laptopClock(3, '2026-03-02T11:00:00.000Z'));
    const versionId = chair.review.versions[0]!.id;
    const vote = (verdict: 'met' | 'not-met') => (review: Review, actor: Author, clock: Clock) =>
      recordVote(
        review,
        { versionId, criterionId: 'privacy.consent', verdict, rationale: 'Read twice.' },
        actor,
        clock,
      );
    legal.act(vote('met'));
    secondLaptop.act(vote('not-met'));

    const outcome = merged(legal, secondLaptop);
    const contents = versionContents(chair.review);
    const votes = readMergeable(outcome.document, (id) => contents.get(id)).votes;
    expect(votes).toHaveLength(1);
    expect(listConflicts(outcome.document).map((c) => [c.field, c.values.map((v) => v.value)])).toEqual([
      ['verdict', ['met', 'not-met']],
    ]);
  });

  it('takes in the work of a laptop that holds all of this one’s as the engine’s merge would, under this laptop’s actor', () => {
    const { chair, legal } = chairAndLegal();
    const [first, second] = chair.review.annotations;
    legal.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    legal.act((review, actor, clock) => setAnnotationStatus(review, second!.id, 'resolved', actor, clock));
    const local = receive(chair.document);
    const client = local.clientID;
    const outcome = mergeReviews(local, legal.document);

    expect(stateOf(outcome.document)).toEqual(stateOf(legal.document));
    const contents = versionContents(chair.review);
    expect(readMergeable(outcome.document, (id) => contents.get(id))).toEqual(legal.read());
    expect(outcome.document.clientID).toBe(client);
    expect(outcome.counts).toEqual({ added: 0, changed: 2, conflicts: 0, unchanged: expect.any(Number) });
    expect([...outcome.touched.records.values()].map((r) => r.record.id)).toEqual(
      expect.arrayContaining([first!.id, second!.id]),
    );
  });

  it('changes nothing when the same package is merged twice', () => {
    const { chair, legal } = chairAndLegal();
    legal.act((review, actor, clock) => renameReview(review, 'Renamed on the train', actor, clock));
    const once = merged(chair, legal).document;
    const state = stateOf(once);
    const twice = mergeReviews(once, legal.document);
    expect(twice.counts).toEqual({ added: 0, changed: 0, conflicts: 0, unchanged: expect.any(Number) });
    expect(stateOf(twice.document)).toEqual(state);
  });

  it('refuses a package of another review, and changes nothing', () => {
    const { chair } = chairAndLegal();
    const other = Laptop.first(startingReview(laptopClock(3, START)), laptopClock(3, START));
    const state = stateOf(chair.document);
    expect(() => mergeReviews(receive(chair.document), other.document)).toThrow(/another review/);
    expect(stateOf(chair.document)).toEqual(state);
  });

  it('merges a history of this review that another laptop began on its own field by field, with a conflict where they differ', () => {
    const review = startingReview(laptopClock(0, START));
    const here = newMergeableReview(review, writerFor(CHAIR, laptopClock(1, START)));
    const theirs = structuredClone(review);
    theirs.annotations[0]!.severity = 'critical';
    const apart = newMergeableReview(theirs, writerFor(LEGAL, laptopClock(2, '2026-03-02T09:30:00.000Z')));
    const outcome = mergeSavedReview(here, { updates: [Y.encodeStateAsUpdate(apart)], records: 1 });
    const contents = versionContents(review);
    const read = readMergeable(outcome.document, (id) => contents.get(id));
    // Every record once, each side's equal values one value; the one field they hold apart, a conflict.
    expect(read.annotations.map((a) => a.id)).toEqual(review.annotations.map((a) => a.id));
    expect(read.audit.map((a) => a.id)).toEqual(review.audit.map((a) => a.id));
    expect(listConflicts(outcome.document).map((c) => [c.id, c.values.map((v) => v.value)])).toEqual([
      [`annotations/${review.annotations[0]!.id}/severity`, ['minor', 'critical']],
    ]);
  });

  it('refuses a package of another review made on another laptop, whose changes the engine would apply', () => {
    const { chair } = chairAndLegal();
    const other = Laptop.first(startingReview(laptopClock(3, START)), laptopClock(3, START)).copyTo(
      4,
      LEGAL,
      laptopClock(4, START),
    );
    other.act((review, actor, clock) => renameReview(review, 'Another review', actor, clock));
    const local = receive(chair.document);
    const otherId = other.review.id;
    const saved = { updates: [Y.encodeStateAsUpdate(other.document)], records: 1 };
    expect(() => mergeSavedReview(local, saved)).toThrow(
      `This package holds another review (${otherId}), not this one (${chair.review.id})`,
    );
  });
});
