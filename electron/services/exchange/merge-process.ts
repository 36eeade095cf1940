// A merge's engine process: the host (Electron's main process, the CLI, the browser host) starts one per merge (or
// per package opened, to check its history) and sends it the review and the package's history, or first the review
// alone, to load its history while the package is chosen; the engine work (loading both histories, catching up,
// merging, reading back) runs here, where the engine's memory (a history of 10,000 annotations is some 300 MB of
// objects) is this process's and not the app's.
// So does every other job on a review's history (history-jobs.ts: listing its conflicts, deciding one, exporting it).
// It stops itself above its memory budget; a merge that fails in any way ends here, and the app carries on.
import { failureOf } from '../import/parse-reply';
import { parentChannel, watchOwnMemory } from '../processes/service-process';
import { checkPackageHistory, mergeHistories } from './merge-histories';
import type { MergeCounts } from '../../../shared/api';
import type { Review } from '../../../shared/model';
import { decideConflict, exportedHistory, listOpenConflicts } from './history-jobs';
import type { EngineJob, EngineOutcomes, LogStamp, MergeMessage, MergeReply } from './merge-protocol';
import { ReviewHistory, type PreparedHistory } from './review-history';

const channel = parentChannel<MergeMessage, MergeReply>();
const peakRssBytes = () => process.resourceUsage().maxRSS * 1024;
let stamped: ((stamp: LogStamp | undefined) => void) | undefined;
let watching = false;
/** The history loaded ahead of the merge, if the host asked for it (a 'prepare' before the job), and its review. */
let prepared: Promise<PreparedHistory | undefined> = Promise.resolve(undefined);
let preparedReview: Review | undefined;

channel.onMessage((message) => {
  if (message.type === 'log') return stamped?.(message.stamp);
  if (!watching) watchOwnMemory(message.memoryLimitBytes);
  watching = true;
  if (message.type === 'prepare') {
    preparedReview = message.review;
    // Never fails the merge to come: a history that cannot be loaded now is read (and its problem said) by the merge.
    prepared = ReviewHistory.openAhead(message.reviewFile, message.review, message.writer).catch(() => undefined);
    void prepared.then((history) => {
      channel.send({ type: 'prepared', held: history !== undefined });
      // What loading and catching up left behind goes now, while the person is still choosing the package.
      collectGarbage();
    });
    return;
  }
  const stampAfter = (said: MergeReply) =>
    new Promise<LogStamp | undefined>((resolve) => {
      stamped = resolve;
      channel.send(said);
    });
  const work = runJob(message, stampAfter);
  work.then(
    (outcome) => {
      // Sent apart from 'done' and first: sending copies the outcome (the merged review, the history), and the peak
      // said in 'done' is the process's true one only if it comes after that copy.
      if (outcome) {
        // That copy is where the engine's peak comes: what the merge no longer needs is collected first, so the copy
        // takes its place. At 10,000 annotations: about 25 MB less at the peak, for about 0.1 s.
        collectGarbage();
        channel.send({ type: 'outcome', outcome });
      }
      channel.send({ type: 'done', ok: true, peakRssBytes: peakRssBytes() });
    },
    (error: unknown) =>
      channel.send({ type: 'done', ok: false, error: failureOf(error), peakRssBytes: peakRssBytes() }),
  );
});
channel.send({ type: 'ready' });

/** The job's work; `stampAfter` says where it stands and waits for the host's stamp to log it under. */
async function runJob(
  job: EngineJob,
  stampAfter: (said: MergeReply) => Promise<LogStamp | undefined>,
): Promise<EngineOutcomes[EngineJob['type']]> {
  switch (job.type) {
    case 'merge': {
      const { ahead, review } = await takePrepared(job.job);
      const stampFor = (counts: MergeCounts, unchanged: boolean) => stampAfter({ type: 'merged', counts, unchanged });
      return mergeHistories({ ...job.job, review }, stampFor, ahead, (step) => channel.send({ type: 'step', step }));
    }
    case 'check':
      checkPackageHistory(job.check);
      return undefined;
    case 'list':
      return listOpenConflicts(job.job);
    case 'decide': {
      const { ahead, review } = await takePrepared(job.job);
      return decideConflict({ ...job.job, review }, ahead, async () => {
        const stamp = await stampAfter({ type: 'decided' });
        if (!stamp) throw new Error('The host sent no stamp to log the decision under.');
        return stamp;
      });
    }
    case 'export': {
      const { ahead, review } = await takePrepared(job.job);
      return exportedHistory({ ...job.job, review }, ahead);
    }
  }
}

/**
 * The history loaded ahead, if any, with the job's review: the one sent with it, or the one sent ahead, which the
 * host left out as unchanged. This process lets go of what was loaded ahead as the job takes it, so that it can be
 * freed as soon as the job is done with it, before the outcome is sent.
 */
async function takePrepared(sent: { review?: Review | undefined }) {
  const review = sent.review ?? preparedReview;
  if (!review) throw new Error('The job came without its review, and none was sent ahead.');
  const ahead = await prepared;
  prepared = Promise.resolve(undefined);
  preparedReview = undefined;
  return { ahead, review };
}

/** A full garbage collection, where the engine's flags expose it (both sets in service-process.ts do); else nothing. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
