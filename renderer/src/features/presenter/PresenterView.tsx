import { useDeferredValue, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import type { Criterion } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { ArrowLeftIcon, ChevronRightIcon, CloseIcon } from '../../ui/icons';
import { annotationsByCriterion, type VerdictSaveOutcome } from '../verdicts';
import { membersDisagree, useVersionVotes } from '../votes';
import { useAnnotations, useReviewData, useReviewNavigation, VersionSelect } from '../workspace';
import { PresentedCriterion, type PresentedCriterionHandle } from './PresentedCriterion';
import {
  criteriaInFilter,
  inFilter,
  positionLabel,
  PRESENTER_FILTERS,
  type CriterionFacts,
  type PresenterFilter,
} from './presenterFilters';
import { isField, presenterCommand } from './presenterKeys';
import './presenter.css';

export interface PresenterViewProps {
  /** Why the review cannot be changed here, when it is open read-only. */
  readOnlyReason: string | undefined;
  onLeave: () => void;
}

/**
 * The review on a projector, for a workshop the chair drives: one criterion at a time in large type, filtered to
 * all criteria, those the members disagree on, or those without a verdict; the committee's verdict and rationale
 * recorded from the keyboard. It fills the window as a modal dialog, so the rest of the app is out of reach until
 * the chair leaves (the button, or Escape).
 */
export function PresenterView({ readOnlyReason, onLeave }: PresenterViewProps) {
  const { reviewId, readOnly, review, versions, checklist, categoryLabel, annotations, assessments } = useReviewData();
  const { selectedVersion: version, selectVersion } = useReviewNavigation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stageRef = useRef<HTMLElement>(null);
  const presented = useRef<PresentedCriterionHandle>(null);
  const titleId = useId();
  const versionId = useId();
  const [filter, setFilter] = useState<PresenterFilter>('all');
  const [shownId, setShownId] = useState<string>();
  // Two live regions: where the chair is (read out only), and what a save did (on screen too, for the room).
  const [whereSaid, setWhereSaid] = useState({ text: '', serial: 0 });
  const [said, setSaid] = useState({ text: '', serial: 0 });
  const sayWhere = (text: string) => setWhereSaid((s) => ({ text, serial: s.serial + 1 }));
  const say = (text: string) => setSaid((s) => ({ text, serial: s.serial + 1 }));
  const all = useDeferredValue(useAnnotations(annotations));
  const votes = useVersionVotes(reviewId, version?.id);

  const criteria = useMemo<readonly Criterion[]>(
    () => checklist?.criteria ?? review.checklist.criteria.filter((c) => !c.deletedAt),
    [checklist, review.checklist.criteria],
  );
  const verdicts = useMemo(
    () => new Map(version ? assessments.forVersion(version.id).map((a) => [a.criterionId, a]) : []),
    [assessments, version],
  );
  const votesOf = useMemo(() => new Map((votes.data?.criteria ?? []).map((c) => [c.criterionId, c])), [votes.data]);
  const facts: CriterionFacts = {
    verdictOf: (id) => verdicts.get(id)?.verdict ?? 'unreviewed',
    disagree: (id) => {
      const v = votesOf.get(id);
      return v !== undefined && membersDisagree(v);
    },
  };
  const annotationsOf = useMemo(() => (version ? annotationsByCriterion(all, version.id) : new Map()), [all, version]);
  // Until the chair moves, the first criterion the filter shows is the one on screen.
  const currentId = shownId ?? criteria.find((c) => inFilter(filter, c, facts))?.id;
  const shown = criteriaInFilter(criteria, filter, facts, currentId);
  const index = Math.max(
    0,
    shown.findIndex((c) => c.id === currentId),
  );
  const criterion = shown[index];
  const position = positionLabel(index, shown.length);

  const goTo = (next: Criterion | undefined, list = shown) => {
    if (!next) return;
    setShownId(next.id);
    sayWhere(`${positionLabel(list.indexOf(next), list.length)}: ${next.title}`);
  };
  const chooseFilter = (next: PresenterFilter) => {
    setFilter(next);
    // A new filter starts at its first criterion; what it holds is said, so the chair knows where they are.
    const list = criteria.filter((c) => inFilter(next, c, facts));
    setShownId(list[0]?.id);
    const label = PRESENTER_FILTERS.find((f) => f.id === next)!.label;
    sayWhere(list[0] ? `${label}: ${positionLabel(0, list.length)}: ${list[0].title}` : `${label}: no criteria.`);
  };
  const backToStage = () => stageRef.current?.focus({ preventScroll: true });

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const command = presenterCommand({
      key: event.key,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      inField: isField(event.target),
    });
    // Escape is the dialog's too: the view decides what it means (leave the field, or leave the view).
    if (event.key === 'Escape') event.preventDefault();
    if (!command) return;
    event.preventDefault();
    switch (command.kind) {
      case 'next':
        return goTo(shown[index + 1]);
      case 'previous':
        return goTo(shown[index - 1]);
      case 'first':
        return goTo(shown[0]);
      case 'last':
        return goTo(shown.at(-1));
      case 'verdict':
        return presented.current?.recordVerdict(command.verdict);
      case 'rationale':
        return presented.current?.editRationale();
      case 'stage':
        return backToStage();
      case 'leave':
        return onLeave();
    }
  });
  const leave = useEffectEvent(onLeave);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const keydown = (event: KeyboardEvent) => onKey(event);
    // The browser may close a modal dialog on Escape without asking (a second Escape in a row): leave then too.
    const closed = () => leave();
    const cancel = (event: Event) => event.preventDefault();
    dialog.addEventListener('keydown', keydown);
    dialog.addEventListener('close', closed);
    dialog.addEventListener('cancel', cancel);
    if (!dialog.open) dialog.showModal();
    stageRef.current?.focus({ preventScroll: true });
    return () => {
      dialog.removeEventListener('keydown', keydown);
      dialog.removeEventListener('close', closed);
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Each criterion starts at its top, whatever the last one was scrolled to.
  useEffect(() => {
    stageRef.current?.scrollTo({ top: 0 });
  }, [criterion?.id]);

  const onSaved = (outcome: VerdictSaveOutcome) => say(outcome.saved ? outcome.said : `Not saved: ${outcome.problem}`);

  return (
    <dialog ref={dialogRef} className="presenter" aria-labelledby={titleId}>
      <header className="presenter-bar">
        <div className="presenter-bar-title">
          <h1 id={titleId} className="presenter-review-title">
            {review.title}
          </h1>
          {versions.length > 1 && version ? (
            <p className="presenter-version">
              <label htmlFor={versionId}>Version</label>{' '}
              <VersionSelect id={versionId} versions={versions} value={version.id} onSelect={selectVersion} />
            </p>
          ) : (
            version && <p className="presenter-version">Version {version.label}</p>
          )}
        </div>
        <div className="presenter-filters" role="group" aria-label="Criteria to present">
          {PRESENTER_FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              className="presenter-filter"
              aria-pressed={filter === f.id}
              disabled={f.id === 'disagreement' && !votes.data}
              onClick={() => chooseFilter(f.id)}
            >
              {f.label} ({criteria.filter((c) => inFilter(f.id, c, facts)).length})
            </button>
          ))}
        </div>
        <Button className="presenter-leave" icon={<CloseIcon />} onClick={onLeave}>
          Leave presenter view
        </Button>
      </header>

      {/* A region, not a second <main>: the view is a dialog over the window, whose main landmark stays the one. */}
      <section ref={stageRef} className="presenter-stage" tabIndex={-1} aria-label="Criterion on screen">
        {!version ? (
          <p className="presenter-empty">
            This review has no version yet: import one to judge it against the checklist.
          </p>
        ) : criterion ? (
          <PresentedCriterion
            key={`${version.id}:${criterion.id}`}
            ref={presented}
            criterion={criterion}
            categoryLabel={categoryLabel(criterion.category)}
            version={version}
            assessment={verdicts.get(criterion.id)}
            annotations={annotationsOf.get(criterion.id) ?? NONE}
            votes={votesOf.get(criterion.id)}
            readOnlyReason={readOnly ? (readOnlyReason ?? 'this review is open read-only.') : undefined}
            onSaved={onSaved}
            onDone={backToStage}
          />
        ) : (
          <p className="presenter-empty">
            {filter === 'disagreement'
              ? 'The members agree on every criterion they voted on.'
              : 'Every criterion has a verdict for this version.'}
          </p>
        )}
      </section>

      <footer className="presenter-footer">
        <Button
          className="presenter-step"
          icon={<ArrowLeftIcon />}
          onClick={() => goTo(shown[index - 1])}
          disabled={index === 0}
          aria-keyshortcuts="ArrowLeft PageUp"
        >
          Previous criterion
        </Button>
        <p className="presenter-position">{position}</p>
        <p className="presenter-said" role="status" aria-live="polite">
          <span key={said.serial}>{said.text}</span>
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          <span key={whereSaid.serial}>{whereSaid.text}</span>
        </p>
        <Button
          className="presenter-step presenter-next"
          icon={<ChevronRightIcon />}
          onClick={() => goTo(shown[index + 1])}
          disabled={index >= shown.length - 1}
          aria-keyshortcuts="ArrowRight PageDown"
        >
          Next criterion
        </Button>
      </footer>
    </dialog>
  );
}

const NONE: readonly never[] = [];
