import type { Verdict } from '../../../../shared/model';
import { VERDICT_LABELS } from '../../../../shared/vocabulary';

/** A verdict as its shape and its words, never its colour alone (the Checklist's glyphs: ✓ ◐ ✕ – ○). */
export function VerdictWords({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`presenter-verdict verdict-${verdict}`}>
      <span className="verdict-glyph" aria-hidden="true" />
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
