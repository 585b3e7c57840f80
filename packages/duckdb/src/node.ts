/**
 * DuckDB in Node (`@duckdb/node-api`): an engine for {@link SqlBackend}, for servers, scripts and
 * tests. `@duckdb/node-api` is an optional peer dependency: install it where this module runs.
 *
 * @module
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { SqlBackend, formatOf, type SourceInfo, type SqlEngine, type SqlInput } from './backend.js';
import type { ColumnMap } from './columns.js';
import { SqlSourceError } from './errors.js';
import { OVERVIEW_SUFFIX } from './overview-file.js';
import { buildOverview, type OverviewLimits } from './overview-build.js';
import {
  PREPARED_STORAGE_VERSION,
  PREPARED_VERSION,
  openPrepared,
  readPreparedMeta,
  writePreparedMeta,
  type PreparedMeta,
  type PreparedSource,
} from './prepared.js';

export { PREPARED_STORAGE_VERSION, PREPARED_TABLE, PREPARED_VERSION } from './prepared.js';
export type { PreparedMeta, PreparedSource } from './prepared.js';
export { OVERVIEW_SUFFIX } from './overview-file.js';
export type { OverviewLimits } from './overview-build.js';

/**
 * A {@link SqlEngine} over `@duckdb/node-api` connections: one by default; with more, each
 * statement goes to the connection with the fewest statements on their way, so that a view's
 * window and counts run side by side instead of in turn (a connection runs one at a time). Only
 * for a database no statement changes the state of a connection in (`USE`, `SET`): a read-only
 * prepared file ({@link openPreparedFile}).
 */
export class NodeDuckDbEngine implements SqlEngine {
  /** The first connection (the only one by default). */
  readonly connection: DuckDBConnection;
  readonly connections: readonly DuckDBConnection[];
  readonly #instance: DuckDBInstance | undefined;
  /** Statements on their way, per connection. */
  readonly #pending: number[];

  /** `instance`, when given, is closed with the connections (its database file released). */
  constructor(connection: DuckDBConnection | readonly DuckDBConnection[], instance?: DuckDBInstance) {
    this.connections = Array.isArray(connection) ? [...connection] : [connection as DuckDBConnection];
    this.connection = this.connections[0]!;
    this.#pending = this.connections.map(() => 0);
    this.#instance = instance;
  }

  /**
   * An in-memory database (or one at `path`), with DuckDB's configuration `options`, over
   * `connections` connections (see the class: more than one only where no statement changes a
   * connection's state).
   */
  static async create(path = ':memory:', options?: Record<string, string>, connections = 1): Promise<NodeDuckDbEngine> {
    const instance = await DuckDBInstance.create(path, options);
    const opened = await Promise.all(Array.from({ length: Math.max(1, connections) }, () => instance.connect()));
    return new NodeDuckDbEngine(opened, instance);
  }

  async all(sql: string, params: readonly (string | number | null)[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.#run(sql, params);
    return reader.getRowObjects() as Record<string, unknown>[];
  }

  async columns(sql: string, params: readonly (string | number | null)[] = []): Promise<Record<string, unknown[]>> {
    const reader = await this.#run(sql, params);
    return reader.getColumnsObject() as Record<string, unknown[]>;
  }

  async names(sql: string, params: readonly (string | number | null)[] = []): Promise<string[]> {
    const reader = await this.#run(sql, params);
    return reader.columnNames();
  }

  /** Runs a statement on the connection with the fewest on their way (the first of equals). */
  async #run(sql: string, params: readonly (string | number | null)[]) {
    const i = this.#pending.indexOf(Math.min(...this.#pending));
    this.#pending[i]!++;
    try {
      return await this.connections[i]!.runAndReadAll(sql, params as DuckDBValue[]);
    } finally {
      this.#pending[i]!--;
    }
  }

  /** Closes the connections, and the database when this engine created it. */
  close(): void {
    for (const connection of this.connections) connection.closeSync();
    this.#instance?.closeSync();
  }
}

/** Options for {@link openFile}. */
export interface OpenFileOptions {
  /** Columns named differently from the fields. */
  readonly columns?: ColumnMap;
  /** `parquet` or `csv`; from the file name when left out. */
  readonly format?: 'parquet' | 'csv';
}

/** A backend over a Parquet or CSV file read by DuckDB in Node. */
export async function openFile(
  path: string,
  options: OpenFileOptions = {},
): Promise<{ engine: NodeDuckDbEngine; backend: SqlBackend }> {
  const input = fileInput(path, options.format);
  const engine = await NodeDuckDbEngine.create();
  const backend = new SqlBackend(engine, { input, ...(options.columns ? { columns: options.columns } : {}) });
  return { engine, backend };
}

/** A Parquet or CSV file as a backend's input; a prepared database (`.duckdb`) is opened, not read. */
function fileInput(file: string, format = formatOf(file)): SqlInput {
  if (format === 'duckdb')
    throw new SqlSourceError('bad-file', `"${file}" is a prepared database: open it with openPreparedFile`);
  return { file, format };
}

/** Options for {@link prepareFile}. */
export interface PrepareOptions extends OpenFileOptions {
  /** The database file to write (default: the input's path with `.reeltime.duckdb` for its extension). */
  readonly out?: string;
  /** DuckDB's `memory_limit` while building (`8GB`): past it, DuckDB spills to `tempDirectory`. */
  readonly memoryLimit?: string;
  /** Where DuckDB spills what exceeds `memoryLimit` (DuckDB's default: beside the database file). */
  readonly tempDirectory?: string;
  /** DuckDB's `threads`. */
  readonly threads?: number;
  /**
   * Also write the overview (`<out>.overview.json`, see overview.ts) from which DuckDB-WASM's first
   * view of the whole extent is drawn while DuckDB starts (default true), with these limits.
   */
  readonly overview?: boolean | OverviewLimits;
}

/** The prepared file's default path for an input: `events.parquet` → `events.reeltime.duckdb`. */
export function preparedPathOf(file: string): string {
  return `${file.replace(/\.(parquet|csv|tsv)(\.gz)?$/i, '')}.reeltime.duckdb`;
}

/** The source file as a prepared database records it (name, size, modification time). */
export function sourceOf(file: string): PreparedSource {
  const stat = statSync(file);
  return { name: basename(file), size: stat.size, mtime: Math.round(stat.mtimeMs) };
}

/** The overview's path for a prepared database's: `events.reeltime.duckdb.overview.json`. */
export function overviewPathOf(prepared: string): string {
  return `${prepared}${OVERVIEW_SUFFIX}`;
}

/**
 * Builds the source's tables from a Parquet or CSV file once, into a DuckDB database file that
 * {@link openPreparedFile} (a server) and DuckDB-WASM (`openUrl` of a `.duckdb` URL) open without
 * building anything, and beside it its overview ({@link overviewPathOf}, unless `overview` is
 * false; a stale one is removed then). Each file is written beside its path under a temporary name
 * and renamed when complete, so a half-written one is never taken for a prepared database. Written
 * with DuckDB's storage version {@link PREPARED_STORAGE_VERSION}, which DuckDB-WASM reads.
 * `overview` says the overview's size in bytes and the time its reading and writing took.
 */
export async function prepareFile(
  file: string,
  options: PrepareOptions = {},
): Promise<{
  out: string;
  info: SourceInfo;
  ms: number;
  bytes: number;
  overview?: { out: string; bytes: number; ms: number };
}> {
  const started = performance.now();
  const out = options.out ?? preparedPathOf(file);
  const source = sourceOf(file);
  // A name of its own: two builds of the same file at once (test projects starting together)
  // each write their own and the last rename wins, whole.
  const partial = `${out}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.partial`;
  const config: Record<string, string> = {};
  if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
  if (options.tempDirectory) config['temp_directory'] = options.tempDirectory;
  if (options.threads) config['threads'] = String(options.threads);
  const engine = await NodeDuckDbEngine.create(':memory:', config);
  try {
    const columns = options.columns ?? {};
    const input = fileInput(file, options.format);
    const backend = new SqlBackend(engine, { input, columns });
    // Built in memory as the server builds, then copied into the file: built in the file, the
    // staging table and the sort left over half its blocks free (1M: 167 of 316), and the build
    // took five times as long. Past memory_limit, DuckDB spills even an in-memory database's
    // tables to temp_directory (1M under a 150 MB limit: prepared, 303 MB resident at most).
    const state = await backend.state();
    // The path is the caller's own argument, not data; ATTACH takes no parameter for it.
    await engine.all(
      `ATTACH '${partial.replaceAll("'", "''")}' AS reel_prepared (STORAGE_VERSION '${PREPARED_STORAGE_VERSION}')`,
    );
    // Copied as they are: DuckDB keeps insertion order (preserve_insertion_order), so the rowid
    // stays the display position (the tests compare positions with a build from the file).
    for (const table of backend.tables)
      await engine.all(`CREATE TABLE reel_prepared."${table}" AS SELECT * FROM memory."${table}"`);
    const built = new Date().toISOString();
    await engine.all('USE reel_prepared');
    await writePreparedMeta(engine, { name: 'reel_events', source, columns, state, built });
    await engine.all('USE memory');
    await engine.all('DETACH reel_prepared');
    // The overview, from the same tables in memory, with the database's `built` and `source`.
    const overviewStarted = performance.now();
    const overviewOut = overviewPathOf(out);
    const limits = options.overview ?? true;
    if (limits !== false) {
      const overview = await buildOverview(
        engine,
        backend.tables,
        { built, source, state },
        limits === true ? {} : limits,
      );
      writeFileSync(`${partial}${OVERVIEW_SUFFIX}`, JSON.stringify(overview));
    }
    const overviewMs = performance.now() - overviewStarted;
    engine.close();
    renameSync(partial, out);
    if (limits !== false) renameSync(`${partial}${OVERVIEW_SUFFIX}`, overviewOut);
    else rmSync(overviewOut, { force: true });
    return {
      out,
      info: state.info,
      ms: performance.now() - started,
      bytes: statSync(out).size,
      ...(limits === false
        ? {}
        : { overview: { out: overviewOut, bytes: statSync(overviewOut).size, ms: overviewMs } }),
    };
  } catch (error) {
    engine.close();
    rmSync(partial, { force: true });
    rmSync(`${partial}.wal`, { force: true });
    rmSync(`${partial}${OVERVIEW_SUFFIX}`, { force: true });
    throw error;
  }
}

/**
 * A backend over a prepared database file ({@link prepareFile}), opened read-only: nothing is
 * built. A `bad-file` error when it is no DuckDB file, no reeltime prepared database, or one of
 * another format version.
 */
export async function openPreparedFile(
  path: string,
): Promise<{ engine: NodeDuckDbEngine; backend: SqlBackend; meta: PreparedMeta }> {
  if (!existsSync(path)) throw new SqlSourceError('unreachable', `"${path}" does not exist`);
  let engine: NodeDuckDbEngine;
  try {
    // Two connections: a view's window and counts run side by side (10M server bench, five pairs at
    // load 4.4–5: p95 102–144 ms against 116–150 ms over one).
    engine = await NodeDuckDbEngine.create(path, { access_mode: 'READ_ONLY' }, 2);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SqlSourceError('bad-file', `"${path}" is not a DuckDB database this version reads (${reason})`, {
      cause: error,
    });
  }
  try {
    return { engine, ...(await openPrepared(engine, path)) };
  } catch (error) {
    engine.close();
    throw error;
  }
}

/**
 * Whether the prepared database at `prepared` was built from `file` as it is now (same name,
 * size and modification time), with the same column map, in this format version. False for a
 * missing or unreadable file.
 */
export async function isPreparedFrom(prepared: string, file: string, columns: ColumnMap = {}): Promise<boolean> {
  let engine: NodeDuckDbEngine | undefined;
  try {
    engine = await NodeDuckDbEngine.create(prepared, { access_mode: 'READ_ONLY' });
    const meta = await readPreparedMeta(engine, prepared);
    const now = sourceOf(file);
    return (
      meta.version === PREPARED_VERSION &&
      meta.source.name === now.name &&
      meta.source.size === now.size &&
      meta.source.mtime === now.mtime &&
      JSON.stringify(sortedEntries(meta.columns)) === JSON.stringify(sortedEntries(columns))
    );
  } catch {
    return false;
  } finally {
    engine?.close();
  }
}

const sortedEntries = (map: ColumnMap) => Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
