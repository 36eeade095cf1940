import { createContext } from 'react';
import type { ReviewAreaId } from './reviewAreas';
import { usePart } from './workspaceContext';

/** Two versions chosen in the Compare area, older first. */
export interface VersionPair {
  fromVersionId: string;
  toVersionId: string;
}

/**
 * A carried annotation waiting to be pointed at other words of its version: while it waits, the Document area's
 * Annotate button becomes "Attach here", and attaching returns the person to the area they came from.
 */
export interface RepointRequest {
  annotationId: string;
  versionId: string;
  returnTo: ReviewAreaId;
}

/** What the Compare area set going that other areas follow: the pair compared, and an annotation being re-pointed. */
export interface CompareMode {
  /** The versions chosen in the Compare area, if the person chose any; the Checklist marks criteria to re-check by it. */
  comparedPair: VersionPair | undefined;
  setComparedPair: (pair: VersionPair) => void;
  /** The annotation being re-pointed, if any. */
  repointing: RepointRequest | undefined;
  /** Goes to the Document area on the annotation's version, waiting for the person to select its new words. */
  startRepointing: (annotationId: string) => void;
  /** Leaves re-pointing mode (attached or cancelled) and goes back where the person started it. */
  endRepointing: () => void;
}

export const CompareModeContext = createContext<CompareMode | null>(null);

export const useCompareMode = (): CompareMode => usePart(CompareModeContext, 'useCompareMode');
