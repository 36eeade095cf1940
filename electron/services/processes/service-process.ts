// A process of its own for work that may exhaust memory or run away (parsing a file from outside, the merge
// engine): the host starts it through whatever its platform allows (Node's child_process.fork in the CLI, the
// browser host and the tests; Electron's utilityProcess in the app, where the RunAsNode fuse forbids the former),
// so the services never import 'electron'. Whatever happens in it, the host carries on.

/** A service process as the host's starter gives it, exchanging `Job`s and `Reply`s. */
export interface ServiceProcess<Job, Reply> {
  /** The operating system's id, once the process runs: the host watches its memory by it where the system shows it. */
  readonly pid: number | undefined;
  postMessage(message: Job): void;
  onMessage(listener: (message: Reply) => void): void;
  /** Heard once, when the process has ended or could not start; `signal` where the platform tells it. */
  onExit(listener: (code: number | null, signal?: string | null) => void): void;
  /** Ends the process at once. */
  kill(): void;
}

/**
 * Starts a service process's entry file with these arguments; `name` is what the system shows for it, where it can,
 * and `tuning` how it runs for its memory (see ENGINE_FOR_SIZE). One starter serves every kind of process: what it
 * carries is the caller's to type (ParserProcess, MergeProcess).
 */
export type StartServiceProcess = (
  modulePath: string,
  args: readonly string[],
  name?: string,
  tuning?: ProcessTuning,
) => ServiceProcess<unknown, unknown>;

/**
 * How a service process runs where its peak memory matters: its JavaScript engine's flags, and what it finds in its
 * environment beside the host's (read by the C library as the process starts).
 */
export interface ProcessTuning {
  v8Flags: readonly string[];
  environment: Readonly<Record<string, string>>;
}

/**
 * One arena for the C library's allocator. glibc gives each thread that allocates (V8's garbage-collection and
 * compiler threads, Node's thread pool) an arena of its own, up to eight per core, each keeping memory once freed;
 * with one, the merge engine's peak at a merge of 5,000 changed records into 10,000 annotations, its history loaded
 * ahead, was 342 to 344 MB rather than 369 to 386, in the same time (3.6 to 4.2 s either way; three runs each, in
 * turn). Other C libraries (macOS, Windows) ignore the variable.
 */
const ONE_ALLOCATOR_ARENA: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };

/**
 * For the merge engine's process: `gc()` exposed, for the process to collect its garbage where it knows its peak
 * comes (see merge-process.ts), and one allocator arena (ONE_ALLOCATOR_ARENA). V8's own settings stay as they are: a
 * history in Yjs is hundreds of thousands of small objects, which a young generation kept to 1 MB a half (as when the
 * engine's memory was Automerge's WebAssembly) promotes at once, and V8's optimisation for size slows: a merge of
 * 5,000 changed records into 10,000 annotations, its history loaded ahead, took 6.1 s with both, 3.4 s without.
 */
export const ENGINE_FOR_SIZE: ProcessTuning = {
  v8Flags: ['--expose-gc'],
  environment: ONE_ALLOCATOR_ARENA,
};

/** For an engine's job on one history (checking a package's history as it opens, listing conflicts, deciding one, exporting). */
export const ENGINE_FOR_ONE_HISTORY: ProcessTuning = ENGINE_FOR_SIZE;

/** A started process seen as carrying `Job`s and `Reply`s: what its entry file and its caller agree on. */
export function typedProcess<Job, Reply>(started: ServiceProcess<unknown, unknown>): ServiceProcess<Job, Reply> {
  return started as ServiceProcess<Job, Reply>;
}

/** The exit code of a service process that stopped itself above its memory budget (see watchOwnMemory). */
export const OVER_BUDGET_EXIT_CODE = 86;

/** How often a service process samples its own resident memory. */
const SAMPLE_MS = 25;

/**
 * Stops this process once it holds more than `limitBytes` in RAM (its whole resident memory: heaps, array buffers,
 * WebAssembly memory, native memory), with OVER_BUDGET_EXIT_CODE: the host then says the work needed too much.
 */
export function watchOwnMemory(limitBytes: number): void {
  setInterval(() => {
    if (process.memoryUsage.rss() > limitBytes) process.exit(OVER_BUDGET_EXIT_CODE);
  }, SAMPLE_MS).unref();
}

/** The host's end of the channel, as a service process sees it. */
export interface ParentChannel<Job, Reply> {
  send(message: Reply): void;
  onMessage(listener: (message: Job) => void): void;
}

/** Electron's utility process talks through process.parentPort, a Node child through process.send. */
export function parentChannel<Job, Reply>(): ParentChannel<Job, Reply> {
  const port = (
    process as {
      parentPort?: {
        postMessage(message: unknown): void;
        on(event: 'message', listener: (event: { data: unknown }) => void): void;
      };
    }
  ).parentPort;
  if (port)
    return {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (event) => listener(event.data as Job)),
    };
  // The host is gone (its end of the channel closed): nobody is waiting for the answer.
  process.once('disconnect', () => process.exit(0));
  return {
    send: (message) => process.send?.(message),
    onMessage: (listener) => void process.on('message', (message) => listener(message as Job)),
  };
}
