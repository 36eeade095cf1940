import type { CriterionInput } from '../../api';
import { AppError } from '../../errors';
import type { Author, Criterion, Review } from '../../model';
import { categoryLabel } from '../../vocabulary';
import { recordAudit } from '../reviews/audit';
import type { Clock } from '../clock';

/** Adds a review's own criterion, with an id made from its category and title. */
export function addCriterion(review: Review, input: CriterionInput, actor: Author, clock: Clock): Criterion {
  const now = clock.now();
  const criterion: Criterion = {
    id: uniqueCriterionId(review, input),
    ...withoutEmptyReference(input),
    origin: 'custom',
    createdAt: now,
    updatedAt: now,
  };
  review.checklist.criteria.push(criterion);
  recordAudit(
    review,
    actor,
    clock,
    'checklist.addCriterion',
    `Added the criterion “${criterion.title}” (${categoryLabel(criterion.category)}).`,
    criterion.id,
  );
  return criterion;
}

export function updateCriterion(
  review: Review,
  criterionId: string,
  input: CriterionInput,
  actor: Author,
  clock: Clock,
): Criterion {
  const criterion = liveCriterion(review, criterionId);
  Object.assign(criterion, withoutEmptyReference(input), { updatedAt: clock.now() });
  if (!input.reference) delete criterion.reference;
  recordAudit(
    review,
    actor,
    clock,
    'checklist.updateCriterion',
    `Edited the criterion “${criterion.title}”.`,
    criterion.id,
  );
  return criterion;
}

/** Removes a criterion from the review's checklist, leaving a tombstone; its verdicts and annotations stay. */
export function removeCriterion(review: Review, criterionId: string, actor: Author, clock: Clock): void {
  const criterion = liveCriterion(review, criterionId);
  const now = clock.now();
  criterion.deletedAt = now;
  criterion.updatedAt = now;
  recordAudit(
    review,
    actor,
    clock,
    'checklist.removeCriterion',
    `Removed the criterion “${criterion.title}”.`,
    criterion.id,
  );
}

function liveCriterion(review: Review, criterionId: string): Criterion {
  const criterion = review.checklist.criteria.find((c) => c.id === criterionId && !c.deletedAt);
  if (!criterion)
    throw new AppError('E_NOT_FOUND', `The criterion “${criterionId}” is not in this review’s checklist.`);
  return criterion;
}

function withoutEmptyReference(input: CriterionInput): CriterionInput {
  const { reference, ...rest } = input;
  return reference ? { ...rest, reference } : rest;
}

function uniqueCriterionId(review: Review, input: CriterionInput): string {
  const slug =
    input.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'criterion';
  const base = `${input.category}.custom-${slug}`;
  const taken = new Set(review.checklist.criteria.map((c) => c.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
