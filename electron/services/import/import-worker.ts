// Runs one parser in a worker thread, so a hostile or broken file can be stopped (time limit) and cannot exhaust
// the app's memory (the worker's own heap limit). Answers with the parsed document or an error value.
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors';
import { parseDocument } from './parse-document';
import type { ImportFormat, ImportLimits } from './types';

export interface ParseRequest {
  format: ImportFormat;
  fileName: string;
  bytes: Uint8Array;
  limits: ImportLimits;
}

export type ParseReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; ok: true; parsed: Awaited<ReturnType<typeof parseDocument>> }
  | { type: 'done'; ok: false; error: { code: string; message: string; internal?: string } };

const request = workerData as ParseRequest;
const progress = (done: number, total: number) => parentPort?.postMessage({ type: 'progress', done, total } satisfies ParseReply);
parseDocument(request.format, request.bytes, { fileName: request.fileName, limits: request.limits, progress }).then(
  (parsed) => parentPort?.postMessage({ type: 'done', ok: true, parsed } satisfies ParseReply),
  (error: unknown) => {
    const reply: ParseReply = isAppError(error)
      ? { type: 'done', ok: false, error: { code: error.code, message: error.message } }
      : { type: 'done', ok: false, error: { code: 'E_INVALID_INPUT', message: '', internal: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } };
    parentPort?.postMessage(reply);
  },
);
