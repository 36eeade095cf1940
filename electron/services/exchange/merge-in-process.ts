import type { Clock } from '../../../shared/domain/clock';
import type { Review } from '../../../shared/model';
import { formatSize } from '../../../shared/domain/file-size';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import type { ParseFailure } from '../import/parse-reply';
import { boundedJob, ranOutOfMemory } from '../processes/bounded-job';
import { forkServiceProcess } from '../processes/fork-service-process';
import { serviceEntry } from '../processes/service-entry';
import { LaunchedProcess } from '../processes/launched-process';
import {
  ENGINE_FOR_ONE_HISTORY,
  ENGINE_FOR_SIZE,
  typedProcess,
  type ProcessTuning,
  type StartServiceProcess,
} from '../processes/service-process';
import type {
  DecisionJob,
  EngineJob,
  EngineOutcomes,
  HistoryJob,
  ListingJob,
  MergeJob,
  MergeMessage,
  MergeOutcome,
  MergeReply,
  PackageCheck,
  Sent,
} from './merge-protocol';
import type { MergeStep } from './package-progress';

/**
 * A merge's engine holds this laptop's history with the package's changes applied, and the review: about 380 to
 * 400 MB at 10,000 annotations and 5,000 changed records, far less for a committee's usual review. Above this, the
 * package is refused as too large rather than the machine swapping; a merge that runs this long has gone wrong.
 */
export const MERGE_LIMITS = { memoryBytes: 2048 * 1024 * 1024, timeoutMs: 5 * 60_000 };

export interface MergeInProcessOptions {
  /** How the host starts a process: Electron's main passes utilityProcess; otherwise Node's child_process.fork. */
  startProcess?: StartServiceProcess | undefined;
  limits?: typeof MERGE_LIMITS | undefined;
  /** An engine started ahead, which has loaded the review's history (SpareMergeEngine): the merge runs in it. */
  prepared?: PreparedEngine | undefined;
  /** Told each step the merge reaches (the engine's, then saving, which is the host's from there). */
  reached?: ((step: MergeStep) => void) | undefined;
}

/** An engine started ahead of a merge, and the review it was sent then (the store's, as it was). */
export interface PreparedEngine {
  engine: LaunchedMergeEngine;
  review: Review;
}

/** What a merge in its own process gave, with the most memory that process held (for the benchmarks). */
export interface MergedInProcess extends MergeOutcome {
  enginePeakRssBytes: number;
}

/**
 * Runs a merge's engine work (merge-histories.ts) in a process of its own, bounded in memory and time, so a
 * package that exhausts the engine (whose memory would otherwise be the app's) ends that process, never the app: the answer is the merge's outcome, or an AppError
 * that says what happened, with nothing written. The log's stamp is drawn from `clock` here, once the merge
 * changed something.
 */
export async function mergeInProcess(
  job: MergeJob,
  clock: Clock,
  options: MergeInProcessOptions = {},
): Promise<MergedInProcess> {
  const sent = { type: 'merge', job: sentTo(options.prepared, job) } as const;
  const { outcome, enginePeakRssBytes } = await inEngineProcess(sent, clock, options);
  return { ...answered(outcome), enginePeakRssBytes };
}

/**
 * Checks, in the merge's engine process, that a package's history is the history of the review it holds (see
 * checkPackageHistory): loading a history is what a package can exhaust memory with, so never in the app's process.
 */
export async function checkPackageInProcess(
  check: PackageCheck,
  options: MergeInProcessOptions = {},
): Promise<{ enginePeakRssBytes: number }> {
  const { enginePeakRssBytes } = await inEngineProcess({ type: 'check', check }, undefined, options);
  return { enginePeakRssBytes };
}

/** The review's open conflicts, read in the engine's process (see history-jobs.ts). */
export async function listConflictsInProcess(
  job: ListingJob,
  options: MergeInProcessOptions = {},
): Promise<EngineOutcomes['list']> {
  return answered((await inEngineProcess({ type: 'list', job }, undefined, options)).outcome);
}

/** One conflict decided in the engine's process and logged under a stamp drawn from `clock` (see history-jobs.ts). */
export async function decideInProcess(
  job: DecisionJob,
  clock: Clock,
  options: MergeInProcessOptions = {},
): Promise<EngineOutcomes['decide']> {
  const sent = { type: 'decide', job: sentTo(options.prepared, job) } as const;
  return answered((await inEngineProcess(sent, clock, options)).outcome);
}

/** The history caught up and saved whole for a package, in the engine's process (see history-jobs.ts). */
export async function exportHistoryInProcess(
  job: HistoryJob,
  options: MergeInProcessOptions = {},
): Promise<EngineOutcomes['export']> {
  const sent = { type: 'export', job: sentTo(options.prepared, job) } as const;
  return answered((await inEngineProcess(sent, undefined, options)).outcome);
}

/**
 * The job as sent to the engine: the review the engine was sent ahead is the store's review still, if no change was
 * saved since (every save makes a new one); then it is not sent again.
 */
function sentTo<J extends { review: Review }>(prepared: PreparedEngine | undefined, job: J): Sent<J> {
  return prepared?.review === job.review ? { ...job, review: undefined } : job;
}

function answered<T>(outcome: T | undefined): T {
  if (outcome === undefined)
    throw new AppError('E_INTERNAL', 'The review’s engine answered without its work; nothing was changed.');
  return outcome;
}

/** A merge's engine process from its start (see LaunchedProcess). */
export type LaunchedMergeEngine = LaunchedProcess<MergeMessage, MergeReply>;

/** Starts a merge's engine process through the host's starter; a starter that fails is an E_INTERNAL error. */
export function launchMergeEngine(
  startProcess: StartServiceProcess = forkServiceProcess,
  tuning: ProcessTuning = ENGINE_FOR_SIZE,
): LaunchedMergeEngine {
  try {
    const { modulePath, args } = serviceEntry('merge-process.js', new URL('./merge-process.ts', import.meta.url));
    const started = startProcess(modulePath, args, 'Policy Review Workstation merge', tuning);
    return new LaunchedProcess(typedProcess<MergeMessage, MergeReply>(started));
  } catch (error) {
    throw new AppError(
      'E_INTERNAL',
      `The merge could not start its engine process: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** What the person asked for, in words, for what is said if the engine fails at it. */
const DOING: Record<EngineJob['type'], string> = {
  merge: 'Merging this package',
  check: 'Opening this package',
  list: 'Listing the conflicts to resolve',
  decide: 'Resolving this conflict',
  export: 'Exporting this package',
};

function inEngineProcess<J extends EngineJob>(
  request: J,
  clock: Clock | undefined,
  { startProcess, limits = MERGE_LIMITS, prepared, reached }: MergeInProcessOptions,
): Promise<{ outcome: EngineOutcomes[J['type']] | undefined; enginePeakRssBytes: number }> {
  const doing = DOING[request.type];
  const tooLarge = () =>
    new AppError(
      'E_TOO_LARGE',
      `${doing} needed more than ${formatSize(limits.memoryBytes)} of memory, so it was stopped; ` +
        `nothing was changed. ${request.type === 'merge' || request.type === 'check' ? 'The package or the review is' : 'The review is'} far larger than a committee’s review.`,
    );
  return new Promise((resolve, reject) => {
    let engine: LaunchedMergeEngine;
    try {
      // A merge holds two histories at once, and is held to its memory (ENGINE_FOR_SIZE); so is an engine
      // started ahead, which may be given a merge. Any other job started for itself holds one.
      engine =
        prepared?.engine ??
        launchMergeEngine(startProcess, request.type === 'merge' ? ENGINE_FOR_SIZE : ENGINE_FOR_ONE_HISTORY);
    } catch (error) {
      reject(error);
      return;
    }
    const { finish } = boundedJob(
      {
        pid: () => engine.child.pid,
        memoryBytes: limits.memoryBytes,
        timeoutMs: limits.timeoutMs,
        overBudget: tooLarge,
        timedOut: () =>
          new AppError(
            'E_TOO_LARGE',
            `${doing} took longer than ${Math.round(limits.timeoutMs / 60_000)} minutes, so it was stopped; nothing was changed.`,
          ),
        kill: () => engine.kill(),
      },
      reject,
    );
    let outcome: EngineOutcomes[J['type']] | undefined;
    // Drawn in the order the log draws them (recordAudit): the id, then the time.
    const stamp = () => (clock ? { id: clock.newId(), at: clock.now() } : undefined);
    engine.onReply((reply) => {
      if (reply.type === 'prepared') return;
      // Sent by the engine for the job it was given, so of that job's kind.
      if (reply.type === 'outcome') outcome = reply.outcome as EngineOutcomes[J['type']];
      else if (reply.type === 'step') reached?.(reply.step);
      else if (reply.type === 'decided') engine.child.postMessage({ type: 'log', stamp: stamp() });
      else if (reply.type === 'merged') {
        // What is left (logging the merge, saving the history, writing both) is saving, to the person.
        reached?.('saving');
        engine.child.postMessage({ type: 'log', stamp: reply.unchanged ? undefined : stamp() });
      } else if (reply.ok) {
        finish(() => resolve({ outcome, enginePeakRssBytes: reply.peakRssBytes }));
      } else {
        const failure = reply.error;
        finish(() =>
          reject(failure.internal === undefined ? asAppError(failure) : engineFailure(failure, request.type)),
        );
      }
    });
    engine.whenListening(() => engine.child.postMessage({ ...request, memoryLimitBytes: limits.memoryBytes }));
    engine.whenEnded(({ code, signal }) => {
      const exit = code ?? signal ?? 'unknown';
      if (!engine.isListening)
        return finish(() =>
          reject(new AppError('E_INTERNAL', `${doing} could not start the engine's process (exit code ${exit}).`)),
        );
      finish(() =>
        reject(
          ranOutOfMemory(code, signal)
            ? tooLarge()
            : new AppError(
                'E_INTERNAL',
                `${doing} stopped: the engine's process ended unexpectedly (exit code ${exit}); nothing was changed.`,
              ),
        ),
      );
    });
  });
}

function asAppError({ code, message }: ParseFailure): AppError {
  return new AppError((ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'E_INTERNAL', message);
}

/**
 * Something the engine threw that is not the app's own error: a trap (`RuntimeError`, of WebAssembly code that runs
 * there) is how such code runs out of memory; anything else is said as it is. (A process over its budget is stopped
 * by its own watch, and said so by the host.)
 */
function engineFailure({ internal }: ParseFailure, job: EngineJob['type']): AppError {
  if (internal?.startsWith('RuntimeError'))
    return new AppError(
      'E_TOO_LARGE',
      job === 'merge'
        ? 'The merge engine could not merge this package (most likely it needed more memory than it has); nothing was changed.'
        : `${DOING[job]} stopped in the review’s engine (most likely it needed more memory than it has); nothing was changed.`,
    );
  const engine = job === 'merge' ? 'The merge engine' : 'The review’s engine';
  return new AppError('E_INTERNAL', `${engine} failed (${(internal ?? '').slice(0, 300)}); nothing was changed.`);
}
