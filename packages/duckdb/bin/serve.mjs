#!/usr/bin/env node
/**
 * `pnpm serve:duckdb --file events.parquet [--port 8787] [--host 127.0.0.1] [--column start=begin_at …]`:
 * a DuckDB server answering reeltime timelines over HTTP (see @reeltime/duckdb/server).
 * `--file events.reeltime.duckdb` (from `pnpm prepare:duckdb`) opens a prepared database read-only,
 * building nothing. Over a Parquet or CSV file, `--prepared out.duckdb` (or `--cache`, for
 * `events.reeltime.duckdb` beside the file) reuses that prepared database when it was built from
 * the file as it is now, and otherwise builds it there, so that the next start is instant.
 * Needs `@duckdb/node-api` and a build of this package (`pnpm build`).
 */
import { parseArgs } from 'node:util';
import { isPreparedFrom, openFile, openPreparedFile, prepareFile, preparedPathOf } from '../dist/node.js';
import { formatOf } from '../dist/index.js';
import { createDuckDbServer } from '../dist/server.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    column: { type: 'string', multiple: true, default: [] },
    prepared: { type: 'string' },
    cache: { type: 'boolean', default: false },
  },
});
if (!values.file) {
  console.error(
    'Usage: serve:duckdb --file events.parquet|events.reeltime.duckdb [--port 8787] [--host 127.0.0.1]\n' +
      '  [--column start=begin_at] [--cache | --prepared events.reeltime.duckdb]',
  );
  process.exit(2);
}
const columns = Object.fromEntries(values.column.map((pair) => pair.split('=', 2)));
const started = performance.now();
let backend;
try {
  const prepared =
    formatOf(values.file) === 'duckdb'
      ? values.file
      : (values.prepared ?? (values.cache ? preparedPathOf(values.file) : undefined));
  if (prepared && prepared !== values.file && !(await isPreparedFrom(prepared, values.file, columns))) {
    console.log(`Preparing ${prepared} from ${values.file}…`);
    await prepareFile(values.file, { out: prepared, columns });
  }
  backend = prepared ? (await openPreparedFile(prepared)).backend : (await openFile(values.file, { columns })).backend;
  const info = await backend.info();
  console.log(
    `${info.size.toLocaleString('en')} events from ${prepared ?? values.file} in ${Math.round(performance.now() - started)} ms`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const server = createDuckDbServer(backend);
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  console.log(
    `Answering on http://${values.host}:${typeof address === 'object' && address ? address.port : values.port}/`,
  );
});
