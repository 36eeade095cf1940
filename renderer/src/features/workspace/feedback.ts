import { createContext } from 'react';
import type { UndoOffer } from './UndoToast';
import { usePart } from './workspaceContext';

/** Quiet answers to what the person did. Both functions keep their identity, so reading them never re-renders. */
export interface Feedback {
  /** Reads a short confirmation out to screen-reader users. */
  announce: (message: string) => void;
  /** Shows "… — Undo" at the foot of the window. */
  offerUndo: (offer: UndoOffer) => void;
}

export const FeedbackContext = createContext<Feedback | null>(null);

export const useFeedback = (): Feedback => usePart(FeedbackContext, 'useFeedback');
