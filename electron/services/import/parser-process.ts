import { AppError } from '../../../shared/errors';
import { launchParserProcess, type LaunchedParserProcess } from './launch-parser-process';
import { boundedJob, ranOutOfMemory } from '../processes/bounded-job';
import type { ParseRequest, StartParserProcess } from './parser-process-protocol';
import { replyError, unpackDocument } from './parse-reply';
import { timeLimitError } from './run-parser';
import type { SpareParserProcess } from './spare-parser-process';
import { formatSize } from '../../../shared/domain/file-size';
import type { ParsedDocument } from './types';

export interface ParseInProcessOptions {
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** How the host starts a process: Electron's main passes utilityProcess; otherwise Node's child_process.fork. */
  startProcess?: StartParserProcess | undefined;
  /** A process started ahead for the next import, taken if it is still there (see spare-parser-process.ts). */
  spare?: SpareParserProcess | undefined;
}

/**
 * Parses a file in a process of its own, one per import (a spare started ahead, or a new one), whose memory is
 * bounded as a whole: it is stopped when it holds more than `limits.maxProcessMemoryMb` in RAM (it watches itself,
 * and the host watches it too where the system allows) or runs past `limits.timeoutMs`. Whatever happens there,
 * the host gets the parsed document or an AppError that names the file and says what to do, and goes on.
 */
export function parseInProcess(
  request: ParseRequest,
  { onProgress, startProcess, spare }: ParseInProcessOptions = {},
): Promise<ParsedDocument> {
  const { fileName, limits } = request;
  const memoryLimit = limits.maxProcessMemoryMb * 1024 * 1024;
  const overBudget = () =>
    new AppError(
      'E_TOO_LARGE',
      `Reading “${fileName}” needed more than ${formatSize(memoryLimit)} of memory, so it was ` +
        `stopped. The file is far larger or more complex than a policy, or was made to exhaust ` +
        `memory; check where it came from, split it, or save it again as PDF or Word from the ` +
        `program that made it.`,
    );
  return new Promise((resolve, reject) => {
    let parser: LaunchedParserProcess;
    try {
      const setup = {
        heapMb: limits.maxHeapMb,
        expect: [request.format],
        pdfHelper: request.bytes.length >= limits.pdf.helperFromBytes,
      };
      parser = spare?.take() ?? launchParserProcess(setup, startProcess);
    } catch (error) {
      reject(error);
      return;
    }
    const { finish } = boundedJob(
      {
        pid: () => parser.child.pid,
        memoryBytes: memoryLimit,
        timeoutMs: limits.timeoutMs,
        overBudget,
        timedOut: () => timeLimitError(fileName, limits.timeoutMs),
        kill: () => parser.kill(),
      },
      reject,
    );
    parser.onReply((reply) => {
      if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
      finish(() => (reply.ok ? resolve(unpackDocument(reply.packed)) : reject(replyError(request, reply.error))));
    });
    parser.whenListening(() => parser.child.postMessage({ type: 'parse', request }));
    parser.whenEnded(({ code, signal }) => {
      const exit = code ?? signal ?? 'unknown';
      if (!parser.isListening) {
        return finish(() =>
          reject(
            new AppError(
              'E_INTERNAL',
              `The import could not start its reading process (exit code ${exit}). Try again; if it keeps happening, restart the app.`,
            ),
          ),
        );
      }
      finish(() =>
        reject(
          ranOutOfMemory(code, signal)
            ? overBudget()
            : new AppError(
                'E_INVALID_INPUT',
                `Reading “${fileName}” stopped unexpectedly (exit ` +
                  `code ${exit}). The file may be damaged; try saving it again ` +
                  `from the program that made it.`,
              ),
        ),
      );
    });
  });
}
