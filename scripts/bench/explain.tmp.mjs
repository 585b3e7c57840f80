import { openPrepared, SqlSource } from '../../packages/duckdb/dist/index.js';
import { NodeDuckDbEngine } from '../../packages/duckdb/dist/node.js';
import { viewSteps } from './duckdb-steps.mjs';
const file = '/work/datasets/events-10M.reeltime.duckdb';
const engine = await NodeDuckDbEngine.create(file, { access_mode: 'READ_ONLY', threads: '1' });
const seen = [];
let rec = false;
const wrap = { all: (sql, p) => { if (rec) seen.push([sql, p]); return engine.all(sql, p); }, names: (s, p) => engine.names(s, p) };
const { backend } = await openPrepared(wrap, file);
const source = await SqlSource.open(backend, { debounce: 0 });
const [lo, hi] = source.extent;
const steps = viewSteps(lo, hi, 60);
const layout = { measure: (t) => t.length * 7 };
await source.query({ from: lo, to: hi, pixels: 960, layout });
rec = true;
await source.query({ from: steps[0][0], to: steps[0][1], pixels: 960, layout });
for (const [sql, p] of seen) {
  const rows = await engine.all('EXPLAIN ANALYZE ' + sql, p);
  console.log(rows.map((r) => Object.values(r).join('\n')).join('\n').slice(0, 9000));
}
