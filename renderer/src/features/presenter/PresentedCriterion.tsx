import { useId, useImperativeHandle, useRef, type Ref } from 'react';
import type { CriterionVotes } from '../../../../shared/api';
import type { Annotation, Assessment, Criterion, Verdict, Version } from '../../../../shared/model';
import { VERDICT_LABELS } from '../../../../shared/vocabulary';
import { useCriterionVerdict, VerdictControl, VerdictRationale, type VerdictSaveOutcome } from '../verdicts';
import { PresentedPassages } from './PresentedPassages';
import { PresentedVotes } from './PresentedVotes';
import { VERDICT_KEYS } from './presenterKeys';
import { VerdictWords } from './VerdictWords';

/** What the presenter's keys do to the criterion on screen. */
export interface PresentedCriterionHandle {
  recordVerdict: (verdict: Verdict) => void;
  editRationale: () => void;
}

export interface PresentedCriterionProps {
  criterion: Criterion;
  categoryLabel: string;
  version: Version;
  assessment: Assessment | undefined;
  annotations: readonly Annotation[];
  votes: CriterionVotes | undefined;
  /** Why verdicts cannot be recorded here (a read-only review); undefined when they can. */
  readOnlyReason: string | undefined;
  /** Each save's outcome, for the view's live region. */
  onSaved: (outcome: VerdictSaveOutcome) => void;
  /** Gives focus back to the view, so its keys work again (after Enter or Escape in the rationale). */
  onDone: () => void;
  ref?: Ref<PresentedCriterionHandle>;
}

/**
 * One criterion as the room sees it, in the order of the discussion: its category, title, question and guidance,
 * and the passages annotated against it; beside them the members' votes, then the committee's verdict and
 * rationale, recorded here as in the Checklist (the same hook, the same record).
 */
export function PresentedCriterion({
  criterion,
  categoryLabel,
  version,
  assessment,
  annotations,
  votes,
  readOnlyReason,
  onSaved,
  onDone,
  ref,
}: PresentedCriterionProps) {
  const titleId = useId();
  const verdictTitleId = useId();
  const rationaleRef = useRef<HTMLDivElement>(null);
  const recording = useCriterionVerdict({ criterion, version, assessment, annotations });
  const { verdict, text } = recording;
  const writable = readOnlyReason === undefined;
  const record = async (next: Verdict, rationale: string) => onSaved(await recording.save(next, rationale));

  useImperativeHandle(ref, () => ({
    recordVerdict: (next) => {
      if (writable) void record(next, text);
    },
    editRationale: () => rationaleRef.current?.querySelector('textarea')?.focus(),
  }));

  return (
    <article className="presenter-criterion" aria-labelledby={titleId}>
      <div className="presenter-main">
        <p className="presenter-category">
          {categoryLabel} <code className="presenter-criterion-id">{criterion.id}</code>
        </p>
        <h2 id={titleId} className="presenter-title">
          {criterion.title}
        </h2>
        <p className="presenter-question">{criterion.question}</p>
        {criterion.guidance && (
          <div className="presenter-guidance">
            <h3 className="presenter-panel-title">Guidance</h3>
            <p>{criterion.guidance}</p>
          </div>
        )}
        {criterion.reference && <p className="presenter-reference">Reference: {criterion.reference}</p>}
        <PresentedPassages annotations={annotations} versionLabel={version.label} />
      </div>
      <div className="presenter-side">
        <PresentedVotes votes={votes} committeeVerdict={verdict} />
        <section className="presenter-verdict-panel" aria-labelledby={verdictTitleId}>
          <h3 id={verdictTitleId} className="presenter-panel-title">
            Committee’s verdict: <VerdictWords verdict={verdict} />
          </h3>
          {writable ? (
            <>
              <VerdictControl
                label={`Committee’s verdict on “${criterion.title}” for version “${version.label}”`}
                value={verdict}
                busy={recording.saveStatus === 'saving'}
                onChange={(next) => void record(next, text)}
              />
              <p className="presenter-hint">
                Keys{' '}
                {VERDICT_KEYS.map((v, i) => (
                  <span key={v}>
                    <kbd>{i + 1}</kbd> {VERDICT_LABELS[v]}
                    {i < VERDICT_KEYS.length - 1 ? ', ' : ''}
                  </span>
                ))}
                ; <kbd>R</kbd> writes the rationale.
              </p>
              <div
                ref={rationaleRef}
                onKeyDown={(event) => {
                  // Enter saves and gives the keys back to the view; Shift+Enter starts a new line.
                  if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.metaKey) {
                    event.preventDefault();
                    onDone();
                  }
                }}
              >
                <VerdictRationale
                  recording={recording}
                  disabled={false}
                  save={(next, rationale) => void record(next, rationale)}
                />
                <p className="presenter-hint">
                  <kbd>Enter</kbd> saves the rationale, <kbd>Shift</kbd>+<kbd>Enter</kbd> starts a new line,{' '}
                  <kbd>Esc</kbd> leaves the field (what it holds is saved).
                </p>
              </div>
            </>
          ) : (
            <>
              <p className="presenter-rationale">{assessment?.rationale || 'No rationale recorded.'}</p>
              <p className="presenter-read-only">Verdicts cannot be recorded here: {readOnlyReason}</p>
            </>
          )}
        </section>
      </div>
    </article>
  );
}
