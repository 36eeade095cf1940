import { readFileSync } from 'node:fs';

/**
 * How much memory another process holds in RAM (its resident set), in bytes, where the system shows it to its
 * parent (Linux's /proc); undefined elsewhere or once it has gone.
 */
export function residentBytesOf(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}
