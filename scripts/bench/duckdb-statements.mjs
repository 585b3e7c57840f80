/**
 * Where a view step's time goes in the DuckDB source: `node scripts/bench/duckdb-statements.mjs
 * --file datasets/events-1M.parquet [--steps 60] [--top 12]`. Opens the file with DuckDB in Node,
 * answers the bench's pan and zoom steps (duckdb-steps.mjs, 960 px, all lanes) one statement at a
 * time, and prints each step's statements with their times, then the slowest statements overall
 * (what to look at first). Statements run one after the other here (the source asks the window and
 * the counts together; one connection runs them in turn anyway), so a step's time is their sum.
 * Needs `pnpm build` and a dataset from `node scripts/duckdb/datasets.mjs`. A prepared database
 * (`--file x.reeltime.duckdb`) is opened read-only, as the server opens it (nothing is built).
 */
import { parseArgs } from 'node:util';
import { SqlBackend, SqlSource, formatOf, openPrepared } from '../../packages/duckdb/dist/index.js';
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

const isPrepared = /\.duckdb$/i.test(values.file);
const engine = isPrepared
  ? await NodeDuckDbEngine.create(values.file, { access_mode: 'READ_ONLY' })
  : await NodeDuckDbEngine.create();
/**
 * [step, statement (shortened), ms, rows, cpu ms] of every statement once the source is open. The
 * process's CPU time (DuckDB's threads included) moves less than wall time when other work shares
 * the machine: compare runs by it when the load average is high.
 */
const timings = [];
let step = -1;
// One statement at a time, so each one's time is its own and not a share of another's wait.
let queue = Promise.resolve();
const timed = {
  all: (sql, params) => {
    const run = queue.then(async () => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const rows = await engine.all(sql, params);
      const used = process.cpuUsage(cpu);
      if (step >= 0)
        timings.push([step, label(sql), performance.now() - t, rows.length, (used.user + used.system) / 1000]);
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
const backend = isPrepared
  ? (await openPrepared(timed, values.file)).backend
  : new SqlBackend(timed, { input: { file: values.file, format: formatOf(values.file) } });
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
    for (const [, sql, ms, rows, cpu] of timings.filter(([s]) => s === i))
      console.log(`  ${ms_(ms)} ms ${ms_(cpu)} cpu ${String(rows).padStart(6)} rows  ${sql}`);
  }
}
console.log(`\nslowest ${values.top} statements (step, ms, cpu ms, rows):`);
for (const [s, sql, ms, rows, cpu] of [...timings].sort((a, b) => b[2] - a[2]).slice(0, Number(values.top)))
  console.log(`  step ${String(s).padStart(2)} ${ms_(ms)} ms ${ms_(cpu)} cpu ${String(rows).padStart(6)}  ${sql}`);
/** Time per kind of statement, summed over the steps. */
const byKind = new Map();
for (const [, sql, ms, , cpu] of timings) {
  const sum = byKind.get(sql) ?? [0, 0];
  byKind.set(sql, [sum[0] + ms, sum[1] + cpu]);
}
console.log('\ntotal per statement kind (ms, cpu ms):');
for (const [sql, [ms, cpu]] of [...byKind].sort((a, b) => b[1][0] - a[1][0]))
  console.log(`  ${ms_(ms)} ms ${ms_(cpu)} cpu  ${sql}`);
const sum = (k) => timings.reduce((total, row) => total + row[k], 0);
console.log(`\nall steps: ${Math.round(sum(2))} ms, ${Math.round(sum(4))} ms of CPU`);
engine.close();

function ms_(ms) {
  return String(Math.round(ms)).padStart(6);
}
