import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { residentBytesOf } from '../../electron/services/processes/resident-memory';

/** A process's resident memory in kB, as the app's services read it (0 where it is gone or /proc is missing). */
function residentKb(pid: number | string): number {
  return (residentBytesOf(Number(pid)) ?? 0) / 1024;
}

/** A process's resident memory in MB. */
export function residentMb(pid: number | string): number {
  return Math.round(residentKb(pid) / 1024);
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(pid: number | string): number {
  const kbOf = (id: number | string): number =>
    residentKb(id) + childrenOf(id).reduce((sum, child) => sum + kbOf(child), 0);
  return Math.round(kbOf(pid) / 1024);
}

/** The process ids of a process's children (none where it is gone). */
export function childrenOf(pid: number | string): string[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

/** What a whole process gave: its wall time, output, and the most resident memory it and its children each held. */
export interface WatchedRun {
  ms: number;
  stdout: string;
  peakRssMb: number;
  /** The largest any one child process held (a process the command starts for its heavy work). */
  childPeakRssMb: number;
}

/** Runs `node args` as a process of its own, sampling its and its children's memory every 10 ms. */
export function runWatched(args: string[], cwd: string): Promise<WatchedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRssMb = 0;
    let childPeakRssMb = 0;
    const watch = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, residentMb(child.pid ?? 0));
      for (const pid of childrenOf(child.pid ?? 0)) childPeakRssMb = Math.max(childPeakRssMb, residentMb(pid));
    }, 10);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(watch);
      if (code !== 0) reject(new Error(`node ${args.join(' ')} failed (exit code ${code}): ${stderr}`));
      else resolve({ ms: Math.round(performance.now() - started), stdout, peakRssMb, childPeakRssMb });
    });
  });
}
