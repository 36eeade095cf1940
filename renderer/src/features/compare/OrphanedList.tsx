import { useId, useMemo } from 'react';
import { quoteOf } from '../../../../shared/anchoring';
import type { Version } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { shortQuote } from '../annotations';
import { useAnnotations, useCompareMode, useReviewData } from '../workspace';
import { CarriedAnnotationHead } from './CarriedAnnotationHead';

/**
 * The newer version's orphaned annotations: their words are gone, so they are not highlighted, but they are
 * kept, never dropped, each with the words it was on and a way to attach it to the words it now belongs to.
 */
export function OrphanedList({ to }: { to: Version }) {
  const { readOnly, annotations: store } = useReviewData();
  const { startRepointing } = useCompareMode();
  const all = useAnnotations(store);
  const titleId = useId();
  const orphaned = useMemo(
    () => all.filter((a) => a.versionId === to.id && a.anchorState === 'orphaned'),
    [all, to.id],
  );
  if (orphaned.length === 0) return null;
  return (
    <section className="compare-panel orphaned-list" aria-labelledby={titleId}>
      <h3 id={titleId} className="compare-panel-title">
        Orphaned annotations <span className="count-pill">{orphaned.length}</span>
      </h3>
      <p className="compare-panel-lead">
        Their words are no longer in {to.label}. They are kept, not highlighted; attach each to the words it now belongs
        to.
      </p>
      <ul className="carried-list">
        {orphaned.map((annotation) => {
          const quote = quoteOf(annotation.target).exact;
          const name = shortQuote(quote, 60);
          return (
            <li key={annotation.id} className="carried-item" data-annotation-id={annotation.id}>
              <CarriedAnnotationHead annotation={annotation} />
              <figure className="carried-text is-before">
                <figcaption>Was on</figcaption>
                <blockquote>{quote}</blockquote>
              </figure>
              {!readOnly && (
                <div className="carried-actions">
                  <Button
                    size="sm"
                    aria-label={`Re-attach “${name}” to other words`}
                    onClick={() => startRepointing(annotation.id)}
                  >
                    Re-attach…
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
