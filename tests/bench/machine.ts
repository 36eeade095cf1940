import { availableParallelism, cpus, totalmem } from 'node:os';
import { percentile } from './stats';

const PAGE = 4096;
const BUFFER = 256 * 1024;
const ROUNDS = 50;

/**
 * The facts of the machine a run's figures come from, printed with them. The ratios the benchmarks are judged by
 * are taken side by side in one run, but how work grows with size still depends on the machine, most of all on the
 * first write to freshly allocated memory (a page fault): a fraction of a microsecond a page on most machines, and
 * 3 to 12 µs, varying from run to run, on the virtual machines this project is built on. There, whatever allocates
 * fresh memory (a growing heap, a map of more than 4,096 keys, which V8 keeps as a large object of its own) costs a
 * 500-page review more than five times what it costs a 100-page one: a map of 5,000 keys took 1.3 ms to fill and one
 * of 4,000 took 0.17 ms.
 */
export function machineFacts() {
  const touches: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const buffer = new Uint8Array(BUFFER);
    for (let at = 0; at < buffer.length; at += PAGE) buffer[at] = 1;
    touches.push(((performance.now() - started) * 1000) / (BUFFER / PAGE));
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    /** Median µs to first write each 4 KB page of a new 256 KB buffer. */
    freshPageTouchUs: Math.round(percentile(touches, 50) * 100) / 100,
  };
}
