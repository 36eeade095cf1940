import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import type { ParseReply, ParseRequest, WorkerTask } from './import-worker';
import { newPageClaims } from './parsers/pdf-page-sharing';
import type { ParsedDocument } from './types';

const runningFromSource = import.meta.url.endsWith('.ts');

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
    ? new Worker(new URL('./worker-from-source.mjs', import.meta.url), { ...options, workerData: { ...task, entry: new URL('./import-worker.ts', import.meta.url).href } })
    : new Worker(new URL('./import-worker.js', import.meta.url), { ...options, workerData: task });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}

/**
 * A long PDF is read by two workers at once when the machine has a second core: pdf.js reads pages one at a
 * time on one thread, and on a 100-page policy that is most of the import. The helper has the same limits.
 */
function startWorkers(request: ParseRequest, heapMb: number): { parser: Worker; helper?: Worker } {
  if (request.format !== 'pdf' || request.bytes.length < request.limits.pdf.helperFromBytes || availableParallelism() < 2) {
    return { parser: startWorker({ role: 'parse', request }, heapMb) };
  }
  const claims = newPageClaims();
  const { port1, port2 } = new MessageChannel();
  const parser = startWorker({ role: 'parse', request, pageSharing: { claims, port: port1 } }, heapMb);
  const helper = startWorker({ role: 'pdf-page-helper', request, pageSharing: { claims, port: port2 } }, heapMb);
  // Whatever happens to the helper (an error, its memory limit) the parser reads its pages; nothing to report.
  helper.on('error', () => undefined);
  return { parser, helper };
}

/**
 * Parses a file in a worker thread with a time limit and a heap limit. Whatever happens inside (a parser
 * crash, a runaway file), the answer is the parsed document or an AppError that names the file and what to do.
 */
export function parseInWorker(
  request: ParseRequest,
  timeoutMs: number,
  heapMb: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ParsedDocument> {
  return new Promise((resolve, reject) => {
    const { parser: worker, helper } = startWorkers(request, heapMb);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      void helper?.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new AppError('E_TOO_LARGE', `Reading “${request.fileName}” took longer than ${Math.round(timeoutMs / 1000)} seconds, so it was stopped. The file may be damaged or far larger than a policy; try saving it again from the program that made it, or in another format.`)));
    }, timeoutMs);
    worker.on('message', (reply: ParseReply) => {
      if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
      finish(() => {
        if (reply.ok) return resolve(reply.parsed);
        if (reply.error.internal !== undefined) {
          return reject(new AppError('E_INVALID_INPUT', `“${request.fileName}” could not be read as ${describe(request.format)}: ${reply.error.internal.slice(0, 300)}. The file may be damaged; try saving it again from the program that made it.`));
        }
        reject(new AppError(asErrorCode(reply.error.code), reply.error.message));
      });
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

function describe(format: ParseRequest['format']): string {
  return { txt: 'text', markdown: 'Markdown', html: 'HTML', docx: 'a Word document', pdf: 'a PDF' }[format];
}

function asErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'E_INVALID_INPUT';
}
