import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import { systemClock } from '../../../shared/domain/clock';
import type { Member, Review } from '../../../shared/model';

export { reviewTextOnDisk } from '../support/review-on-disk';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD_SCRIPT = fileURLToPath(new URL('./review-child.ts', import.meta.url));

export function sampleReview(title = 'Social media policy 2026'): Review {
  return newReviewDocument(title, { name: 'Test Chair', role: 'chair' }, systemClock);
}

/** A new review saved in a library in `dataDir`, as the app creates one (no backup yet), checking every write. */
export async function createReview(
  dataDir: string,
  review: Review = sampleReview(),
): Promise<{ library: ReviewLibrary; id: string; file: string }> {
  const library = new ReviewLibrary(dataDir, undefined, { checkEveryWrite: true });
  const { file } = await library.create(review);
  return { library, id: review.id, file };
}

export function member(name: string): Member {
  const now = new Date().toISOString();
  return { id: randomUUID(), name, role: 'member', createdAt: now, updatedAt: now };
}

export async function sha256OfFile(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

export type ChildMode = 'members' | 'audit' | 'take-turns' | 'hold' | 'commands';

/** How to start the child: inside a private mount namespace, as another user, ... (see support/private-mounts.ts). */
export type Launch = (argv: string[]) => string[];

export interface ChildOptions {
  first?: number;
  count?: number;
  name?: string;
}

/** A real Node process running review-child.ts, with its stdout as lines. */
export class ReviewChild {
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private partial = '';
  private readonly listeners = new Set<() => void>();

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.on('data', (chunk: Buffer) => {
      const parts = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
      for (const notify of this.listeners) notify();
    });
    process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    // 'close' comes after the process was reaped and its output read to the end.
    this.exited = new Promise((resolve) => process.on('close', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => {
      for (const notify of this.listeners) notify();
    });
  }

  static start(
    mode: ChildMode,
    dataDir: string,
    reviewId: string,
    options: ChildOptions = {},
    launch: Launch = (argv) => argv,
  ): ReviewChild {
    const args = [mode, '--data-dir', dataDir, '--review', reviewId];
    for (const [option, value] of Object.entries(options))
      if (value !== undefined) args.push(`--${option}`, String(value));
    const [command = process.execPath, ...commandArgs] = launch([
      process.execPath,
      '--import',
      'tsx',
      CHILD_SCRIPT,
      ...args,
    ]);
    const child = spawn(command, commandArgs, {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new ReviewChild(child);
  }

  get pid(): number {
    if (this.process.pid === undefined) throw new Error('the child process did not start');
    return this.process.pid;
  }

  /** The first line (already printed or still to come) that `matches`; rejects if the process ends first. */
  waitForLine(matches: (line: string) => boolean, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          finish(
            new Error(
              `no matching line from the child within ${timeoutMs} ms; stdout: ${this.lines.join(' | ')}; stderr: ${this.stderr}`,
            ),
          ),
        timeoutMs,
      );
      const check = () => {
        const line = this.lines.find(matches);
        if (line !== undefined) finish(undefined, line);
        else if (this.process.exitCode !== null || this.process.signalCode !== null) {
          finish(
            new Error(`the child ended without the line; stdout: ${this.lines.join(' | ')}; stderr: ${this.stderr}`),
          );
        }
      };
      const finish = (error: Error | undefined, line?: string) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (error) reject(error);
        else resolve(line ?? '');
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Ends the process with SIGKILL: no exit handlers, no flushing, like a crash or a killed task. */
  async kill(): Promise<void> {
    this.process.kill('SIGKILL');
    await this.exited;
  }

  /** Sends one command to a child in `commands` mode and resolves to its answer: the next line it prints. */
  ask(command: string, timeoutMs = 15_000): Promise<string> {
    const answered = this.lines.length;
    this.process.stdin.write(`${command}\n`);
    return this.waitForLine(() => this.lines.length > answered, timeoutMs).then(() => this.lines[answered] ?? '');
  }

  /** Closes stdin, which makes the child exit normally. */
  async finish(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.process.stdin.end();
    return this.exited;
  }

  /** The acknowledged numbers, in the order printed. */
  acks(): number[] {
    return this.lines.filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4)));
  }
}
