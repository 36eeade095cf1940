import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLayoutEffect } from 'react';
import { afterNextPaint } from '../../../ui/afterNextPaint';
import { BUILD_TAG, documentBuilderOf } from '../../documentIndex';
import { useDocumentHighlights } from '../../highlights/highlightsContext';

/**
 * What one step of building may take, from the start of its editor update to its DOM written: a quarter of a
 * 50 ms long task, so that a step whose DOM costs twice what the last ones did, or a garbage collection landing
 * in it, still ends well within one.
 */
const STEP_MS = 12;
/** The editor time of the first step; later ones follow from what steps cost in all per millisecond of building. */
const FIRST_BUDGET_MS = 4;
/**
 * How much of the dearest step's cost (per millisecond of building) is kept for the next: a step whose DOM was
 * dear keeps the next few small, rather than the next light one licensing a large step that turns out dear too.
 */
const COST_MEMORY = 0.9;
/** Building times below this are read as this much: a timer's grain should not pass for a huge cost. */
const MIN_MEASURED_MS = 0.5;

/**
 * Builds the rest of a long document after its first screen is painted, a few blocks per task, so the page
 * stays responsive (scrolling, selecting, typing elsewhere) while the rest and its highlights arrive. Leaves the
 * performance mark `document:highlights` once every block and highlight is in the DOM.
 */
export function DocumentBuildPlugin() {
  const [editor] = useLexicalComposerContext();
  const { layout, marks } = useDocumentHighlights();
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
    // What a step costs in all (building, then writing the DOM) per millisecond of building: 2 to 4 as a rule,
    // more where the blocks have more highlights, or where a collection fell in the step.
    let cost = 1;
    const step = () => {
      if (stopped) return;
      // Something that needed the whole document (see completeDocument) may have built the rest already.
      if (builder.done) return finished();
      const started = performance.now();
      // The highlights of the blocks still to build are placed first, in steps of their own: the first screen
      // placed only its own (HighlightLayout).
      if (layout.hasPending) {
        layout.placePending(() => performance.now() - started >= STEP_MS);
        timer = setTimeout(step, 0);
        return;
      }
      let building = 0;
      editor.update(
        () => {
          builder.$build(() => performance.now() - started >= budget);
          building = performance.now() - started;
        },
        {
          tag: BUILD_TAG,
          onUpdate: () => {
            if (stopped) return;
            if (builder.done) return finished();
            const took = performance.now() - started;
            cost = Math.max(took / Math.max(MIN_MEASURED_MS, building), cost * COST_MEMORY);
            budget = Math.max(1, Math.min(STEP_MS, STEP_MS / cost));
            timer = setTimeout(step, 0);
          },
        },
      );
    };
    // The first screen is painted before anything else is built.
    const cancelFirstStep = afterNextPaint(step);
    return () => {
      stopped = true;
      cancelFirstStep();
      clearTimeout(timer);
    };
  }, [editor, layout, marks]);
  return null;
}
