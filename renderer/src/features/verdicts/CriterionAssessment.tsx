import { useState } from 'react';
import {
  needsAction,
  type Annotation,
  type Assessment,
  type Criterion,
  type Verdict,
  type Version,
} from '../../../../shared/model';
import { VERDICT_LABELS } from '../../../../shared/vocabulary';
import { callInReview, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { CriterionActions, type useActionChanges } from '../actions';
import { useDraft, useFeedback, useReviewData, useReviewNavigation } from '../workspace';
import { RationaleField, type RationaleSave } from './RationaleField';
import { SupportingAnnotations } from './SupportingAnnotations';
import { VerdictControl } from './VerdictControl';
import './verdicts.css';

export interface CriterionAssessmentProps {
  criterion: Criterion;
  version: Version;
  assessment: Assessment | undefined;
  /** The version's annotations made against this criterion. */
  annotations: readonly Annotation[];
  actionChanges: ReturnType<typeof useActionChanges>;
}

export const rationaleDraftKey = (versionId: string, criterionId: string) => `rationale:${versionId}:${criterionId}`;

/**
 * The committee's judgement on one criterion for the version under review: the verdict, its rationale, the
 * annotations that support it, and (for partial or not met) the corrective actions.
 */
export function CriterionAssessment({
  criterion,
  version,
  assessment,
  annotations,
  actionChanges,
}: CriterionAssessmentProps) {
  const { reviewId, readOnly, drafts, assessments, review } = useReviewData();
  const { showInText, setFilter } = useReviewNavigation();
  const { announce } = useFeedback();
  const draft = useDraft(drafts, rationaleDraftKey(version.id, criterion.id));
  const saved = assessment?.rationale ?? '';
  const [text, setText] = useState(() => draft.initial ?? saved);
  const [saveStatus, setSaveStatus] = useState<RationaleSave>('idle');
  const [problem, setProblem] = useState<string>();
  // The verdict just chosen shows at once; it goes back if the services refuse it.
  const [chosen, setChosen] = useState<Verdict>();
  const verdict = chosen ?? assessment?.verdict ?? 'unreviewed';
  const members = review.committee.filter((m) => !m.deletedAt);

  const save = async (nextVerdict: Verdict, rationale: string) => {
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
      announce(
        nextVerdict !== previous
          ? `Verdict on “${criterion.title}”: ${VERDICT_LABELS[nextVerdict]}. Saved.`
          : `Rationale for “${criterion.title}” saved.`,
      );
    } catch (error) {
      setChosen(undefined);
      setSaveStatus('failed');
      setProblem(errorMessage(error));
    }
  };

  return (
    <div className="assessment">
      <div className="assessment-verdict-row">
        <span className="assessment-label" aria-hidden="true">
          Verdict
        </span>
        <VerdictControl
          label={`Verdict on “${criterion.title}” for version “${version.label}”`}
          value={verdict}
          disabled={readOnly}
          busy={saveStatus === 'saving'}
          onChange={(next) => void save(next, text)}
        />
      </div>
      <RationaleField
        label="Rationale"
        value={text}
        disabled={readOnly}
        dirty={text !== saved}
        draftStatus={draft.status}
        saveStatus={saveStatus}
        onChange={(next) => {
          setText(next);
          if (saveStatus !== 'saving') setSaveStatus('idle');
          draft.update(next === saved ? '' : next);
        }}
        onBlur={() => {
          if (!readOnly && text !== saved) void save(verdict, text);
        }}
      />
      {problem && (
        <Banner tone="error" title="The verdict was not saved" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
      <SupportingAnnotations
        annotations={annotations}
        onOpen={(id) => showInText(id)}
        onShowAll={() => {
          setFilter({ criterionId: criterion.id });
          const first = annotations[0];
          if (first) showInText(first.id);
        }}
      />
      <CriterionActions
        criterionTitle={criterion.title}
        criterionId={criterion.id}
        versionId={version.id}
        actions={assessment?.actions ?? []}
        members={members}
        canAdd={needsAction(verdict)}
        readOnly={readOnly}
        changes={actionChanges}
      />
    </div>
  );
}
