import { describe, expect, it } from 'vitest';
import {
  historyAfter,
  historyChunks,
  historyOfChunks,
  lackedChunks,
  loadHistory,
  wholeHistory,
} from '../../../electron/services/exchange/history-format';
import { mergeSavedReview } from '../../../shared/domain/merge/merge-reviews';
import { newMergeableReview, readMergeable } from '../../../shared/domain/merge/mergeable-review';
import {
  CHAIR,
  LEGAL,
  PRIVACY,
  laptopClock,
  retitle,
  startingReview,
  stateOf,
  writerFor,
} from '../domain/merge/support-laptops';

const START = '2026-03-02T10:00:00.000Z';
const writer = writerFor(CHAIR, laptopClock(1, START));

/** The chair's history, and copies of it as two other laptops load it from her file. */
function parted() {
  const chair = newMergeableReview(startingReview(laptopClock(0, START)), writer);
  const saved = wholeHistory(chair);
  return { chair, saved, legal: loadHistory(saved.bytes), privacy: loadHistory(saved.bytes) };
}

describe('a history as chunks', () => {
  it('reads back as the document it was written from, and refuses bytes that are not one or are cut short', () => {
    const { chair, saved } = parted();
    expect(stateOf(loadHistory(saved.bytes))).toEqual(stateOf(chair));
    expect(() => historyChunks(Buffer.from('not a history'))).toThrow(RangeError);
    expect(() => historyChunks(saved.bytes.subarray(0, saved.bytes.length - 10))).toThrow(/cut short/);
    expect(() => loadHistory(historyOfChunks([]))).toThrow(/empty/);
  });

  it('keeps the chunks a merge took in as they came, after what this laptop held, and its own after them', () => {
    const { chair, saved, legal, privacy } = parted();
    retitle(legal, 'Legal’s title', writerFor(LEGAL, laptopClock(2, START)));
    const fromLegal = historyAfter(legal, saved);
    // Lena's history: the chair's as she read it, then her change.
    expect(historyChunks(fromLegal.bytes)).toHaveLength(2);

    // The privacy officer renames too, then takes in what she lacks of Lena's history: Lena's chunk alone.
    retitle(privacy, 'Privacy’s title', writerFor(PRIVACY, laptopClock(3, START)));
    const mine = historyAfter(privacy, saved);
    const arrived = lackedChunks(privacy, historyChunks(fromLegal.bytes));
    expect(arrived).toEqual(historyChunks(fromLegal.bytes).slice(1));
    const { document } = mergeSavedReview(privacy, { updates: arrived.map((chunk) => chunk.update), records: 1 });
    const written = historyAfter(document, mine, arrived);
    // Hers as it was, Lena's chunk as it came (its state is Lena's, without the privacy officer's change), and none
    // of her own after it: she wrote nothing else.
    expect(historyChunks(written.bytes)).toEqual([...historyChunks(mine.bytes), ...arrived]);
    expect(stateOf(loadHistory(written.bytes))).toEqual(stateOf(document));

    // The chair lacks both other laptops' chunks, though neither's state holds the other's: she takes in both.
    const forChair = lackedChunks(chair, historyChunks(written.bytes));
    expect(forChair).toHaveLength(2);
    const merged = mergeSavedReview(chair, { updates: forChair.map((chunk) => chunk.update), records: 1 });
    expect(stateOf(merged.document)).toEqual(stateOf(document));
    expect(readMergeable(merged.document, () => undefined).title).toBe(readMergeable(document, () => undefined).title);
    // And a laptop that holds it all lacks none.
    expect(lackedChunks(document, historyChunks(written.bytes))).toEqual([]);
  });

  it('is written whole again when what follows is larger than what came before, and not again when nothing did', () => {
    const { saved, legal } = parted();
    expect(historyAfter(legal, saved)).toBe(saved);
    for (let n = 0; n < 2_000; n++) retitle(legal, `Title ${n}`, writerFor(LEGAL, laptopClock(2, START)));
    const after = historyAfter(legal, saved);
    expect(historyChunks(after.bytes)).toHaveLength(1);
    expect(Buffer.from(after.bytes).equals(Buffer.from(wholeHistory(legal).bytes))).toBe(true);
  });
});
