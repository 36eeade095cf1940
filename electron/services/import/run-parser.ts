import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ParseRequest, WorkerCommand, WorkerTask } from './import-worker';
import { failureOf, replyError, type ParseReply } from './parse-reply';
import { newPageClaims } from './parsers/pdf-page-sharing';
import type { ImportFormat, ParsedDocument } from './types';

const runningFromSource = import.meta.url.endsWith('.ts');

/**
 * Checks a file must pass before its parser may read it, run in this thread while the workers start and load
 * their libraries (which is about as long): a PDF's streams are held to a ceiling (parsers/pdf-streams.ts).
 */
const CHECKS_FIRST: Partial<Record<ImportFormat, (request: ParseRequest) => Promise<void>>> = {
  pdf: async ({ bytes, fileName, limits }) => (await import('./parsers/pdf-streams')).checkPdfStreams(bytes, fileName, limits.pdf),
};

/**
 * A small young generation (16 MB): pdf.js makes many short-lived arrays, and with a bigger one each worker ran
 * slower (its nursery no longer stays in the cache) and used 30 MB more. A worker's console output (pdf.js logs
 * what it finds wrong in a damaged file there) is dropped: the import's own error says what to do, and the CLI's
 * output is for its answer.
 */
function startWorker(task: WorkerTask, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 };
  const transferList = task.pageSharing ? [task.pageSharing.port] : [];
  const options = { resourceLimits, transferList, stdout: true, stderr: true };
  const worker = runningFromSource
    ? new Worker(new URL('./start-from-source.mjs', import.meta.url), { ...options, workerData: { ...task, entry: new URL('./import-worker.ts', import.meta.url).href } })
    : new Worker(new URL('./import-worker.js', import.meta.url), { ...options, workerData: task });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

/**
 * A long PDF is read by two workers at once when the machine has a second core: pdf.js reads pages one at a
 * time on one thread, and on a 100-page policy that is most of the import. The helper has the same limits.
 */
function startWorkers(request: ParseRequest, heapMb: number, waitForCheck: boolean): { parser: Worker; helper?: Worker } {
  if (request.format !== 'pdf' || request.bytes.length < request.limits.pdf.helperFromBytes || availableParallelism() < 2) {
    return { parser: startWorker({ role: 'parse', request, waitForCheck }, heapMb) };
  }
  const claims = newPageClaims();
  const { port1, port2 } = new MessageChannel();
  const parser = startWorker({ role: 'parse', request, waitForCheck, pageSharing: { claims, port: port1 } }, heapMb);
  const helper = startWorker({ role: 'pdf-page-helper', request, waitForCheck, pageSharing: { claims, port: port2 } }, heapMb);
  // Whatever happens to the helper (an error, its memory limit) the parser reads its pages; nothing to report.
  helper.on('error', () => undefined);
  return { parser, helper };
}

/**
 * Parses a file in a worker thread with a time limit and a heap limit, after the checks its format must pass.
 * Whatever happens inside (a parser crash, a runaway file), the answer is the parsed document or an AppError that
 * names the file and what to do. The workers' array buffers are not counted by their heap limit: the process this
 * runs in is the bound on those (see parser-process.ts).
 */
export function parseInWorker(
  request: ParseRequest,
  timeoutMs: number,
  heapMb: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ParsedDocument> {
  return new Promise((resolve, reject) => {
    const checkFirst = CHECKS_FIRST[request.format];
    const { parser: worker, helper } = startWorkers(request, heapMb, checkFirst !== undefined);
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
    checkFirst?.(request).then(
      () => {
        worker.postMessage('checked' satisfies WorkerCommand);
        helper?.postMessage('checked' satisfies WorkerCommand);
      },
      (error: unknown) => finish(() => reject(replyError(request, failureOf(error)))),
    );
    worker.on('message', (reply: ParseReply) => {
      if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
      finish(() => (reply.ok ? resolve(reply.parsed) : reject(replyError(request, reply.error))));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new AppError('E_TOO_LARGE', `Reading “${request.fileName}” needed more than ${heapMb} MB of memory, so it was stopped. The file is far larger or more complex than a policy; split it or save it in another format.`));
        } else {
          reject(new AppError('E_INVALID_INPUT', `“${request.fileName}” could not be read: ${error.message.slice(0, 300)}.`));
        }
      });
    });
    worker.on('exit', (code) => {
      finish(() => reject(new AppError('E_INVALID_INPUT', `Reading “${request.fileName}” stopped unexpectedly (exit code ${code}). The file may be damaged.`)));
    });
  });
}

export function timeLimitError(fileName: string, timeoutMs: number): AppError {
  return new AppError('E_TOO_LARGE', `Reading “${fileName}” took longer than ${Math.round(timeoutMs / 1000)} seconds, so it was stopped. The file may be damaged or far larger than a policy; try saving it again from the program that made it, or in another format.`);
}
