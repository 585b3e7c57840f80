/**
 * Where a view step's time goes in the DuckDB source: `node scripts/bench/duckdb-statements.mjs
 * --file datasets/events-1M.parquet [--steps 60] [--top 12]`. Opens the file with DuckDB in Node,
 * answers the bench's pan and zoom steps (duckdb-steps.mjs, 960 px, all lanes) one statement at a
 * time, and prints each step's statements with their times, then the slowest statements overall
 * (what to look at first). Statements run one after the other here (the source asks the window and
 * the counts together; one connection runs them in turn anyway), so a step's time is their sum.
 * Needs `pnpm build` and a dataset from `node scripts/duckdb/datasets.mjs`.
 */
import { parseArgs } from 'node:util';
import { SqlBackend, SqlSource, formatOf } from '../../packages/duckdb/dist/index.js';
import { NodeDuckDbEngine } from '../../packages/duckdb/dist/node.js';
import { viewSteps } from './duckdb-steps.mjs';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    steps: { type: 'string', default: '60' },
    width: { type: 'string', default: '960' },
    top: { type: 'string', default: '12' },
    // Print every step's statements, not only the summary.
    verbose: { type: 'boolean', default: false },
  },
});
if (!values.file) throw new Error('--file events.parquet is required');
const pixels = Number(values.width);
const layout = { measure: (text) => text.length * 7 };

const engine = await NodeDuckDbEngine.create();
/** [step, statement (shortened), ms, rows] of every statement once the source is open. */
const timings = [];
let step = -1;
// One statement at a time, so each one's time is its own and not a share of another's wait.
let queue = Promise.resolve();
const timed = {
  all: (sql, params) => {
    const run = queue.then(async () => {
      const t = performance.now();
      const rows = await engine.all(sql, params);
      if (step >= 0) timings.push([step, label(sql), performance.now() - t, rows.length]);
      return rows;
    });
    queue = run.catch(() => undefined);
    return run;
  },
  names: (sql, params) => engine.names(sql, params),
};
/** A statement's first words and the tables it reads: enough to tell the statements of a step apart. */
function label(sql) {
  const text = sql.replace(/\s+/g, ' ').trim();
  const tables = [...new Set(text.match(/"[a-z]+(?:_[a-z]+)+"/g) ?? [])].join(' ');
  return `${text.slice(0, 60)} … [${tables}]`;
}

const started = performance.now();
const backend = new SqlBackend(timed, { input: { file: values.file, format: formatOf(values.file) } });
const source = await SqlSource.open(backend, { debounce: 0 });
console.log(`open: ${Math.round(performance.now() - started)} ms, ${source.size.toLocaleString('en')} events`);
const [lo, hi] = source.extent;
const windows = [[lo, hi], ...viewSteps(lo, hi, Number(values.steps))];
for (const [i, [from, to]] of windows.entries()) {
  step = i;
  const t = performance.now();
  await source.query({ from, to, pixels, layout });
  const total = performance.now() - t;
  if (values.verbose || i === 0) {
    console.log(`step ${i} (${((to - from) / (hi - lo)).toPrecision(3)} of the extent): ${Math.round(total)} ms`);
    for (const [, sql, ms, rows] of timings.filter(([s]) => s === i))
      console.log(`  ${String(Math.round(ms)).padStart(6)} ms ${String(rows).padStart(6)} rows  ${sql}`);
  }
}
console.log(`\nslowest ${values.top} statements (step, ms, rows):`);
for (const [s, sql, ms, rows] of [...timings].sort((a, b) => b[2] - a[2]).slice(0, Number(values.top)))
  console.log(`  step ${String(s).padStart(2)} ${String(Math.round(ms)).padStart(6)} ms ${String(rows).padStart(6)}  ${sql}`);
/** Time per kind of statement, summed over the steps. */
const byKind = new Map();
for (const [, sql, ms] of timings) byKind.set(sql, (byKind.get(sql) ?? 0) + ms);
console.log('\ntotal per statement kind:');
for (const [sql, ms] of [...byKind].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(Math.round(ms)).padStart(7)} ms  ${sql}`);
engine.close();
