/**
 * DuckDB-WASM in the page: an engine for {@link SqlBackend} that reads a Parquet, CSV or Arrow file
 * by URL. The worker and the wasm come from this package's `assets/` folder (resolved against this
 * module's URL, as bundlers such as Vite and webpack copy them), never from a CDN.
 *
 * This module is loaded only by whoever asks for it (`<reel-timeline source="duckdb">` imports
 * it on demand): it is not part of the element's bundle.
 *
 * @module
 */
import { type AsyncDuckDB, type AsyncDuckDBConnection, type DuckDBBundles } from '@duckdb/duckdb-wasm';
import { SqlBackend, formatOf } from './backend.js';
import type { ColumnMap } from './columns.js';
import { generateEventsSql, type GenerateOptions } from './generate.js';
import { SqlSourceError } from './errors.js';
import type { ParquetWorkerAnswer, ParquetWorkerRequest } from './parquet.worker.js';
import { SqlSource, type SqlSourceOptions } from './source.js';
import { nextFileId, sharedDatabase, WasmDuckDbEngine } from './wasm-engine.js';
import { download, openPreparedUrl } from './wasm-prepared.js';
import { callWorker } from './worker-call.js';

export { forgetLocalCopies } from './local-copy.js';
export { packageBundles, sharedDatabase, WasmDuckDbEngine } from './wasm-engine.js';
export { DOWNLOAD_LIMIT, openPreparedUrl } from './wasm-prepared.js';

/**
 * A Parquet file at `href` as an Arrow IPC stream, downloaded and read in a worker of its own
 * (`assets/parquet.worker.js`, hyparquet and Apache Arrow): DuckDB-WASM reads Parquet only through
 * an extension it downloads from DuckDB's own server, this package makes no request elsewhere, and
 * the read takes seconds per million events, which must not stop the page. Aborting ends the worker.
 */
export async function readParquetInWorker(href: string, signal?: AbortSignal): Promise<Uint8Array> {
  const answer = await callWorker<ParquetWorkerRequest, ParquetWorkerAnswer>(
    () => new Worker(new URL('../assets/parquet.worker.js', import.meta.url), { type: 'module' }),
    { url: href },
    { signal, failed: (message) => new SqlSourceError('bad-file', `"${href}" could not be read: ${message}`) },
  );
  if ('ipc' in answer) return answer.ipc;
  throw new SqlSourceError(
    answer.code,
    answer.code === 'bad-file' ? `"${href}" is not a Parquet file (${answer.error})` : `"${href}" ${answer.error}`,
  );
}

/**
 * A connection whose tables go to a compressed in-memory database (`ATTACH ':memory:' (COMPRESS)`,
 * once per page): with a `CHECKPOINT` after each table is built ({@link SqlBackend}'s `checkpoint`),
 * a table takes a fifth of its size uncompressed (1M events, every column: 125 → 28 MB), under
 * DuckDB-WASM's memory ceiling (3.1 GiB in a 32-bit wasm memory; 10M events did not fit uncompressed).
 */
async function connect(db: AsyncDuckDB): Promise<AsyncDuckDBConnection> {
  const connection = await db.connect();
  await connection.query(`ATTACH IF NOT EXISTS ':memory:' AS reel_compressed (COMPRESS)`);
  await connection.query(`USE reel_compressed`);
  return connection;
}

/**
 * A timeline source over `count` generated events ({@link generateEventsSql}), made in the page
 * with DuckDB's `range()`: for stories and demos of large data without a file to download.
 */
export async function openGenerated(options: GenerateOptions & OpenUrlOptions): Promise<SqlSource> {
  const db = await sharedDatabase(options.bundles);
  const id = nextFileId();
  const connection = await connect(db);
  const table = `reel_generated_${id}`;
  await connection.query(`CREATE TABLE ${table} AS ${generateEventsSql(options)}`);
  const backend = new SqlBackend(new WasmDuckDbEngine(connection), {
    input: { table },
    name: `reel_events_${id}`,
    checkpoint: true,
  });
  return dropInput(await SqlSource.open(backend, options), connection, table);
}

/** Options for {@link openUrl}. */
export interface OpenUrlOptions extends SqlSourceOptions {
  /** Columns named differently from the fields. */
  readonly columns?: ColumnMap;
  /**
   * `parquet`, `csv`, `arrow` (an Arrow IPC stream) or `duckdb` (a prepared database, from
   * `pnpm prepare:duckdb`); from the URL's file name when left out (`.duckdb` is a prepared database).
   */
  readonly format?: 'parquet' | 'csv' | 'arrow' | 'duckdb';
  /** Cancels the download. */
  readonly signal?: AbortSignal;
  /**
   * A prepared database (`.duckdb`) of at most this many bytes is downloaded whole while DuckDB
   * starts, and read from memory; a larger one is read by range requests (default
   * {@link DOWNLOAD_LIMIT}; 0: always by ranges).
   */
  readonly downloadLimit?: number;
  /** Where the worker and wasm are, when not served from this package. */
  readonly bundles?: DuckDBBundles;
  /**
   * For a prepared database, read its overview (`<url>.overview.json`, written by `pnpm
   * prepare:duckdb`) and draw the first view from it while DuckDB starts (default true). A
   * database without one (an older prepare) opens as before.
   */
  readonly overview?: boolean;
  /**
   * For a prepared database, once DuckDB has it: ask it a few views in the background while the
   * page is idle ({@link warmUp}), so that the first zoom finds DuckDB's code compiled and the
   * pages every wide view reads fetched (default true). The mark `reel-duckdb:warm` says when done.
   */
  readonly warm?: boolean;
  /**
   * For a prepared database read by ranges: keep a copy of it in the origin's private file system
   * (OPFS), downloaded in the background once DuckDB has it, then read from the disk instead of
   * by ranges, on this visit and on later ones while the server sends the same file (its `ETag` or
   * `Last-Modified`, and size). Default false: the copy takes the file's size of the visitor's
   * disk (`forgetLocalCopies` removes it). The mark `reel-duckdb:local` says when DuckDB reads it.
   * Without OPFS, or when the copy fails, the database is read by ranges as without it.
   */
  readonly localCopy?: boolean;
}

/** The format a URL's file name suggests. */
function urlFormat(href: string): NonNullable<OpenUrlOptions['format']> {
  const path = new URL(href).pathname;
  return /\.(arrow|arrows|ipc)$/i.test(path) ? 'arrow' : formatOf(path);
}

/**
 * A timeline source over a file at `url`, read by DuckDB-WASM: the file is downloaded once and
 * registered with the page's database under a name of its own (the URL never enters SQL). A
 * prepared database (`.duckdb`, {@link openPreparedUrl}) is not downloaded: its pages are read.
 */
export async function openUrl(url: string, options: OpenUrlOptions = {}): Promise<SqlSource> {
  const href = new URL(url, globalThis.location?.href).href;
  const format = options.format ?? urlFormat(href);
  if (format === 'duckdb') return openPreparedUrl(url, options);
  // Parquet is downloaded and read in a worker while DuckDB starts; CSV and Arrow are DuckDB's own.
  const parquet = format === 'parquet' ? readParquetInWorker(href, options.signal) : undefined;
  parquet?.catch(() => {});
  const db = await sharedDatabase(options.bundles);
  const bytes = parquet ? await parquet : await download(url, href, options.signal);
  const id = nextFileId();
  const connection = await connect(db);
  const engine = new WasmDuckDbEngine(connection);
  const backendOptions = { checkpoint: true, ...(options.columns ? { columns: options.columns } : {}) };
  let backend: SqlBackend;
  if (format === 'arrow' || format === 'parquet') {
    const table = `reel_input_${id}`;
    try {
      await connection.insertArrowFromIPCStream(bytes, { name: table, create: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SqlSourceError(
        'bad-file',
        `"${url}" is not ${format === 'arrow' ? 'an Arrow IPC stream' : 'a Parquet file'} (${reason})`,
        { cause: error },
      );
    }
    backend = new SqlBackend(engine, { input: { table }, name: `reel_events_${id}`, ...backendOptions });
    return dropInput(await SqlSource.open(backend, options), connection, table);
  } else {
    const name = `reel_input_${id}.${format}`;
    await db.registerFileBuffer(name, bytes);
    backend = new SqlBackend(engine, { input: { file: name, format }, name: `reel_events_${id}`, ...backendOptions });
  }
  return SqlSource.open(backend, options);
}

/** Drops `table`, the input a source was opened from, once its own tables hold what it needs. */
async function dropInput(source: SqlSource, connection: AsyncDuckDBConnection, table: string): Promise<SqlSource> {
  await connection.query(`DROP TABLE ${table}`);
  await connection.query('CHECKPOINT');
  return source;
}
