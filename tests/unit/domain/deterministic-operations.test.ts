import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeVersionText } from '../../../shared/document';
import { addAnnotation, setAnnotationStatus } from '../../../shared/domain/annotations/edit-annotations';
import { addReply } from '../../../shared/domain/annotations/replies';
import { addAction } from '../../../shared/domain/assessments/action-plan';
import { setAssessment } from '../../../shared/domain/assessments/set-assessment';
import { addCriterion, removeCriterion, updateCriterion } from '../../../shared/domain/checklist/edit-checklist';
import { carryAnnotations } from '../../../shared/domain/compare/carry-annotations';
import { setCommittee } from '../../../shared/domain/reviews/edit-review';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import { Review, type Author, type Version } from '../../../shared/model';
import { reviewRecordId } from '../../../shared/model/name-based-id';
import { ANNOTATION_STATUS_LABELS, ROLE_LABELS, SEVERITY_LABELS, VERDICT_LABELS } from '../../../shared/vocabulary';
import { plainTextToRichText } from '../../../shared/rich-text';
import { assembleBlocks } from '../../../electron/services/import/import-version';
import { parseDocument } from '../../../electron/services/import/parse-document';
import { DEFAULT_IMPORT_LIMITS, type ParsedDocument } from '../../../electron/services/import/types';
import { RIVERTON } from '../import/support-import';
import { counterId, fixedClock, type FixedClock } from '../support/fixed-clock';

// Exchange and merge (issue 14) replay operations on copies of a review: the same review, input, actor and clock
// must give the same review, and an operation must record the clock's time and ids, never the computer's.

const CHAIR: Author = { name: 'Ada Chair', role: 'chair' };
const LEGAL: Author = { name: 'Lena Legal', role: 'legal' };
const START = '2026-03-02T09:00:00.000Z';
const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`;

const CONSENT = 'privacy.consent';
/** The id addCriterion makes for the criterion the session adds (from its category and title). */
const CUSTOM = 'legal.custom-records-retention';
/**
 * The ids the session's records get from what they are about, in the review's namespace (its id is the clock's
 * second): the verdict on CONSENT for v1 (id 4), and v1's two annotations (9, 11) and reply (13) carried to v2 (5).
 */
const named = {
  assessment: reviewRecordId(counterId(2), 'assessment', counterId(4), CONSENT),
  carriedFirst: reviewRecordId(counterId(2), 'carried-annotation', counterId(9), counterId(5)),
  carriedReply: reviewRecordId(counterId(2), 'carried-reply', counterId(13), counterId(5)),
  carriedSecond: reviewRecordId(counterId(2), 'carried-annotation', counterId(11), counterId(5)),
};
const PASSAGES = ['The Communications Office administers this policy.', 'share timely information with residents'];

const parsed = new Map<string, ParsedDocument>();
const bytesOf = (file: string) => new Uint8Array(readFileSync(`${RIVERTON}/${file}`));

beforeAll(async () => {
  for (const file of ['v1.txt', 'v2.txt'])
    parsed.set(file, await parseDocument('txt', bytesOf(file), { fileName: file, limits: DEFAULT_IMPORT_LIMITS }));
});

/** A version as an import makes it, from the fixture's parsed text, stamped by the clock (no store, no disk). */
function versionFrom(file: string, label: string, clock: FixedClock): Version {
  const bytes = bytesOf(file);
  const blocks = assembleBlocks(parsed.get(file)!.blocks);
  const source = {
    fileName: file,
    mediaType: 'text/plain',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
  return {
    id: clock.newId(),
    label,
    importedAt: clock.now(),
    importedBy: CHAIR,
    source,
    blocks,
    text: composeVersionText(blocks).text,
    warnings: [],
  };
}

function rangeOf(version: Version, exact: string) {
  const start = version.text.indexOf(exact);
  if (start < 0) throw new Error(`“${exact}” is not in version ${version.label}`);
  return { start, end: start + exact.length, exact };
}

/** A committee's morning, one operation a minute: every kind of record a review holds is made or changed. */
function reviewSession(): Review {
  const clock = fixedClock(START);
  const review = newReviewDocument('Riverton social media policy', CHAIR, clock); // ids 1 (founder), 2 (review), 3 (audit)
  const v1 = versionFrom('v1.txt', '2021', clock); // id 4
  const v2 = versionFrom('v2.txt', '2023', clock); // id 5
  review.versions.push(v1, v2);

  clock.setTo(at(1));
  const founder = review.committee[0]!;
  setCommittee(
    review,
    [
      { id: founder.id, name: founder.name, role: 'chair' },
      { name: LEGAL.name, role: 'legal' },
    ],
    CHAIR,
    clock,
  ); // 6, 7
  clock.setTo(at(2));
  addCriterion(
    review,
    { category: 'legal', title: 'Records retention', question: 'Does it say how long posts are kept?', guidance: '' },
    CHAIR,
    clock,
  ); // 8
  clock.setTo(at(3));
  const annotations = PASSAGES.map((exact) => {
    const body = plainTextToRichText(`About: ${exact}`);
    return addAnnotation(
      review,
      { versionId: v1.id, range: rangeOf(v1, exact), criterionIds: [CONSENT], severity: 'minor', body },
      LEGAL,
      clock,
    );
  }); // 9, 10, 11, 12
  clock.setTo(at(4));
  addReply(review, annotations[0]!.id, plainTextToRichText('Agreed.'), CHAIR, clock); // 13, 14
  clock.setTo(at(5));
  const verdict = {
    versionId: v1.id,
    criterionId: CONSENT,
    verdict: 'partial' as const,
    rationale: 'Half said.',
    annotationIds: [annotations[0]!.id],
  };
  setAssessment(review, verdict, LEGAL, clock); // named (version, criterion), audit 15
  clock.setTo(at(6));
  const legal = review.committee.find((m) => m.name === LEGAL.name)!;
  const action = {
    versionId: v1.id,
    criterionId: CONSENT,
    description: 'Say what consent covers.',
    ownerId: legal.id,
    dueDate: '2026-04-01',
  };
  addAction(review, action, CHAIR, clock); // 16, 17
  clock.setTo(at(7));
  carryAnnotations(review, v1.id, v2.id, CHAIR, clock); // named (source, target), audit 18
  clock.setTo(at(8));
  updateCriterion(
    review,
    CUSTOM,
    { category: 'legal', title: 'Records retention', question: 'How long are posts kept?', guidance: '' },
    CHAIR,
    clock,
  ); // 19
  clock.setTo(at(9));
  removeCriterion(review, CUSTOM, CHAIR, clock); // 20
  return review;
}

describe('domain operations with a fixed clock', () => {
  it('record exactly the clock’s times and ids', () => {
    const review = Review.parse(reviewSession());
    const id = counterId;
    expect(review.id).toBe(id(2));
    expect(review.createdAt).toBe(START);
    expect(review.committee.map((m) => [m.id, m.name, m.createdAt, m.updatedAt])).toEqual([
      [id(1), CHAIR.name, START, START],
      [id(6), LEGAL.name, at(1), at(1)],
    ]);
    expect(review.checklist.criteria.every((c) => c.createdAt === START || c.id === CUSTOM)).toBe(true);
    const custom = review.checklist.criteria.find((c) => c.id === CUSTOM)!;
    expect([custom.createdAt, custom.updatedAt, custom.deletedAt, custom.question]).toEqual([
      at(2),
      at(9),
      at(9),
      'How long are posts kept?',
    ]);

    const [first, second, carriedFirst, carriedSecond] = review.annotations;
    expect([first?.id, first?.versionId, first?.createdAt, first?.updatedAt]).toEqual([id(9), id(4), at(3), at(3)]);
    expect(second?.id).toBe(id(11));
    expect(first?.replies.map((r) => [r.id, r.createdAt, r.author.name])).toEqual([[id(13), at(4), CHAIR.name]]);

    const [assessment] = review.assessments;
    expect([assessment?.id, assessment?.createdAt, assessment?.annotationIds]).toEqual([
      named.assessment,
      at(5),
      [id(9)],
    ]);
    expect(assessment?.actions.map((a) => [a.id, a.ownerId, a.createdAt, a.updatedAt])).toEqual([
      [id(16), id(6), at(6), at(6)],
    ]);

    // Carried copies get ids named from what they copy and where to (the reply too), and the carry's time.
    expect([carriedFirst?.id, carriedFirst?.versionId, carriedFirst?.carriedFrom, carriedFirst?.createdAt]).toEqual([
      named.carriedFirst,
      id(5),
      id(9),
      at(7),
    ]);
    expect(carriedFirst?.replies.map((r) => [r.id, r.createdAt])).toEqual([[named.carriedReply, at(4)]]);
    expect([carriedSecond?.id, carriedSecond?.carriedFrom, carriedSecond?.createdAt]).toEqual([
      named.carriedSecond,
      id(11),
      at(7),
    ]);
    expect([carriedFirst?.anchorState, carriedSecond?.anchorState]).toEqual(['anchored', 'fuzzy']);

    expect(review.audit.map((e) => [e.id, e.at, e.action])).toEqual([
      [id(3), START, 'reviews.create'],
      [id(7), at(1), 'committee.set'],
      [id(8), at(2), 'checklist.addCriterion'],
      [id(10), at(3), 'annotations.add'],
      [id(12), at(3), 'annotations.add'],
      [id(14), at(4), 'annotations.reply'],
      [id(15), at(5), 'assessments.set'],
      [id(17), at(6), 'actions.add'],
      [id(18), at(7), 'annotations.carry'],
      [id(19), at(8), 'checklist.updateCriterion'],
      [id(20), at(9), 'checklist.removeCriterion'],
    ]);
  });

  it('hold no time but the clock’s, no id but the clock’s or one named from what a record is about', () => {
    const json = JSON.stringify(reviewSession());
    const uuids = new Set(json.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
    const counted = Array.from({ length: 20 }, (_, n) => counterId(n + 1));
    expect([...uuids].sort()).toEqual([...counted, ...Object.values(named)].sort());
    const times = new Set(json.match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g));
    expect([...times].sort()).toEqual([START, ...Array.from({ length: 9 }, (_, n) => at(n + 1))]);
  });

  it('give deeply equal reviews when the same session runs twice', () => {
    expect(reviewSession()).toEqual(reviewSession());
    expect(JSON.stringify(reviewSession())).toBe(JSON.stringify(reviewSession()));
  });
});

describe('the audit log', () => {
  it('says what happened in the words the screens and the report use, never the stored values', () => {
    const review = reviewSession();
    const clock = fixedClock(at(10));
    setAnnotationStatus(review, review.annotations[0]!.id, 'wontfix', CHAIR, clock);
    const said = (action: string) => review.audit.filter((e) => e.action === action).map((e) => e.summary);
    expect(said('committee.set')[0]).toContain(`${LEGAL.name} (${ROLE_LABELS.legal})`);
    expect(said('annotations.add')[0]).toContain(`(${SEVERITY_LABELS.minor};`);
    expect(said('assessments.set')[0]).toContain(`to “${VERDICT_LABELS.partial}”`);
    expect(said('annotations.setStatus')[0]).toContain(`“${ANNOTATION_STATUS_LABELS.wontfix}”`);
    for (const summary of review.audit.map((e) => e.summary))
      expect(summary).not.toMatch(/\b(wontfix|partial|legal\)|minor;)/);
  });
});
