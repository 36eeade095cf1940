import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import { forkParserProcess } from './fork-parser-process';
import {
  setupArgument,
  type ParserProcess,
  type ParserSetup,
  type ProcessReply,
  type StartParserProcess,
} from './parser-process-protocol';

const runningFromSource = import.meta.url.endsWith('.ts');

/** The parsing process's entry file: the built one beside this code, or the TypeScript source through tsx. */
function processEntry(): { modulePath: string; args: string[] } {
  if (!runningFromSource)
    return { modulePath: fileURLToPath(new URL('./import-process.js', import.meta.url)), args: [] };
  return {
    modulePath: fileURLToPath(new URL('./start-from-source.mjs', import.meta.url)),
    args: [new URL('./import-process.ts', import.meta.url).href],
  };
}

/** How a process ended: its exit code, or the signal that ended it, where the platform tells it. */
export interface ProcessEnd {
  code: number | null;
  signal?: string | null | undefined;
}

/**
 * A parsing process from its start: whether it listens yet and whether it has ended are remembered, so whoever
 * takes it later (an import taking a spare) hears both even if they happened before.
 */
export class LaunchedParserProcess {
  private listening = false;
  private end: ProcessEnd | undefined;
  private readonly readyListeners: (() => void)[] = [];
  private readonly endListeners: ((end: ProcessEnd) => void)[] = [];

  constructor(readonly child: ParserProcess) {
    child.onMessage((reply) => {
      if (reply.type !== 'ready' || this.listening) return;
      this.listening = true;
      for (const listener of this.readyListeners.splice(0)) listener();
    });
    child.onExit((code, signal) => {
      this.end ??= { code, signal };
      for (const listener of this.endListeners.splice(0)) listener(this.end);
    });
  }

  /** Whether it has said it listens; a process that never did could not start. */
  get isListening(): boolean {
    return this.listening;
  }

  get hasEnded(): boolean {
    return this.end !== undefined;
  }

  /** Calls back once it listens (at once if it does already); never, if it ends first. */
  whenListening(listener: () => void): void {
    if (this.listening) listener();
    else this.readyListeners.push(listener);
  }

  /** Calls back once it has ended (at once if it has already). */
  whenEnded(listener: (end: ProcessEnd) => void): void {
    if (this.end) listener(this.end);
    else this.endListeners.push(listener);
  }

  /** What the parser says once the job is sent (its 'ready' is handled here). */
  onReply(listener: (reply: Exclude<ProcessReply, { type: 'ready' }>) => void): void {
    this.child.onMessage((reply) => reply.type !== 'ready' && listener(reply));
  }

  kill(): void {
    this.child.kill();
  }
}

/**
 * Starts a parsing process with its setup (what it prepares before its file comes), through the host's starter.
 * A starter that fails is an E_INTERNAL error that says so.
 */
export function launchParserProcess(
  setup: ParserSetup,
  startProcess: StartParserProcess = forkParserProcess,
): LaunchedParserProcess {
  const { modulePath, args } = processEntry();
  try {
    return new LaunchedParserProcess(startProcess(modulePath, [...args, setupArgument(setup)]));
  } catch (error) {
    throw new AppError(
      'E_INTERNAL',
      `The import could not start its reading process: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
