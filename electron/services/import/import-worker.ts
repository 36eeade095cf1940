// Runs one parser in a worker thread, so a hostile or broken file can be stopped (time limit) and its heap is
// bounded (the worker's own heap limit). Answers with the parsed document or an error value.
// The same file also starts a PDF page helper: a second worker that reads some of a long PDF's pages for the
// parser's worker (see parsers/pdf-page-sharing.ts); it answers nobody but that worker.
// A worker is started before its file is known (the parsing process starts it while it waits for the host): it
// loads the parser it is told to expect meanwhile (for Word, it converts a small sample too, if it has the time),
// and takes its task as its first message.
import { parentPort, workerData } from 'node:worker_threads';
import { loadParser, parseDocument } from './parse-document';
import { failureOf, packDocument, type ParseReply } from './parse-reply';
import type { ParseRequest } from './parser-process-protocol';
import { DEFAULT_IMPORT_LIMITS, type DocxArchive, type ImportFormat, type PageSharing } from './types';

/** What a worker is started with: the formats whose parsers it loads while it waits for its task. */
export interface WorkerSetup {
  expect?: readonly ImportFormat[] | undefined;
}

/** What a worker says before its task: it has loaded what it was told to expect (or failed to: its task will say). */
export interface WorkerPrepared {
  type: 'prepared';
}

/**
 * What a worker does: parse a file (perhaps with a helper, or with its Word archive unpacked already by the
 * parsing process: see run-parser.ts), or help with a PDF's pages.
 */
export type WorkerTask =
  | {
      role: 'parse';
      request: ParseRequest;
      pageSharing?: PageSharing | undefined;
      docxArchive?: DocxArchive | undefined;
    }
  | { role: 'pdf-page-helper'; request: ParseRequest; pageSharing: PageSharing };

/**
 * Times the sample is converted: V8 optimises a function only once it has run many times, and one conversion left
 * most of the conversion's code unoptimised (a 100-page file's own conversion then took twice as long as once the
 * code was optimised). Eight take about a quarter of a second, well within the time a person takes to choose a file.
 */
const WARM_UP_ROUNDS = 8;

const { expect } = (workerData ?? {}) as WorkerSetup;
let taskCame = false;
// Loading ahead is only a head start: the task loads whatever it needs itself, and reports any failure. Prepared
// once the Word sample has been converted once (everything compiled): the workers started after this one wait for
// that, and the rounds that get the code optimised need not hold them up.
const warmsUpWord = expect?.includes('docx') === true;
void Promise.allSettled((expect ?? []).map((format) => loadParser(format)))
  .then(() => (warmsUpWord ? warmUpWord(1) : undefined))
  .then(() => parentPort?.postMessage({ type: 'prepared' } satisfies WorkerPrepared))
  .then(() => (warmsUpWord ? warmUpWord(WARM_UP_ROUNDS - 1) : undefined));

parentPort?.once('message', (task: WorkerTask) => {
  taskCame = true;
  void run(task);
});

/**
 * Converts a small Word document (parsers/docx-warm-up.ts) while the file is still on its way, so that the file's
 * conversion runs optimised code. A worker whose file has come goes straight to it: the rounds stop.
 */
async function warmUpWord(rounds: number): Promise<void> {
  const { warmUpParts } = await import('./parsers/docx-warm-up');
  for (let round = 0; round < rounds && !taskCame; round++)
    await parseDocument('docx', new Uint8Array(), {
      fileName: 'warm-up.docx',
      limits: DEFAULT_IMPORT_LIMITS,
      docxArchive: { parts: warmUpParts() },
    }).catch(() => undefined);
}

async function run(task: WorkerTask): Promise<void> {
  if (task.role === 'pdf-page-helper') {
    const { helpWithPdfPages } = await import('./parsers/pdf-page-helper');
    await helpWithPdfPages(task.request, task.pageSharing);
    return;
  }
  const { request, pageSharing, docxArchive } = task;
  const progress = (done: number, total: number) =>
    parentPort?.postMessage({ type: 'progress', done, total } satisfies ParseReply);
  await parseDocument(request.format, request.bytes, {
    fileName: request.fileName,
    limits: request.limits,
    progress,
    pageSharing,
    docxArchive,
  }).then(
    (parsed) => parentPort?.postMessage({ type: 'done', ok: true, packed: packDocument(parsed) } satisfies ParseReply),
    (error: unknown) =>
      parentPort?.postMessage({ type: 'done', ok: false, error: failureOf(error) } satisfies ParseReply),
  );
}
