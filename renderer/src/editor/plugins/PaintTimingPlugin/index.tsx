import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';
import { afterNextPaint } from '../../../ui/afterNextPaint';

/**
 * Leaves the performance mark `document:first-paint` (for the benchmark, and anyone profiling) just after the
 * first frame with the document has been painted. `document:highlights` is left once every highlight is in the
 * DOM (DocumentBuildPlugin).
 */
export function PaintTimingPlugin() {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => afterNextPaint(() => performance.mark('document:first-paint')), [editor]);
  return null;
}
