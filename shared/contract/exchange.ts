import { z } from 'zod';
import { Author, RecordId, Sha256Hex, Timestamp } from '../model';
import { method, ReviewRef } from './common';
import { ImportSource, SaveDestination, SavedFile } from './files';
import { Passphrase } from './identities';
import { SignatureCheck } from './report';

/** What a merge did to this laptop's review, counted in records of the other side. */
export const MergeCounts = z.object({
  /** Records the other side had and this one did not. */
  added: z.int().min(0),
  /** Records both had that now read differently here. */
  changed: z.int().min(0),
  /** Fields left with two values for a person to decide between. */
  conflicts: z.int().min(0),
  /** The other side's records that changed nothing here. */
  unchanged: z.int().min(0),
});
export type MergeCounts = z.infer<typeof MergeCounts>;

/** Who sent a package, as it says, and whether a signature vouches for it. */
export const PackageSender = z.object({
  /** The person who exported it, as the package names them (not proven unless `signature` is intact and trusted). */
  exportedBy: Author,
  exportedAt: Timestamp,
  /** The signature over the package's manifest (which holds every part's SHA-256), when the sender signed it. */
  signature: SignatureCheck.pick({
    signer: true,
    signedAt: true,
    intact: true,
    trusted: true,
    trustedAs: true,
    problem: true,
  }).optional(),
});
export type PackageSender = z.infer<typeof PackageSender>;

/** Where a record lives: a collection of the review (annotations, assessments, …) or the review's own fields. */
export const ConflictRecord = z.object({ collection: z.string(), id: z.string() });

export const ConflictSide = z.object({
  value: z.unknown(),
  /** The value as a person reads it (a comment's text, a verdict's label). */
  text: z.string(),
  author: Author.optional(),
  /** When that side was written, to the second, as its laptop's clock said. */
  at: Timestamp.optional(),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

/**
 * The same field of one record changed on two laptops since they parted: both values kept until a person keeps one.
 * `id` names the place (`annotations/<id>/severity`), the same on every laptop.
 */
export const Conflict = z.object({
  id: z.string(),
  record: ConflictRecord,
  field: z.string(),
  values: z.array(ConflictSide).min(2),
  /** The record as people know it ("Annotation on “…”", "Assessment of PRIV-2 on version 2"). */
  recordLabel: z.string(),
  fieldLabel: z.string(),
  /** Both sides can be kept together (two comments, two rationales): `keep: "both"`. */
  canKeepBoth: z.boolean(),
});
export type Conflict = z.infer<typeof Conflict>;

const MAX_CONFLICT_ID = 400;

export const EXCHANGE_METHODS = {
  /**
   * Writes the review as a package (`.policyreview`) another laptop can open and merge: the review, its versions'
   * sources and its history. Signed by one of this user's identities when one is given.
   */
  'packages.export': method(
    z
      .object({
        reviewId: RecordId,
        destination: SaveDestination,
        identityId: RecordId.optional(),
        passphrase: Passphrase.optional(),
      })
      .strict()
      .refine((a) => (a.identityId === undefined) === (a.passphrase === undefined), {
        message: 'To sign a package, give both the identity and its passphrase.',
      }),
    SavedFile.extend({ bytes: z.int().min(0), sha256: Sha256Hex, signedBy: z.string().optional() }),
  ),
  /**
   * Opens a package: a review not in this library is added (same id); a review already here takes the package's
   * work in (a merge), so the person never gets two copies of one review. With a `requestId`, each step (reading the
   * package, merging, saving) is announced as a `package.progress` event: a large review's merge takes seconds.
   */
  'packages.open': method(
    z.object({ source: ImportSource, requestId: z.uuid().optional() }).strict(),
    z.object({
      reviewId: RecordId,
      title: z.string(),
      merged: z.boolean(),
      /** What the merge did, when the review was already here. */
      counts: MergeCounts.optional(),
      sender: PackageSender,
    }),
  ),
  /**
   * The person is about to merge a package into this review (choosing it), export one (choosing where to save it) or
   * resolve its conflicts (reading them): its history is loaded meanwhile, in the engine's process, so that the work
   * takes less time once asked for. Nothing changes; `false` when there was no history to load (a review that never
   * travelled) or it could not be loaded now (the work then says why). At most one review's is held, for two minutes.
   */
  'history.prepare': method(ReviewRef, z.object({ held: z.boolean() })),
  /**
   * The person went on without that work after all (a page's file picker cancelled, which only the page sees; a
   * dialog closed): the history loaded for it is let go now rather than after waiting unused. `ended` is false when
   * none was held for this review.
   */
  'history.release': method(ReviewRef, z.object({ ended: z.boolean() })),
  /**
   * Merges a package of this review into it; a package of another review is refused and nothing changes. With a
   * `requestId`, each step is announced as a `package.progress` event, as for `packages.open`.
   */
  'packages.merge': method(
    z.object({ reviewId: RecordId, source: ImportSource, requestId: z.uuid().optional() }).strict(),
    z.object({ counts: MergeCounts, sender: PackageSender }),
  ),
  /** The review's open conflicts, in a fixed order (the same on every laptop). */
  'conflicts.list': method(ReviewRef, z.array(Conflict)),
  /** Keeps one side of a conflict (0-based, in its `values` order), or both where `canKeepBoth`. */
  'conflicts.resolve': method(
    z
      .object({
        reviewId: RecordId,
        conflictId: z.string().min(1).max(MAX_CONFLICT_ID),
        keep: z.union([z.int().min(0).max(99), z.literal('both')]),
      })
      .strict(),
    z.object({ resolved: Conflict, remaining: z.int().min(0) }),
  ),
} as const;
