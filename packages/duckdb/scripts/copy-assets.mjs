/**
 * Puts the files the package serves itself into `assets/`, beside `src/` and `dist/`
 * (`new URL('../assets/…', import.meta.url)`), from no CDN: DuckDB-WASM's worker and wasm, copied,
 * and the Parquet reader's worker (`src/parquet.worker.ts` with hyparquet and Apache Arrow) and
 * the local copy's (`src/copy.worker.ts`), each bundled into one module by Vite so that it loads
 * as it is from source and from `dist/` alike.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const assets = join(here, '../assets');
mkdirSync(assets, { recursive: true });
// Only the build for browsers with WebAssembly exceptions (every current one): the MVP build would
// double the package for browsers from before 2022.
for (const file of ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'])
  copyFileSync(join(dist, file), join(assets, file));

// The Parquet reader's worker, and the local copy's (copy.worker.ts: no dependency).
for (const worker of ['parquet.worker', 'copy.worker'])
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { conditions: ['source', 'browser', 'module', 'production'] },
    build: {
      outDir: assets,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry: join(here, `../src/${worker}.ts`), formats: ['es'], fileName: () => `${worker}.js` },
    },
  });
