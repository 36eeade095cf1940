import { BUILTIN_CHECKLIST_ID, createChecklistFromBuiltin } from '../../checklist';
import { SCHEMA_VERSION, type Author, type Member, type Review } from '../../model';
import { recordAudit } from './audit';
import type { Clock } from '../clock';

/** A new review: the built-in checklist, and its creator as the first committee member. */
export function newReviewDocument(title: string, creator: Author, clock: Clock): Review {
  const now = clock.now();
  const founder: Member = {
    id: clock.newId(),
    name: creator.name,
    role: creator.role ?? 'chair',
    createdAt: now,
    updatedAt: now,
  };
  if (creator.email) founder.email = creator.email;
  const review: Review = {
    schemaVersion: SCHEMA_VERSION,
    id: clock.newId(),
    title,
    createdAt: now,
    updatedAt: now,
    committee: [founder],
    versions: [],
    checklist: { basedOn: BUILTIN_CHECKLIST_ID, criteria: createChecklistFromBuiltin(now) },
    annotations: [],
    assessments: [],
    votes: [],
    signoffs: [],
    audit: [],
  };
  recordAudit(
    review,
    creator,
    clock,
    'reviews.create',
    `Created the review “${title}” from the built-in checklist.`,
    review.id,
  );
  return review;
}
