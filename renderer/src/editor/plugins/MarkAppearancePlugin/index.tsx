import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { useDocumentHighlights } from '../../highlights/highlightsContext';
import { AnnotationMarkNode } from '../../nodes/AnnotationMarkNode';

export interface MarkAppearanceProps {
  /** Whether an annotation passes the filters; a mark none of whose annotations pass reads as plain text. */
  isShown?: ((annotationId: string) => boolean) | undefined;
  /** The annotation whose thread is open: its marks are outlined. */
  activeId?: string | undefined;
}

/**
 * Shows which highlights pass the filters and which one is open, by classes on the marks' elements: no editor
 * update, no layout. Marks the editor draws anew later (a new annotation nearby) get the same classes.
 */
export function MarkAppearancePlugin({ isShown, activeId }: MarkAppearanceProps) {
  const [editor] = useLexicalComposerContext();
  const { marks } = useDocumentHighlights();
  const styled = useRef(false);

  useEffect(() => {
    const style = (element: HTMLElement) => {
      const ids = (element.dataset['annotationIds'] ?? '').split(' ');
      const hidden = isShown !== undefined && !ids.some(isShown);
      element.classList.toggle('is-filtered-out', hidden);
      element.tabIndex = hidden ? -1 : 0;
      element.classList.toggle('is-active', activeId !== undefined && !hidden && ids.includes(activeId));
    };
    const needed = isShown !== undefined || activeId !== undefined;
    // With nothing filtered and nothing open, marks are as drawn: skip the pass (the common case on opening).
    if (needed || styled.current) {
      for (const { key } of marks.marks()) {
        const element = editor.getElementByKey(key);
        if (element) style(element);
      }
    }
    styled.current = needed;
    if (!needed) return undefined;
    return editor.registerMutationListener(
      AnnotationMarkNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') continue;
          const element = editor.getElementByKey(key);
          if (element) style(element);
        }
      },
      { skipInitialization: true },
    );
  }, [editor, marks, isShown, activeId]);

  return null;
}
