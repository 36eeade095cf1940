import { residentBytesOf } from './resident-memory';
import { OVER_BUDGET_EXIT_CODE } from './service-process';

/** How often the host samples a service process's memory, where the system shows it (a second watch). */
const SAMPLE_MS = 50;

/** What bounds a job in a service process, and the errors that say it went past them. */
export interface JobBounds {
  /** The process's id, once it runs (read at each sample: a process taken from spares has one already). */
  pid: () => number | undefined;
  memoryBytes: number;
  timeoutMs: number;
  overBudget: () => Error;
  timedOut: () => Error;
  /** Ends the process; called once, whatever ended the job. */
  kill: () => void;
}

/**
 * A job in a service process, ended once: by its answer, by going past its time or memory (the host samples the
 * process's memory too, where the system shows it, besides the process's own watch), or by the process ending.
 * `finish` runs the first outcome only, and stops the watches and the process before it.
 */
export function boundedJob(bounds: JobBounds, fail: (error: Error) => void): { finish: (outcome: () => void) => void } {
  let settled = false;
  const finish = (outcome: () => void) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    clearInterval(watch);
    bounds.kill();
    outcome();
  };
  const timer = setTimeout(() => finish(() => fail(bounds.timedOut())), bounds.timeoutMs);
  const watch = setInterval(() => {
    if ((residentBytesOf(bounds.pid()) ?? 0) > bounds.memoryBytes) finish(() => fail(bounds.overBudget()));
  }, SAMPLE_MS);
  return { finish };
}

/**
 * Whether a service process that ended ran out of memory: above its budget it stops itself; killed outright (the
 * system's out-of-memory killer) or aborted (V8 out of heap), memory ran out too.
 */
export function ranOutOfMemory(code: number | null, signal: string | null | undefined): boolean {
  return code === OVER_BUDGET_EXIT_CODE || signal === 'SIGKILL' || signal === 'SIGABRT';
}
