import type { Clock } from '../../../shared/domain/clock';
import type { Review } from '../../../shared/model';
import { formatSize } from '../../../shared/domain/file-size';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import type { ParseFailure } from '../import/parse-reply';
import { boundedJob, ranOutOfMemory } from '../processes/bounded-job';
import { forkServiceProcess } from '../processes/fork-service-process';
import { serviceEntry } from '../processes/service-entry';
import { LaunchedProcess } from '../processes/launched-process';
import { ENGINE_FLAGS_FOR_SIZE, typedProcess, type StartServiceProcess } from '../processes/service-process';
import type { EngineJob, MergeJob, MergeMessage, MergeOutcome, MergeReply, PackageCheck } from './merge-protocol';
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
 * package that exhausts the engine (whose WebAssembly memory would otherwise be the app's, up to 4 GB, and whose
 * trap leaves it unusable) ends that process, never the app: the answer is the merge's outcome, or an AppError
 * that says what happened, with nothing written. The log's stamp is drawn from `clock` here, once the merge
 * changed something.
 */
export async function mergeInProcess(
  job: MergeJob,
  clock: Clock,
  options: MergeInProcessOptions = {},
): Promise<MergedInProcess> {
  // The review the engine was sent ahead is the store's review still, if no change was saved since (every save
  // makes a new one): then it is not sent again.
  const sent = options.prepared?.review === job.review ? { ...job, review: undefined } : job;
  const { outcome, enginePeakRssBytes } = await inEngineProcess({ type: 'merge', job: sent }, clock, options);
  if (!outcome) throw new AppError('E_INTERNAL', 'The merge engine answered without the merge; nothing was changed.');
  return { ...outcome, enginePeakRssBytes };
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

/** A merge's engine process from its start (see LaunchedProcess). */
export type LaunchedMergeEngine = LaunchedProcess<MergeMessage, MergeReply>;

/** Starts a merge's engine process through the host's starter; a starter that fails is an E_INTERNAL error. */
export function launchMergeEngine(startProcess: StartServiceProcess = forkServiceProcess): LaunchedMergeEngine {
  try {
    const { modulePath, args } = serviceEntry('merge-process.js', new URL('./merge-process.ts', import.meta.url));
    const started = startProcess(modulePath, args, 'Policy Review Workstation merge', ENGINE_FLAGS_FOR_SIZE);
    return new LaunchedProcess(typedProcess<MergeMessage, MergeReply>(started));
  } catch (error) {
    throw new AppError(
      'E_INTERNAL',
      `The merge could not start its engine process: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function inEngineProcess(
  request: EngineJob,
  clock: Clock | undefined,
  { startProcess, limits = MERGE_LIMITS, prepared, reached }: MergeInProcessOptions,
): Promise<{ outcome: MergeOutcome | undefined; enginePeakRssBytes: number }> {
  const doing = request.type === 'merge' ? 'Merging this package' : 'Opening this package';
  const tooLarge = () =>
    new AppError(
      'E_TOO_LARGE',
      `${doing} needed more than ${formatSize(limits.memoryBytes)} of memory, so it was stopped; ` +
        'nothing was changed. The package or the review is far larger than a committee’s review.',
    );
  return new Promise((resolve, reject) => {
    let engine: LaunchedMergeEngine;
    try {
      engine = prepared?.engine ?? launchMergeEngine(startProcess);
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
    let outcome: MergeOutcome | undefined;
    engine.onReply((reply) => {
      if (reply.type === 'prepared') return;
      if (reply.type === 'outcome') outcome = reply.outcome;
      else if (reply.type === 'step') reached?.(reply.step);
      else if (reply.type === 'merged') {
        // What is left (logging the merge, saving the history, writing both) is saving, to the person.
        reached?.('saving');
        // Drawn in the order the log draws them (recordAudit): the id, then the time.
        const stamp = reply.unchanged || !clock ? undefined : { id: clock.newId(), at: clock.now() };
        engine.child.postMessage({ type: 'log', stamp });
      } else if (reply.ok) {
        finish(() => resolve({ outcome, enginePeakRssBytes: reply.peakRssBytes }));
      } else {
        const failure = reply.error;
        finish(() => reject(failure.internal === undefined ? asAppError(failure) : engineFailure(failure)));
      }
    });
    engine.whenListening(() => engine.child.postMessage({ ...request, memoryLimitBytes: limits.memoryBytes }));
    engine.whenEnded(({ code, signal }) => {
      const exit = code ?? signal ?? 'unknown';
      if (!engine.isListening)
        return finish(() =>
          reject(new AppError('E_INTERNAL', `The merge could not start its engine process (exit code ${exit}).`)),
        );
      finish(() =>
        reject(
          ranOutOfMemory(code, signal)
            ? tooLarge()
            : new AppError(
                'E_INTERNAL',
                `The merge engine stopped unexpectedly (exit code ${exit}); nothing was changed.`,
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
 * Something the engine threw that is not the app's own error: a WebAssembly trap (`RuntimeError: unreachable`) is
 * how the engine runs out of memory; anything else is said as it is.
 */
function engineFailure({ internal }: ParseFailure): AppError {
  if (internal?.startsWith('RuntimeError'))
    return new AppError(
      'E_TOO_LARGE',
      'The merge engine could not merge this package (most likely it needed more memory than it has); nothing was changed.',
    );
  return new AppError(
    'E_INTERNAL',
    `The merge engine failed (${(internal ?? '').slice(0, 300)}); nothing was changed.`,
  );
}
