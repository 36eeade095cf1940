import { AppError } from '../../../shared/errors';
import { forkServiceProcess } from '../processes/fork-service-process';
import { serviceEntry } from '../processes/service-entry';
import { typedProcess } from '../processes/service-process';
import {
  setupArgument,
  type ParseJob,
  type ParserProcess,
  type ParserSetup,
  type ProcessReply,
  type StartParserProcess,
} from './parser-process-protocol';

/** The parsing process's entry file. */
function processEntry(): { modulePath: string; args: string[] } {
  return serviceEntry('import-process.js', new URL('./import-process.ts', import.meta.url));
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
  startProcess: StartParserProcess = forkServiceProcess,
): LaunchedParserProcess {
  const { modulePath, args } = processEntry();
  try {
    const started = startProcess(modulePath, [...args, setupArgument(setup)], 'Policy Review Workstation import');
    return new LaunchedParserProcess(typedProcess<ParseJob, ProcessReply>(started));
  } catch (error) {
    throw new AppError(
      'E_INTERNAL',
      `The import could not start its reading process: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
