import { needsAction, type Annotation, type Assessment, type Criterion, type Version } from '../../../../shared/model';
import { Banner } from '../../ui/Banner';
import { CriterionActions, type useActionChanges } from '../actions';
import { useReviewData, useReviewNavigation } from '../workspace';
import { SupportingAnnotations } from './SupportingAnnotations';
import { useCriterionVerdict } from './useCriterionVerdict';
import { VerdictControl } from './VerdictControl';
import { VerdictRationale } from './VerdictRationale';
import './verdicts.css';

export interface CriterionAssessmentProps {
  criterion: Criterion;
  version: Version;
  assessment: Assessment | undefined;
  /** The version's annotations made against this criterion. */
  annotations: readonly Annotation[];
  actionChanges: ReturnType<typeof useActionChanges>;
}

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
  const { readOnly, review } = useReviewData();
  const { showInText, setFilter } = useReviewNavigation();
  const recording = useCriterionVerdict({ criterion, version, assessment, annotations });
  const { verdict, text } = recording;
  const members = review.committee.filter((m) => !m.deletedAt);

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
          busy={recording.saveStatus === 'saving'}
          onChange={(next) => void recording.save(next, text)}
        />
      </div>
      <VerdictRationale
        recording={recording}
        disabled={readOnly}
        save={(next, rationale) => void recording.save(next, rationale)}
      />
      {recording.problem && (
        <Banner tone="error" title="The verdict was not saved" onDismiss={recording.clearProblem}>
          {recording.problem}
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
