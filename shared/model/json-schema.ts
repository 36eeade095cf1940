import { z } from 'zod';
import { Review } from './review';

/** The review format as JSON Schema, for tools other than this app that read or write reviews. */
export function reviewJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Review, { target: 'draft-2020-12', io: 'input' });
  return {
    $id: 'https://policy-review.invalid/schema/review-1.json',
    title: 'Policy Review Workstation review document',
    description:
      'One review: the policy versions reviewed, the checklist, annotations with W3C ' +
      'TextQuote/TextPosition selectors, verdicts, committee, sign-offs and the audit log.',
    ...schema,
  };
}

export function reviewJsonSchemaText(): string {
  return JSON.stringify(reviewJsonSchema(), null, 2) + '\n';
}
