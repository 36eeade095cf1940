import * as Y from 'yjs';
import { composeVersionText } from '../../../../shared/document';
import { addAnnotation } from '../../../../shared/domain/annotations/edit-annotations';
import type { Clock } from '../../../../shared/domain/clock';
import { setField } from '../../../../shared/domain/merge/registers';
import {
  change,
  emptyMergeableReview,
  headerOf,
  supersededOf,
  fieldText,
  readMergeable,
  ReviewRecorder,
  READ_FROM_DOCUMENT,
  newMergeableReview,
  type MergeableReview,
  type MergeWriter,
} from '../../../../shared/domain/merge/mergeable-review';
import { versionContents, type VersionContent } from '../../../../shared/domain/merge/review-records';
import { setCommittee } from '../../../../shared/domain/reviews/edit-review';
import { newReviewDocument } from '../../../../shared/domain/reviews/new-review';
import { Review, type Author, type Block, type Version } from '../../../../shared/model';
import { plainTextToRichText } from '../../../../shared/rich-text';
import { counterId } from '../../support/fixed-clock';

export const CHAIR: Author = { name: 'Ada Chair', role: 'chair' };
export const LEGAL: Author = { name: 'Lena Legal', role: 'legal' };
export const PRIVACY: Author = { name: 'Priya Privacy', role: 'privacy' };

const PARAGRAPHS = [
  'The Communications Office administers this policy and approves every new account.',
  'Staff share timely information with residents and answer questions within two working days.',
  'Comments that threaten, harass or reveal personal data are hidden and kept as records.',
];

/** A clock for one laptop: ids that differ between laptops (a prefix per laptop), times a test moves by hand. */
export function laptopClock(laptop: number, start: string): Clock & { setTo(iso: string): void } {
  let now = start;
  let issued = 0;
  return {
    now: () => now,
    newId: () => counterId(laptop * 100_000 + ++issued),
    setTo(iso: string) {
      now = iso;
    },
  };
}

/** The review the committee starts from on the chair's laptop: a version, a committee of three, two annotations. */
export function startingReview(clock: Clock): Review {
  const review = newReviewDocument('Riverton social media policy', CHAIR, clock);
  const blocks: Block[] = PARAGRAPHS.map((text, i) => ({ id: `p${i + 1}`, type: 'paragraph', text }));
  const version: Version = {
    id: clock.newId(),
    label: '2023',
    importedAt: clock.now(),
    importedBy: CHAIR,
    source: { fileName: 'policy.txt', mediaType: 'text/plain', sha256: 'a'.repeat(64), bytes: 240 },
    blocks,
    text: composeVersionText(blocks).text,
    warnings: [],
  };
  review.versions.push(version);
  const founder = review.committee[0]!;
  setCommittee(
    review,
    [
      { id: founder.id, name: founder.name, role: 'chair' },
      { name: LEGAL.name, role: 'legal' },
      { name: PRIVACY.name, role: 'privacy' },
    ],
    CHAIR,
    clock,
  );
  for (const exact of ['approves every new account', 'reveal personal data']) {
    const start = version.text.indexOf(exact);
    addAnnotation(
      review,
      {
        versionId: version.id,
        range: { start, end: start + exact.length, exact },
        criterionIds: ['privacy.consent'],
        severity: 'minor',
        body: plainTextToRichText(`About ${exact}.`),
      },
      CHAIR,
      clock,
    );
  }
  return Review.parse(review);
}

/**
 * Gives the legal advisor's committee entry an email, or clears it (`undefined`), as the Committee screen saves a
 * change: every current member sent again, the others as they are.
 */
export function setLegalAdvisorsEmail(review: Review, email: string | undefined, actor: Author, clock: Clock): void {
  const members = review.committee
    .filter((m) => !m.deletedAt)
    .map(({ id, name, role, email: theirs }) => ({ id, name, role, email: name === LEGAL.name ? email : theirs }));
  setCommittee(review, members, actor, clock);
}

/** The keys of the document's maps that `write` wrote (or cleared), in one list. */
export function keysWrittenBy(document: MergeableReview, write: () => void): string[] {
  const keys: string[] = [];
  const note = (transaction: Y.Transaction) => {
    for (const written of transaction.changed.values()) for (const key of written) if (key !== null) keys.push(key);
  };
  document.on('afterTransaction', note);
  write();
  document.off('afterTransaction', note);
  return keys;
}

/** What the document holds, as the engine would send it: equal for two documents that hold the same changes. */
export const stateOf = (document: MergeableReview) => Y.encodeStateVector(document);

/**
 * The review's title written straight into its document, as another app's laptop might: without the app's review
 * file or audit log.
 */
export function retitle(document: MergeableReview, title: string, writer: MergeWriter): MergeableReview {
  change(document, writer, 'test.retitle', () =>
    setField(headerOf(document), 'title', fieldText(title), supersededOf(document)),
  );
  return document;
}

/** The document's format written as an app of that format would, as its next change. */
export function setFormat(document: MergeableReview, format: string, writer: MergeWriter): MergeableReview {
  change(document, writer, 'test.format', () =>
    setField(document.getMap('meta'), 'format', format, supersededOf(document)),
  );
  return document;
}

export function writerFor(author: Author, clock: Clock): MergeWriter {
  return { author, at: clock.now() };
}

/** A copy of the document as another laptop receives it: its whole history, read into a document of its own. */
export function receive(document: MergeableReview): MergeableReview {
  const copy = emptyMergeableReview();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
  return copy;
}

/** One laptop's working state: its document and the review the app works on, saved after each operation. */
export class Laptop {
  review: Review;
  private readonly recorder: ReviewRecorder;
  constructor(
    document: MergeableReview,
    readonly number: number,
    readonly author: Author,
    readonly clock: Clock & { setTo(iso: string): void },
    private readonly contents: Map<string, VersionContent>,
  ) {
    this.review = readMergeable(document, (id) => contents.get(id));
    // Told to read what the document holds, as the app's recorders are: given `this.review`, which `act` changes in
    // place, it would compare a changed record with itself and skip the change.
    this.recorder = new ReviewRecorder(document, READ_FROM_DOCUMENT);
  }

  get document(): MergeableReview {
    return this.recorder.document;
  }

  static first(review: Review, clock: Clock & { setTo(iso: string): void }): Laptop {
    const document = newMergeableReview(review, writerFor(CHAIR, clock));
    return new Laptop(document, 1, CHAIR, clock, versionContents(review));
  }

  /** Another laptop with a copy of this one's document, as a package would bring it. */
  copyTo(number: number, author: Author, clock: Clock & { setTo(iso: string): void }): Laptop {
    return new Laptop(receive(this.document), number, author, clock, this.contents);
  }

  /**
   * Runs a domain operation on the review, then records it, as the app saves each change; and checks that the
   * document now reads back as exactly that review (the recorder skips records by their stamps: this proves it
   * skipped nothing that changed).
   */
  act<T>(operation: (review: Review, actor: Author, clock: Clock) => T): T {
    const answer = operation(this.review, this.author, this.clock);
    this.recorder.record(this.review, writerFor(this.author, this.clock));
    // Canonical JSON: a comment's rich text comes back with its keys in name order.
    if (fieldText(Review.parse(this.read())) !== fieldText(Review.parse(this.review))) {
      throw new Error('The document does not hold the review as the operation left it.');
    }
    return answer;
  }

  read(): Review {
    return readMergeable(this.document, (id) => this.contents.get(id));
  }
}
