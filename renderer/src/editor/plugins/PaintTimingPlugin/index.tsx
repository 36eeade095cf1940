import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';

/**
 * Leaves the performance mark `document:first-paint` (for the benchmark, and anyone profiling) just after the
 * first frame with the document has been painted. `document:highlights` is left once every highlight is in the
 * DOM (DocumentBuildPlugin).
 */
export function PaintTimingPlugin() {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
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
  }, [editor]);
  return null;
}
