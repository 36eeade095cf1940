import { readFileSync } from 'node:fs';
import { childrenOf } from '../../bench/process-memory';

/**
 * How many of this process's child processes run `entry` (a service process's entry file, e.g. "merge-process"):
 * in the browser host the services run in the test's own process, so their processes are its children (Linux).
 */
export function childProcessesRunning(entry: string): number {
  return childrenOf(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(entry);
    } catch {
      return false; // It has just ended.
    }
  }).length;
}
