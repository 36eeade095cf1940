import { statSync } from 'node:fs';
import { formatFromExtension } from './detect-format';
import { launchParserProcess, type LaunchedParserProcess } from './launch-parser-process';
import type { ParserSetup, StartParserProcess } from './parser-process-protocol';
import { DEFAULT_IMPORT_LIMITS } from './types';
import { WaitingProcess } from '../processes/waiting-process';

/** A spare nobody takes is ended after this long, so an import that never comes costs nothing for long. */
const IDLE_MS = 2 * 60_000;

/** What a spare prepares: the parsers it loads, whether a PDF's page helper starts too. */
export type SpareSetup = Omit<ParserSetup, 'heapMb'>;

/**
 * For a file not chosen yet: the parsers that take longest to load, for the formats policies mostly come in
 * (PDF, with its page helper and the stream check's library, and Word); text, Markdown and HTML load on demand.
 */
export const ANY_POLICY: SpareSetup = { expect: ['pdf', 'docx'], pdfHelper: true };

/** For a file the host knows by its path: its format by its name, and a page helper if it is a long PDF. */
export function spareSetupFor(path: string): SpareSetup {
  const format = formatFromExtension(path);
  if (format === undefined) return {};
  return { expect: [format], pdfHelper: format === 'pdf' && sizeOf(path) >= DEFAULT_IMPORT_LIMITS.pdf.helperFromBytes };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export interface SpareParserOptions {
  /** The workers' heap limit (the import limits' `maxHeapMb`): the spare's parser worker starts with it. */
  heapMb: number;
  /** How the host starts a process (Electron's utilityProcess); Node's child_process.fork by default. */
  startProcess?: StartParserProcess | undefined;
  idleMs?: number | undefined;
}

/**
 * One parsing process started ahead of an import, when the host expects one (the CLI's `import`, a file dialog
 * opened for an import, chosen files still to import), so that starting it, its worker and its parser overlaps
 * what the host and the person do meanwhile. An import takes it, and it is never used for another file: the
 * import ends it, as any parsing process. At most one waits at a time, and not for longer than two minutes.
 */
export class SpareParserProcess {
  private readonly waiting: WaitingProcess<LaunchedParserProcess, undefined>;

  constructor(private readonly options: SpareParserOptions) {
    this.waiting = new WaitingProcess(options.idleMs ?? IDLE_MS);
  }

  /** Starts a spare that prepares `setup`, unless one is waiting already. Never throws: an import that finds none starts its own. */
  warmUp(setup: SpareSetup = {}): void {
    if (this.waiting.current) return;
    try {
      this.waiting.hold(
        launchParserProcess({ heapMb: this.options.heapMb, ...setup }, this.options.startProcess),
        undefined,
      );
    } catch {
      return;
    }
  }

  /** The waiting process, if it is still running: the caller's from now on, to use for one file and end. */
  take(): LaunchedParserProcess | undefined {
    return this.waiting.take()?.process;
  }

  /** Ends the waiting process, if any. */
  dispose(): void {
    this.waiting.dispose();
  }
}
