import { createContext, useContext } from 'react';
import type { Annotation } from '../../../../shared/model';
import type { HighlightLayout } from './highlightLayout';
import type { MarkRegistry } from './markRegistry';

/** Where the annotations to draw come from: the review's annotation store, or anything with the same shape. */
export interface HighlightSource {
  /** The live annotations now (of any version: the view draws its own version's). */
  getAnnotations(): readonly Annotation[];
  /** Called after every change; returns the function that stops listening. */
  subscribe(listener: () => void): () => void;
}

/** The layout of the shown version's highlights and where their marks are, for the plugins inside the view. */
export interface DocumentHighlights {
  layout: HighlightLayout;
  marks: MarkRegistry;
}

export const DocumentHighlightsContext = createContext<DocumentHighlights | null>(null);

export function useDocumentHighlights(): DocumentHighlights {
  const value = useContext(DocumentHighlightsContext);
  if (!value) throw new Error('useDocumentHighlights is used outside a DocumentView');
  return value;
}
