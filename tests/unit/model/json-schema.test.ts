import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import { systemClock } from '../../../shared/domain/clock';
import { reviewJsonSchemaText } from '../../../shared/model/json-schema';

const COMMITTED_SCHEMA = new URL('../../../shared/model/review.schema.json', import.meta.url);

describe('the committed JSON Schema of the review format', () => {
  it('is the schema the code generates today', async () => {
    const committed = await readFile(COMMITTED_SCHEMA, 'utf8');
    expect(committed, 'shared/model/review.schema.json is stale: run `npm run schema` and commit the result').toBe(
      reviewJsonSchemaText(),
    );
  });

  it('accepts a review the app has just created', async () => {
    const schema = JSON.parse(await readFile(COMMITTED_SCHEMA, 'utf8')) as Record<string, unknown>;
    // Formats (uuid, date-time, email) are not checked here: the schema also states each of them as a pattern.
    const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
    const chair = { name: 'Test Chair', role: 'chair' as const, email: 'chair@example.org' };
    const review = JSON.parse(JSON.stringify(newReviewDocument('Social media policy', chair, systemClock)));
    expect(validate(review), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects a review the app would refuse (committee is not a list)', async () => {
    const schema = JSON.parse(await readFile(COMMITTED_SCHEMA, 'utf8')) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    const review = { ...newReviewDocument('Social media policy', { name: 'Test Chair' }, systemClock), committee: 'x' };
    expect(validate(JSON.parse(JSON.stringify(review)))).toBe(false);
  });
});
