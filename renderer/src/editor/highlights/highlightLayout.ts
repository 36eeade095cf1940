import { locateTarget, positionOf, readsQuoteWhereRecorded } from '../../../../shared/anchoring';
import { blockRanges } from '../../../../shared/compare';
import { SEVERITIES, type Annotation, type Block, type Severity, type Version } from '../../../../shared/model';

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, rank])) as Record<
  Severity,
  number
>;

/** The most severe of some severities. */
export function mostSevere(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'info';
  for (const severity of severities) if (SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  return worst;
}

/** An annotation as placed on the version's text: where it is now, and what its marks show. */
export interface PlacedAnnotation {
  id: string;
  start: number;
  end: number;
  severity: Severity;
  /** Resolved or won't fix: drawn quieter than open ones. */
  settled: boolean;
}

/** A run of one block's text with the same annotations over all of it. */
export interface Segment {
  text: string;
  /** The annotations over the run, most severe first; empty for plain text. */
  ids: string[];
  severity: Severity;
  settled: boolean;
}

/**
 * Where every annotation of one version falls in its blocks, kept up to date one annotation at a time: adding,
 * changing or removing one answers which blocks must be drawn again, and each block's text splits into segments
 * at the annotations' edges. Pure data: the editor turns segments into mark nodes.
 *
 * Only the annotations over the first `placedFirst` blocks are placed when the layout is made: the first screen
 * needs no more, and placing all of a long review's (5,000 on 500 pages) took a quarter of the time to its first
 * screen. The rest wait until a later block's segments are asked for, or `placePending` places them a few at a
 * time. An annotation waits only when its recorded place still reads its quote (so it lands there, past the first
 * blocks, and not on a block already drawn) or when it is orphaned (it lands nowhere).
 */
export class HighlightLayout {
  readonly blocks: readonly Block[];
  private readonly starts: number[];
  private readonly ends: number[];
  private blockIndexes: Map<string, number> | undefined;
  /** The annotation objects placed, by id: a new object for the same id means it changed. */
  private readonly sources = new Map<string, Annotation>();
  private readonly placed = new Map<string, PlacedAnnotation>();
  /** Annotations over each block, by block index. */
  private readonly byBlock = new Map<number, Set<string>>();
  /** Annotations given but not placed yet, none of them over the first `placedFirst` blocks: from `nextPending` on. */
  private readonly pending: Annotation[] = [];
  private nextPending = 0;
  private readonly placedFirst: number;
  /** The list the layout was last brought in line with: the same list again has nothing new. */
  private syncedWith: Iterable<Annotation> | undefined;

  constructor(
    private readonly version: Pick<Version, 'id' | 'blocks' | 'text'>,
    annotations: Iterable<Annotation> = [],
    { placedFirst = Number.POSITIVE_INFINITY }: { placedFirst?: number } = {},
  ) {
    this.blocks = version.blocks;
    // The ranges alone: the version's text is already composed (building it again cost a long policy ~10 ms).
    const ranges = blockRanges(version.blocks);
    this.starts = ranges.map((r) => r.start);
    this.ends = ranges.map((r) => r.end);
    this.placedFirst = Math.min(placedFirst, this.blocks.length);
    const firstBlocksEnd = this.placedFirst === 0 ? 0 : this.ends[this.placedFirst - 1]!;
    for (const annotation of annotations) {
      if (!this.isShown(annotation)) continue;
      const waits =
        annotation.anchorState === 'orphaned' ||
        (positionOf(annotation.target).start >= firstBlocksEnd &&
          readsQuoteWhereRecorded(version.text, annotation.target));
      if (waits && this.placedFirst < this.blocks.length) this.pending.push(annotation);
      else this.place(annotation);
    }
    this.syncedWith = annotations;
  }

  get versionId(): string {
    return this.version.id;
  }

  /** Where a block starts in the version's canonical text. */
  blockStart(blockId: string): number | undefined {
    const index = this.blockIndexOf(blockId);
    return index === undefined ? undefined : this.starts[index];
  }

  /** Where the block at `blockIndex` starts in the version's canonical text. */
  blockStartAt(blockIndex: number): number | undefined {
    return this.starts[blockIndex];
  }

  get text(): string {
    return this.version.text;
  }

  blockIndexOf(blockId: string): number | undefined {
    // Made when first asked (a selection): a map of every block of a long policy is dear to make at opening.
    if (!this.blockIndexes) this.blockIndexes = new Map(this.blocks.map((block, index) => [block.id, index]));
    return this.blockIndexes.get(blockId);
  }

  placement(id: string): PlacedAnnotation | undefined {
    this.placePending();
    return this.placed.get(id);
  }

  /** Every annotation placed on the text, in the order they start. */
  placements(): PlacedAnnotation[] {
    this.placePending();
    return [...this.placed.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Whether annotations past the first blocks still wait to be placed. */
  get hasPending(): boolean {
    return this.nextPending < this.pending.length;
  }

  /**
   * Places the annotations that wait, all of them or until `enough` says to stop (asked after each); returns
   * whether none wait any more. None of them is over a block drawn before it is placed (see the class).
   */
  placePending(enough: () => boolean = () => false): boolean {
    // In the order given, as if placed when the layout was made.
    while (this.hasPending) {
      this.place(this.pending[this.nextPending++]!);
      if (enough()) break;
    }
    if (!this.hasPending) this.pending.length = this.nextPending = 0;
    return !this.hasPending;
  }

  /** The annotations this layout shows: the live ones of its version (a source may hold every version's). */
  private isShown(annotation: Annotation): boolean {
    return annotation.versionId === this.version.id && !annotation.deletedAt;
  }

  /**
   * Brings the layout in line with the version's live annotations, and returns the blocks whose marks change.
   * Compares objects, not contents: the store replaces an annotation (and its list) whenever it changes.
   */
  sync(annotations: Iterable<Annotation>): Set<number> {
    const touched = new Set<number>();
    if (annotations === this.syncedWith) return touched;
    this.placePending();
    const seen = new Set<string>();
    for (const annotation of annotations) {
      if (!this.isShown(annotation)) continue;
      seen.add(annotation.id);
      if (this.sources.get(annotation.id) !== annotation) for (const b of this.place(annotation)) touched.add(b);
    }
    for (const id of [...this.sources.keys()]) if (!seen.has(id)) for (const b of this.unplace(id)) touched.add(b);
    this.syncedWith = annotations;
    return touched;
  }

  /** Places (or moves) one annotation; returns the blocks whose marks change. */
  set(annotation: Annotation): number[] {
    this.placePending();
    this.syncedWith = undefined;
    return this.place(annotation);
  }

  /** Takes one annotation off the text; returns the blocks whose marks change. */
  remove(id: string): number[] {
    this.placePending();
    this.syncedWith = undefined;
    return this.unplace(id);
  }

  private place(annotation: Annotation): number[] {
    const touched = this.unplace(annotation.id);
    this.sources.set(annotation.id, annotation);
    const range =
      annotation.anchorState === 'orphaned' ? undefined : locateTarget(this.version.text, annotation.target);
    if (!range) return touched;
    const placed: PlacedAnnotation = {
      id: annotation.id,
      start: range.start,
      end: range.end,
      severity: annotation.severity,
      settled: annotation.status !== 'open',
    };
    this.placed.set(annotation.id, placed);
    for (const block of this.blocksOver(placed.start, placed.end)) {
      let ids = this.byBlock.get(block);
      if (!ids) this.byBlock.set(block, (ids = new Set()));
      ids.add(annotation.id);
      touched.push(block);
    }
    return touched;
  }

  private unplace(id: string): number[] {
    this.sources.delete(id);
    const placed = this.placed.get(id);
    if (!placed) return [];
    this.placed.delete(id);
    const touched = this.blocksOver(placed.start, placed.end);
    for (const block of touched) this.byBlock.get(block)?.delete(id);
    return touched;
  }

  /** The blocks whose text overlaps `[start, end)` (not the blank lines between them). */
  blocksOver(start: number, end: number): number[] {
    const found: number[] = [];
    for (
      let index = this.firstBlockEndingAfter(start);
      index < this.starts.length && this.starts[index]! < end;
      index++
    ) {
      if (this.ends[index]! > start && this.ends[index]! > this.starts[index]!) found.push(index);
    }
    return found;
  }

  private firstBlockEndingAfter(offset: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ends[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** A block's text cut at every edge of the annotations over it; plain text between them has no ids. */
  segments(blockIndex: number): Segment[] {
    const block = this.blocks[blockIndex];
    if (!block) return [];
    if (blockIndex >= this.placedFirst) this.placePending();
    const text = block.text;
    const ids = this.byBlock.get(blockIndex);
    if (!ids || ids.size === 0) return text === '' ? [] : [{ text, ids: [], severity: 'info', settled: false }];
    const base = this.starts[blockIndex]!;
    const over = [...ids].map((id) => this.placed.get(id)!).filter(Boolean);
    const cuts = new Set<number>([0, text.length]);
    for (const a of over) {
      cuts.add(Math.max(0, Math.min(text.length, a.start - base)));
      cuts.add(Math.max(0, Math.min(text.length, a.end - base)));
    }
    const edges = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let n = 0; n + 1 < edges.length; n++) {
      const from = edges[n]!;
      const to = edges[n + 1]!;
      if (to <= from) continue;
      const covering = over
        .filter((a) => a.start - base <= from && a.end - base >= to)
        .sort(
          (a, b) =>
            SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
            Number(a.settled) - Number(b.settled) ||
            a.start - b.start,
        );
      const open = covering.filter((a) => !a.settled);
      segments.push({
        text: text.slice(from, to),
        ids: covering.map((a) => a.id),
        // An open annotation colours the run; a resolved one under it does not make it look settled.
        severity: mostSevere((open.length ? open : covering).map((a) => a.severity)),
        settled: covering.length > 0 && open.length === 0,
      });
    }
    return segments;
  }
}
