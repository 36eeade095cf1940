import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import { writeOpenConflicts } from '../../../electron/services/exchange/open-conflicts';
import { historyFileFor } from '../../../electron/services/exchange/history-files';
import { bytesAfter } from '../../../electron/services/exchange/review-history';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { listConflicts } from '../../../shared/domain/merge/conflicts';
import { mergeReviews } from '../../../shared/domain/merge/merge-reviews';
import { newMergeableReview, readMergeable } from '../../../shared/domain/merge/mergeable-review';
import { CHAIR, laptopClock, retitle, startingReview, stateOf, writerFor } from '../domain/merge/support-laptops';
import { loadHistory, wholeHistory } from '../../../electron/services/exchange/history-format';
import { serializeJson, type Review } from '../../../shared/model';
import {
  call,
  comment,
  PRIVACY,
  rangeOf,
  reviewWithVersion,
  textSource,
  workstationOn,
} from '../annotations/support-review';
import { useTempDirs } from '../support/temp-dir';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();
const open = closedAfterEach<Workstation>();

/**
 * The two moments a merge can be cut short between its two writes, made by hand: the merged history written beside
 * the old one (`.next`), with the review file not yet replaced, or replaced. What the next use of the review finds
 * must be the review as it was (the merged history dropped) or as merged (the merged history kept).
 */
async function interruptedMerge(reviewReplaced: boolean) {
  const chair = await reviewWithVersion(await tempDir());
  const { ws, reviewId, version, dataDir } = chair;
  const annotation = await call(ws, 'annotations.add', {
    reviewId,
    versionId: version.id,
    range: rangeOf(version, 'personal data'),
    criterionIds: [PRIVACY],
    severity: 'minor',
    body: comment('Which data?'),
  });
  const exported = await call(ws, 'packages.export', { reviewId, destination: { kind: 'return' } });
  const legal = await workstationOn(await tempDir());
  open.push(legal);
  await call(legal, 'settings.set', { user: { name: 'Lena Legal', role: 'legal', email: 'lena@example.org' } });
  await call(legal, 'packages.open', {
    source: textSource('a.policyreview', Buffer.from(exported.content!, 'base64')),
  });
  await call(legal, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'critical' });
  await call(ws, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'major' });
  const back = await call(legal, 'packages.export', { reviewId, destination: { kind: 'return' } });
  // The chair's history, caught up with her change (an export does that), then closed.
  await call(ws, 'packages.export', { reviewId, destination: { kind: 'return' } });
  await ws.close();

  const reviewFile = join(dataDir, 'reviews', `${reviewId}.review.json`);
  const history = historyFileFor(reviewFile);
  const local = loadHistory(await readFile(history));
  const zip = await JSZip.loadAsync(Buffer.from(back.content!, 'base64'));
  const remote = loadHistory(await zip.file('history.yjs')!.async('uint8array'));
  const before = JSON.parse(await reviewTextOnDisk(reviewFile)) as Review;
  const { document } = mergeReviews(local, remote);
  const merged = readMergeable(document, () => ({ blocks: version.blocks, text: version.text }));
  // As a merge does before it stages its history: where conflicts may be open takes in the merge's.
  await writeOpenConflicts(
    reviewFile,
    listConflicts(document).map((c) => c.id),
  );
  await writeFile(`${history}.next`, wholeHistory(document).bytes);
  if (reviewReplaced) await writeFile(reviewFile, serializeJson({ ...merged, updatedAt: before.updatedAt }));
  const reopened = await workstationOn(dataDir);
  open.push(reopened);
  return { ws: reopened, reviewId, annotationId: annotation.id, history, reviewFile };
}

describe('a merge cut short between its two writes', () => {
  it('is dropped when the review file was not replaced: the review and its history are as before', async () => {
    const { ws, reviewId, annotationId, history } = await interruptedMerge(false);
    expect(await call(ws, 'conflicts.list', { reviewId })).toEqual([]);
    await expect(access(`${history}.next`)).rejects.toThrow();
    const review = (await call(ws, 'reviews.read', { reviewId })).review;
    expect(review.annotations.find((a) => a.id === annotationId)!.severity).toBe('major');
  });

  it('is finished when the review file was replaced: the merged history takes its place, conflict and all', async () => {
    const { ws, reviewId, history } = await interruptedMerge(true);
    const conflicts = await call(ws, 'conflicts.list', { reviewId });
    expect(conflicts.map((c) => c.field)).toEqual(['severity']);
    expect(conflicts[0]!.values.map((side) => side.value).sort()).toEqual(['critical', 'major']);
    await expect(access(`${history}.next`)).rejects.toThrow();
  });
});

describe('a history written after a save in full', () => {
  /** A review's history saved in full, and the same history moved on by `titles` renamings of the review. */
  function savedThenRenamed(titles: number) {
    const clock = laptopClock(1, '2026-03-02T10:00:00.000Z');
    const document = newMergeableReview(startingReview(clock), writerFor(CHAIR, clock));
    const saved = wholeHistory(document);
    for (let n = 1; n <= titles; n++) retitle(document, `Renamed ${n} times`, writerFor(CHAIR, clock));
    return { saved, document };
  }

  it('is that save with the few changes since appended, which loads as the history itself', () => {
    const { saved, document } = savedThenRenamed(1);
    const bytes = bytesAfter(document, saved);
    expect(Buffer.from(bytes.subarray(0, saved.bytes.length)).equals(Buffer.from(saved.bytes))).toBe(true);
    expect(bytes.length).toBeLessThan(saved.bytes.length * 1.1);
    const loaded = loadHistory(bytes);
    expect(stateOf(loaded)).toEqual(stateOf(document));
    expect(readMergeable(loaded, () => undefined).title).toBe('Renamed 1 times');
  });

  it('is saved in full when the changes since are many beside that save, and without one', () => {
    const { saved, document } = savedThenRenamed(2_000);
    const whole = wholeHistory(document).bytes;
    expect(Buffer.from(bytesAfter(document, saved)).equals(Buffer.from(whole))).toBe(true);
    expect(Buffer.from(bytesAfter(document, undefined)).equals(Buffer.from(whole))).toBe(true);
    expect(readMergeable(loadHistory(whole), () => undefined).title).toBe('Renamed 2000 times');
  });
});
