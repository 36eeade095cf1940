import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newMergeableReview, readMergeable } from '../../../shared/domain/merge/mergeable-review';
import {
  checkPackageInProcess,
  decideInProcess,
  exportHistoryInProcess,
  launchMergeEngine,
  listConflictsInProcess,
  mergeInProcess,
} from '../../../electron/services/exchange/merge-in-process';
import { historyFileFor } from '../../../electron/services/exchange/history-files';
import { withChangesApplied } from '../../../electron/services/storage/review-changes';
import { contentFrom, ReviewHistory, sameRecords } from '../../../electron/services/exchange/review-history';
import { SpareMergeEngine } from '../../../electron/services/exchange/spare-merge-engine';
import { ENGINE_FOR_ONE_HISTORY, ENGINE_FOR_SIZE } from '../../../electron/services/processes/service-process';
import { Review } from '../../../shared/model';
import { recordCountOf } from '../../../shared/domain/merge/review-records';
import {
  CHAIR,
  laptopClock,
  receive,
  retitle,
  startingReview,
  stateOf,
  writerFor,
} from '../domain/merge/support-laptops';
import { loadHistory, wholeHistory } from '../../../electron/services/exchange/history-format';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** This laptop's review and history in `folder`, and a job merging the other laptop's copy, which renamed it. */
async function laptopWithPackage(folder: string) {
  const clock = laptopClock(1, '2026-03-02T10:00:00.000Z');
  const review = startingReview(clock);
  const writer = writerFor(CHAIR, clock);
  const reviewFile = join(folder, `${review.id}.review.json`);
  // This laptop's history, and the other laptop's copy of it, which has moved on since.
  const started = newMergeableReview(review, writer);
  await writeFile(historyFileFor(reviewFile), wholeHistory(started).bytes);
  const theirs = retitle(receive(started), 'Renamed on the train', writerFor(CHAIR, clock));
  const job = {
    reviewFile,
    review,
    history: {
      bytes: wholeHistory(theirs).bytes,
      fileName: 'from-legal.policyreview',
      reviewId: review.id,
    },
    records: recordCountOf(review),
    contents: [],
    writer,
    from: 'Lena Legal',
    exportedAt: clock.now(),
  };
  return { clock, review, writer, reviewFile, started, job };
}

describe('a merge’s engine in a process of its own', () => {
  it('is stopped above its memory budget and answers E_TOO_LARGE, with nothing written, and the host carries on', async () => {
    const folder = await tempDir();
    const { clock, review, reviewFile, started, job } = await laptopWithPackage(folder);
    // Far less than the engine process holds once started: it stops itself as soon as the job comes.
    const limits = { memoryBytes: 16 * 1024 * 1024, timeoutMs: 60_000 };
    const error = await mergeInProcess(job, clock, { limits }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(/^Merging this package needed more than 16 MB/),
    });

    expect(await readdir(folder)).toEqual([basename(historyFileFor(reviewFile))]);

    // Within its budget, the same job merges (the host writes what it gives back: nothing is written here either, the history as it was).
    const merged = await mergeInProcess(job, clock);
    expect(merged.counts).toMatchObject({ added: 0, changed: 1, conflicts: 0 });
    // Given as changes to this laptop's review: what the merge wrote (the title, the log's entry), not every record.
    expect(withChangesApplied(review, merged.changes!).title).toBe('Renamed on the train');
    expect(Object.keys(merged.changes?.put ?? {})).toEqual(['audit']);
    expect(merged.enginePeakRssBytes).toBeGreaterThan(0);
    expect(await readdir(folder)).toEqual([basename(historyFileFor(reviewFile))]);

    // Opening a package checks its history there too: loading a history is what could exhaust the app's memory.
    const check = { review, history: { ...job.history, bytes: wholeHistory(started).bytes } };
    expect(await checkPackageInProcess(check, { limits }).catch((e: unknown) => e)).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(/^Opening this package needed more than 16 MB/),
    });
    expect((await checkPackageInProcess(check)).enginePeakRssBytes).toBeGreaterThan(0);
  }, 120_000);

  // The system shows a process's arguments and starting environment under /proc on Linux only.
  it.skipIf(process.platform !== 'linux')(
    'starts with gc() exposed and one allocator arena, as the operating system shows the process',
    async () => {
      for (const tuning of [ENGINE_FOR_SIZE, ENGINE_FOR_ONE_HISTORY]) {
        const engine = launchMergeEngine(undefined, tuning);
        try {
          const pid = engine.child.pid!;
          const [commandLine, environment] = await Promise.all(
            ['cmdline', 'environ'].map(async (part) => (await readFile(`/proc/${pid}/${part}`, 'utf8')).split('\0')),
          );
          expect(commandLine).toEqual(expect.arrayContaining([...tuning.v8Flags]));
          expect(environment).toContain('MALLOC_ARENA_MAX=1');
          // The host's own environment goes with it (its locale, its home).
          expect(environment).toContain(`PATH=${process.env['PATH']}`);
        } finally {
          engine.child.kill();
        }
      }
      expect(ENGINE_FOR_SIZE.v8Flags).toContain('--expose-gc');
    },
  );

  it('runs every other use of a review’s history there too, bounded alike, its refusals said in its own words', async () => {
    const folder = await tempDir();
    const { clock, review, writer, reviewFile } = await laptopWithPackage(folder);
    const limits = { memoryBytes: 16 * 1024 * 1024, timeoutMs: 60_000 };
    const listing = { reviewFile, review, among: undefined, readOnly: false };
    const decision = { reviewFile, review, writer, conflictId: 'annotations/a1/severity', keep: 0, among: undefined };
    const deciding = { ...decision, historyHoldsReview: false };
    const tooLarge = (doing: string) => ({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(new RegExp(`^${doing} needed more than 16 MB.*The review is far larger`)),
    });
    expect(await listConflictsInProcess(listing, { limits }).catch((e: unknown) => e)).toMatchObject(
      tooLarge('Listing the conflicts to resolve'),
    );
    expect(await decideInProcess(deciding, clock, { limits }).catch((e: unknown) => e)).toMatchObject(
      tooLarge('Resolving this conflict'),
    );
    expect(
      await exportHistoryInProcess({ reviewFile, review, writer }, { limits }).catch((e: unknown) => e),
    ).toMatchObject(tooLarge('Exporting this package'));

    // Within its budget: the engine's own refusal comes back as the app's error, code and words.
    expect(await listConflictsInProcess(listing)).toEqual([]);
    expect(await decideInProcess(deciding, clock).catch((e: unknown) => e)).toMatchObject({
      code: 'E_NOT_FOUND',
      message: expect.stringContaining('There is no open conflict “annotations/a1/severity” in this review'),
    });
    const exported = await exportHistoryInProcess({ reviewFile, review, writer });
    expect(exported.begunHere).toBe(false);
    const read = Review.parse(readMergeable(loadHistory(exported.bytes), contentFrom(review)));
    expect(sameRecords(read, review)).toBe(true);
    // None of it wrote anything: the host writes what the engine gives back.
    expect(await readdir(folder)).toEqual([basename(historyFileFor(reviewFile))]);
  }, 120_000);
});

describe('a merge’s engine started while the package is chosen', () => {
  it('loads the history meanwhile, and the merge merges into it while its file is unchanged, as into one read anew', async () => {
    const { clock, reviewFile, review, writer, job } = await laptopWithPackage(await tempDir());
    const spare = new SpareMergeEngine();
    try {
      expect(await spare.prepare(reviewFile, review, writer)).toBe(true);
      expect(spare.take(`${reviewFile}.other`)).toBeUndefined();
      const ahead = await mergeInProcess(job, clock, { prepared: spare.take(reviewFile) });
      const anew = await mergeInProcess(job, clock);
      expect(ahead.historyLoadedAhead).toBe(true);
      expect(anew.historyLoadedAhead).toBe(false);
      expect(ahead.counts).toEqual(anew.counts);
      const [mergedAhead, mergedAnew] = [ahead, anew].map((m) => withChangesApplied(review, m.changes!));
      expect(mergedAhead!.title).toBe('Renamed on the train');
      expect(withoutLog(mergedAhead)).toEqual(withoutLog(mergedAnew));
      // The history it gives to be written (the save made ahead, the merge's changes appended) is the merged review's.
      const written = readMergeable(loadHistory(ahead.history), contentFrom(review));
      expect(sameRecords(Review.parse(written), mergedAhead!)).toBe(true);
    } finally {
      spare.dispose();
    }
  }, 120_000);

  it('reads the history anew once this laptop has written it since (an export), so none of its changes is lost', async () => {
    const { clock, reviewFile, review, writer, job } = await laptopWithPackage(await tempDir());
    const spare = new SpareMergeEngine();
    try {
      expect(await spare.prepare(reviewFile, review, writer)).toBe(true);
      // An export meanwhile records this laptop's latest work in the history (and sends it to the other laptop).
      const edited = { ...review, title: 'Edited before the export' };
      const exported = await ReviewHistory.open(reviewFile, edited, writer);
      await exported.files.save(wholeHistory(exported.document).bytes);
      const merged = await mergeInProcess({ ...job, review: edited }, clock, { prepared: spare.take(reviewFile) });
      expect(merged.historyLoadedAhead).toBe(false);
      // Loaded ahead, the history would lack the export's change, and record another under the same sequence number.
      const holds = Y.decodeStateVector(stateOf(loadHistory(merged.history)));
      for (const [client, clock] of Y.decodeStateVector(stateOf(exported.document)))
        expect(holds.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
    } finally {
      spare.dispose();
    }
  }, 120_000);
});

/** A review without its audit log, whose entries each merge stamps anew. */
function withoutLog(review: Review | undefined) {
  return review && { ...review, audit: [] };
}
