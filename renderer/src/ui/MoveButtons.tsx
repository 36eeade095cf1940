import { Button } from './Button';
import { ArrowDownIcon, ArrowUpIcon } from './icons';

export interface MoveButtonsProps {
  /** The item's name as people read it, e.g. a criterion's title: "Move “…” up". */
  itemName: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  busy?: boolean;
  upTitle?: string;
  downTitle?: string;
  onMove: (by: -1 | 1) => void;
}

/** Move up and Move down for one item of an ordered list; `data-move` lets `useReorder` put focus back after a move. */
export function MoveButtons({
  itemName,
  canMoveUp,
  canMoveDown,
  busy = false,
  upTitle = 'Move up',
  downTitle = 'Move down',
  onMove,
}: MoveButtonsProps) {
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        icon={<ArrowUpIcon />}
        data-move="-1"
        aria-label={`Move “${itemName}” up`}
        title={upTitle}
        disabled={!canMoveUp || busy}
        onClick={() => onMove(-1)}
      />
      <Button
        variant="ghost"
        size="sm"
        icon={<ArrowDownIcon />}
        data-move="1"
        aria-label={`Move “${itemName}” down`}
        title={downTitle}
        disabled={!canMoveDown || busy}
        onClick={() => onMove(1)}
      />
    </>
  );
}
