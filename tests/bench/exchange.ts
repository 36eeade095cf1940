import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addPackagedReview,
  exportPackage,
  mergePackage,
  resolveReviewConflict,
  reviewConflicts,
} from '../../electron/services/exchange/exchange-review';
import { readPackage } from '../../electron/services/exchange/review-package';
import type { PreparedEngine } from '../../electron/services/exchange/merge-in-process';
import { SpareMergeEngine } from '../../electron/services/exchange/spare-merge-engine';
import { ReviewLibrary } from '../../electron/services/library/review-library';
import type { ReviewStore } from '../../electron/services/storage/review-store';
import { NO_TRUST } from '../../electron/services/signing/trust';
import { updateAnnotation } from '../../shared/domain/annotations/edit-annotations';
import { systemClock } from '../../shared/domain/clock';
import type { MergeCounts } from '../../shared/api';
import type { MergeWriter } from '../../shared/domain/merge/mergeable-review';
import { newReviewDocument } from '../../shared/domain/reviews/new-review';
import { SEVERITIES, type Author, type Review } from '../../shared/model';
import { generateAnnotations, generatePolicyBlocks, seededRandom, versionFromBlocks } from './generate-policy';
import { buildApp } from './built-app';
import { startBuiltServiceProcess } from '../support/built-service-process';
import { runWatched } from './process-memory';
import { percentile } from './stats';

const CLI = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

const CHAIR: Author = { name: 'Bench Chair', role: 'chair' };
const LEGAL: Author = { name: 'Bench Legal', role: 'legal' };
const writer = (author: Author): MergeWriter => ({ author, at: systemClock.now() });

/**
 * Review packages as the app uses them, at issue 14's scale: one 100-page version and 10,000 annotations, on two
 * laptops (two data folders). Opening the review, one change made durable, exporting a package, opening it on the
 * other laptop, and merging back a package of 5,000 changed records (once into a laptop that changed nothing since,
 * and once with one field of them changed on both sides), each
 * through the services the app calls, files and fsyncs included; and the resident memory at its peak, of this
 * process (the app's) and of the process the merge runs its engine in, each on its own. Then such a merge as the
 * command line runs it (`policy-review merge`, a process that holds one laptop only, with its memory), and listing
 * and deciding the conflict it left, each as a command; last, a merge of the size most are: 100 changed records.
 */
export async function benchExchange(): Promise<Record<string, unknown>> {
  // The merge's engine runs as built, as in the app (and as the command line below runs it).
  buildApp();
  const startProcess = startBuiltServiceProcess;
  const chairDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-chair-'));
  const legalDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-legal-'));
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    sample();
    return [result, round(performance.now() - started)];
  };
  // Each laptop's package, its history saved by the engine's process as built.
  const exportFrom = (store: ReviewStore, author: Author, prepared?: PreparedEngine) =>
    exportPackage(store, writer(author), 'bench', undefined, {
      startProcess,
      prepared,
    });
  const chairs = new ReviewLibrary(chairDir);
  const legals = new ReviewLibrary(legalDir);
  try {
    const annotations = 10_000;
    const review = newReviewDocument('Bench review', CHAIR, systemClock);
    const version = versionFromBlocks(generatePolicyBlocks(100), 'v1');
    review.versions.push(version);
    review.annotations.push(
      ...generateAnnotations(
        version,
        annotations,
        review.checklist.criteria.map((c) => c.id),
      ),
    );
    await chairs.create(review);
    const [chair, openMs] = await timed(() => chairs.openReview(review.id));

    const random = seededRandom(14);
    const changeTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const [, ms] = await timed(() => shiftSeverities(chair, [pick(chair.review, random)], 1, CHAIR));
      changeTimes.push(ms);
    }

    const [firstPackage, firstExportMs] = await timed(() => exportFrom(chair, CHAIR));
    await shiftSeverities(chair, [pick(chair.review, random)], 1, CHAIR);
    const [, exportMs] = await timed(() => exportFrom(chair, CHAIR));
    // The same, as the app exports: the history loaded while the person chooses where to save (not timed).
    const [loadedAhead, exportAheadMs] = await loadedAheadThen(chair, (prepared) => exportFrom(chair, CHAIR, prepared));

    const [opened, readPackageMs] = await timed(() => readPackage(firstPackage, 'bench.policyreview', NO_TRUST));
    const [, openPackageMs] = await timed(() => addPackagedReview(legals, opened, { startProcess }));
    const legal = await legals.openReview(review.id);

    // The legal advisor changes 5,000 annotations and sends them back to a chair who changed nothing meanwhile: the
    // most common round trip.
    const ids = chair.review.annotations.map((a) => a.id);
    await shiftSeverities(legal, ids.slice(0, 5_000), 2, LEGAL);
    const [, roundTripMs] = await timed(async () =>
      mergeIntoChair(chair, await exportFrom(legal, LEGAL), { startProcess }),
    );

    // Apart: the legal advisor changes 5,000 annotations again, the chair 2,500 (one of them the same as hers). The
    // chair's laptop is kept as it is then, for the same package to be merged the three ways below from the same state.
    await shiftSeverities(legal, ids.slice(0, 5_000), 2, LEGAL);
    await shiftSeverities(chair, ids.slice(4_999, 7_499), 1, CHAIR);
    const fromLegal = await exportFrom(legal, LEGAL);
    await Promise.all([chairs.closeReview(review.id), legals.closeReview(review.id)]);
    const apart = `${chairDir}-apart`;
    await cp(chairDir, apart, { recursive: true });
    const chairAsApart = async () => {
      await chairs.closeReview(review.id);
      await rm(chairDir, { recursive: true, force: true });
      await cp(apart, chairDir, { recursive: true });
      return chairs.openReview(review.id);
    };
    sample();

    // The merge's two processes: this one (the app's), sampled every 10 ms meanwhile, and the engine's, which says
    // its own peak (its whole resident memory, WebAssembly included).
    const chairApart = await chairs.openReview(review.id);
    let mergeAppPeak = process.memoryUsage().rss;
    const watch = setInterval(() => (mergeAppPeak = Math.max(mergeAppPeak, process.memoryUsage().rss)), 10);
    let enginePeak = 0;
    const [counts, mergeMs] = await timed(() =>
      mergeIntoChair(chairApart, fromLegal, { startProcess, measured: (engine) => (enginePeak = engine.peakRssBytes) }),
    );
    clearInterval(watch);

    // The same merge as the app runs it: the engine starts, and loads the chair's history, while the person chooses
    // the package (not timed: that takes the person longer); the merge then takes it.
    const chairChoosing = await chairAsApart();
    const spare = new SpareMergeEngine({ startProcess });
    const [held, loadAheadMs] = await timed(() =>
      spare.prepare(chairChoosing.file, chairChoosing.review, writer(CHAIR)),
    );
    let aheadEngine = { peakRssBytes: 0, historyLoadedAhead: false };
    const [aheadCounts, mergeAheadMs] = await timed(() =>
      mergeIntoChair(chairChoosing, fromLegal, {
        prepared: spare.take(chairChoosing.file),
        measured: (engine) => (aheadEngine = engine),
      }),
    );
    // The conflict it left, decided as in To resolve: the history loaded while the person reads it (not timed).
    const [left] = await reviewConflicts(chairChoosing, { startProcess });
    const [decidedAhead, decisionAheadMs] = await loadedAheadThen(chairChoosing, (prepared) =>
      resolveReviewConflict(chairChoosing, left!.id, 0, writer(CHAIR), systemClock, {
        startProcess,
        prepared,
      }),
    );

    // The same merge as a person at the command line runs it, in a process of its own that holds only the chair's
    // laptop: what the app's process holds for a merge, without the second laptop this benchmark also keeps.
    await chairAsApart();
    await chairs.closeReview(review.id);
    const packageFile = join(legalDir, 'from-legal.policyreview');
    await writeFile(packageFile, fromLegal);
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const command = await runWatched([CLI, 'merge', review.id, packageFile, '--json', '--data-dir', chairDir], repo);
    // The conflict that merge left, listed and decided, each by a command of its own (its process's start
    // included): the services To resolve calls, in a process that holds the chair's laptop only.
    const listing = await runWatched([CLI, 'conflicts', review.id, '--json', '--data-dir', chairDir], repo);
    const [conflict] = JSON.parse(listing.stdout) as { id: string }[];
    const deciding = await runWatched(
      [CLI, 'resolve', review.id, conflict!.id, '--keep', '0', '--json', '--data-dir', chairDir],
      repo,
    );

    // A merge of the size most are: the legal advisor changes 100 more annotations and the chair 50 (one the same),
    // merged as the app merges, the history loaded while the package is chosen.
    const legalAgain = await legals.openReview(review.id);
    await shiftSeverities(legalAgain, ids.slice(0, 100), 1, LEGAL);
    const smallPackage = await exportFrom(legalAgain, LEGAL);
    const chairAgain = await chairs.openReview(review.id);
    await shiftSeverities(chairAgain, ids.slice(99, 149), 1, CHAIR);
    const [{ result: smallCounts }, smallMergeMs] = await loadedAheadThen(chairAgain, (prepared) =>
      mergeIntoChair(chairAgain, smallPackage, { startProcess, prepared }),
    );
    sample();

    return {
      annotations,
      blocks: version.blocks.length,
      openMs,
      targetOpenMs: 1000,
      changeDurableMs: { p50: round(percentile(changeTimes, 50)), p95: round(percentile(changeTimes, 95)) },
      targetChangeP95Ms: 30,
      packageBytes: firstPackage.length,
      firstExportMs,
      exportMs,
      // The same, the history loaded while the person chose where to save the package.
      exportWithHistoryLoadedAheadMs: loadedAhead.held ? exportAheadMs : 'not loaded ahead',
      readPackageMs,
      openPackageMs,
      mergeOf5000ChangedMs: mergeMs,
      // The same, with the history loaded while the package was chosen (loadAheadMs before it, not counted).
      mergeWithHistoryLoadedAhead: {
        ms: mergeAheadMs,
        counts: aheadCounts,
        loadAheadMs,
        held,
        historyLoadedAhead: aheadEngine.historyLoadedAhead,
        enginePeakRssMb: Math.round(aheadEngine.peakRssBytes / 1024 / 1024),
      },
      // The conflict that merge left, decided in the app's services, the history loaded while the person read it.
      decisionWithHistoryLoadedAheadMs: decidedAhead.held ? decisionAheadMs : 'not loaded ahead',
      // `policy-review conflicts` and `resolve` on the conflict the command-line merge left.
      // Each with its engine's process, if it started one.
      conflictsCommand: commandFigures(listing),
      resolveCommand: commandFigures(deciding),
      // A package of 100 changed records, both sides moved on, the history loaded ahead.
      mergeOf100ChangedAheadMs: smallMergeMs,
      mergedOf100Changed: smallCounts,
      // The same, exported and merged, where this laptop changed nothing since it sent the review.
      roundTripOf5000ChangedMs: roundTripMs,
      targetMergeMs: 500,
      merged: counts,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      targetPeakRssMb: 400,
      // The most this process ever held, setting up 10,000 annotations on two laptops included.
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      mergeAppPeakRssMb: Math.round(mergeAppPeak / 1024 / 1024),
      mergeEnginePeakRssMb: Math.round(enginePeak / 1024 / 1024),
      commandLineMerge: {
        ...commandFigures(command),
        counts: JSON.parse(command.stdout) as unknown,
      },
    };
  } finally {
    await chairs.closeAll();
    await legals.closeAll();
    await rm(chairDir, { recursive: true, force: true });
    await rm(`${chairDir}-apart`, { recursive: true, force: true });
    await rm(legalDir, { recursive: true, force: true });
  }
}

/**
 * The review's history loaded ahead, as the app loads it while the person chooses (not timed), then `work` timed,
 * given the engine that loaded it; with whether it held the history.
 */
async function loadedAheadThen<T>(
  store: ReviewStore,
  work: (prepared: PreparedEngine | undefined) => Promise<T>,
): Promise<[{ result: T; held: boolean }, number]> {
  const spare = new SpareMergeEngine({ startProcess: startBuiltServiceProcess });
  const held = await spare.prepare(store.file, store.review, writer(CHAIR));
  const started = performance.now();
  const result = await work(spare.take(store.file));
  return [{ result, held }, round(performance.now() - started)];
}

/** A command's time (its process's start included), and the peaks of its process and of its engine's, if any. */
function commandFigures(command: Awaited<ReturnType<typeof runWatched>>) {
  return { ms: command.ms, peakRssMb: command.peakRssMb, enginePeakRssMb: command.childPeakRssMb };
}

/** The chair reads a package from the legal advisor and merges it, as the app does (`options` as mergePackage's). */
async function mergeIntoChair(
  chair: ReviewStore,
  packageBytes: Uint8Array,
  options?: Parameters<typeof mergePackage>[4],
): Promise<MergeCounts> {
  const opened = await readPackage(packageBytes, 'legal.policyreview', NO_TRUST);
  return mergePackage(chair, opened, writer(CHAIR), systemClock, options);
}

function pick(review: Review, random: () => number): string {
  return review.annotations[Math.floor(random() * review.annotations.length)]!.id;
}

/** Moves each annotation's severity on by `by` steps, as a person would one by one, saved as one change. */
function shiftSeverities(store: ReviewStore, ids: string[], by: number, author: Author): Promise<void> {
  return store.mutate((review) => {
    for (const id of ids) {
      const annotation = review.annotations.find((a) => a.id === id)!;
      const severity = SEVERITIES[(SEVERITIES.indexOf(annotation.severity) + by) % SEVERITIES.length]!;
      updateAnnotation(review, id, { severity }, author, systemClock);
    }
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
