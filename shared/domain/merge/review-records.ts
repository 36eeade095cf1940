import type { Review } from '../../model';

/**
 * A review as flat collections of records, each with an id: the unit the merge engine matches across laptops.
 * Records nested in another (replies in an annotation, actions in an assessment) become their own collection with
 * the parent's id, so a reply added on one laptop and an edit of its annotation on another simply combine.
 * A version's blocks and text are not here: imported content never changes, so it is kept beside the merge
 * document (by the version's id) rather than in it.
 */
export const COLLECTIONS = [
  'committee',
  'versions',
  'criteria',
  'annotations',
  'replies',
  'assessments',
  'actions',
  'votes',
  'signoffs',
  'audit',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** One record as its fields: each field is merged on its own. */
export type FlatRecord = { id: string } & Record<string, unknown>;
export type ReviewRecords = Record<CollectionName, FlatRecord[]>;

/** The review's own fields (title, dates, the template its checklist came from). */
export type ReviewHeader = Record<string, unknown>;

/** What a version has that never changes after import, kept outside the merge document. */
export interface VersionContent {
  blocks: Review['versions'][number]['blocks'];
  text: string;
}

export function reviewHeader(review: Review): ReviewHeader {
  return {
    schemaVersion: review.schemaVersion,
    id: review.id,
    title: review.title,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
    checklistBasedOn: review.checklist.basedOn,
  };
}

export function reviewRecords(review: Review): ReviewRecords {
  return Object.fromEntries(COLLECTIONS.map((name) => [name, collectionRecords(review, name)])) as ReviewRecords;
}

/** One collection of reviewRecords, flattened alone (the others can be many, and unneeded). */
export function collectionRecords(review: Review, name: CollectionName): FlatRecord[] {
  switch (name) {
    case 'committee':
      return review.committee;
    case 'versions':
      return review.versions.map(({ blocks: _blocks, text: _text, ...meta }) => meta);
    case 'criteria':
      return review.checklist.criteria;
    case 'annotations':
      return review.annotations.map(({ replies: _replies, ...annotation }) => annotation);
    case 'replies':
      return review.annotations.flatMap((a) => a.replies.map((reply) => ({ ...reply, annotationId: a.id })));
    case 'assessments':
      return review.assessments.map(({ actions: _actions, ...assessment }) => assessment);
    case 'actions':
      return review.assessments.flatMap((a) => a.actions.map((action) => ({ ...action, assessmentId: a.id })));
    case 'votes':
      return review.votes;
    case 'signoffs':
      return review.signoffs;
    case 'audit':
      return review.audit;
  }
}

/** The collections whose records a merge counts: all but the audit log, whose entries every change adds. */
export const COUNTED_COLLECTIONS: readonly CollectionName[] = COLLECTIONS.filter((name) => name !== 'audit');

/** How many records a review holds, in the collections a merge counts. */
export function recordCountOf(review: Review): number {
  const records = reviewRecords(review);
  return COUNTED_COLLECTIONS.reduce((n, name) => n + records[name].length, 0);
}

export function versionContents(review: Review): Map<string, VersionContent> {
  return new Map(review.versions.map((v) => [v.id, { blocks: v.blocks, text: v.text }]));
}

/**
 * The review again from its header, records and versions' content. Not validated here: whoever reads a review
 * checks it against the schema (a record merged from elsewhere is as untrusted as one read from disk).
 * A child whose parent is not there (which only a damaged document could hold) is left out.
 */
export function assembleReview(
  header: ReviewHeader,
  records: ReviewRecords,
  contentOf: (versionId: string) => VersionContent | undefined,
): Review {
  const repliesOf = groupBy(records.replies, 'annotationId');
  const actionsOf = groupBy(records.actions, 'assessmentId');
  const { checklistBasedOn, ...fields } = header;
  return {
    ...fields,
    committee: records.committee,
    versions: records.versions.map((v) => ({ ...v, ...(contentOf(v.id) ?? { blocks: [], text: '' }) })),
    checklist: { basedOn: checklistBasedOn, criteria: records.criteria },
    annotations: records.annotations.map((a) => ({ ...a, replies: repliesOf.get(a.id) ?? [] })),
    assessments: records.assessments.map((a) => ({ ...a, actions: actionsOf.get(a.id) ?? [] })),
    votes: records.votes,
    signoffs: records.signoffs,
    audit: records.audit,
  } as unknown as Review;
}

function groupBy(records: FlatRecord[], parentField: string): Map<string, FlatRecord[]> {
  const groups = new Map<string, FlatRecord[]>();
  for (const { [parentField]: parent, ...record } of records) {
    if (typeof parent !== 'string') continue;
    const group = groups.get(parent) ?? [];
    group.push(record as FlatRecord);
    groups.set(parent, group);
  }
  return groups;
}
