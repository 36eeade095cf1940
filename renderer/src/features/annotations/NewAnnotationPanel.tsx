import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../../shared/model';
import { useDraft, useFeedback, useReviewData } from '../workspace';
import { AnnotationForm } from './AnnotationForm';
import { shortQuote } from './labels';
import { newAnnotationDraftKey, serializeDraft, type PendingAnnotation } from './newAnnotationDraft';
import { useAnnotationActions } from './useAnnotationActions';

export interface NewAnnotationPanelProps {
  pending: PendingAnnotation;
  onSaved: (annotation: Annotation) => void;
  onCancel: () => void;
}

/** Annotates the selected words: the form in the side panel, kept as a draft while it is filled in. */
export function NewAnnotationPanel({ pending, onSaved, onCancel }: NewAnnotationPanelProps) {
  const { drafts } = useReviewData();
  const { announce } = useFeedback();
  const actions = useAnnotationActions();
  const draft = useDraft(drafts, newAnnotationDraftKey(pending.versionId));
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A restored draft lands on its heading, so the person learns first that it was restored.
  useEffect(() => {
    if (pending.restored) headingRef.current?.focus();
  }, [pending.restored]);

  return (
    <AnnotationForm
      title="New annotation"
      headingRef={headingRef}
      quote={shortQuote(pending.range.exact, 600)}
      notice={pending.restored ? 'Restored from the draft you had not saved.' : undefined}
      initial={pending.initial}
      submitLabel="Save annotation"
      draftStatus={draft.status}
      onDraft={(value) => draft.update(serializeDraft(pending.range, value))}
      onDraftFlush={draft.flush}
      onCancel={() => {
        draft.clear();
        onCancel();
      }}
      onSubmit={async (value) => {
        const annotation = await actions.add({
          versionId: pending.versionId,
          range: pending.range,
          criterionIds: value.criterionIds,
          severity: value.severity,
          body: value.body ?? EMPTY_BODY,
        });
        draft.clear();
        announce('Annotation saved.');
        onSaved(annotation);
      }}
    />
  );
}

const EMPTY_BODY = {
  root: {
    type: 'root' as const,
    children: [{ type: 'paragraph', children: [], direction: null, format: '', indent: 0, version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    version: 1,
  },
};
