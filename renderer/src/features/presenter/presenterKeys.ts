import { VOTE_VERDICTS, type VoteVerdict } from '../../../../shared/model';

/** What a key does in the presenter view. */
export type PresenterCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'verdict'; verdict: VoteVerdict }
  | { kind: 'rationale' }
  | { kind: 'leave' }
  /** Escape in a field: back to the criterion, leaving the field (which saves it, as anywhere in the app). */
  | { kind: 'stage' };

export interface PresenterKey {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The key was pressed in a text field, a list or a radio group, which keeps its own keys. */
  inField: boolean;
}

/** The verdicts keys 1 to 4 record, in the order the verdict control shows them. */
export const VERDICT_KEYS: readonly VoteVerdict[] = VOTE_VERDICTS;

/**
 * The presenter's keys: Left/Right arrow and Page Up/Page Down (a presentation clicker's keys) go from criterion
 * to criterion, Home and End to the first and last; 1 to 4 record the committee's verdict, R goes to its
 * rationale, Escape leaves. Up and Down are left to scroll a long criterion; shortcuts with Ctrl, Alt or Meta
 * are the system's.
 */
export function presenterCommand(event: PresenterKey): PresenterCommand | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  if (event.inField) return event.key === 'Escape' ? { kind: 'stage' } : undefined;
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { kind: 'previous' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'r':
    case 'R':
      return { kind: 'rationale' };
    case 'Escape':
      return { kind: 'leave' };
  }
  const index = Number.parseInt(event.key, 10);
  const verdict = /^[1-9]$/.test(event.key) ? VERDICT_KEYS[index - 1] : undefined;
  return verdict ? { kind: 'verdict', verdict } : undefined;
}

/** Whether a key pressed on `target` belongs to it (typing, choosing in a list, moving along radios). */
export function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
