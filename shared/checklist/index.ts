import type { Criterion } from '../model';
import { BUILTIN_CRITERIA } from './builtin';

export { BUILTIN_CHECKLIST_ID, BUILTIN_CRITERIA, BUILTIN_TOPIC_COVERAGE, CATEGORY_INFO } from './builtin';
export type { BuiltinCriterion, CategoryInfo } from './builtin';

/** Fresh criterion records for a new review, copied from the built-in checklist. */
export function createChecklistFromBuiltin(now: string): Criterion[] {
  return BUILTIN_CRITERIA.map((c): Criterion => {
    const criterion: Criterion = {
      id: c.id,
      category: c.category,
      title: c.title,
      question: c.question,
      guidance: c.guidance,
      origin: 'built-in',
      createdAt: now,
      updatedAt: now,
    };
    if (c.reference !== undefined) criterion.reference = c.reference;
    return criterion;
  });
}
