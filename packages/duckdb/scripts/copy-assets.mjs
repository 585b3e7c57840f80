/**
 * Copies DuckDB-WASM's worker and wasm files into `assets/`, beside `src/` and `dist/`, so the
 * package serves them itself (`new URL('../assets/…', import.meta.url)`), from no CDN.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const assets = join(here, '../assets');
mkdirSync(assets, { recursive: true });
// Only the build for browsers with WebAssembly exceptions (every current one): the MVP build would
// double the package for browsers from before 2022.
for (const file of ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'])
  copyFileSync(join(dist, file), join(assets, file));
