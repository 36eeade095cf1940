import type { VersionComparison } from '../../../../shared/api';

/** One pair's comparison as far as it has come. */
export type ComparisonState =
  { status: 'loading' } | { status: 'done'; value: VersionComparison } | { status: 'failed'; error: Error };

export const COMPARING: ComparisonState = { status: 'loading' };

/** Pairs kept at most: the one shown and a few the person went between (a 100-page pair is about 1 MB). */
export const KEPT_PAIRS = 4;

/** Asks the services for two versions compared. */
export type CompareVersions = (fromVersionId: string, toVersionId: string) => Promise<VersionComparison>;

const pairKey = (fromVersionId: string, toVersionId: string) => `${fromVersionId}>${toVersionId}`;

/**
 * The comparisons of one open review, by pair of versions: asked for once, kept while the review is open (a
 * version never changes once imported, so neither does a pair's comparison), shared by whoever asks first (the
 * workspace ahead of time, or the Compare area) and whoever shows it. A failure is kept until `retry`.
 */
export class ComparisonStore {
  private readonly states = new Map<string, ComparisonState>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly compare: CompareVersions) {}

  /** The pair's comparison as far as it has come; undefined while nobody asked for it (or it was let go). */
  state(fromVersionId: string, toVersionId: string): ComparisonState | undefined {
    return this.states.get(pairKey(fromVersionId, toVersionId));
  }

  /** Asks for the pair's comparison, unless it is here, on its way, or failed. */
  load(fromVersionId: string, toVersionId: string): void {
    const key = pairKey(fromVersionId, toVersionId);
    if (this.states.has(key)) return;
    this.set(key, COMPARING);
    this.compare(fromVersionId, toVersionId).then(
      (value) => {
        // For the benchmark and anyone profiling: when a comparison reached the page (ahead of the click, or not).
        performance.mark('compare:ready', { detail: { fromVersionId, toVersionId } });
        this.settle(key, { status: 'done', value });
      },
      (error: unknown) =>
        this.settle(key, { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
  }

  /** Asks again for a pair whose comparison failed. */
  retry(fromVersionId: string, toVersionId: string): void {
    const key = pairKey(fromVersionId, toVersionId);
    if (this.states.get(key)?.status !== 'failed') return;
    this.states.delete(key);
    this.load(fromVersionId, toVersionId);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** An answer counts only while its pair still waits for it (it may have been let go meanwhile). */
  private settle(key: string, state: ComparisonState): void {
    if (this.states.get(key) === COMPARING) this.set(key, state);
  }

  private set(key: string, state: ComparisonState): void {
    // Latest last: the pairs let go first are those asked for longest ago.
    this.states.delete(key);
    this.states.set(key, state);
    for (const oldest of this.states.keys()) {
      if (this.states.size <= KEPT_PAIRS) break;
      this.states.delete(oldest);
    }
    for (const listener of this.listeners) listener();
  }
}
