import { isReviewed, type Assessment, type Criterion } from '../../../../shared/model';

export interface Progress {
  reviewed: number;
  total: number;
}

/** How many of `criteria` have a verdict other than unreviewed among `assessments`. */
export function progressOf(criteria: readonly Criterion[], verdicts: ReadonlyMap<string, Assessment>): Progress {
  return { reviewed: criteria.filter((c) => isReviewed(verdicts.get(c.id)?.verdict)).length, total: criteria.length };
}

export function progressText({ reviewed, total }: Progress): string {
  return `${reviewed} of ${total} reviewed`;
}
