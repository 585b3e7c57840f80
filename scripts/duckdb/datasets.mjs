/**
 * Seeded Parquet datasets for the DuckDB source: `node scripts/duckdb/datasets.mjs --sizes 1M,10M,100M`
 * writes `datasets/events-<size>.parquet` (git-ignored) with DuckDB in Node, from
 * `generateEventsSql` of @reeltime/duckdb (the same rows for the same size and seed everywhere).
 * Needs `pnpm build`. 100M events take a few minutes and about 3 GB of disk.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateEventsSql } from '../../packages/duckdb/dist/index.js';
import { NodeDuckDbEngine } from '../../packages/duckdb/dist/node.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1M,10M,100M' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: fileURLToPath(new URL('../../datasets/', import.meta.url)) },
  },
});

/** `1M` → 1,000,000; `250k` → 250,000; a plain number as it is. */
export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a size (e.g. 1M, 250k, 5000)`);
  const unit = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, '': 1 }[match[2]];
  return Math.round(Number(match[1]) * unit);
}

mkdirSync(values.out, { recursive: true });
const engine = await NodeDuckDbEngine.create();
for (const size of values.sizes.split(',')) {
  const count = parseSize(size);
  const file = join(values.out, `events-${size.trim()}.parquet`);
  const started = performance.now();
  // The path is ours (a folder and a size), not data; COPY takes no parameter for it.
  await engine.all(
    `COPY (${generateEventsSql({ count, seed: Number(values.seed) })}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 122880)`,
  );
  const mb = statSync(file).size / 1024 / 1024;
  console.log(
    `${file}: ${count.toLocaleString('en')} events, ${mb.toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
engine.close();
