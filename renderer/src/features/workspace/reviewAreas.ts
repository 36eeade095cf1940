/** The areas of the review screen, in tab order. */
export const REVIEW_AREAS = [
  { id: 'document', label: 'Document' },
  { id: 'checklist', label: 'Checklist' },
  { id: 'compare', label: 'Compare' },
  { id: 'report', label: 'Report' },
  { id: 'committee', label: 'Committee' },
] as const;

export type ReviewAreaId = (typeof REVIEW_AREAS)[number]['id'];
