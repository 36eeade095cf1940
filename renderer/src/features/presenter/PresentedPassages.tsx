import { useId } from 'react';
import { quoteOf } from '../../../../shared/anchoring';
import type { Annotation } from '../../../../shared/model';
import {
  ANCHOR_STATE_LABELS,
  ANNOTATION_STATUS_LABELS,
  personLabel,
  SEVERITY_LABELS,
} from '../../../../shared/vocabulary';
import { RichTextView } from '../../editor/comment/RichTextView';
import { countOf } from '../../ui/format';

/**
 * The passages of the version annotated against the criterion, for a room to read: the quoted words, the severity
 * in words beside its shape, and the comment with its replies, all on screen (nothing waits for a hover).
 */
export function PresentedPassages({
  annotations,
  versionLabel,
}: {
  annotations: readonly Annotation[];
  versionLabel: string;
}) {
  const titleId = useId();
  return (
    <section className="presenter-panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="presenter-panel-title">
        Passages in version {versionLabel}: {annotations.length === 0 ? 'none' : annotations.length}
      </h3>
      {annotations.length === 0 ? (
        <p className="presenter-none">No passage of this version is annotated against this criterion.</p>
      ) : (
        <ol className="presenter-passages">
          {annotations.map((annotation) => (
            <PresentedPassage key={annotation.id} annotation={annotation} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PresentedPassage({ annotation }: { annotation: Annotation }) {
  const replies = annotation.replies.filter((reply) => !reply.deletedAt);
  return (
    <li className={`presenter-passage presenter-severity-${annotation.severity}`}>
      <p className="presenter-passage-facts">
        <span className={`presenter-severity presenter-severity-${annotation.severity}`}>
          <span className="presenter-severity-shape" aria-hidden="true" />
          {SEVERITY_LABELS[annotation.severity]}
        </span>
        {annotation.status !== 'open' && <span>{ANNOTATION_STATUS_LABELS[annotation.status]}</span>}
        {annotation.anchorState !== 'anchored' && <span>{ANCHOR_STATE_LABELS[annotation.anchorState]}</span>}
      </p>
      <blockquote className="presenter-quote">{quoteOf(annotation.target).exact}</blockquote>
      <div className="presenter-comment">
        <p className="presenter-author">{personLabel(annotation.author)}</p>
        <RichTextView body={annotation.body} />
      </div>
      {replies.length > 0 && (
        <ol className="presenter-replies" aria-label={countOf(replies.length, 'reply', 'replies')}>
          {replies.map((reply) => (
            <li key={reply.id} className="presenter-comment">
              <p className="presenter-author">{personLabel(reply.author)}</p>
              <RichTextView body={reply.body} />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
