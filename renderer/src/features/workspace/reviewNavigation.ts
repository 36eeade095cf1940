import { createContext } from 'react';
import type { Version } from '../../../../shared/model';
import type { AnnotationFilter } from './filters';
import type { ReviewAreaId } from './reviewAreas';
import { usePart } from './workspaceContext';

/** A request to bring an annotation's highlight into view (and give it focus) once the Document area shows. */
export interface TextFocusRequest {
  annotationId: string;
  focus: boolean;
  serial: number;
}

/** Where the person is in the open review and what they look at: the area, the version, the thread, the filter. */
export interface ReviewNavigation {
  area: ReviewAreaId;
  showArea: (area: ReviewAreaId) => void;
  /** The version being reviewed: shown in the Document area, judged in the Checklist. */
  selectedVersion: Version | undefined;
  selectVersion: (versionId: string) => void;
  filter: AnnotationFilter;
  setFilter: (filter: AnnotationFilter) => void;
  /** The annotation whose thread is open in the Document area's side panel. */
  openAnnotationId: string | undefined;
  openAnnotation: (annotationId: string | undefined) => void;
  /** Goes to the Document area on the annotation's version, opens its thread and focuses its highlight. */
  showInText: (annotationId: string, options?: { focus?: boolean }) => void;
  textFocusRequest: TextFocusRequest | undefined;
  textFocusDone: (serial: number) => void;
}

export const ReviewNavigationContext = createContext<ReviewNavigation | null>(null);

export const useReviewNavigation = (): ReviewNavigation => usePart(ReviewNavigationContext, 'useReviewNavigation');
