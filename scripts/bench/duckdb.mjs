/**
 * The DuckDB source's figures, beside `pnpm bench`: `node scripts/bench/duckdb.mjs --file
 * datasets/events-1M.parquet [--mode server|node] [--steps 60]`. Opens the file (DuckDB in Node, or
 * through the HTTP server on a local port), then answers 60 pan and zoom steps as the element asks
 * them (960 px, all lanes) and prints time to first view, query latency p50/p95 per step, and heap.
 * Labels are measured as 7 px per character (no browser here). Needs `pnpm build` and a dataset
 * from `node scripts/duckdb/datasets.mjs`. DuckDB-WASM in the page: scripts/bench/duckdb-wasm.mjs.
 *
 * A prepared database (`--file datasets/events-1M.reeltime.duckdb`, or `--prepare` to prepare the
 * Parquet file first with `pnpm prepare:duckdb`'s prepareFile, timed as `prepareMs`) is opened
 * read-only, as `pnpm serve:duckdb --file x.reeltime.duckdb` does: open and first view then count
 * from opening that file (`--statements` does not apply: nothing is built).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { HttpBackend, SqlBackend, SqlSource, formatOf } from '../../packages/duckdb/dist/index.js';
import { NodeDuckDbEngine, openPreparedFile, prepareFile, preparedPathOf } from '../../packages/duckdb/dist/node.js';
import { createDuckDbServer } from '../../packages/duckdb/dist/server.js';
import { summarize, viewSteps } from './duckdb-steps.mjs';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    mode: { type: 'string', default: 'server' },
    steps: { type: 'string', default: '60' },
    width: { type: 'string', default: '960' },
    // Time each statement of the open (table builds, count table, sample), printed as openStatements.
    statements: { type: 'boolean', default: false },
    prepare: { type: 'boolean', default: false },
  },
});
if (!values.file) throw new Error('--file events.parquet is required');
const steps = Number(values.steps);
const pixels = Number(values.width);
const layout = { measure: (text) => text.length * 7 };

let prepareMs;
if (values.prepare) {
  const prepared = await prepareFile(values.file, { out: preparedPathOf(values.file) });
  prepareMs = Math.round(prepared.ms);
  values.file = prepared.out;
}
const isPrepared = formatOf(values.file) === 'duckdb';
const started = performance.now();
const prepared = isPrepared ? await openPreparedFile(values.file) : undefined;
const engine = prepared?.engine ?? (await NodeDuckDbEngine.create());
const statements = [];
const timed = {
  all: async (sql, params) => {
    const t = performance.now();
    const rows = await engine.all(sql, params);
    statements.push([sql.replace(/\s+/g, ' ').slice(0, 70), Math.round(performance.now() - t)]);
    return rows;
  },
  names: (sql, params) => engine.names(sql, params),
};
const local = prepared
  ? prepared.backend
  : new SqlBackend(values.statements ? timed : engine, {
      input: { file: values.file, format: formatOf(values.file) },
    });
// The table build, timed on its own: over HTTP, a build longer than Node fetch's 300 s headers
// timeout (undici) made `info` fail at 10M before; the server builds before it listens instead,
// as `pnpm serve:duckdb` does.
await local.info();
const openMs = performance.now() - started;
const openCount = statements.length;
let server;
let backend = local;
if (values.mode === 'server') {
  server = createDuckDbServer(local);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  backend = new HttpBackend(`http://127.0.0.1:${server.address().port}/`);
}
const source = await SqlSource.open(backend, { debounce: 0 });
const [lo, hi] = source.extent;
const first = await source.query({ from: lo, to: hi, pixels, layout });
const firstView = performance.now() - started;

const latencies = [];
// CPU time per step (this process: DuckDB's threads, the server and the client are all in it),
// which other work on a shared machine inflates far less than wall time.
const cpu = [];
for (const [from, to] of viewSteps(lo, hi, steps)) {
  const t = performance.now();
  const used = process.cpuUsage();
  await source.query({ from, to, pixels, layout });
  latencies.push(performance.now() - t);
  const { user, system } = process.cpuUsage(used);
  cpu.push((user + system) / 1000);
}
const cpuSummary = summarize(cpu);
const heap = process.memoryUsage();
console.log(
  JSON.stringify(
    {
      file: values.file,
      mode: values.mode,
      events: source.size,
      ...(prepareMs === undefined ? {} : { prepareMs }),
      openMs: Math.round(openMs),
      presorted: local.presorted,
      ...(values.statements ? { openStatements: statements.slice(0, openCount) } : {}),
      firstViewMs: Math.round(firstView),
      firstViewItems: first.items.length,
      steps,
      ...summarize(latencies),
      cpuP50Ms: cpuSummary.p50Ms,
      cpuP95Ms: cpuSummary.p95Ms,
      heapUsedMB: Math.round(heap.heapUsed / 2 ** 20),
      rssMB: Math.round(heap.rss / 2 ** 20),
      loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    },
    null,
    2,
  ),
);
server?.close();
engine.close();
