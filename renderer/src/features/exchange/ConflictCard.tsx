import { useId } from 'react';
import type { Conflict } from '../../../../shared/api';
import { shortQuote } from '../../../../shared/domain/annotations/comment-body';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';

export interface ConflictCardProps {
  conflict: Conflict;
  readOnly: boolean;
  /** Which side is being kept, while the services keep it. */
  keeping: number | 'both' | undefined;
  onKeep: (keep: number | 'both') => void;
}

/** Who wrote a side and when, as far as its laptop said. */
function sideByline(side: Conflict['values'][number]): string {
  const who = side.author?.name ?? 'Someone (not named)';
  return side.at ? `${who}, ${formatDateTime(side.at)}` : who;
}

/**
 * One field two laptops changed differently: the record and field named as people know them, each side's value,
 * author and time side by side, and a button to keep each (or both, where two values can live together).
 */
export function ConflictCard({ conflict, readOnly, keeping, onKeep }: ConflictCardProps) {
  const headingId = useId();
  const busy = keeping !== undefined;
  return (
    <li className="panel conflict-card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="conflict-title" tabIndex={-1}>
          <span className="conflict-field">{conflict.fieldLabel}</span>
          <span className="conflict-record">{conflict.recordLabel}</span>
        </h3>
        <ul className="conflict-sides" aria-label={`The ${conflict.values.length} values of ${conflict.fieldLabel}`}>
          {conflict.values.map((side, index) => (
            <li key={index} className="conflict-side">
              <p className="conflict-byline">{sideByline(side)}</p>
              <p className="conflict-value">{side.text || '(empty)'}</p>
              <Button
                size="sm"
                variant="primary"
                disabled={readOnly || (busy && keeping !== index)}
                busy={keeping === index}
                aria-label={`Keep this: ${shortQuote(side.text)}, by ${side.author?.name ?? 'someone not named'}`}
                onClick={() => onKeep(index)}
              >
                Keep this
              </Button>
            </li>
          ))}
        </ul>
        {conflict.canKeepBoth && (
          <div className="conflict-both">
            <Button
              size="sm"
              disabled={readOnly || (busy && keeping !== 'both')}
              busy={keeping === 'both'}
              onClick={() => onKeep('both')}
            >
              Keep both
            </Button>
            <span className="conflict-both-hint">Both texts are kept in this {conflict.fieldLabel.toLowerCase()}.</span>
          </div>
        )}
      </article>
    </li>
  );
}
