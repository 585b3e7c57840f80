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
import {
  AsyncDuckDB,
  ConsoleLogger,
  LogLevel,
  selectBundle,
  type AsyncDuckDBConnection,
  type DuckDBBundles,
} from '@duckdb/duckdb-wasm';
import { SqlBackend, formatOf, type SqlEngine } from './backend.js';
import type { ColumnMap } from './columns.js';
import { generateEventsSql, type GenerateOptions } from './generate.js';
import { SqlSourceError } from './errors.js';
import type { ParquetWorkerAnswer, ParquetWorkerRequest } from './parquet.worker.js';
import { SqlSource, type SqlSourceOptions } from './source.js';

/**
 * The worker and wasm files, served from this package. Only DuckDB's build for WebAssembly
 * exceptions ships (every current browser has them); pass `bundles` to serve the MVP build too.
 */
export function packageBundles(): DuckDBBundles {
  // Literal paths, so bundlers see and copy the files.
  const eh = {
    mainModule: new URL('../assets/duckdb-eh.wasm', import.meta.url).href,
    mainWorker: new URL('../assets/duckdb-browser-eh.worker.js', import.meta.url).href,
  };
  return { mvp: eh, eh };
}

let shared: Promise<AsyncDuckDB> | undefined;

/** The page's DuckDB-WASM instance, started on first use (one worker for every timeline). */
export function sharedDatabase(bundles: DuckDBBundles = packageBundles()): Promise<AsyncDuckDB> {
  shared ??= (async () => {
    const bundle = await selectBundle(bundles);
    const worker = new Worker(bundle.mainWorker!);
    const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    return db;
  })();
  shared.catch(() => (shared = undefined));
  return shared;
}

/** A {@link SqlEngine} over one DuckDB-WASM connection. */
export class WasmDuckDbEngine implements SqlEngine {
  readonly connection: AsyncDuckDBConnection;

  constructor(connection: AsyncDuckDBConnection) {
    this.connection = connection;
  }

  async all(sql: string, params: readonly (string | number | null)[] = []): Promise<Record<string, unknown>[]> {
    return (await this.#run(sql, params)).toArray().map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
  }

  async names(sql: string, params: readonly (string | number | null)[] = []): Promise<string[]> {
    return (await this.#run(sql, params)).schema.fields.map((field: { name: string }) => field.name);
  }

  async #run(sql: string, params: readonly (string | number | null)[]) {
    if (!params.length) return this.connection.query(sql);
    const statement = await this.connection.prepare(sql);
    try {
      return await statement.query(...params);
    } finally {
      await statement.close();
    }
  }
}

/**
 * A Parquet file at `href` as an Arrow IPC stream, downloaded and read in a worker of its own
 * (`assets/parquet.worker.js`, hyparquet and Apache Arrow): DuckDB-WASM reads Parquet only through
 * an extension it downloads from DuckDB's own server, this package makes no request elsewhere, and
 * the read takes seconds per million events, which must not stop the page. Aborting ends the worker.
 */
export function readParquetInWorker(href: string, signal?: AbortSignal): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../assets/parquet.worker.js', import.meta.url), { type: 'module' });
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.onmessage = ({ data }: MessageEvent<ParquetWorkerAnswer>) => {
      done();
      if ('ipc' in data) resolve(data.ipc);
      else
        reject(
          new SqlSourceError(
            data.code,
            data.code === 'bad-file' ? `"${href}" is not a Parquet file (${data.error})` : `"${href}" ${data.error}`,
          ),
        );
    };
    worker.onerror = (event) => {
      done();
      reject(new SqlSourceError('bad-file', `"${href}" could not be read: ${event.message || 'the worker failed'}`));
    };
    worker.postMessage({ url: href } satisfies ParquetWorkerRequest);
  });
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
  const id = files++;
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
  /** `parquet`, `csv` or `arrow` (an Arrow IPC stream); from the URL's file name when left out. */
  readonly format?: 'parquet' | 'csv' | 'arrow';
  /** Cancels the download. */
  readonly signal?: AbortSignal;
  /** Where the worker and wasm are, when not served from this package. */
  readonly bundles?: DuckDBBundles;
}

let files = 0;

/**
 * A timeline source over a file at `url`, read by DuckDB-WASM: the file is downloaded once and
 * registered with the page's database under a name of its own (the URL never enters SQL).
 */
export async function openUrl(url: string, options: OpenUrlOptions = {}): Promise<SqlSource> {
  const href = new URL(url, globalThis.location?.href).href;
  const format = options.format ?? (/\.(arrow|arrows|ipc)(\?|#|$)/i.test(href) ? 'arrow' : formatOf(href));
  // Parquet is downloaded and read in a worker while DuckDB starts; CSV and Arrow are DuckDB's own.
  const parquet = format === 'parquet' ? readParquetInWorker(href, options.signal) : undefined;
  parquet?.catch(() => {});
  const db = await sharedDatabase(options.bundles);
  const bytes = parquet ? await parquet : await download(url, href, options.signal);
  const id = files++;
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

/** The bytes at `href` (`url` as the page gave it, for messages). */
async function download(url: string, href: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(href, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SqlSourceError('unreachable', `"${url}" could not be fetched`, { cause: error });
  }
  if (!response.ok) throw new SqlSourceError('unreachable', `"${url}" answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
