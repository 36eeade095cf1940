import { useState } from 'react';
import type { Annotation, Assessment, Criterion, Verdict, Version } from '../../../../shared/model';
import { VERDICT_LABELS } from '../../../../shared/vocabulary';
import { callInReview, errorMessage } from '../../api';
import { useDraft, useFeedback, useReviewData } from '../workspace';
import type { RationaleSave } from './RationaleField';

export const rationaleDraftKey = (versionId: string, criterionId: string) => `rationale:${versionId}:${criterionId}`;

/** A save's outcome: the sentence read out for it, or what went wrong. */
export type VerdictSaveOutcome = { saved: true; said: string } | { saved: false; problem: string };

export interface CriterionVerdictTarget {
  criterion: Criterion;
  version: Version;
  assessment: Assessment | undefined;
  /** The version's annotations made against this criterion: they are recorded as the verdict's support. */
  annotations: readonly Annotation[];
}

/**
 * Recording the committee's verdict on one criterion for a version, and its rationale: what the Checklist's card
 * and the presenter view both do, through `assessments.set`, so either leaves the same record and audit entry.
 * The rationale being typed is kept as a draft; the verdict just chosen shows at once and goes back if refused.
 */
export function useCriterionVerdict({ criterion, version, assessment, annotations }: CriterionVerdictTarget) {
  const { reviewId, drafts, assessments } = useReviewData();
  const { announce } = useFeedback();
  const draft = useDraft(drafts, rationaleDraftKey(version.id, criterion.id));
  const saved = assessment?.rationale ?? '';
  const [text, setText] = useState(() => draft.initial ?? saved);
  // Saved elsewhere (the other view of the same criterion): untouched text follows the saved rationale.
  const [lastSaved, setLastSaved] = useState(saved);
  if (lastSaved !== saved) {
    setLastSaved(saved);
    if (text === lastSaved) setText(saved);
  }
  const [saveStatus, setSaveStatus] = useState<RationaleSave>('idle');
  const [problem, setProblem] = useState<string>();
  const [chosen, setChosen] = useState<Verdict>();
  const verdict = chosen ?? assessment?.verdict ?? 'unreviewed';

  const save = async (nextVerdict: Verdict, rationale: string): Promise<VerdictSaveOutcome> => {
    const previous = assessment?.verdict ?? 'unreviewed';
    setSaveStatus('saving');
    setProblem(undefined);
    if (nextVerdict !== verdict) setChosen(nextVerdict);
    try {
      const result = await callInReview(reviewId, 'assessments.set', {
        reviewId,
        versionId: version.id,
        criterionId: criterion.id,
        verdict: nextVerdict,
        rationale,
        annotationIds: annotations.map((a) => a.id),
      });
      assessments.put(result);
      setChosen(undefined);
      draft.clear();
      setSaveStatus('saved');
      const said =
        nextVerdict !== previous
          ? `Verdict on “${criterion.title}”: ${VERDICT_LABELS[nextVerdict]}. Saved.`
          : `Rationale for “${criterion.title}” saved.`;
      announce(said);
      return { saved: true, said };
    } catch (error) {
      setChosen(undefined);
      setSaveStatus('failed');
      const problem = errorMessage(error);
      setProblem(problem);
      return { saved: false, problem };
    }
  };

  /** What was typed: kept on screen and as a draft until saved. */
  const type = (next: string) => {
    setText(next);
    if (saveStatus !== 'saving') setSaveStatus('idle');
    draft.update(next === saved ? '' : next);
  };

  return {
    verdict,
    text,
    type,
    /** Whether the text differs from the saved rationale. */
    dirty: text !== saved,
    draftStatus: draft.status,
    saveStatus,
    problem,
    clearProblem: () => setProblem(undefined),
    /** Records `nextVerdict` with `rationale`; answers what was said, or why it was not saved. */
    save,
  };
}
