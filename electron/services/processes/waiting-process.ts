/** What a waiting process must say of itself: whether it still runs, and how to end it. */
export interface Endable {
  readonly hasEnded: boolean;
  kill(): void;
}

/**
 * One process started ahead of the work it is for (a spare parser for the next import, a merge's engine for the
 * package being chosen), with what it was started for (`About`): handed over once, to whoever does that work, or
 * ended once it has waited `idleMs` unused. Holding another ends the one before.
 */
export class WaitingProcess<P extends Endable, About> {
  private waiting: { process: P; about: About } | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly idleMs: number) {}

  /** The process waiting, and what it is for, if it still runs; it stays waiting. */
  get current(): { process: P; about: About } | undefined {
    return this.waiting && !this.waiting.process.hasEnded ? this.waiting : undefined;
  }

  hold(process: P, about: About): void {
    this.dispose();
    this.waiting = { process, about };
    this.idleTimer = setTimeout(() => this.dispose(), this.idleMs);
    this.idleTimer.unref?.();
  }

  /** The process waiting, if it still runs: the caller's from now on. */
  take(): { process: P; about: About } | undefined {
    const taken = this.current;
    this.waiting = undefined;
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    return taken;
  }

  /** Ends the waiting process, if any. */
  dispose(): void {
    this.take()?.process.kill();
  }
}
