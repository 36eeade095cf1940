import { useId, useMemo, useState } from 'react';
import { quoteOf } from '../../../../shared/anchoring';
import type { Annotation, Version } from '../../../../shared/model';
import { errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { CheckCircleIcon } from '../../ui/icons';
import { awaitsConfirmation, shortQuote } from '../annotations';
import { useAnnotations, useCompareMode, useFeedback, useReviewData } from '../workspace';
import { CarriedAnnotationHead } from './CarriedAnnotationHead';
import { useAnchorDecisions } from './useAnchorDecisions';

/**
 * The annotations carried to the newer version as moved or fuzzy, waiting for a person: the words they were on
 * before and the words found now, side by side, each to confirm, re-point to other words, or mark orphaned.
 */
export function AnchorReviewList({ to }: { to: Version }) {
  const { readOnly, annotations: store, versions } = useReviewData();
  const { startRepointing } = useCompareMode();
  const { announce } = useFeedback();
  const all = useAnnotations(store);
  const decisions = useAnchorDecisions();
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const titleId = useId();
  const waiting = useMemo(
    () =>
      all
        .filter((a) => a.versionId === to.id && a.carriedFrom !== undefined && awaitsConfirmation(a))
        .sort((a, b) => a.target.selector[1].start - b.target.selector[1].start),
    [all, to.id],
  );

  const decide = async (annotation: Annotation, action: 'confirm' | 'markOrphaned', done: string) => {
    setBusy(`${action}:${annotation.id}`);
    setProblem(undefined);
    try {
      await decisions[action](annotation.id);
      announce(done);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="compare-panel anchor-review" aria-labelledby={titleId}>
      <h3 id={titleId} className="compare-panel-title">
        Carried annotations to confirm <span className="count-pill">{waiting.length}</span>
      </h3>
      {waiting.length === 0 ? (
        <p className="compare-panel-lead has-icon">
          <CheckCircleIcon size={16} />
          <span>No carried annotation on {to.label} is waiting for confirmation.</span>
        </p>
      ) : (
        <p className="compare-panel-lead">
          Their words moved or changed a little in {to.label}. Check each: confirm the new place, point it at other
          words, or mark it orphaned.
        </p>
      )}
      {problem && (
        <Banner tone="error" title="That did not work" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
      {waiting.length > 0 && (
        <ul className="carried-list">
          {waiting.map((annotation) => {
            const source = annotation.carriedFrom ? store.get(annotation.carriedFrom) : undefined;
            const sourceVersion = source && versions.find((v) => v.id === source.versionId);
            const now = quoteOf(annotation.target).exact;
            const name = shortQuote(now, 60);
            return (
              <li key={annotation.id} className="carried-item" data-annotation-id={annotation.id}>
                <CarriedAnnotationHead annotation={annotation} />
                <div className="carried-texts">
                  <figure className="carried-text is-before">
                    <figcaption>
                      Before
                      <span className="visually-hidden">, in {sourceVersion?.label ?? 'the earlier version'}</span>
                    </figcaption>
                    <blockquote>
                      {source ? quoteOf(source.target).exact : 'The annotation it was carried from has been deleted.'}
                    </blockquote>
                  </figure>
                  <figure className="carried-text is-now">
                    <figcaption>
                      Now<span className="visually-hidden">, in {to.label}</span>
                    </figcaption>
                    <blockquote>{now}</blockquote>
                  </figure>
                </div>
                {!readOnly && (
                  <div className="carried-actions">
                    <Button
                      size="sm"
                      variant="primary"
                      icon={<CheckCircleIcon />}
                      aria-label={`Confirm “${name}”`}
                      busy={busy === `confirm:${annotation.id}`}
                      disabled={busy !== undefined}
                      onClick={() => void decide(annotation, 'confirm', `Confirmed the annotation on “${name}”.`)}
                    >
                      Confirm
                    </Button>
                    <Button
                      size="sm"
                      aria-label={`Re-point “${name}” to other words`}
                      disabled={busy !== undefined}
                      onClick={() => startRepointing(annotation.id)}
                    >
                      Re-point…
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost-danger"
                      aria-label={`Mark orphaned “${name}”`}
                      busy={busy === `markOrphaned:${annotation.id}`}
                      disabled={busy !== undefined}
                      onClick={() =>
                        void decide(
                          annotation,
                          'markOrphaned',
                          `Marked the annotation on “${name}” as orphaned; it is kept in the orphaned list.`,
                        )
                      }
                    >
                      Mark orphaned
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
