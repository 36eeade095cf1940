import type { Conflict } from '../../contract/exchange';
import type { Review, RichText } from '../../model';
import { richTextToPlainText } from '../../rich-text';
import { shortQuote } from '../annotations/comment-body';
import { ANNOTATION_STATUS_LABELS, SEVERITY_LABELS, VERDICT_LABELS } from '../../vocabulary';
import type { FieldConflict } from './conflicts';

/** Fields whose two sides can both be kept, one after the other: a comment or a rationale written on two laptops. */
const JOINABLE: Readonly<Record<string, 'rich-text' | 'text'>> = {
  'annotations.body': 'rich-text',
  'replies.body': 'rich-text',
  'assessments.rationale': 'text',
  'votes.rationale': 'text',
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  body: 'Comment',
  severity: 'Severity',
  status: 'Status',
  criterionIds: 'Criteria',
  verdict: 'Verdict',
  rationale: 'Rationale',
  annotationIds: 'Annotations cited',
  description: 'Description',
  ownerId: 'Owner',
  dueDate: 'Due date',
  title: 'Title',
  question: 'Question',
  guidance: 'Guidance',
  reference: 'Reference',
  category: 'Category',
  label: 'Label',
  effectiveDate: 'Effective date',
  name: 'Name',
  role: 'Role',
  email: 'Email',
  deletedAt: 'Deleted',
  target: 'Annotated passage',
  anchorState: 'Anchoring',
};

/** A conflict as people read it: which record (in words), which field, and each side's value as text. */
export function describeConflict(review: Review, conflict: FieldConflict): Conflict {
  const { collection } = conflict.record;
  return {
    id: conflict.id,
    record: conflict.record,
    field: conflict.field,
    values: conflict.values.map((side) => ({
      value: side.value,
      text: valueText(conflict.field, side.value),
      ...(side.author ? { author: side.author } : {}),
      ...(side.at ? { at: side.at } : {}),
    })),
    recordLabel: recordLabel(review, conflict),
    fieldLabel: FIELD_LABELS[conflict.field] ?? conflict.field,
    canKeepBoth: Object.hasOwn(JOINABLE, `${collection}.${conflict.field}`),
  };
}

/** Both sides of a joinable conflict as one value: the comments (or rationales) one after the other, in side order. */
export function bothSides(conflict: FieldConflict): unknown {
  const kind = JOINABLE[`${conflict.record.collection}.${conflict.field}`];
  if (kind === 'text') return conflict.values.map((side) => String(side.value ?? '')).join('\n\n');
  if (kind === 'rich-text') {
    const bodies = conflict.values.map((side) => side.value as RichText);
    return { root: { ...bodies[0]!.root, children: bodies.flatMap((body) => body.root.children) } };
  }
  return undefined;
}

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (field === 'deletedAt') return `deleted on ${String(value).slice(0, 10)}`;
  if (field === 'body' && typeof value === 'object') return richTextToPlainText(value as RichText);
  if (field === 'verdict' && typeof value === 'string')
    return VERDICT_LABELS[value as keyof typeof VERDICT_LABELS] ?? value;
  if (field === 'severity' && typeof value === 'string')
    return SEVERITY_LABELS[value as keyof typeof SEVERITY_LABELS] ?? value;
  if (field === 'status' && typeof value === 'string')
    return ANNOTATION_STATUS_LABELS[value as keyof typeof ANNOTATION_STATUS_LABELS] ?? value;
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ') || '(none)';
  return JSON.stringify(value);
}

function recordLabel(review: Review, conflict: FieldConflict): string {
  const { collection, id } = conflict.record;
  const versionLabel = (versionId: unknown) => {
    const version = review.versions.find((v) => v.id === versionId);
    return version ? `version “${version.label}”` : 'a version';
  };
  const criterionLabel = (criterionId: unknown) => {
    const criterion = review.checklist.criteria.find((c) => c.id === criterionId);
    return criterion ? `${criterion.id} “${criterion.title}”` : String(criterionId);
  };
  const quoteOf = (annotationId: string) => {
    const annotation = review.annotations.find((a) => a.id === annotationId);
    return annotation ? shortQuote(annotation.target.selector[0].exact, 60) : 'a passage';
  };
  switch (collection) {
    case 'review':
      return 'The review';
    case 'annotations':
      return `Annotation on ${quoteOf(id)}`;
    case 'replies': {
      const parent = review.annotations.find((a) => a.replies.some((r) => r.id === id));
      const reply = parent?.replies.find((r) => r.id === id);
      return `Reply${reply ? ` by ${reply.author.name}` : ''} to the annotation on ${parent ? quoteOf(parent.id) : 'a passage'}`;
    }
    case 'assessments': {
      const assessment = review.assessments.find((a) => a.id === id);
      return assessment
        ? `Assessment of ${criterionLabel(assessment.criterionId)} on ${versionLabel(assessment.versionId)}`
        : 'An assessment';
    }
    case 'actions': {
      const action = review.assessments.flatMap((a) => a.actions).find((a) => a.id === id);
      return action ? `Action ${shortQuote(action.description, 60)}` : 'An action';
    }
    case 'votes': {
      const vote = review.votes.find((v) => v.id === id);
      if (!vote) return 'A vote';
      const voter = review.committee.find((m) => m.id === vote.voterId)?.name ?? vote.author.name;
      return `${voter}’s vote on ${criterionLabel(vote.criterionId)} (${versionLabel(vote.versionId)})`;
    }
    case 'committee':
      return `Committee member ${review.committee.find((m) => m.id === id)?.name ?? ''}`.trim();
    case 'criteria':
      return `Criterion ${criterionLabel(id)}`;
    case 'versions':
      return `Version “${review.versions.find((v) => v.id === id)?.label ?? id}”`;
    default:
      return `${collection} ${id}`;
  }
}
