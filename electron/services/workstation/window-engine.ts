/**
 * The JavaScript engine's settings for the app's window, the same wherever the window runs: Electron's main process
 * passes them to its renderers (`--js-flags`), and the browser host, the e2e tests and the benchmarks start Chromium
 * with them, so that what is tested and measured is the app.
 *
 * `--no-memory-reducer`: when a page allocates little for a while (a person reading, or scrolling a comparison),
 * V8 starts a garbage collection that also compacts the page's DOM memory, to give memory back to the system. On a
 * 100-page comparison its pause took 35 to 60 ms and landed in the middle of a scroll, the only frame of a thousand
 * that missed 17 ms (its script heap went from 31 to 23 MB). Without it, memory is collected as before whenever
 * the page allocates, in pauses that fit a frame; what the idle page holds is collected at its next collection.
 *
 * `--max-semi-space-size=8` (MB): while a 500-page policy is built after its first screen, nearly everything the
 * page allocates is kept (the document's nodes), and each young-generation collection copies what it keeps. Left
 * to grow its young generation to its default size, V8 paused 40 to 50 ms each time, and a building step in which
 * one fell became a long task. At 8 MB each pause took 5 to 15 ms, in more of them. In the 500-page benchmark,
 * two runs of four with it had no long task after the first screen (the others one of 56 ms, and two of 52 and
 * 98 ms, the size of a full collection's pause), and both runs without it had one (79 and 83 ms).
 */
export const WINDOW_JS_FLAGS = ['--no-memory-reducer', '--max-semi-space-size=8'] as const;

/** The same, as Chromium's command-line switch. */
export function windowEngineSwitches(): string[] {
  return [`--js-flags=${WINDOW_JS_FLAGS.join(' ')}`];
}
