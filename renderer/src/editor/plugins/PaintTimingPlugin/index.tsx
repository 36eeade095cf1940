import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';
import { useDocumentHighlights } from '../../highlights/highlightsContext';

/**
 * Leaves performance marks for the benchmark (and anyone profiling): `document:highlights` once the view's marks
 * are in the DOM, `document:first-paint` just after the first frame with the document has been painted.
 */
export function PaintTimingPlugin() {
  const [editor] = useLexicalComposerContext();
  const { marks } = useDocumentHighlights();
  useLayoutEffect(() => {
    if (editor.getRootElement()) performance.mark('document:highlights', { detail: { marks: marks.markCount } });
    let cancelled = false;
    const frame = requestAnimationFrame(() => {
      // A message posted in the frame's callback is delivered after that frame is painted.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (!cancelled) performance.mark('document:first-paint');
      };
      channel.port2.postMessage(null);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [editor, marks]);
  return null;
}
