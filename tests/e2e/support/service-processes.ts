import { readdirSync, readFileSync } from 'node:fs';

/**
 * How many of this process's child processes run `entry` (a service process's entry file, e.g. "merge-process"):
 * in the browser host the services run in the test's own process, so their processes are its children (Linux).
 */
export function childProcessesRunning(entry: string): number {
  const children = readdirSync(`/proc/${process.pid}/task`).flatMap((thread) =>
    readFileSync(`/proc/${process.pid}/task/${thread}/children`, 'latin1').trim().split(/\s+/).filter(Boolean),
  );
  return children.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(entry);
    } catch {
      return false; // It has just ended.
    }
  }).length;
}
