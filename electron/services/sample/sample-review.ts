import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReviewSummary } from '../../../shared/api';
import { addAnnotation } from '../../../shared/domain/annotations/edit-annotations';
import { findQuote } from '../../../shared/domain/annotations/find-quote';
import { addReply } from '../../../shared/domain/annotations/replies';
import { addAction, localDate } from '../../../shared/domain/assessments/action-plan';
import { setAssessment } from '../../../shared/domain/assessments/set-assessment';
import type { Clock } from '../../../shared/domain/clock';
import { carryAnnotations } from '../../../shared/domain/compare/carry-annotations';
import { setCommittee } from '../../../shared/domain/reviews/edit-review';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import { recordVote } from '../../../shared/domain/votes/record-vote';
import { AppError } from '../../../shared/errors';
import type { Review, Version } from '../../../shared/model';
import { plainTextToRichText } from '../../../shared/rich-text';
import { importVersion, type ImportOptions } from '../import/import-version';
import { summarize, type ReviewLibrary } from '../library/review-library';
import type { Caller, ReviewSessions } from '../library/review-sessions';
import { isNodeError } from '../storage/json-file-adapter';
import {
  SAMPLE_ANNOTATIONS,
  SAMPLE_COMMITTEE,
  SAMPLE_TITLE,
  SAMPLE_VERDICTS,
  SAMPLE_VERSIONS,
  type SampleVerdict,
} from './sample-work';

export interface SampleReviewServices {
  library: ReviewLibrary;
  sessions: ReviewSessions;
  clock: Clock;
  /** How imports parse their files here: the same limits and processes as any import of this host. */
  parsing: Pick<ImportOptions, 'limits' | 'startParserProcess' | 'spareParser'>;
}

/** Reports each step while the sample is built: which one of how many, and what it does, in words. */
export type SampleProgress = (step: number, steps: number, doing: string) => void;

const STEPS = [
  'Creating the review and its committee',
  ...SAMPLE_VERSIONS.map((v) => `Importing version ${v.label}`),
  'Annotating passages and carrying them to the newer version',
  'Recording verdicts, votes and the action plan',
];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Builds a complete review from the project's own sample policy, so a newcomer sees a full workspace at once:
 * two versions imported through the real import, a committee of four, annotations with replies carried from the
 * older version to the newer, verdicts, members' votes and an action plan. Every record is made by the same
 * domain operations a person's work goes through, by the made-up member the sample says did it. A sample that
 * cannot be finished is moved to the trash, so the library never holds half of one. Answers the new review,
 * closed.
 */
export async function createSampleReview(
  policyDir: string,
  services: SampleReviewServices,
  caller: Caller,
  progress: SampleProgress = () => undefined,
): Promise<ReviewSummary> {
  const { library, sessions, clock } = services;
  const files = await readSampleFiles(policyDir);
  let step = 0;
  const next = () => progress(++step, STEPS.length, STEPS[step - 1]!);

  next();
  const review = newReviewDocument(SAMPLE_TITLE, SAMPLE_COMMITTEE.chair, clock);
  setCommittee(
    review,
    [
      ...review.committee.map((founder) => ({ ...founder, email: founder.email ?? '' })),
      ...(['legal', 'privacy', 'stakeholder'] as const).map((key) => ({ email: '', ...SAMPLE_COMMITTEE[key] })),
    ],
    SAMPLE_COMMITTEE.chair,
    clock,
  );
  const { summary } = await library.create(review);
  try {
    const store = await sessions.writable(summary.id, caller);
    const versions: Version[] = [];
    for (const file of files) {
      next();
      const { version } = await importVersion(store, file, {
        actor: SAMPLE_COMMITTEE.chair,
        clock,
        ...services.parsing,
      });
      versions.push(version);
    }
    const [older, newer] = versions as [Version, Version];
    next();
    const onNewer = await store.mutate((review) => annotate(review, older.id, newer.id, clock));
    next();
    await store.mutate((review) => {
      for (const verdict of SAMPLE_VERDICTS) judge(review, newer.id, verdict, onNewer, clock);
    });
    const built = summarize(store.review, undefined, 0);
    await sessions.close(summary.id, caller);
    return built;
  } catch (error) {
    await sessions.exclusive(summary.id, caller, () => library.delete(summary.id)).catch(() => undefined);
    const { code, message } =
      error instanceof AppError ? error : new AppError('E_INTERNAL', error instanceof Error ? error.message : '');
    throw new AppError(
      code,
      `The sample review could not be built, and nothing of it was kept. ${message} ` +
        'Try again, or start a review of your own with Create review.',
    );
  }
}

async function readSampleFiles(policyDir: string) {
  return Promise.all(
    SAMPLE_VERSIONS.map(async ({ fileName, label }) => {
      try {
        return { fileName, label, bytes: new Uint8Array(await readFile(join(policyDir, fileName))) };
      } catch (error) {
        if (!isNodeError(error, 'ENOENT')) throw error;
        throw new AppError(
          'E_NOT_FOUND',
          `The sample policy is missing from this installation (${join(policyDir, fileName)}). Reinstall the app, ` +
            'or start a review of your own with Create review.',
        );
      }
    }),
  );
}

/**
 * The members' annotations and replies, on the words each names; then the chair carries the older version's to
 * the newer. Answers the id on the newer version of each annotation, by its key in the sample.
 */
function annotate(review: Review, olderId: string, newerId: string, clock: Clock): Map<string, string> {
  const versionIds = [olderId, newerId] as const;
  const keyOf = new Map<string, string>();
  const onNewer = new Map<string, string>();
  for (const planned of SAMPLE_ANNOTATIONS) {
    const versionId = versionIds[planned.version];
    const version = review.versions.find((v) => v.id === versionId)!;
    const { start, end } = findQuote(version, { quote: planned.quote });
    const annotation = addAnnotation(
      review,
      {
        versionId,
        range: { start, end, exact: planned.quote },
        criterionIds: planned.criterionIds,
        severity: planned.severity,
        body: plainTextToRichText(planned.comment),
      },
      SAMPLE_COMMITTEE[planned.by],
      clock,
    );
    if (planned.reply)
      addReply(
        review,
        annotation.id,
        plainTextToRichText(planned.reply.text),
        SAMPLE_COMMITTEE[planned.reply.by],
        clock,
      );
    keyOf.set(annotation.id, planned.key);
    if (versionId === newerId) onNewer.set(planned.key, annotation.id);
  }
  const { carried } = carryAnnotations(review, olderId, newerId, SAMPLE_COMMITTEE.chair, clock);
  for (const { annotationId, carriedFrom } of carried) onNewer.set(keyOf.get(carriedFrom)!, annotationId);
  return onNewer;
}

/** The chair records the committee's verdict and its actions; each member who voted records their own vote. */
function judge(
  review: Review,
  versionId: string,
  planned: SampleVerdict,
  annotationIds: ReadonlyMap<string, string>,
  clock: Clock,
): void {
  const { criterionId } = planned;
  for (const [member, verdict] of Object.entries(planned.votes))
    recordVote(
      review,
      { versionId, criterionId, verdict },
      SAMPLE_COMMITTEE[member as keyof typeof planned.votes],
      clock,
    );
  setAssessment(
    review,
    {
      versionId,
      criterionId,
      verdict: planned.verdict,
      rationale: planned.rationale,
      annotationIds: planned.annotations.map((key) => annotationIds.get(key)!),
    },
    SAMPLE_COMMITTEE.chair,
    clock,
  );
  for (const action of planned.actions ?? []) {
    const owner = SAMPLE_COMMITTEE[action.owner];
    addAction(
      review,
      {
        versionId,
        criterionId,
        description: action.description,
        ownerId: review.committee.find((m) => !m.deletedAt && m.name === owner.name)!.id,
        dueDate: localDate(new Date(Date.parse(clock.now()) + action.dueInDays * DAY_MS)),
      },
      SAMPLE_COMMITTEE.chair,
      clock,
    );
  }
}
