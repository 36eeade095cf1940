import * as Automerge from '@automerge/automerge';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newMergeableReview } from '../../../shared/domain/merge/mergeable-review';
import { checkPackageInProcess, mergeInProcess } from '../../../electron/services/exchange/merge-in-process';
import { CHAIR, laptopClock, startingReview, writerFor } from '../domain/merge/support-laptops';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('a merge’s engine in a process of its own', () => {
  it('is stopped above its memory budget and answers E_TOO_LARGE, with nothing written, and the host carries on', async () => {
    const clock = laptopClock(1, '2026-03-02T10:00:00.000Z');
    const review = startingReview(clock);
    const writer = writerFor(1, CHAIR, clock);
    const folder = await tempDir();
    const job = {
      reviewFile: join(folder, `${review.id}.review.json`),
      review,
      history: {
        bytes: Automerge.save(newMergeableReview(review, writerFor(2, CHAIR, clock))),
        fileName: 'from-legal.policyreview',
        reviewId: review.id,
        actor: writer.actor,
      },
      contents: [],
      writer,
      from: 'Lena Legal',
      exportedAt: clock.now(),
    };
    // Far less than the engine process holds once started: it stops itself as soon as the job comes.
    const limits = { memoryBytes: 16 * 1024 * 1024, timeoutMs: 60_000 };
    const error = await mergeInProcess(job, clock, { limits }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(/^Merging this package needed more than 16 MB/),
    });

    expect(await readdir(folder)).toEqual([]);

    // Within its budget, the same job merges (the host writes what it gives back: nothing is written here either).
    const merged = await mergeInProcess(job, clock);
    expect(merged.counts).toMatchObject({ added: 0, conflicts: 0 });
    expect(merged.enginePeakRssBytes).toBeGreaterThan(0);
    expect(await readdir(folder)).toEqual([]);

    // Opening a package checks its history there too: loading a history is what could exhaust the app's memory.
    const check = { review, history: job.history };
    expect(await checkPackageInProcess(check, { limits }).catch((e: unknown) => e)).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(/^Opening this package needed more than 16 MB/),
    });
    expect((await checkPackageInProcess(check)).enginePeakRssBytes).toBeGreaterThan(0);
  }, 120_000);
});
