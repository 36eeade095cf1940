import { createContext } from 'react';
import type { ChecklistView } from '../../../../shared/api';
import type { Category, Criterion, Review, Version } from '../../../../shared/model';
import type { AnnotationStore } from './annotationStore';
import type { AssessmentBook } from './assessmentBook';
import type { DraftStore } from './draftStore';
import { usePart } from './workspaceContext';

/** The open review's data: what the services said, and the stores every area reads and changes. */
export interface ReviewData {
  reviewId: string;
  readOnly: boolean;
  review: Review;
  versions: readonly Version[];
  checklist: ChecklistView | undefined;
  criteriaById: ReadonlyMap<string, Criterion>;
  categoryLabel: (category: Category) => string;
  annotations: AnnotationStore;
  drafts: DraftStore;
  assessments: AssessmentBook;
}

export const ReviewDataContext = createContext<ReviewData | null>(null);

export const useReviewData = (): ReviewData => usePart(ReviewDataContext, 'useReviewData');
