import { useEffect, useId, useRef, useState } from 'react';
import { quoteOf } from '../../../../shared/anchoring';
import type { AnchorState, Annotation } from '../../../../shared/model';
import { ANNOTATION_STATUS_LABELS } from '../../../../shared/vocabulary';
import { errorMessage } from '../../api';
import { RichTextView } from '../../editor/comment/RichTextView';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { countOf } from '../../ui/format';
import { ArrowLeftIcon, CheckCircleIcon, PencilIcon, RestoreIcon, TrashIcon } from '../../ui/icons';
import { AnchorStateBadge } from './AnchorStateBadge';
import { useCompareMode, useReviewData } from '../workspace';
import { AnnotationForm } from './AnnotationForm';
import { AuthorLine } from './AuthorLine';
import { shortQuote } from './labels';
import { ReplyComposer } from './ReplyComposer';
import { SeverityBadge, StatusBadge } from './SeverityBadge';
import { useAnnotationActions } from './useAnnotationActions';

type Reply = Annotation['replies'][number];

export interface ThreadViewProps {
  annotation: Annotation;
  /** Other annotations on some of the same words, to move between them. */
  overlapping: readonly Annotation[];
  onBack: () => void;
  onShowInText: () => void;
  onOpen: (annotationId: string) => void;
}

const ANCHOR_NOTES: Partial<Record<AnchorState, string>> = {
  moved: 'Carried over from an earlier version: the words moved.',
  fuzzy: 'Carried over from an earlier version: the words changed a little; check the highlight.',
  orphaned: 'Carried over from an earlier version, but its words are no longer in this version.',
};

/**
 * One annotation and its discussion: the words it is about, its criteria, severity and status, the comment and
 * the replies; reply, edit, resolve or reopen, and delete (with undo).
 */
export function ThreadView({ annotation, overlapping, onBack, onShowInText, onOpen }: ThreadViewProps) {
  const { readOnly, criteriaById, categoryLabel } = useReviewData();
  const { startRepointing } = useCompareMode();
  const actions = useAnnotationActions();
  const [editing, setEditing] = useState(false);
  const [editingReply, setEditingReply] = useState<string>();
  const [deletingReply, setDeletingReply] = useState<Reply>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const replies = annotation.replies.filter((reply) => !reply.deletedAt);
  const quote = quoteOf(annotation.target).exact;
  const criteria = annotation.criterionIds.map((id) => criteriaById.get(id) ?? { id, title: id, category: undefined });
  const title = criteria[0]
    ? `${criteria[0].title}${criteria.length > 1 ? ` and ${countOf(criteria.length - 1, 'other')}` : ''}`
    : 'Annotation';

  // Opening a thread (or another one) puts focus on its heading, so keyboard users land in it.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [annotation.id]);

  const run = async (label: string, action: () => Promise<unknown>) => {
    setBusy(label);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  if (editing) {
    return (
      <AnnotationForm
        title="Edit annotation"
        quote={shortQuote(quote, 600)}
        initial={{ criterionIds: annotation.criterionIds, severity: annotation.severity, body: annotation.body }}
        submitLabel="Save changes"
        onCancel={() => setEditing(false)}
        onSubmit={async (value) => {
          await actions.update(annotation.id, {
            criterionIds: value.criterionIds,
            severity: value.severity,
            ...(value.body ? { body: value.body } : {}),
          });
          setEditing(false);
        }}
      />
    );
  }

  const settled = annotation.status !== 'open';
  return (
    <article className="thread" aria-labelledby={titleId}>
      <div className="thread-nav">
        <Button variant="ghost" size="sm" icon={<ArrowLeftIcon />} onClick={onBack}>
          All annotations
        </Button>
        <Button size="sm" onClick={onShowInText} disabled={annotation.anchorState === 'orphaned'}>
          Show in text
        </Button>
      </div>
      <header className="thread-header">
        <h3 id={titleId} ref={headingRef} tabIndex={-1} className="panel-title thread-title">
          {title}
        </h3>
        <p className="thread-badges">
          <SeverityBadge severity={annotation.severity} />
          <StatusBadge status={annotation.status} />
          {replies.length > 0 && (
            <span className="badge badge-neutral">{countOf(replies.length, 'reply', 'replies')}</span>
          )}
          <AnchorStateBadge annotation={annotation} />
        </p>
      </header>
      {ANCHOR_NOTES[annotation.anchorState] && (
        <p className="thread-anchor-note">{ANCHOR_NOTES[annotation.anchorState]}</p>
      )}
      <blockquote className="thread-quote">{shortQuote(quote, 600)}</blockquote>
      <ul className="thread-criteria" aria-label="Criteria">
        {criteria.map((criterion) => (
          <li key={criterion.id} className="criterion-chip is-static">
            <span className="criterion-chip-text">
              {criterion.category && (
                <span className="criterion-chip-category">{categoryLabel(criterion.category)}</span>
              )}
              <span className="criterion-chip-title">{criterion.title}</span>
            </span>
          </li>
        ))}
      </ul>
      {overlapping.length > 0 && (
        <div className="thread-overlaps">
          <p className="thread-overlaps-label">Also on these words:</p>
          <ul>
            {overlapping.map((other) => (
              <li key={other.id}>
                <SeverityBadge severity={other.severity} />
                <button type="button" className="link-button thread-overlap-link" onClick={() => onOpen(other.id)}>
                  {other.criterionIds.map((id) => criteriaById.get(id)?.title ?? id).join(', ') || 'Annotation'}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="thread-comment">
        <AuthorLine author={annotation.author} createdAt={annotation.createdAt} />
        <RichTextView body={annotation.body} />
      </div>

      {problem && (
        <Banner tone="error" title="That did not work" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}

      {!readOnly && (
        <div className="thread-actions">
          <Button size="sm" icon={<PencilIcon />} onClick={() => setEditing(true)} disabled={busy !== undefined}>
            Edit
          </Button>
          {annotation.anchorState !== 'anchored' && (
            <Button size="sm" onClick={() => startRepointing(annotation.id)} disabled={busy !== undefined}>
              Re-attach to other words…
            </Button>
          )}
          {settled ? (
            <Button
              size="sm"
              icon={<RestoreIcon />}
              busy={busy === 'status'}
              onClick={() => void run('status', () => actions.setStatus(annotation.id, 'open'))}
            >
              Reopen
            </Button>
          ) : (
            <Button
              size="sm"
              icon={<CheckCircleIcon />}
              busy={busy === 'status'}
              onClick={() => void run('status', () => actions.setStatus(annotation.id, 'resolved'))}
            >
              Resolve
            </Button>
          )}
          {!settled && (
            <Button
              size="sm"
              variant="ghost"
              busy={busy === 'wontfix'}
              onClick={() => void run('wontfix', () => actions.setStatus(annotation.id, 'wontfix'))}
            >
              {ANNOTATION_STATUS_LABELS.wontfix}
            </Button>
          )}
          <Button
            size="sm"
            variant="quiet-danger"
            icon={<TrashIcon />}
            className="thread-delete"
            aria-label="Delete annotation"
            title="Delete annotation (you can undo it)"
            busy={busy === 'delete'}
            onClick={() => void run('delete', () => actions.remove(annotation.id))}
          />
        </div>
      )}

      <section className="thread-replies" aria-label="Replies">
        <h4 className="thread-replies-title">
          {replies.length ? countOf(replies.length, 'reply', 'replies') : 'No replies yet'}
        </h4>
        {replies.length > 0 && (
          <ol className="reply-list">
            {replies.map((reply) => (
              <li key={reply.id} className="reply">
                <AuthorLine author={reply.author} createdAt={reply.createdAt} updatedAt={reply.updatedAt} />
                {editingReply === reply.id ? (
                  <ReplyComposer
                    draftKey={`reply-edit:${annotation.id}:${reply.id}`}
                    label={`Edit reply by ${reply.author.name}`}
                    submitLabel="Save reply"
                    initial={reply.body}
                    autoFocus
                    onCancel={() => setEditingReply(undefined)}
                    onSubmit={async (body) => {
                      await actions.editReply(annotation.id, reply.id, body);
                      setEditingReply(undefined);
                    }}
                  />
                ) : (
                  <>
                    <RichTextView body={reply.body} />
                    {!readOnly && (
                      <div className="reply-actions">
                        <Button
                          variant="ghost"
                          size="sm"
                          icon={<PencilIcon />}
                          aria-label={`Edit reply by ${reply.author.name}`}
                          onClick={() => setEditingReply(reply.id)}
                        >
                          Edit
                        </Button>
                        <Button
                          variant="ghost-danger"
                          size="sm"
                          icon={<TrashIcon />}
                          aria-label={`Delete reply by ${reply.author.name}`}
                          onClick={() => setDeletingReply(reply)}
                        >
                          Delete
                        </Button>
                      </div>
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {!readOnly && (
          <ReplyComposer
            draftKey={`reply:${annotation.id}`}
            label="Reply"
            submitLabel="Reply"
            onSubmit={(body) => actions.reply(annotation.id, body)}
          />
        )}
      </section>

      {deletingReply && (
        <ConfirmDialog
          title="Delete this reply?"
          confirmLabel="Delete reply"
          busy={busy === 'reply-delete'}
          error={problem}
          onCancel={() => setDeletingReply(undefined)}
          // The deleted reply took the button that opened this with it: focus goes to the thread's heading.
          returnFocusTo={() => headingRef.current}
          onConfirm={() =>
            void run('reply-delete', async () => {
              await actions.deleteReply(annotation.id, deletingReply.id);
              setDeletingReply(undefined);
            })
          }
        >
          <p>The reply by {deletingReply.author.name} leaves the thread.</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
