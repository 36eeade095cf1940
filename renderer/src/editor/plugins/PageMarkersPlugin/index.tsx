import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';
import { useDocumentIndex } from '../../documentIndex';

/**
 * Marks the first block of each page of a paged source (PDF) with `data-page`, which the stylesheet shows as a
 * quiet "p. 3" in the margin. Only attributes are written, never read back, so marking costs no layout.
 */
export function PageMarkersPlugin() {
  const [editor] = useLexicalComposerContext();
  const { pageStarts } = useDocumentIndex();
  useLayoutEffect(() => {
    if (pageStarts.size === 0) return;
    const mark = () => {
      for (const [key, page] of pageStarts) {
        const element = editor.getElementByKey(key);
        const value = String(page);
        if (element && element.dataset['page'] !== value) element.dataset['page'] = value;
      }
    };
    mark();
    // Lexical recreates an element when its node changes (e.g. when highlights are added); mark it again.
    return editor.registerUpdateListener(mark);
  }, [editor, pageStarts]);
  return null;
}
