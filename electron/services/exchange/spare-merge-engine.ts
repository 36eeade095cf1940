import type { MergeWriter } from '../../../shared/domain/merge/mergeable-review';
import type { Review } from '../../../shared/model';
import { launchMergeEngine, MERGE_LIMITS, type LaunchedMergeEngine, type PreparedEngine } from './merge-in-process';
import type { StartServiceProcess } from '../processes/service-process';
import { WaitingProcess } from '../processes/waiting-process';

/** An engine nobody takes is ended after this long: it holds the review's history in memory while it waits. */
const IDLE_MS = 2 * 60_000;

export interface SpareMergeEngineOptions {
  /** How the host starts a process (Electron's utilityProcess); Node's child_process.fork by default. */
  startProcess?: StartServiceProcess | undefined;
  limits?: typeof MERGE_LIMITS | undefined;
  idleMs?: number | undefined;
}

/**
 * A merge's engine process started while the person chooses the package to merge (or the command line reads it),
 * which meanwhile loads the review's history and catches it up with the review: the merge then only applies the
 * package, the larger half of its time saved at 10,000 annotations. The merge takes it if it is for the same
 * review, and it is never used twice; at most one waits at a time, and not for longer than two minutes.
 */
export class SpareMergeEngine {
  private readonly waiting: WaitingProcess<LaunchedMergeEngine, Preparing>;

  constructor(private readonly options: SpareMergeEngineOptions = {}) {
    this.waiting = new WaitingProcess(options.idleMs ?? IDLE_MS);
  }

  /**
   * Starts an engine that loads the history of the review in `reviewFile` (`review`, as it is now), unless one is
   * loading it or holds it already. Never throws: a merge that finds none starts its own. Resolves once the engine
   * holds the history (true), or has none to load (false: a review that never travelled, or a history it could not
   * load now, which the merge then reads and says what is wrong with).
   */
  prepare(reviewFile: string, review: Review, writer: MergeWriter): Promise<boolean> {
    const waiting = this.waiting.current?.about;
    if (waiting?.reviewFile === reviewFile && waiting.held !== false) return waiting.answer;
    this.waiting.dispose();
    let engine: LaunchedMergeEngine;
    try {
      engine = launchMergeEngine(this.options.startProcess);
    } catch {
      return Promise.resolve(false);
    }
    const memoryLimitBytes = (this.options.limits ?? MERGE_LIMITS).memoryBytes;
    engine.whenListening(() =>
      engine.child.postMessage({ type: 'prepare', reviewFile, review, writer, memoryLimitBytes }),
    );
    const answer = new Promise<boolean>((resolve) => {
      // The engine's process does not keep the host running (fork-service-process.ts): this does, until it answers.
      const keepAlive = setInterval(() => undefined, 60_000);
      const answered = (held: boolean) => {
        clearInterval(keepAlive);
        resolve(held);
      };
      engine.onReply((reply) => reply.type === 'prepared' && answered(reply.held));
      engine.whenEnded(() => answered(false));
    });
    const preparing: Preparing = { reviewFile, review, answer };
    void answer.then((held) => (preparing.held = held));
    this.waiting.hold(engine, preparing);
    return answer;
  }

  /**
   * The engine started for this review, if it is still running, with the review it was sent: the caller's from now
   * on, for one merge.
   */
  take(reviewFile: string): PreparedEngine | undefined {
    if (this.waiting.current?.about.reviewFile !== reviewFile) return undefined;
    const taken = this.waiting.take();
    return taken && { engine: taken.process, review: taken.about.review };
  }

  /** Ends the engine waiting for this review, if one is; says whether one was. */
  endFor(reviewFile: string): boolean {
    const taken = this.take(reviewFile);
    taken?.engine.kill();
    return taken !== undefined;
  }

  /** Ends the waiting engine, if any. */
  dispose(): void {
    this.waiting.dispose();
  }
}

/** What an engine was started for: one review's merge, its answer, and what that was once it came. */
interface Preparing {
  reviewFile: string;
  review: Review;
  answer: Promise<boolean>;
  held?: boolean;
}
