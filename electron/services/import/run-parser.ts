import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ParseRequest, WorkerSetup, WorkerTask } from './import-worker';
import { failureOf, replyError, type ParseReply } from './parse-reply';
import { newPageClaims } from './parsers/pdf-page-sharing';
import type { ImportFormat, ParsedDocument } from './types';

const runningFromSource = import.meta.url.endsWith('.ts');

/**
 * Checks a file must pass, run in this thread while its parser reads it (whose worker loads its library and
 * opens the file meanwhile): a PDF's streams are held to a ceiling (parsers/pdf-streams.ts). The parser's answer
 * counts only once the check has passed; a failed check stops the parser and is the answer.
 */
const CHECKS: Partial<Record<ImportFormat, (request: ParseRequest) => Promise<void>>> = {
  pdf: async ({ bytes, fileName, limits }) => (await import('./parsers/pdf-streams')).checkPdfStreams(bytes, fileName, limits.pdf),
};

/** A worker thread as started: it may end before its task comes (a library that would not load). */
interface StartedWorker {
  readonly worker: Worker;
  exited: boolean;
}

/** Workers started before their file is known (see import-process.ts), each waiting for its task. */
export interface WaitingWorkers {
  readonly heapMb: number;
  readonly parser: StartedWorker;
  readonly helper?: StartedWorker | undefined;
}

/**
 * A small young generation (16 MB): pdf.js makes many short-lived arrays, and with a bigger one each worker ran
 * slower (its nursery no longer stays in the cache) and used 30 MB more. A worker's console output (pdf.js logs
 * what it finds wrong in a damaged file there) is dropped: the import's own error says what to do, and the CLI's
 * output is for its answer.
 */
function startWorker(heapMb: number, setup: WorkerSetup): StartedWorker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 };
  const options = { resourceLimits, stdout: true, stderr: true };
  const worker = runningFromSource
    ? new Worker(new URL('./start-from-source.mjs', import.meta.url), { ...options, workerData: { ...setup, entry: new URL('./import-worker.ts', import.meta.url).href } })
    : new Worker(new URL('./import-worker.js', import.meta.url), { ...options, workerData: setup });
  worker.stdout.resume();
  worker.stderr.resume();
  const started: StartedWorker = { worker, exited: false };
  worker.once('exit', () => (started.exited = true));
  // An error before the task comes ends the worker: its task then goes to a new one (see workersFor).
  worker.on('error', () => undefined);
  return started;
}

/** Whether a second worker reads pages with the parser's: a long PDF, on a machine with a core for it. */
function helped(format: ImportFormat | undefined, long: boolean): boolean {
  return format === 'pdf' && long && availableParallelism() >= 2;
}

/**
 * Starts the workers for a file that has not arrived yet: the parser's, loading the parser for the format
 * expected, and, for a long PDF, the page helper's.
 */
export function startWaitingWorkers(heapMb: number, expect?: ImportFormat, pdfHelper = false): WaitingWorkers {
  const parser = startWorker(heapMb, { expect });
  return { heapMb, parser, helper: helped(expect, pdfHelper) ? startWorker(heapMb, { expect: 'pdf' }) : undefined };
}

/**
 * The workers for this file: those waiting, when they are still there and have its heap limit, else new ones.
 * A long PDF is read by two workers at once when the machine has a second core: pdf.js reads pages one at a time
 * on one thread, and on a 100-page policy that is most of the import. The helper has the same limits.
 */
function workersFor(request: ParseRequest, heapMb: number, waiting: WaitingWorkers | undefined): { parser: Worker; helper?: Worker } {
  const fits = (started: StartedWorker | undefined) => started !== undefined && !started.exited && waiting?.heapMb === heapMb;
  const needsHelper = helped(request.format, request.bytes.length >= request.limits.pdf.helperFromBytes);
  const parser = fits(waiting?.parser) ? waiting!.parser.worker : startWorker(heapMb, { expect: request.format }).worker;
  if (waiting && parser !== waiting.parser.worker) void waiting.parser.worker.terminate();
  const helper = !needsHelper ? undefined : fits(waiting?.helper) ? waiting!.helper!.worker : startWorker(heapMb, { expect: 'pdf' }).worker;
  if (waiting?.helper && helper !== waiting.helper.worker) void waiting.helper.worker.terminate();
  if (!helper) {
    parser.postMessage({ role: 'parse', request } satisfies WorkerTask);
    return { parser };
  }
  const claims = newPageClaims();
  const { port1, port2 } = new MessageChannel();
  parser.postMessage({ role: 'parse', request, pageSharing: { claims, port: port1 } } satisfies WorkerTask, [port1]);
  helper.postMessage({ role: 'pdf-page-helper', request, pageSharing: { claims, port: port2 } } satisfies WorkerTask, [port2]);
  return { parser, helper };
}

/**
 * Parses a file in a worker thread with a time limit and a heap limit, while the checks its format must pass run
 * here. Whatever happens inside (a parser crash, a runaway file), the answer is the parsed document or an AppError
 * that names the file and what to do. The workers' array buffers are not counted by their heap limit: the process
 * this runs in is the bound on those (see parser-process.ts). `waiting` are workers started ahead for it.
 */
export function parseInWorker(
  request: ParseRequest,
  timeoutMs: number,
  heapMb: number,
  onProgress?: (done: number, total: number) => void,
  waiting?: WaitingWorkers,
): Promise<ParsedDocument> {
  return new Promise((resolve, reject) => {
    const { parser: worker, helper } = workersFor(request, heapMb, waiting);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      void helper?.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(timeLimitError(request.fileName, timeoutMs))), timeoutMs);
    // The parser's answer waits for the check: a file the check refuses gets the check's answer, whatever the parser made of it.
    let checked = false;
    let answer: (() => void) | undefined;
    const answerOnceChecked = (outcome: () => void) => {
      if (checked) finish(outcome);
      else answer ??= outcome;
    };
    const check = CHECKS[request.format]?.(request) ?? Promise.resolve();
    check.then(
      () => {
        checked = true;
        if (answer) finish(answer);
      },
      (error: unknown) => finish(() => reject(replyError(request, failureOf(error)))),
    );
    worker.on('message', (reply: ParseReply) => {
      if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
      answerOnceChecked(() => (reply.ok ? resolve(reply.parsed) : reject(replyError(request, reply.error))));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      answerOnceChecked(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new AppError('E_TOO_LARGE', `Reading “${request.fileName}” needed more than ${heapMb} MB of memory, so it was stopped. The file is far larger or more complex than a policy; split it or save it in another format.`));
        } else {
          reject(new AppError('E_INVALID_INPUT', `“${request.fileName}” could not be read: ${error.message.slice(0, 300)}.`));
        }
      });
    });
    worker.on('exit', (code) => {
      answerOnceChecked(() => reject(new AppError('E_INVALID_INPUT', `Reading “${request.fileName}” stopped unexpectedly (exit code ${code}). The file may be damaged.`)));
    });
  });
}

export function timeLimitError(fileName: string, timeoutMs: number): AppError {
  return new AppError('E_TOO_LARGE', `Reading “${fileName}” took longer than ${Math.round(timeoutMs / 1000)} seconds, so it was stopped. The file may be damaged or far larger than a policy; try saving it again from the program that made it, or in another format.`);
}
