import { randomUUID } from 'node:crypto';
import { targetForRange } from '../../../shared/anchoring';
import type { Annotation, Assessment, Version, Verdict } from '../../../shared/model';
import type { ReviewStore } from '../../../electron/services/storage/review-store';

const COMMENT = {
  root: {
    type: 'root' as const,
    children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Needs a look.' }] }],
  },
};

/**
 * Puts annotations on a version straight into the review through its store, as a finished annotating session
 * would have left them; the compare tests do not depend on how annotations are made.
 */
export async function annotate(
  store: ReviewStore,
  version: Pick<Version, 'id' | 'label' | 'text'>,
  quotes: { exact: string; criterionId: string; occurrence?: number }[],
): Promise<Annotation[]> {
  const now = new Date().toISOString();
  const made = quotes.map(({ exact, criterionId, occurrence = 0 }): Annotation => {
    let start = -1;
    for (let n = 0; n <= occurrence; n++) start = version.text.indexOf(exact, start + 1);
    if (start === -1) throw new Error(`“${exact}” is not in version ${version.label}`);
    return {
      id: randomUUID(),
      versionId: version.id,
      target: targetForRange(version.text, version.id, { start, end: start + exact.length }),
      criterionIds: [criterionId],
      severity: 'minor',
      status: 'open',
      body: COMMENT,
      author: { name: 'Lena Legal', role: 'legal' },
      createdAt: now,
      updatedAt: now,
      replies: [
        {
          id: randomUUID(),
          body: COMMENT,
          author: { name: 'Sam Stakeholder', role: 'stakeholder' },
          createdAt: now,
          updatedAt: now,
        },
      ],
      anchorState: 'anchored',
    };
  });
  await store.mutate((review) => {
    review.annotations.push(...made);
  });
  return made;
}

/** Records a verdict on a criterion for a version, straight into the review. */
export async function assess(
  store: ReviewStore,
  versionId: string,
  criterionId: string,
  verdict: Verdict,
  rationale: string,
): Promise<void> {
  const now = new Date().toISOString();
  const assessment: Assessment = {
    id: randomUUID(),
    versionId,
    criterionId,
    verdict,
    rationale,
    annotationIds: [],
    author: { name: 'Ada Chair', role: 'chair' },
    createdAt: now,
    updatedAt: now,
    actions: [],
  };
  await store.mutate((review) => {
    review.assessments.push(assessment);
  });
}
