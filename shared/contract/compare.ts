import { z } from 'zod';
// From the types alone: the comparison itself (and its diff library) loads only where versions are compared.
import { BLOCK_CHANGE_KINDS, WORD_PART_KINDS, type BlockComparison } from '../compare/types';
import { Category, CriterionId, RecordId, Verdict } from '../model';
import { method, VersionPair } from './common';

/** Where a block sits in one version: its id, its index in the version's blocks, `[start, end)` in its text. */
export const BlockPlace = z.object({
  blockId: z.string(),
  index: z.int().min(0),
  start: z.int().min(0),
  end: z.int().min(0),
});

/**
 * A run of the word diff inside a changed block. `equal` + `removed` parts spell the older block's text,
 * `equal` + `added` the newer one's (with whitespace collapsed, which is how imported blocks are stored).
 */
export const WordPart = z.object({ kind: z.enum(WORD_PART_KINDS), text: z.string() });

/**
 * One block of a comparison: `from` in the older version (absent when added), `to` in the newer (absent when
 * removed). `edited`: the text differs (always for `changed`; a `moved` block may be edited too — one block,
 * not a removal and an addition); then `parts` is its word diff and `similarity` how alike it is, by words.
 */
export const ComparedBlock = z.object({
  kind: z.enum(BLOCK_CHANGE_KINDS),
  from: BlockPlace.optional(),
  to: BlockPlace.optional(),
  edited: z.boolean(),
  similarity: z.number().min(0).max(1).optional(),
  parts: z.array(WordPart).optional(),
});

export const ChangeCounts = z.object({
  unchanged: z.int().min(0),
  changed: z.int().min(0),
  added: z.int().min(0),
  removed: z.int().min(0),
  moved: z.int().min(0),
});

/**
 * Two versions compared. `blocks` is in reading order for the inline view: the newer version's blocks in order,
 * each removed block where it stood in the older one. Whitespace and line-wrap changes are not changes.
 */
export const VersionComparison = z.object({
  fromVersionId: RecordId,
  toVersionId: RecordId,
  counts: ChangeCounts,
  blocks: z.array(ComparedBlock),
});
export type VersionComparison = z.infer<typeof VersionComparison>;

// The contract describes what shared/compare computes: a field added, dropped or retyped on one side only (optional
// fields aside) fails to compile here.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _comparisonMatchesContract: SameShape<
  Omit<VersionComparison, 'fromVersionId' | 'toVersionId'>,
  BlockComparison
> = true;

export const IMPACT_KINDS = ['changed', 'moved', 'removed'] as const;

/** A criterion to re-check: its annotations on the older version sit in text that changed, moved or went. */
export const ImpactedCriterion = z.object({
  criterionId: CriterionId,
  title: z.string(),
  category: Category,
  /** The verdict recorded for the older version (`unreviewed` when none was). */
  verdict: Verdict,
  rationale: z.string(),
  /** The older version's annotations on this criterion that sit in changed, moved or removed blocks. */
  annotationIds: z.array(RecordId),
  /** Which kinds of change touch them. */
  changes: z.array(z.enum(IMPACT_KINDS)),
});
export type ImpactedCriterion = z.infer<typeof ImpactedCriterion>;

export const ChangeImpact = z.object({
  fromVersionId: RecordId,
  toVersionId: RecordId,
  criteria: z.array(ImpactedCriterion),
});
export type ChangeImpact = z.infer<typeof ChangeImpact>;

export const COMPARE_METHODS = {
  /** Two versions compared block by block, with word diffs inside changed blocks and counts per kind. */
  'compare.versions': method(VersionPair, VersionComparison),
  /** The criteria whose annotations on the older version sit in changed, moved or removed text, with their earlier verdicts. */
  'compare.impact': method(VersionPair, ChangeImpact),
} as const;
