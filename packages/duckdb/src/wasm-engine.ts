/**
 * The page's DuckDB-WASM: its start (one worker for every timeline, its files served from this
 * package) and the {@link SqlEngine} over one of its connections (statements kept prepared,
 * background work that waits for quiet).
 *
 * @module
 */
import {
  AsyncDuckDB,
  ConsoleLogger,
  LogLevel,
  selectBundle,
  type AsyncDuckDBConnection,
  type AsyncPreparedStatement,
  type DuckDBBundles,
} from '@duckdb/duckdb-wasm';
import { tableColumns, tableRows } from './arrow-rows.js';
import type { SqlEngine } from './backend.js';

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
 * it), `attached`, `ready` (its metadata read), `warm` (its warm-up asked, with the detail
 * `{ url, views }`) and `local` (its local copy found, `{ url, kept: true }`, or made and, when
 * read by ranges until then, read and warmed up, `{ url, kept: false, ms }`). Shown in a
 * profile's timings.
 */
export const mark = (step: string, detail?: unknown) =>
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

  /** The rows as plain objects, read from the answer's Arrow buffers ({@link tableRows}). */
  async all(sql: string, params: readonly (string | number | null)[] = []): Promise<Record<string, unknown>[]> {
    return this.#foreground(() => this.#rows(sql, params));
  }

  async names(sql: string, params: readonly (string | number | null)[] = []): Promise<string[]> {
    return this.#foreground(() => this.#names(sql, params));
  }

  /** The columns, read from the answer's Arrow buffers ({@link tableColumns}): no object per row. */
  async columns(sql: string, params: readonly (string | number | null)[] = []): Promise<Record<string, unknown[]>> {
    return this.#foreground(() => this.#columns(sql, params));
  }

  /**
   * The same connection for work that may wait ({@link warmUp}): each statement starts only once
   * this engine's own statements have left it alone for `quiet` ms, so that a view asked meanwhile
   * waits for one background statement at most (DuckDB-WASM runs one statement at a time).
   */
  background(quiet = QUIET_MS): SqlEngine {
    return {
      all: async (sql, params = []) => (await this.#quiet(quiet), this.#rows(sql, params)),
      names: async (sql, params = []) => (await this.#quiet(quiet), this.#names(sql, params)),
      columns: async (sql, params = []) => (await this.#quiet(quiet), this.#columns(sql, params)),
    };
  }

  /**
   * Makes `database` this connection's default (`USE`) for the statements prepared from now on;
   * those kept are closed once idle. For a database with the same tables as the one before (a
   * local copy of it): a statement still running, or one prepared meanwhile, reads the old one.
   */
  async use(database: string): Promise<void> {
    await this.#foreground(() => this.connection.query(`USE ${database}`));
    for (const kept of this.#statements.values()) evict(kept);
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

  async #names(sql: string, params: readonly (string | number | null)[]): Promise<string[]> {
    return (await this.#run(sql, params)).schema.fields.map((field: { name: string }) => field.name);
  }

  async #rows(sql: string, params: readonly (string | number | null)[]): Promise<Record<string, unknown>[]> {
    return tableRows(await this.#run(sql, params));
  }

  async #columns(sql: string, params: readonly (string | number | null)[]): Promise<Record<string, unknown[]>> {
    return tableColumns(await this.#run(sql, params));
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
      evict(entry);
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

/** `kept` no longer kept: closed now if no query runs it, else when the last one ends. */
function evict(kept: KeptStatement): void {
  kept.evicted = true;
  if (!kept.users) closeKept(kept);
}

function closeKept(kept: KeptStatement): void {
  void kept.prepared.then((statement) => statement.close()).catch(() => {});
}

let files = 0;

/** A number for the next file or table a page registers with its DuckDB (its names never collide). */
export const nextFileId = () => files++;
