import * as Automerge from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { setAnnotationStatus, updateAnnotation } from '../../../../shared/domain/annotations/edit-annotations';
import { addReply } from '../../../../shared/domain/annotations/replies';
import { listConflicts, resolveConflict } from '../../../../shared/domain/merge/conflicts';
import { mergeReviews, mergeSavedReview } from '../../../../shared/domain/merge/merge-reviews';
import {
  bucketOf,
  fieldKey,
  fieldText,
  hasConcurrentChanges,
  MERGEABLE_REVIEW_FORMAT,
  newMergeableReview,
  readMergeable,
  recordReview,
  ReviewRecorder,
  WHOLE_RECORD,
  type MergeableReview,
  type MergeWriter,
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
import { CHAIR, Laptop, laptopClock, LEGAL, receive, startingReview, writerFor } from './support-laptops';

const START = '2026-03-02T09:00:00.000Z';

function chairAndLegal() {
  const chair = Laptop.first(startingReview(laptopClock(0, START)), laptopClock(1, '2026-03-02T10:00:00.000Z'));
  const legal = chair.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:30:00.000Z'));
  return { chair, legal };
}

/** Merges `from` into `into` (each keeps its own document; the merge works on a copy of `into`). */
function merged(into: Laptop, from: Laptop) {
  return mergeReviews(receive(into.document, into.number), from.document);
}

describe('a review as a mergeable document', () => {
  it('reads back exactly the review it was made from, in the same order', () => {
    const review = startingReview(laptopClock(0, START));
    const document = newMergeableReview(review, writerFor(1, CHAIR, laptopClock(1, START)));
    const contents = versionContents(review);
    expect(Review.parse(readMergeable(document, (id) => contents.get(id)))).toEqual(review);
    // And after a trip through bytes, as a package or the disk carries it.
    expect(readMergeable(Automerge.load(Automerge.save(document)), (id) => contents.get(id))).toEqual(review);
  });

  it('holds from the start what recording the review field by field would: recording it again writes nothing', () => {
    const review = startingReview(laptopClock(0, START));
    const writer = writerFor(1, CHAIR, laptopClock(1, START));
    const document = newMergeableReview(review, writer);
    expect(review.audit.length).toBeGreaterThan(0);
    expect(review.annotations.length).toBeGreaterThan(0);
    expect(Automerge.getHeads(recordReview(document, review, writer))).toEqual(Automerge.getHeads(document));
    const keysOf = (collection: CollectionName, id: string) =>
      Object.keys(document.collections[collection].buckets[bucketOf(id)]!).filter((key) => key.startsWith(`${id}|`));
    // An audit entry whole; an annotation field by field, each field it has.
    const entry = review.audit[0]!;
    expect(keysOf('audit', entry.id)).toEqual([fieldKey(entry.id, WHOLE_RECORD)]);
    const annotation = collectionRecords(review, 'annotations')[0]!;
    const fields = Object.keys(annotation).filter((field) => annotation[field] !== undefined);
    expect(keysOf('annotations', annotation.id).sort()).toEqual(fields.map((f) => fieldKey(annotation.id, f)).sort());
    expect(document.collections.annotations.order.map((id) => id.val)).toEqual(review.annotations.map((a) => a.id));
  });

  it('records only what changed: an edit is one small change, not the whole review again', () => {
    const { chair } = chairAndLegal();
    const before = Automerge.save(chair.document).length;
    const [first] = chair.review.annotations;
    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    const change = Automerge.getLastLocalChange(chair.document)!;
    expect(change.length).toBeLessThan(2_000);
    expect(before).toBeGreaterThan(10_000);
    expect(chair.read().annotations[0]?.severity).toBe('major');
  });

  it('keeps an audit entry, which never changes, as one value: an edit writes its own fields and one entry', () => {
    const { chair } = chairAndLegal();
    const [first] = chair.review.annotations;
    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    const entry = chair.review.audit.at(-1)!;
    const change = Automerge.decodeChange(Automerge.getLastLocalChange(chair.document)!);
    const keys = change.ops.map((op) => op.key).filter((key): key is string => typeof key === 'string');
    // The severity and when the annotation changed; the entry whole, and its place in the log's order.
    expect(keys.filter((key) => key.startsWith(`${first!.id}|`)).sort()).toEqual([
      `${first!.id}|severity`,
      `${first!.id}|updatedAt`,
    ]);
    expect(keys.filter((key) => key.startsWith(`${entry.id}|`))).toEqual([`${entry.id}|${WHOLE_RECORD}`]);
    expect(change.ops.length).toBeLessThanOrEqual(5);
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
    const document = recorder.record(review, writerFor(1, CHAIR, laptopClock(1, START)), 'review.merge');
    const change = Automerge.decodeChange(Automerge.getLastLocalChange(document)!);
    const keys = change.ops.map((op) => op.key).filter((key): key is string => typeof key === 'string');
    expect(keys).toEqual([`${entry.id}|${WHOLE_RECORD}`]);
    const contents = versionContents(review);
    const read = readMergeable(document, (id) => contents.get(id));
    expect(read.audit.at(-1)).toEqual(entry);
    expect(read.annotations[0]).toEqual(first);
  });

  it('reads and merges a history of format @2, whose audit entries are kept field by field, without losing one', () => {
    const review = startingReview(laptopClock(0, START));
    const contents = versionContents(review);
    const legacy = formatTwoDocument(review, writerFor(1, CHAIR, laptopClock(1, START)));
    expect(readMergeable(legacy, (id) => contents.get(id))).toEqual(review);

    const chair = new Laptop(legacy, 1, CHAIR, laptopClock(1, '2026-03-02T10:00:00.000Z'), contents);
    const legal = chair.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:30:00.000Z'));
    const [first, second] = chair.review.annotations;
    chair.act((r, actor, clock) => updateAnnotation(r, first!.id, { severity: 'major' }, actor, clock));
    legal.act((r, actor, clock) => updateAnnotation(r, second!.id, { severity: 'critical' }, actor, clock));
    expect(chair.document.format.val).toBe(MERGEABLE_REVIEW_FORMAT);

    const intoChair = readMergeable(merged(chair, legal).document, (id) => contents.get(id));
    const intoLegal = readMergeable(merged(legal, chair).document, (id) => contents.get(id));
    expect(intoChair).toEqual(intoLegal);
    const entries = new Set(intoChair.audit.map((entry) => entry.id));
    for (const entry of [...review.audit, ...chair.review.audit, ...legal.review.audit])
      expect(entries).toContain(entry.id);
    expect(intoChair.audit).toHaveLength(review.audit.length + 2);
    expect(intoChair.annotations.map((a) => a.severity).slice(0, 2)).toEqual(['major', 'critical']);
  });
});

/**
 * The document an app of format @2 made of `review`: every record field by field, the audit log's entries too. Made
 * by hand here, as that app wrote it, so this app's reading of such histories stays tested.
 */
function formatTwoDocument(review: Review, writer: MergeWriter): MergeableReview {
  const withoutLog = { ...review, audit: [] };
  const document = newMergeableReview(withoutLog, writer);
  return Automerge.change(document, (doc) => {
    doc.format = new Automerge.ImmutableString('policy-review/review-document@2');
    const log = doc.collections.audit;
    for (const entry of review.audit) {
      for (const [field, value] of Object.entries(entry))
        log.buckets[bucketOf(entry.id)]![fieldKey(entry.id, field)] = new Automerge.ImmutableString(fieldText(value));
      log.order.push(new Automerge.ImmutableString(entry.id));
    }
  });
}

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

    const resolved = resolveConflict(outcome.document, conflicts[0]!, 1, writerFor(1, CHAIR, chair.clock));
    expect(listConflicts(resolved)).toEqual([]);
    const contents = versionContents(chair.review);
    const review = readMergeable(resolved, (id) => contents.get(id));
    expect(review.annotations[0]?.severity).toBe('critical');
    expect(review.title).toBe('Riverton policy (legal view)');
    // The decision travels: the legal advisor merges it back and has no conflict left either.
    const back = mergeReviews(receive(legal.document, 2), resolved).document;
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
    const local = receive(chair.document, chair.number);
    const outcome = mergeReviews(local, legal.document);
    const byEngine = Automerge.merge(receive(chair.document, chair.number), Automerge.clone(legal.document));

    expect(Automerge.getHeads(outcome.document)).toEqual(Automerge.getHeads(byEngine));
    expect(outcome.document).toEqual(byEngine);
    expect(Automerge.getActorId(outcome.document)).toBe(Automerge.getActorId(local));
    expect(outcome.counts).toEqual({ added: 0, changed: 2, conflicts: 0, unchanged: expect.any(Number) });
    expect([...outcome.touched.records.values()].map((r) => r.record.id)).toEqual(
      expect.arrayContaining([first!.id, second!.id]),
    );
  });

  it('knows a history of one line of changes holds no concurrent values, and one that ever took in work made apart does', () => {
    const { chair, legal } = chairAndLegal();
    const [first] = chair.review.annotations;
    legal.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    // The chair changed nothing since: taking in the legal advisor's work keeps one line.
    const caughtUp = merged(chair, legal).document;
    expect([hasConcurrentChanges(legal.document), hasConcurrentChanges(caughtUp)]).toEqual([false, false]);

    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'critical' }, actor, clock));
    const apart = merged(chair, legal);
    expect(apart.counts.conflicts).toBe(1);
    expect(hasConcurrentChanges(apart.document)).toBe(true);
    // Decided, the history still holds the two lines it joined.
    const decision = writerFor(1, CHAIR, laptopClock(1, '2026-03-03T09:00:00.000Z'));
    const decided = resolveConflict(apart.document, listConflicts(apart.document)[0]!, 0, decision);
    expect(hasConcurrentChanges(decided)).toBe(true);
  });

  it('changes nothing when the same package is merged twice', () => {
    const { chair, legal } = chairAndLegal();
    legal.act((review, actor, clock) => renameReview(review, 'Renamed on the train', actor, clock));
    const once = merged(chair, legal).document;
    const twice = mergeReviews(Automerge.clone(once), legal.document);
    expect(twice.counts).toEqual({ added: 0, changed: 0, conflicts: 0, unchanged: expect.any(Number) });
    expect(Automerge.getHeads(twice.document)).toEqual(Automerge.getHeads(once));
  });

  it('refuses a package of another review, and changes nothing', () => {
    const { chair } = chairAndLegal();
    const other = Laptop.first(startingReview(laptopClock(3, START)), laptopClock(3, START));
    const heads = Automerge.getHeads(chair.document);
    expect(() => mergeReviews(receive(chair.document, 1), other.document)).toThrow(/another review/);
    expect(Automerge.getHeads(chair.document)).toEqual(heads);
  });

  it('refuses a history of this review that another laptop began on its own, rather than hiding one side', () => {
    const review = startingReview(laptopClock(0, START));
    const here = newMergeableReview(review, writerFor(1, CHAIR, laptopClock(1, START)));
    const apart = newMergeableReview(review, writerFor(2, LEGAL, laptopClock(2, START)));
    const saved = { bytes: Automerge.save(apart), records: 1, heads: Automerge.getHeads(apart) };
    expect(() => mergeSavedReview(here, saved)).toThrow(/was begun apart from this laptop’s/);
  });

  it('refuses a package of another review made on another laptop, whose changes the engine would apply', () => {
    const { chair } = chairAndLegal();
    const other = Laptop.first(startingReview(laptopClock(3, START)), laptopClock(3, START)).copyTo(
      4,
      LEGAL,
      laptopClock(4, START),
    );
    other.act((review, actor, clock) => renameReview(review, 'Another review', actor, clock));
    const local = receive(chair.document, 1);
    const otherId = other.review.id;
    const saved = { bytes: Automerge.save(other.document), records: 1, heads: Automerge.getHeads(other.document) };
    expect(() => mergeSavedReview(local, saved)).toThrow(
      `This package holds another review (${otherId}), not this one (${chair.review.id})`,
    );
  });
});
