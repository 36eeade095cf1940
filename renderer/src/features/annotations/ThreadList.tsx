import { useState } from 'react';
import { quoteOf } from '../../../../shared/anchoring';
import type { Annotation } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { AnchorStateBadge } from './AnchorStateBadge';
import { useReviewData } from '../workspace';
import { shortQuote } from './labels';
import { SeverityBadge, StatusBadge } from './SeverityBadge';

const PAGE = 60;

export interface ThreadListProps {
  /** The annotations to list, in the order they appear in the text. */
  annotations: readonly Annotation[];
  activeId: string | undefined;
  onOpen: (annotationId: string) => void;
}

/**
 * The annotations of the version, in reading order: what each is about, how severe, whose, and how far the
 * discussion went. Long lists show a page at a time, so a review with a thousand annotations opens quickly.
 */
export function ThreadList({ annotations, activeId, onOpen }: ThreadListProps) {
  const { criteriaById } = useReviewData();
  const [shown, setShown] = useState(PAGE);
  const visible = annotations.slice(0, shown);
  return (
    <>
      <ol className="thread-list" aria-label="Annotations in the order of the text">
        {visible.map((annotation) => {
          const replies = annotation.replies.filter((r) => !r.deletedAt).length;
          const criteria = annotation.criterionIds.map((id) => criteriaById.get(id)?.title ?? id).join(' · ');
          return (
            <li key={annotation.id}>
              <button
                type="button"
                className="thread-item"
                aria-current={annotation.id === activeId ? 'true' : undefined}
                onClick={() => onOpen(annotation.id)}
                data-annotation-id={annotation.id}
              >
                <span className="thread-item-top">
                  <SeverityBadge severity={annotation.severity} />
                  {annotation.status !== 'open' && <StatusBadge status={annotation.status} />}
                  <span className="thread-item-criteria">{criteria}</span>
                </span>
                {annotation.anchorState !== 'anchored' && (
                  <span className="thread-item-anchor">
                    <AnchorStateBadge annotation={annotation} />
                  </span>
                )}
                <span className="thread-item-quote">“{shortQuote(quoteOf(annotation.target).exact)}”</span>
                <span className="thread-item-meta">
                  {annotation.author.name}
                  {replies > 0 && ` · ${countOf(replies, 'reply', 'replies')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {annotations.length > shown && (
        <Button variant="ghost" size="sm" className="thread-list-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, annotations.length - shown)} more of {annotations.length - shown}
        </Button>
      )}
    </>
  );
}
