// Runs one parser in a worker thread, so a hostile or broken file can be stopped (time limit) and its heap is
// bounded (the worker's own heap limit). Answers with the parsed document or an error value.
// The same file also starts a PDF page helper: a second worker that reads some of a long PDF's pages for the
// parser's worker (see parsers/pdf-page-sharing.ts); it answers nobody but that worker.
import { parentPort, workerData } from 'node:worker_threads';
import { parseDocument } from './parse-document';
import { failureOf, type ParseReply } from './parse-reply';
import type { ImportFormat, ImportLimits, PageSharing } from './types';

export interface ParseRequest {
  format: ImportFormat;
  fileName: string;
  bytes: Uint8Array;
  limits: ImportLimits;
}

/**
 * What a worker started from this file does: parse a file (perhaps with a helper), or help with a PDF's pages.
 * With `waitForCheck`, the thread that started it is still checking the file: the worker loads its library
 * meanwhile and reads nothing of the file until it hears 'checked'.
 */
export type WorkerTask =
  | { role: 'parse'; request: ParseRequest; waitForCheck?: boolean; pageSharing?: PageSharing | undefined }
  | { role: 'pdf-page-helper'; request: ParseRequest; waitForCheck?: boolean; pageSharing: PageSharing };

/** What the starting thread posts to a worker: the file passed the checks that come first. */
export type WorkerCommand = 'checked';

const task = workerData as WorkerTask;
if (task.waitForCheck) {
  const checked = new Promise<void>((resolve) => parentPort?.once('message', (command: WorkerCommand) => command === 'checked' && resolve()));
  await Promise.all([checked, task.request.format === 'pdf' ? (await import('./parsers/pdf-library')).loadPdfJs() : undefined]);
}
if (task.role === 'pdf-page-helper') {
  const { helpWithPdfPages } = await import('./parsers/pdf-page-helper');
  await helpWithPdfPages(task.request, task.pageSharing);
} else {
  const { request, pageSharing } = task;
  const progress = (done: number, total: number) => parentPort?.postMessage({ type: 'progress', done, total } satisfies ParseReply);
  parseDocument(request.format, request.bytes, { fileName: request.fileName, limits: request.limits, progress, pageSharing }).then(
    (parsed) => parentPort?.postMessage({ type: 'done', ok: true, parsed } satisfies ParseReply),
    (error: unknown) => parentPort?.postMessage({ type: 'done', ok: false, error: failureOf(error) } satisfies ParseReply),
  );
}
