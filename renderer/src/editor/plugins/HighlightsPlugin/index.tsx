import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $isElementNode } from 'lexical';
import { useEffect } from 'react';
import { useDocumentIndex } from '../../documentIndex';
import { $appendSegments } from '../../highlights/appendSegments';
import { useDocumentHighlights, type HighlightSource } from '../../highlights/highlightsContext';

/** Tags the editor updates that redraw highlights, so other listeners can tell them apart. */
export const HIGHLIGHTS_TAG = 'policy-highlights';

/**
 * Keeps the marks in step with the annotations: on every change of the source, finds the annotations added,
 * changed or removed on this version, and redraws only the blocks they touch, in one synchronous editor update
 * on the editor already shown (no remount), so a saved annotation is highlighted before the next frame.
 */
export function HighlightsPlugin({ source }: { source: HighlightSource }) {
  const [editor] = useLexicalComposerContext();
  const index = useDocumentIndex();
  const { layout, marks } = useDocumentHighlights();

  useEffect(() => {
    const redraw = () => {
      const touched = layout.sync(source.getAnnotations());
      if (touched.size === 0) return;
      editor.update(
        () => {
          for (const blockIndex of touched) {
            const block = layout.blocks[blockIndex];
            const key = block && index.blockKeys.get(block.id);
            const element = key === undefined ? null : $getNodeByKey(key);
            if (!block || !$isElementNode(element)) continue;
            element.clear();
            marks.setBlock(blockIndex, $appendSegments(element, layout.segments(blockIndex), block.type === 'code'));
          }
        },
        { discrete: true, tag: HIGHLIGHTS_TAG },
      );
      performance.mark('document:highlights-updated');
    };
    // Anything that changed between building the first state and listening is drawn now.
    redraw();
    return source.subscribe(redraw);
  }, [editor, index, layout, marks, source]);

  return null;
}
