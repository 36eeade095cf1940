import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Version } from '../../../../shared/model';
import { DocumentView, type DocumentHandle } from '../../editor/DocumentView';
import { KeyboardSelectionPlugin } from '../../editor/plugins/KeyboardSelectionPlugin';
import { MarkActivationPlugin } from '../../editor/plugins/MarkActivationPlugin';
import { MarkAppearancePlugin } from '../../editor/plugins/MarkAppearancePlugin';
import { MarkTooltipPlugin } from '../../editor/plugins/MarkTooltipPlugin';
import { TextSelectionPlugin, type TextSelection } from '../../editor/plugins/TextSelectionPlugin';
import {
  ANNOTATE_SHORTCUT,
  AnnotateButton,
  AnnotationsPanel,
  EMPTY_ANNOTATION,
  MarkTooltipContent,
  newAnnotationDraftKey,
  parseDraft,
  type PendingAnnotation,
} from '../annotations';
import { AttachHereButton, RepointBar, useRepointAttach } from '../compare';
import {
  activeFilterCount,
  matchesFilter,
  useAnnotations,
  useFeedback,
  useReviewData,
  useReviewNavigation,
} from '../workspace';
import { FindInText } from './FindInText';
import type { TextMatch } from './textMatches';

const PENDING_HIGHLIGHT = 'pending-annotation';

/** Keeps the words a new annotation is about visibly marked while focus is in its form (CSS Custom Highlights). */
function markPendingWords(range: Range | undefined): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (range) CSS.highlights.set(PENDING_HIGHLIGHT, new Highlight(range));
  else CSS.highlights.delete(PENDING_HIGHLIGHT);
}

interface ShownSelection {
  selection: TextSelection;
  /** Where the Annotate button goes, relative to the sheet. */
  position: { top: number; left: number };
}

/**
 * A version with its annotations: the text with highlights (select words to annotate them; hover, focus or open a
 * highlight), and beside it the annotations panel (list, filters, threads, the new-annotation form).
 */
export function AnnotatedDocument({ version }: { version: Version }) {
  const { readOnly, annotations: store, drafts, criteriaById } = useReviewData();
  const { filter, openAnnotationId, openAnnotation, area, textFocusRequest, textFocusDone } = useReviewNavigation();
  const { announce } = useFeedback();
  const all = useAnnotations(store);
  const documentRef = useRef<DocumentHandle | null>(null);
  const sheetRef = useRef<HTMLElement>(null);
  const [selection, setSelection] = useState<ShownSelection>();
  const [pending, setPending] = useState<PendingAnnotation | undefined>(() =>
    readOnly ? undefined : parseDraft(version.id, drafts.get(newAnnotationDraftKey(version.id))),
  );
  // While a carried annotation waits to be re-pointed, selected words attach to it instead of starting a new one.
  const repoint = useRepointAttach(version);
  const attachTo = repoint.active ? repoint.attach : undefined;

  const annotations = useMemo(
    () =>
      all
        .filter((a) => a.versionId === version.id)
        .sort(
          (a, b) =>
            a.target.selector[1].start - b.target.selector[1].start ||
            a.target.selector[1].end - b.target.selector[1].end,
        ),
    [all, version.id],
  );
  const filtering = activeFilterCount(filter) > 0;
  const shown = useMemo(
    () => (filtering ? annotations.filter((a) => matchesFilter(a, filter, criteriaById)) : annotations),
    [annotations, filter, filtering, criteriaById],
  );
  const isShown = useMemo(() => {
    if (!filtering) return undefined;
    const ids = new Set(shown.map((a) => a.id));
    return (id: string) => ids.has(id);
  }, [filtering, shown]);

  const onSelectionChange = useCallback((next: TextSelection | null) => {
    const sheet = sheetRef.current;
    if (!next || !sheet) {
      setSelection(undefined);
      return;
    }
    const box = sheet.getBoundingClientRect();
    const buttonWidth = 190;
    setSelection({
      selection: next,
      position: {
        top: next.endRect.bottom - box.top + 6,
        left: Math.max(8, Math.min(next.endRect.right - box.left - 24, box.width - buttonWidth - 8)),
      },
    });
  }, []);

  const startAnnotation = useCallback(
    (chosen: TextSelection) => {
      const { start, end, exact } = chosen;
      const restored = parseDraft(version.id, drafts.get(newAnnotationDraftKey(version.id)));
      markPendingWords(chosen.domRange);
      // What was filled in for words not saved yet carries over to the new words.
      setPending({
        versionId: version.id,
        range: { start, end, exact },
        initial: restored?.initial ?? EMPTY_ANNOTATION,
        restored: false,
      });
      setSelection(undefined);
    },
    [drafts, version.id],
  );

  const finishPending = (saved?: Annotation) => {
    markPendingWords(undefined);
    // The new highlight is already drawn; the panel's switch to its thread can wait for the frame that shows it.
    startTransition(() => {
      setPending(undefined);
      if (saved) openAnnotation(saved.id);
    });
  };

  useEffect(() => () => markPendingWords(undefined), []);

  // A draft restored on opening: its words are marked and brought into view, as when they were selected.
  const restoredRange = pending?.restored ? pending.range : undefined;
  useEffect(() => {
    if (!restoredRange) return;
    const range = documentRef.current?.rangeOf(restoredRange.start, restoredRange.end) ?? undefined;
    markPendingWords(range);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }, [restoredRange]);

  // Ctrl+Alt+M annotates the selected words from anywhere in the Document area.
  useEffect(() => {
    if (area !== 'document') return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!ANNOTATE_SHORTCUT.matches(event)) return;
      event.preventDefault();
      // The selection as it is now: keys pressed quickly may have changed it since the last frame.
      const current = documentRef.current?.readSelection();
      if (readOnly) announce('This review is read-only here: annotations cannot be added.');
      else if (current && attachTo) void attachTo(current);
      else if (current) startAnnotation(current);
      else announce('Select some words in the policy first, then press Annotate.');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [area, readOnly, startAnnotation, attachTo, announce]);

  // "Show in text" from elsewhere (the checklist, a chip): bring the highlight into view once this area shows.
  useEffect(() => {
    if (!textFocusRequest || area !== 'document') return;
    const annotation = store.get(textFocusRequest.annotationId);
    if (annotation?.versionId !== version.id) return;
    documentRef.current?.showAnnotation(textFocusRequest.annotationId, { focus: textFocusRequest.focus });
    textFocusDone(textFocusRequest.serial);
  }, [textFocusRequest, area, store, version.id, textFocusDone]);

  // Found words are selected as a drag would select them, with focus in the text to extend them from the keyboard.
  const selectFound = ({ start, end }: TextMatch): boolean => {
    const range = documentRef.current?.rangeOf(start, end);
    const root = documentRef.current?.editor.getRootElement();
    const selection = document.getSelection();
    if (!range || !root || !selection) return false;
    root.focus({ preventScroll: true });
    selection.removeAllRanges();
    selection.addRange(range);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return true;
  };

  const showInText = (annotationId: string, focus: boolean) => {
    if (!documentRef.current?.showAnnotation(annotationId, { focus }))
      announce('This annotation’s words are not in this version.');
  };

  return (
    <>
      <RepointBar version={version} repoint={repoint} />
      <FindInText text={version.text} select={selectFound} shortcutActive={area === 'document'} />
      <div className="document-workspace">
        <article ref={sheetRef} className="document-sheet" aria-label={`Version “${version.label}”`}>
          <DocumentView version={version} highlights={store} handleRef={documentRef}>
            <TextSelectionPlugin onChange={onSelectionChange} />
            <KeyboardSelectionPlugin />
            <MarkActivationPlugin onActivate={(ids) => openAnnotation(ids[0])} />
            <MarkTooltipPlugin
              describe={(ids) => <MarkTooltipContent ids={ids} annotations={store} criteriaById={criteriaById} />}
            />
            <MarkAppearancePlugin isShown={isShown} activeId={openAnnotationId} />
          </DocumentView>
          {selection &&
            !readOnly &&
            !pending &&
            (attachTo ? (
              <AttachHereButton
                position={selection.position}
                busy={repoint.busy}
                onAttach={() => void attachTo(selection.selection)}
              />
            ) : (
              <AnnotateButton position={selection.position} onAnnotate={() => startAnnotation(selection.selection)} />
            ))}
        </article>
        <AnnotationsPanel
          annotations={annotations}
          shown={shown}
          pending={pending}
          onPendingDone={finishPending}
          onShowInText={showInText}
        />
      </div>
    </>
  );
}
