import { MessageChannel, type Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { WorkerPrepared, WorkerTask } from './import-worker';
import type { ParseRequest } from './parser-process-protocol';
import { failureOf, replyError, type PackedDocument, type ParseReply } from './parse-reply';
import { helped, startWorker, type StartedWorker, type WaitingWorkers } from './parser-workers';
import { newPageClaims } from './parsers/pdf-page-sharing';
import type { ImportFormat, ParseContext } from './types';

/**
 * Checks a file must pass, run in this thread while its parser reads it (whose worker loads its library and
 * opens the file meanwhile): a PDF's streams are held to a ceiling (parsers/pdf-streams.ts). The parser's answer
 * counts only once the check has passed; a failed check stops the parser and is the answer.
 */
const CHECKS: Partial<Record<ImportFormat, (request: ParseRequest) => Promise<void>>> = {
  pdf: async ({ bytes, fileName, limits }) =>
    (await import('./parsers/pdf-streams')).checkPdfStreams(bytes, fileName, limits.pdf),
};

/** What the parser's worker is given beside the file: a Word document's parts, unpacked already. */
type Unpacked = Pick<ParseContext, 'docxArchive'>;

/**
 * What a file gets in this thread before its parser starts, while the parser's worker starts and loads its
 * libraries: a Word document's archive is checked and unpacked under the limits (parsers/docx-zip.ts), as its
 * parser would do first, and the parser gets the parts. A file the check refuses never reaches the parser.
 */
const UNPACK: Partial<Record<ImportFormat, (request: ParseRequest) => Promise<Unpacked>>> = {
  docx: async ({ bytes, fileName, limits }) => {
    const archive = await (await import('./parsers/docx-zip')).checkDocxArchive(bytes, fileName, limits.docx);
    return {
      docxArchive: { ...archive, parts: new Map([...archive.parts].map(([name, part]) => [name, owned(part)])) },
    };
  },
};

/**
 * The bytes in an array buffer of their own, so that it can be handed to the worker rather than copied (and held
 * twice): a small Buffer shares Node's pool with others, which must stay here.
 */
function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes
    : new Uint8Array(bytes);
}

/** The array buffers an unpacked file's parts own: handed to the parser's worker with its task. */
function handedOver({ docxArchive }: Unpacked): ArrayBuffer[] {
  return [...new Set([...(docxArchive?.parts.values() ?? [])].map((part) => part.buffer as ArrayBuffer))];
}

/**
 * The workers for this file: those waiting, when they are still there and have its heap limit, else new ones.
 * A long PDF is read by two workers at once when the machine has a second core: pdf.js reads pages one at a time
 * on one thread, and on a 100-page policy that is most of the import. The helper has the same limits.
 */
function workersFor(
  request: ParseRequest,
  heapMb: number,
  waiting: WaitingWorkers | undefined,
  unpacked: Promise<Unpacked>,
): { parser: Worker; helper?: Worker } {
  const ahead = waiting?.take();
  const usable = (started: StartedWorker | undefined) =>
    started && !started.exited && waiting?.heapMb === heapMb ? started.worker : undefined;
  const parser = usable(ahead?.parser) ?? startWorker(heapMb, { expect: [request.format] }).worker;
  const helper = helped(request.format, request.bytes.length >= request.limits.pdf.helperFromBytes)
    ? (usable(ahead?.helper) ?? startWorker(heapMb, { expect: ['pdf'] }).worker)
    : undefined;
  // Workers started ahead that this file does not need (a helper for a short PDF, another heap limit) are ended.
  for (const started of [ahead?.parser, ahead?.helper])
    if (started && started.worker !== parser && started.worker !== helper) void started.worker.terminate();
  if (!helper) {
    // A file that fails to unpack is answered by parseInWorker, which ends the worker.
    void unpacked.then(
      (extra) => parser.postMessage({ role: 'parse', request, ...extra } satisfies WorkerTask, handedOver(extra)),
      () => undefined,
    );
    return { parser };
  }
  const claims = newPageClaims();
  const { port1, port2 } = new MessageChannel();
  parser.postMessage({ role: 'parse', request, pageSharing: { claims, port: port1 } } satisfies WorkerTask, [port1]);
  helper.postMessage({ role: 'pdf-page-helper', request, pageSharing: { claims, port: port2 } } satisfies WorkerTask, [
    port2,
  ]);
  return { parser, helper };
}

/**
 * Parses a file in a worker thread with a time limit and a heap limit, while the checks its format must pass run
 * here. Whatever happens inside (a parser crash, a runaway file), the answer is the parsed document (packed, for the
 * host to read: see parse-reply.ts) or an AppError that names the file and what to do. The workers' array buffers
 * are not counted by their heap limit: the process this runs in is the bound on those (see parser-process.ts).
 * `waiting` are workers started ahead for it.
 */
export function parseInWorker(
  request: ParseRequest,
  timeoutMs: number,
  heapMb: number,
  onProgress?: (done: number, total: number) => void,
  waiting?: WaitingWorkers,
): Promise<PackedDocument> {
  return new Promise((resolve, reject) => {
    const unpacked = UNPACK[request.format]?.(request) ?? Promise.resolve({});
    const { parser: worker, helper } = workersFor(request, heapMb, waiting, unpacked);
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
    void unpacked.catch((error: unknown) => finish(() => reject(replyError(request, failureOf(error)))));
    const check = CHECKS[request.format]?.(request) ?? Promise.resolve();
    check.then(
      () => {
        checked = true;
        if (answer) finish(answer);
      },
      (error: unknown) => finish(() => reject(replyError(request, failureOf(error)))),
    );
    worker.on('message', (reply: ParseReply | WorkerPrepared) => {
      if (reply.type === 'prepared') return;
      if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
      answerOnceChecked(() => (reply.ok ? resolve(reply.packed) : reject(replyError(request, reply.error))));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      answerOnceChecked(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(
            new AppError(
              'E_TOO_LARGE',
              `Reading “${request.fileName}” needed more than ${heapMb} MB of memory, so it was ` +
                `stopped. The file is far larger or more complex than a policy; split it or save it in ` +
                `another format.`,
            ),
          );
        } else {
          reject(
            new AppError('E_INVALID_INPUT', `“${request.fileName}” could not be read: ${error.message.slice(0, 300)}.`),
          );
        }
      });
    });
    worker.on('exit', (code) => {
      answerOnceChecked(() =>
        reject(
          new AppError(
            'E_INVALID_INPUT',
            `Reading “${request.fileName}” stopped unexpectedly (exit code ${code}). The file may be damaged.`,
          ),
        ),
      );
    });
  });
}

export function timeLimitError(fileName: string, timeoutMs: number): AppError {
  return new AppError(
    'E_TOO_LARGE',
    `Reading “${fileName}” took longer than ${Math.round(timeoutMs / 1000)} seconds, so it ` +
      `was stopped. The file may be damaged or far larger than a policy; try saving it again ` +
      `from the program that made it, or in another format.`,
  );
}
