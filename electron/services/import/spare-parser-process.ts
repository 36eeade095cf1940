import { launchParserProcess, type LaunchedParserProcess } from './launch-parser-process';
import type { ParserSetup, StartParserProcess } from './parser-process-protocol';

/** A spare nobody takes is ended after this long, so an import that never comes costs nothing for long. */
const IDLE_MS = 2 * 60_000;

export interface SpareParserOptions {
  /** The workers' heap limit (the import limits' `maxHeapMb`): the spare's parser worker starts with it. */
  heapMb: number;
  /** How the host starts a process (Electron's utilityProcess); Node's child_process.fork by default. */
  startProcess?: StartParserProcess | undefined;
  idleMs?: number | undefined;
}

/**
 * One parsing process started ahead of an import, when the host expects one (the CLI's `import`, a file dialog
 * opened for an import, an import under way that may have a next), so that starting it, and its worker, overlaps
 * what the host and the person do meanwhile. An import takes it, and it is never used for another file: the
 * import ends it, as any parsing process. At most one waits at a time, and not for longer than two minutes.
 */
export class SpareParserProcess {
  private waiting: LaunchedParserProcess | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SpareParserOptions) {}

  /**
   * Starts a spare unless one is waiting already. `expect` tells it what to prepare when the host knows
   * (the format, a long PDF). Never throws: an import that finds no spare starts its own process.
   */
  warmUp(expect: Omit<ParserSetup, 'heapMb'> = {}): void {
    if (this.waiting && !this.waiting.hasEnded) return;
    this.clear();
    try {
      this.waiting = launchParserProcess({ heapMb: this.options.heapMb, ...expect }, this.options.startProcess);
    } catch {
      return;
    }
    this.idleTimer = setTimeout(() => this.dispose(), this.options.idleMs ?? IDLE_MS);
    this.idleTimer.unref?.();
  }

  /** The waiting process, if it is still running: the caller's from now on, to use for one file and end. */
  take(): LaunchedParserProcess | undefined {
    const taken = this.waiting && !this.waiting.hasEnded ? this.waiting : undefined;
    this.waiting = undefined;
    this.clear();
    return taken;
  }

  /** Ends the waiting process, if any. */
  dispose(): void {
    this.take()?.kill();
  }

  private clear(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
