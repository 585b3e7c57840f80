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
  DuckDBDataProtocol,
  LogLevel,
  selectBundle,
  type AsyncDuckDBConnection,
  type AsyncPreparedStatement,
  type DuckDBBundles,
} from '@duckdb/duckdb-wasm';
import { SqlBackend, formatOf, type SqlEngine } from './backend.js';
import type { ColumnMap } from './columns.js';
import { generateEventsSql, type GenerateOptions } from './generate.js';
import { SqlSourceError } from './errors.js';
import type { ParquetWorkerAnswer, ParquetWorkerRequest } from './parquet.worker.js';
import { OverviewBackend, overviewUrl, readOverview, type AttachedPrepared, type Overview } from './overview.js';
import { openPrepared } from './prepared.js';
import { SqlSource, type SqlSourceOptions } from './source.js';
import { warmUp } from './warm.js';
import { findCopy, keepCopy, type Validator } from './local-copy.js';

export { forgetLocalCopies } from './local-copy.js';

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

/**
 * A performance mark (`reel-duckdb:<step>`) for each step of a DuckDB-WASM open: `start`,
 * `instantiated` (the wasm fetched, compiled and DuckDB's start code run), `opened`, then per
 * prepared database `overview` (its overview arrived and read: the first view is answered from
 * it), `attached`, `ready` (its metadata read) and `warm` (its warm-up asked, with the detail
 * `{ url, views }`). Shown in a profile's timings.
 */
const mark = (step: string, detail?: unknown) =>
  globalThis.performance?.mark?.(`reel-duckdb:${step}`, detail === undefined ? undefined : { detail });

/**
 * The page's DuckDB-WASM instance, started on first use (one worker for every timeline). It takes
 * seconds (the 34 MB wasm fetched and compiled, then DuckDB's own start: at 1M events, most of the
 * time to a first view): a page that knows it will open a database may call this first, before
 * loading the timeline, so that the start overlaps the page's other work.
 */
export function sharedDatabase(bundles: DuckDBBundles = packageBundles()): Promise<AsyncDuckDB> {
  shared ??= (async () => {
    mark('start');
    const bundle = await selectBundle(bundles);
    const worker = new Worker(bundle.mainWorker!);
    const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    mark('instantiated');
    // A prepared database is read by range requests (openPreparedUrl), which DuckDB-WASM trusts
    // a server to answer after a HEAD with `Range: bytes=0-` answered 206. Left to its defaults it
    // asks for `bytes=0-0` instead, which sirv (Vite's, Storybook's and many a static server's)
    // answers with the whole file (its `0` end reads as none), and DuckDB then downloads all of it.
    // No full read behind DuckDB's back either: openPreparedUrl downloads a file itself when its
    // server has no ranges. All three are named: with `forceFullHTTPReads` left out, DuckDB-WASM
    // 1.32 found no registered HTTP file ("database does not exist") and read none by ranges.
    await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: false, forceFullHTTPReads: false } });
    mark('opened');
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

  /**
   * The rows as plain objects, built column by column: Arrow's row proxies (`toArray()`, then
   * `toJSON()` per row) look every field up through a visitor, which made the conversion of a
   * window's answer a long task on the page's main thread while a view waited (10M, 2,208–2,928
   * rows: 68–206 ms); each column's iterator gives the same values (`get(i)`, nulls as null) in one
   * pass (3,000 rows of a window's columns, in Node: median 32 → 6.5 ms).
   */
  async all(sql: string, params: readonly (string | number | null)[] = []): Promise<Record<string, unknown>[]> {
    return this.#foreground(() => this.#rows(sql, params));
  }

  async names(sql: string, params: readonly (string | number | null)[] = []): Promise<string[]> {
    return this.#foreground(async () =>
      (await this.#run(sql, params)).schema.fields.map((field: { name: string }) => field.name),
    );
  }

  /**
   * The same connection for work that may wait ({@link warmUp}): each statement starts only once
   * this engine's own statements have left it alone for `quiet` ms, so that a view asked meanwhile
   * waits for one background statement at most (DuckDB-WASM runs one statement at a time).
   */
  background(quiet = QUIET_MS): SqlEngine {
    return {
      all: async (sql, params = []) => {
        await this.#quiet(quiet);
        return this.#rows(sql, params);
      },
      names: async (sql, params = []) => {
        await this.#quiet(quiet);
        return (await this.#run(sql, params)).schema.fields.map((field: { name: string }) => field.name);
      },
    };
  }

  /**
   * Makes `database` this connection's default (`USE`) for the statements prepared from now on;
   * those kept are closed once idle. For a database with the same tables as the one before (a
   * local copy of it): a statement still running, or one prepared meanwhile, reads the old one.
   */
  async use(database: string): Promise<void> {
    await this.#foreground(() => this.connection.query(`USE ${database}`));
    for (const kept of this.#statements.values()) {
      kept.evicted = true;
      if (!kept.users) closeKept(kept);
    }
    this.#statements.clear();
  }

  /** Foreground statements on their way, when the last one ended (performance.now()), and who waits for quiet. */
  #busy = 0;
  #lastBusy = -Infinity;
  readonly #waiting: (() => void)[] = [];

  async #foreground<T>(run: () => Promise<T>): Promise<T> {
    this.#busy++;
    try {
      return await run();
    } finally {
      this.#busy--;
      this.#lastBusy = performance.now();
      if (!this.#busy) for (const wake of this.#waiting.splice(0)) wake();
    }
  }

  async #quiet(quiet: number): Promise<void> {
    for (;;) {
      if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
      const left = this.#lastBusy + quiet - performance.now();
      if (!this.#busy && left <= 0) return;
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }

  async #rows(sql: string, params: readonly (string | number | null)[]): Promise<Record<string, unknown>[]> {
    const table = await this.#run(sql, params);
    const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
    table.schema.fields.forEach((field: { name: string }, column: number) => {
      let i = 0;
      for (const value of table.getChildAt(column) ?? []) rows[i++]![field.name] = value;
    });
    return rows;
  }

  /**
   * Prepared statements by SQL text, least recently used first (at most {@link STATEMENTS_KEPT}):
   * a view's statements keep their text from one step to the next (only the parameters move), and
   * DuckDB-WASM parses and plans each on its one thread, a part of every step's time there.
   */
  readonly #statements = new Map<string, KeptStatement>();

  async #run(sql: string, params: readonly (string | number | null)[]) {
    if (!params.length) return this.connection.query(sql);
    let kept = this.#statements.get(sql);
    if (kept) this.#statements.delete(sql);
    else {
      const prepared = this.connection.prepare(sql);
      kept = { prepared, users: 0, evicted: false };
      // A statement that does not prepare is not kept: the next asks again (and gets the error).
      const failed = kept;
      prepared.catch(() => this.#statements.get(sql) === failed && this.#statements.delete(sql));
    }
    this.#statements.set(sql, kept);
    if (this.#statements.size > STATEMENTS_KEPT) {
      const [oldest, entry] = this.#statements.entries().next().value!;
      this.#statements.delete(oldest);
      entry.evicted = true;
      if (!entry.users) closeKept(entry);
    }
    kept.users++;
    try {
      return await (await kept.prepared).query(...params);
    } finally {
      kept.users--;
      if (kept.evicted && !kept.users) closeKept(kept);
    }
  }
}

/** Statements a {@link WasmDuckDbEngine} keeps prepared. */
const STATEMENTS_KEPT = 64;

/**
 * How long a {@link WasmDuckDbEngine}'s own statements must have left it alone before background
 * work starts one: longer than the pause between the questions of a gesture (the source waits 60 ms
 * before a question asked within 60 ms of the last).
 */
const QUIET_MS = 300;

interface KeptStatement {
  readonly prepared: Promise<AsyncPreparedStatement>;
  /** Queries running it now: it is closed once evicted and none is. */
  users: number;
  evicted: boolean;
}

function closeKept(kept: KeptStatement): void {
  void kept.prepared.then((statement) => statement.close()).catch(() => {});
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

let files = 0;

/**
 * The size under which a prepared database is downloaded whole rather than read by ranges: 16 MiB
 * (about 350,000 events prepared). The download runs while DuckDB-WASM starts (its own 34 MB wasm
 * and seconds of start code) and spares the first view its range requests one after another
 * (1M events: 49, each a round trip from the worker, after a `HEAD`) and every later view its
 * cold reads; but it shares the network with the wasm, and a larger file costs more bytes than
 * the ranges a first view reads (1M: 44 MB whole against 8 MB by ranges, measured no faster on
 * a loaded 2-core machine over loopback). Pages on fast networks may raise it (`downloadLimit`).
 */
export const DOWNLOAD_LIMIT = 16 * 2 ** 20;

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

/**
 * A timeline source over a prepared database at `url` (`pnpm prepare:duckdb`, see prepared.ts):
 * registered with DuckDB-WASM's HTTP file protocol and attached read-only, so DuckDB reads only the
 * pages its questions touch, by HTTP range requests to that URL (no extension, no other request),
 * and builds nothing. A `bad-file` error when it is no DuckDB database, not a reeltime prepared
 * one, or one of another format version; `unreachable` when the URL does not answer.
 */
export async function openPreparedUrl(url: string, options: OpenUrlOptions = {}): Promise<SqlSource> {
  const href = new URL(url, globalThis.location?.href).href;
  const started = sharedDatabase(options.bundles);
  started.catch(() => {});
  // Its overview, while DuckDB starts: when it comes, the source opens on it without waiting for
  // DuckDB, which attaches in the background and answers the rest.
  const overview = options.overview === false ? undefined : fetchOverview(href, options.signal);
  // Its first bytes first, while DuckDB starts: a clear error for a missing file or something else
  // than a database, before DuckDB's own (a range of 12 bytes; a server without ranges is stopped
  // after them), and the file's size.
  const head = await firstBytes(url, href, 12, options.signal);
  if (new TextDecoder().decode(head.bytes.subarray(8, 12)) !== 'DUCK')
    throw new SqlSourceError(
      'bad-file',
      `"${url}" is not a DuckDB database (prepare one with \`pnpm prepare:duckdb\`)`,
    );
  // A small file, or one from a server that answers no range, is downloaded whole while DuckDB
  // starts (see DOWNLOAD_LIMIT); a larger one is read by ranges.
  const validator: Validator = { size: head.size, tag: head.tag };
  // A local copy kept by an earlier visit, when the server still sends that file.
  const copy = options.localCopy && head.ranges ? await findCopy(href, validator) : undefined;
  const whole =
    !copy && (!head.ranges || (head.size !== undefined && head.size <= (options.downloadLimit ?? DOWNLOAD_LIMIT)))
      ? download(url, href, options.signal)
      : undefined;
  whole?.catch(() => {});
  const from: PreparedFrom = copy
    ? { copy }
    : whole
      ? { whole }
      : { keep: options.localCopy && validator.tag !== undefined ? validator : undefined };
  const attached = attachPrepared(url, href, started, from, {
    warm: options.warm !== false,
    signal: options.signal,
  });
  // Handled here or by the overview's backend, whichever comes: not an unhandled rejection meanwhile.
  attached.catch(() => {});
  const read = await overview;
  if (read) {
    return SqlSource.open(new OverviewBackend(read, attached, url), options);
  }
  return SqlSource.open((await attached).backend, options);
}

/**
 * Where a prepared database's pages come from: a local copy kept earlier, the whole file
 * downloaded, or HTTP ranges (then, with `keep`, a local copy is made in the background and read
 * once complete).
 */
type PreparedFrom =
  | { readonly copy: FileSystemFileHandle }
  | { readonly whole: Promise<Uint8Array> }
  | { readonly keep: Validator | undefined };

/** The prepared database at `href` attached to the page's DuckDB once started (see {@link PreparedFrom}). */
async function attachPrepared(
  url: string,
  href: string,
  started: Promise<AsyncDuckDB>,
  from: PreparedFrom,
  { warm, signal }: { readonly warm: boolean; readonly signal: AbortSignal | undefined },
): Promise<AttachedPrepared> {
  const db = await started;
  const connection = await db.connect();
  try {
    // A local copy another source of the page opened, or this one: else by ranges (it may be
    // open in another tab, which holds DuckDB's only handle to it).
    const local =
      'copy' in from ? await attachLocal(db, connection, href, from.copy).catch(() => undefined) : undefined;
    let alias = local;
    if (!alias) {
      const id = files++;
      const name = `reel_prepared_${id}.duckdb`;
      alias = `reel_prepared_${id}`;
      if ('whole' in from) await db.registerFileBuffer(name, await from.whole);
      else await db.registerFileURL(name, href, DuckDBDataProtocol.HTTP, false);
      try {
        await connection.query(`ATTACH '${name}' AS ${alias} (READ_ONLY)`);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new SqlSourceError('bad-file', `"${url}" could not be opened as a DuckDB database (${reason})`, {
          cause: error,
        });
      }
    }
    mark('attached');
    await connection.query(`USE ${alias}`);
    const engine = new WasmDuckDbEngine(connection);
    const prepared = await openPrepared(engine, url);
    mark('ready');
    if (local) mark('local', { url, kept: true });
    const keep = 'keep' in from ? from.keep : undefined;
    if (keep && !signal?.aborted) {
      // Downloaded while the view answers by ranges, then attached and made the connection's default.
      const began = performance.now();
      keepCopy(href, keep, signal)
        .then((handle) => attachLocal(db, connection, href, handle))
        .then((copy) => engine.use(copy))
        .then(
          () => mark('local', { url, kept: false, ms: Math.round(performance.now() - began) }),
          () => {},
        );
    }
    if (warm) {
      // The same tables and statements as the source's, on the same connection, when it is idle.
      const { meta } = prepared;
      const backend = new SqlBackend(engine.background(), {
        input: { table: meta.name },
        name: meta.name,
        prepared: meta.state,
      });
      // A warm-up that fails changes nothing: the view's own questions meet the error, if any.
      warmUp(backend, { signal }).then(
        (views) => mark('warm', { url, views }),
        () => {},
      );
    }
    return prepared;
  } catch (error) {
    await connection.close().catch(() => {});
    throw error;
  }
}

/** The local copies attached to the page's DuckDB, by URL, as their aliases. */
const localCopies = new Map<string, Promise<string>>();

/**
 * The local copy of `href` (`handle`) registered with DuckDB-WASM and attached (once per page:
 * DuckDB's worker holds the file's only sync access handle; every source's connection sees it).
 */
function attachLocal(
  db: AsyncDuckDB,
  connection: AsyncDuckDBConnection,
  href: string,
  handle: FileSystemFileHandle,
): Promise<string> {
  let alias = localCopies.get(href);
  if (!alias) {
    const id = files++;
    const name = `reel_local_${id}.duckdb`;
    alias = (async () => {
      await db.registerFileHandle(name, handle, DuckDBDataProtocol.BROWSER_FSACCESS, true);
      await connection.query(`ATTACH '${name}' AS reel_local_${id} (READ_ONLY)`);
      return `reel_local_${id}`;
    })();
    const attaching = alias;
    attaching.catch(() => localCopies.get(href) === attaching && localCopies.delete(href));
    localCopies.set(href, attaching);
  }
  return alias;
}

/**
 * The overview of the prepared database at `href` ({@link overviewUrl}), or undefined when there
 * is none (404, an older prepare), it is of another format or version, or it cannot be read: the
 * database is then waited for, as before overviews. Revalidated when cached (`no-cache`): like the
 * database, it is one prepare's.
 */
async function fetchOverview(href: string, signal: AbortSignal | undefined): Promise<Overview | undefined> {
  try {
    const init: RequestInit = { cache: 'no-cache' };
    const response = await fetch(overviewUrl(href), signal ? { ...init, signal } : init);
    if (!response.ok) return undefined;
    const overview = readOverview(await response.json());
    if (overview) mark('overview');
    return overview;
  } catch {
    return undefined;
  }
}

/**
 * The first `count` bytes at `href`, by a range request (`url` as the page gave it, for messages),
 * whether the server answered the range (206) rather than with the whole file, and the file's size
 * when the server said it (`Content-Range: bytes 0-11/size`), and its `ETag` (else `Last-Modified`).
 */
async function firstBytes(
  url: string,
  href: string,
  count: number,
  signal: AbortSignal | undefined,
): Promise<{ bytes: Uint8Array; ranges: boolean; size: number | undefined; tag: string | undefined }> {
  let response: Response;
  try {
    // Not stored: a cached part of the file would turn DuckDB's own range requests into others.
    const init: RequestInit = { headers: { Range: `bytes=0-${count - 1}` }, cache: 'no-store' };
    response = await fetch(href, signal ? { ...init, signal } : init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SqlSourceError('unreachable', `"${url}" could not be fetched`, { cause: error });
  }
  if (!response.ok) throw new SqlSourceError('unreachable', `"${url}" answered ${response.status}`);
  const reader = response.body?.getReader();
  const bytes = new Uint8Array(count);
  let length = 0;
  while (reader && length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value.subarray(0, count - length), length);
    length += Math.min(value.length, count - length);
  }
  // The rest of a whole file, when the server sent one, is not read.
  await reader?.cancel().catch(() => {});
  const size = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? NaN);
  return {
    bytes: bytes.subarray(0, length),
    ranges: response.status === 206,
    size: Number.isFinite(size) ? size : undefined,
    tag: response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined,
  };
}
