// Regenerates shared/model/review.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reviewJsonSchemaText } from './json-schema';

const target = fileURLToPath(new URL('./review.schema.json', import.meta.url));
writeFileSync(target, reviewJsonSchemaText());
console.log(`wrote ${target}`);
