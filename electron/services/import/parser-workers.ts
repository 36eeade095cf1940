// The worker threads a file is parsed in (see run-parser.ts): started for it, or ahead of it, while the parsing
// process waits for its file (see import-process.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerPrepared, WorkerSetup } from './import-worker';
import type { ImportFormat } from './types';

const runningFromSource = import.meta.url.endsWith('.ts');

/** A worker thread as started: it may end before its task comes (a library that would not load). */
export interface StartedWorker {
  readonly worker: Worker;
  exited: boolean;
}

/**
 * A small young generation (16 MB): pdf.js makes many short-lived arrays, and with a bigger one each worker ran
 * slower (its nursery no longer stays in the cache) and used 30 MB more. A worker's console output (pdf.js logs
 * what it finds wrong in a damaged file there) is dropped: the import's own error says what to do, and the CLI's
 * output is for its answer.
 */
export function startWorker(heapMb: number, setup: WorkerSetup): StartedWorker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 };
  const options = { resourceLimits, stdout: true, stderr: true };
  const worker = runningFromSource
    ? new Worker(new URL('../processes/start-from-source.mjs', import.meta.url), {
        ...options,
        workerData: { ...setup, entry: new URL('./import-worker.ts', import.meta.url).href },
      })
    : new Worker(new URL('./import-worker.js', import.meta.url), { ...options, workerData: setup });
  worker.stdout.resume();
  worker.stderr.resume();
  const started: StartedWorker = { worker, exited: false };
  worker.once('exit', () => (started.exited = true));
  // An error before the task comes ends the worker: its task then goes to a new one (see run-parser.ts).
  worker.on('error', () => undefined);
  return started;
}

/** Whether a second worker reads pages with the parser's: a long PDF, on a machine with a core for it. */
export function helped(format: ImportFormat, long: boolean): boolean {
  return format === 'pdf' && long && availableParallelism() >= 2;
}

/** Resolves once the worker has loaded what it expects, or has ended. */
function preparedOf({ worker, exited }: StartedWorker): Promise<void> {
  if (exited) return Promise.resolve();
  return new Promise((resolve) => {
    const prepared = (message: WorkerPrepared | { type: string }) => {
      if (message.type !== 'prepared') return;
      worker.off('message', prepared);
      resolve();
    };
    worker.on('message', prepared);
    worker.once('exit', () => resolve());
  });
}

/**
 * Workers started before their file is known: the parser's, loading the parsers expected, then, for a long PDF,
 * the page helper's. One after the other, so that on a machine with two cores the host (which is loading, opening
 * the review, reading the file meanwhile) keeps one; when the file comes first, the rest start with it.
 */
export class WaitingWorkers {
  readonly parser: StartedWorker;
  private helper: StartedWorker | undefined;
  private taken = false;
  /** Resolves once every worker started ahead has loaded what it expects (or will not start now). */
  readonly prepared: Promise<void>;

  constructor(
    readonly heapMb: number,
    expect: readonly ImportFormat[],
    pdfHelper: boolean,
  ) {
    this.parser = startWorker(heapMb, { expect });
    const wantsHelper = expect.includes('pdf') && helped('pdf', pdfHelper);
    this.prepared = preparedOf(this.parser).then(async () => {
      if (!wantsHelper || this.taken) return;
      this.helper = startWorker(heapMb, { expect: ['pdf'] });
      await preparedOf(this.helper);
    });
  }

  /** The workers for a file, as far as they have started; none starts ahead any more. */
  take(): { parser: StartedWorker; helper?: StartedWorker | undefined } {
    this.taken = true;
    return { parser: this.parser, helper: this.helper };
  }
}
