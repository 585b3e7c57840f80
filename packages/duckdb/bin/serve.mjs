#!/usr/bin/env node
/**
 * `pnpm serve:duckdb --file events.parquet [--port 8787] [--host 127.0.0.1] [--column start=begin_at …]`:
 * a DuckDB server answering reeltime timelines over HTTP (see @reeltime/duckdb/server).
 * Needs `@duckdb/node-api` and a build of this package (`pnpm build`).
 */
import { parseArgs } from 'node:util';
import { openFile } from '../dist/node.js';
import { createDuckDbServer } from '../dist/server.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    column: { type: 'string', multiple: true, default: [] },
  },
});
if (!values.file) {
  console.error('Usage: serve:duckdb --file events.parquet [--port 8787] [--host 127.0.0.1] [--column start=begin_at]');
  process.exit(2);
}
const columns = Object.fromEntries(values.column.map((pair) => pair.split('=', 2)));
const { backend } = await openFile(values.file, { columns });
const started = performance.now();
try {
  const info = await backend.info();
  console.log(
    `${info.size.toLocaleString('en')} events from ${values.file} in ${Math.round(performance.now() - started)} ms`,
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
