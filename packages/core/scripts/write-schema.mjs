// Regenerates dataset.schema.json from the built module (`pnpm --filter @reeltime/core schema`).
// test/schema.test.ts fails when the committed file and the module disagree.
import { writeFileSync } from 'node:fs';
import { datasetSchema } from '../dist/index.js';

writeFileSync(new URL('../dataset.schema.json', import.meta.url), `${JSON.stringify(datasetSchema, null, 2)}\n`);
