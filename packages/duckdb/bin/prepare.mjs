#!/usr/bin/env node
/**
 * `pnpm prepare:duckdb --file events.parquet [--out events.reeltime.duckdb] [--column start=begin_at …]
 * [--memory-limit 8GB] [--temp-directory /tmp/spill] [--threads 2]`: builds the tables a reeltime
 * DuckDB source reads once, into a DuckDB database file that `pnpm serve:duckdb --file
 * events.reeltime.duckdb` and `<reel-timeline source="duckdb" src="events.reeltime.duckdb">` open
 * without building anything, and beside it the overview the page draws its first view from while
 * DuckDB-WASM starts (`<out>.overview.json`; see @reeltime/duckdb/node, prepareFile). Needs
 * `@duckdb/node-api` and a build of this package (`pnpm build`).
 */
import { parseArgs } from 'node:util';
import { prepareFile } from '../dist/node.js';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    out: { type: 'string' },
    column: { type: 'string', multiple: true, default: [] },
    'memory-limit': { type: 'string' },
    'temp-directory': { type: 'string' },
    threads: { type: 'string' },
  },
});
if (!values.file) {
  console.error(
    'Usage: prepare:duckdb --file events.parquet [--out events.reeltime.duckdb] [--column start=begin_at]\n' +
      '  [--memory-limit 8GB] [--temp-directory dir] [--threads n]',
  );
  process.exit(2);
}
const columns = Object.fromEntries(values.column.map((pair) => pair.split('=', 2)));
try {
  const { out, info, ms, bytes, overview } = await prepareFile(values.file, {
    columns,
    ...(values.out ? { out: values.out } : {}),
    ...(values['memory-limit'] ? { memoryLimit: values['memory-limit'] } : {}),
    ...(values['temp-directory'] ? { tempDirectory: values['temp-directory'] } : {}),
    ...(values.threads ? { threads: Number(values.threads) } : {}),
  });
  console.log(
    `${info.size.toLocaleString('en')} events from ${values.file} prepared in ${(ms / 1000).toFixed(1)} s: ` +
      `${out} (${(bytes / 2 ** 20).toFixed(1)} MB)` +
      (overview
        ? `, and its overview ${overview.out} (${(overview.bytes / 2 ** 10).toFixed(0)} KB, ${(overview.ms / 1000).toFixed(1)} s)`
        : ''),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
