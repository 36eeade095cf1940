import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';
import { afterNextPaint } from '../../../ui/afterNextPaint';
import { BUILD_TAG, documentBuilderOf } from '../../documentIndex';
import { useDocumentHighlights } from '../../highlights/highlightsContext';

/**
 * What one step of building may take, from the start of its editor update to its DOM written: well under a
 * 50 ms long task, with room for the frame's own work.
 */
const STEP_MS = 20;
/** The editor time of the first step; later ones are scaled by how long the step before took in all. */
const FIRST_BUDGET_MS = 4;

/**
 * Builds the rest of a long document after its first screen is painted, a few sections per task, so the page
 * stays responsive (scrolling, selecting, typing elsewhere) while the rest and its highlights arrive. Leaves the
 * performance mark `document:highlights` once every block and highlight is in the DOM.
 */
export function DocumentBuildPlugin() {
  const [editor] = useLexicalComposerContext();
  const { marks } = useDocumentHighlights();
  useLayoutEffect(() => {
    const builder = documentBuilderOf(editor);
    const finished = () => performance.mark('document:highlights', { detail: { marks: marks.markCount } });
    if (!builder) return undefined;
    if (builder.done) {
      finished();
      return undefined;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let budget = FIRST_BUDGET_MS;
    const step = () => {
      if (stopped) return;
      // Something that needed the whole document (see completeDocument) may have built the rest already.
      if (builder.done) return finished();
      const started = performance.now();
      editor.update(() => builder.$build(() => performance.now() - started >= budget), {
        tag: BUILD_TAG,
        onUpdate: () => {
          if (stopped) return;
          if (builder.done) return finished();
          // Writing the DOM costs about as much again as building the nodes did; keep the whole step in bounds.
          const took = Math.max(1, performance.now() - started);
          budget = Math.max(1, Math.min(STEP_MS, budget * (STEP_MS / took)));
          timer = setTimeout(step, 0);
        },
      });
    };
    // The first screen is painted before anything else is built.
    const cancelFirstStep = afterNextPaint(step);
    return () => {
      stopped = true;
      cancelFirstStep();
      clearTimeout(timer);
    };
  }, [editor, marks]);
  return null;
}
