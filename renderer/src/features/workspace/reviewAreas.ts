/** The areas of the review screen, in tab order; "To resolve" is shown only while a merge left conflicts. */
export const REVIEW_AREAS = [
  { id: 'document', label: 'Document' },
  { id: 'checklist', label: 'Checklist' },
  { id: 'compare', label: 'Compare' },
  { id: 'report', label: 'Report' },
  { id: 'committee', label: 'Committee' },
  { id: 'resolve', label: 'To resolve' },
] as const;

export type ReviewAreaId = (typeof REVIEW_AREAS)[number]['id'];
