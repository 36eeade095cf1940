import type { ServiceProcess } from './service-process';

/** How a process ended: its exit code, or the signal that ended it, where the platform tells it. */
export interface ProcessEnd {
  code: number | null;
  signal?: string | null | undefined;
}

/**
 * A service process from its start: whether it listens yet (its first reply, `ready`) and whether it has ended are
 * remembered, so whoever takes it later (an import taking a spare parser, a merge taking an engine prepared while
 * its package was chosen) hears both even if they happened before.
 */
export class LaunchedProcess<Job, Reply extends { type: string }> {
  private listening = false;
  private end: ProcessEnd | undefined;
  private readonly readyListeners: (() => void)[] = [];
  private readonly endListeners: ((end: ProcessEnd) => void)[] = [];

  constructor(readonly child: ServiceProcess<Job, Reply>) {
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

  /** What the process says once a job is sent (its 'ready' is handled here). */
  onReply(listener: (reply: Exclude<Reply, { type: 'ready' }>) => void): void {
    this.child.onMessage((reply) => {
      if (reply.type !== 'ready') listener(reply as Exclude<Reply, { type: 'ready' }>);
    });
  }

  kill(): void {
    this.child.kill();
  }
}
