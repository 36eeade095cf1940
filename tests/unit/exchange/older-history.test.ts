import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Automerge from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { historyFileFor, olderHistoryFileFor } from '../../../electron/services/exchange/history-files';
import { ReviewHistory } from '../../../electron/services/exchange/review-history';
import { listConflicts } from '../../../shared/domain/merge/conflicts';
import { bucketOf, fieldKey, fieldText, readMergeable } from '../../../shared/domain/merge/mergeable-review';
import type { Review } from '../../../shared/model';
import { CHAIR, laptopClock, LEGAL, startingReview, writerFor } from '../domain/merge/support-laptops';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const text = (value: unknown) => new Automerge.ImmutableString(fieldText(value));

/**
 * The history an earlier version of the app kept (Automerge 3's, laid out as it laid it out): the chair and the legal
 * advisor each changed an annotation's severity and the review's title apart, and the merge of their work holds
 * both values of each, open.
 */
function olderHistory(review: Review) {
  const annotation = review.annotations[0]!;
  const severity = fieldKey(annotation.id, 'severity');
  const base = Automerge.change(
    Automerge.init<Record<string, unknown>>({ actor: 'aa' }),
    { time: 1_772_442_000 },
    (d) => {
      d['format'] = new Automerge.ImmutableString('policy-review/review-document@3');
      d['header'] = { id: text(review.id), title: text(review.title) };
      d['collections'] = {
        annotations: { buckets: { [bucketOf(annotation.id)]: { [severity]: text('minor') } }, order: [] },
      };
      d['people'] = {};
    },
  );
  const side = (actor: string, who: typeof CHAIR, time: number, value: string, title: string) =>
    Automerge.change(Automerge.clone(base, { actor }), { time }, (d) => {
      const doc = d as unknown as {
        header: Record<string, Automerge.ImmutableString>;
        people: Record<string, Automerge.ImmutableString>;
        collections: { annotations: { buckets: Record<string, Record<string, Automerge.ImmutableString>> } };
      };
      doc.people[actor] = text(who);
      doc.collections.annotations.buckets[bucketOf(annotation.id)]![severity] = text(value);
      doc.header['title'] = text(title);
    });
  const merged = Automerge.merge(
    side('01', CHAIR, 1_772_445_600, 'major', 'Chair’s title'),
    side('02', LEGAL, 1_772_447_400, 'critical', 'Legal’s title'),
  );
  const shown = (
    merged as unknown as {
      collections: { annotations: { buckets: Record<string, Record<string, Automerge.ImmutableString>> } };
    }
  ).collections.annotations.buckets[bucketOf(annotation.id)]![severity]!.val;
  return {
    bytes: Automerge.save(merged),
    shownSeverity: JSON.parse(shown) as Review['annotations'][number]['severity'],
  };
}

describe('a review whose history an earlier version of the app kept', () => {
  it('begins its new history with the conflicts the older one holds open, as they were, and reads the older one once', async () => {
    const clock = laptopClock(1, '2026-03-02T12:00:00.000Z');
    const review = startingReview(clock);
    const { bytes, shownSeverity } = olderHistory(review);
    // The review shows the severity the older history showed, and was renamed since (which decided the title).
    review.annotations[0]!.severity = shownSeverity;
    review.title = 'Renamed since';
    const reviewFile = join(await tempDir(), `${review.id}.review.json`);
    await writeFile(olderHistoryFileFor(historyFileFor(reviewFile)), bytes);

    const history = await ReviewHistory.open(reviewFile, review, writerFor(CHAIR, clock));
    const conflicts = listConflicts(history.document);
    expect(conflicts).toEqual([
      {
        id: `annotations/${review.annotations[0]!.id}/severity`,
        record: { collection: 'annotations', id: review.annotations[0]!.id },
        field: 'severity',
        values: [
          { value: 'major', author: CHAIR, at: '2026-03-02T10:00:00.000Z' },
          { value: 'critical', author: LEGAL, at: '2026-03-02T10:30:00.000Z' },
        ],
      },
    ]);
    expect(history.begunHere).toBe(false);
    expect(readMergeable(history.document, () => undefined).title).toBe('Renamed since');
    // The review still shows one side, as the older history did: catching up with it decides nothing.
    history.catchUp(review, writerFor(CHAIR, clock));
    expect(listConflicts(history.document)).toEqual(conflicts);

    // Written at once: the next open reads the new history, with the conflict, and never the older one again.
    await access(historyFileFor(reviewFile));
    await writeFile(olderHistoryFileFor(historyFileFor(reviewFile)), 'no longer read');
    const again = await ReviewHistory.open(reviewFile, review, writerFor(CHAIR, clock));
    expect(listConflicts(again.document).map((c) => c.field)).toEqual(['severity']);
  });

  it('begins one without conflicts where the review changed every field the older history held open, or it is damaged', async () => {
    const clock = laptopClock(1, '2026-03-02T12:00:00.000Z');
    for (const older of ['decided', 'damaged'] as const) {
      const review = startingReview(clock);
      const { bytes } = olderHistory(review);
      review.annotations[0]!.severity = 'info';
      const reviewFile = join(await tempDir(), `${review.id}.review.json`);
      await writeFile(
        olderHistoryFileFor(historyFileFor(reviewFile)),
        older === 'decided' ? bytes : bytes.subarray(0, 40),
      );
      const history = await ReviewHistory.open(reviewFile, review, writerFor(CHAIR, clock));
      expect(listConflicts(history.document), older).toEqual([]);
      expect(history.begunHere, older).toBe(true);
    }
  });
});
