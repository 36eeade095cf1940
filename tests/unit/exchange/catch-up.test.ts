import { describe, expect, it } from 'vitest';
import { catchUp } from '../../../electron/services/exchange/review-history';
import { deleteAnnotation, updateAnnotation } from '../../../shared/domain/annotations/edit-annotations';
import { addReply } from '../../../shared/domain/annotations/replies';
import { mergeReviews } from '../../../shared/domain/merge/merge-reviews';
import { fieldText, newMergeableReview, readMergeable } from '../../../shared/domain/merge/mergeable-review';
import { versionContents } from '../../../shared/domain/merge/review-records';
import { renameReview } from '../../../shared/domain/reviews/edit-review';
import { Review } from '../../../shared/model';
import { plainTextToRichText } from '../../../shared/rich-text';
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
} from '../domain/merge/support-laptops';

const START = '2026-03-02T09:00:00.000Z';

describe('catching a review’s history up with the review file', () => {
  it('records exactly what the review holds that the history does not, and only that', () => {
    const clock = laptopClock(1, START);
    const review = startingReview(laptopClock(0, START));
    const contents = versionContents(review);
    const document = newMergeableReview(review, writerFor(CHAIR, clock));

    // Worked on without the history, as the app does between exchanges.
    const [first, second] = review.annotations;
    clock.setTo('2026-03-02T11:00:00.000Z');
    updateAnnotation(review, first!.id, { severity: 'critical' }, CHAIR, clock);
    addReply(review, first!.id, plainTextToRichText('Ask the DPO.'), CHAIR, clock);
    deleteAnnotation(review, second!.id, CHAIR, clock);
    renameReview(review, 'Riverton policy, 2026 review', CHAIR, clock);

    let caughtUp = document;
    const keys = keysWrittenBy(document, () => {
      caughtUp = catchUp(document, review, writerFor(CHAIR, clock));
    });
    expect(fieldText(Review.parse(readMergeable(caughtUp, (id) => contents.get(id))))).toBe(
      fieldText(Review.parse(review)),
    );
    // Only the changed annotations, the new reply, the header and the new log entries were written.
    const reply = review.annotations[0]!.replies[0]!;
    const entries = review.audit.slice(-4).map((entry) => entry.id);
    const expectedIds = new Set([first!.id, second!.id, reply.id, ...entries]);
    for (const key of keys.filter((k) => k.includes('|')))
      expect(expectedIds.has(key.slice(0, key.indexOf('|'))), key).toBe(true);
    expect(keys).toContain('title');
    for (const id of [first!.id, second!.id, reply.id, ...entries])
      expect(
        keys.some((key) => key.startsWith(`${id}|`)),
        id,
      ).toBe(true);

    // Caught up again with nothing new: no change at all.
    const state = stateOf(caughtUp);
    expect(stateOf(catchUp(caughtUp, review, writerFor(CHAIR, clock)))).toEqual(state);
  });

  it('writes nothing for a record both laptops changed: its time, the latest of both, is what the review shows', () => {
    const chair = Laptop.first(startingReview(laptopClock(0, START)), laptopClock(1, '2026-03-02T10:00:00.000Z'));
    const legal = chair.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:30:00.000Z'));
    const [first] = chair.review.annotations;
    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'major' }, actor, clock));
    legal.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'critical' }, actor, clock));
    const { document } = mergeReviews(receive(chair.document), legal.document);
    const review = readMergeable(document, () => undefined);

    const state = stateOf(document);
    expect(stateOf(catchUp(document, review, writerFor(CHAIR, chair.clock)))).toEqual(state);
  });
});
