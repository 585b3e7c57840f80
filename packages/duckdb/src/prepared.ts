/**
 * A prepared database: the tables {@link SqlBackend} builds when it opens (the narrow table in
 * display order, the records, the lanes, the count table and the sample), built once and stored
 * in a DuckDB database file with a small table saying what they were built from. Opening one
 * builds nothing: the server opens it read-only, DuckDB-WASM attaches it over HTTP and reads only
 * the pages its questions touch. Only the table of what they were built from is read here; writing
 * a file is Node's (`prepareFile` in `@reeltime/duckdb/node`).
 *
 * @module
 */
import { SqlBackend, type PreparedState, type SqlEngine } from './backend.js';
import type { ColumnMap } from './columns.js';
import { SqlSourceError } from './errors.js';

/** The table of a prepared database that says what it holds (one row per key, JSON values). */
export const PREPARED_TABLE = 'reeltime_prepared';
/** What `format` holds in a prepared database. */
export const PREPARED_FORMAT = 'reeltime-prepared';
/**
 * The version of the tables and of their metadata: a prepared file of another version is refused
 * with a message saying to prepare it again. Raise it whenever the tables' SQL changes.
 */
export const PREPARED_VERSION = 3;
/**
 * The DuckDB storage version prepared files are written with: the newest that DuckDB-WASM
 * (`@duckdb/duckdb-wasm` 1.32, DuckDB 1.4) reads, while `@duckdb/node-api` (1.5) writes newer ones.
 */
export const PREPARED_STORAGE_VERSION = 'v1.4.0';

/** The file a prepared database was built from, as it was then. */
export interface PreparedSource {
  /** Its file name (no folder). */
  readonly name: string;
  readonly size: number;
  /** Its modification time, epoch ms. */
  readonly mtime: number;
}

/** What a prepared database says of itself. */
export interface PreparedMeta {
  readonly version: number;
  /** The backend's table name (`reel_events`): its tables are this and `<name>_rows`, `_lanes`, `_bins`, `_ends`, `_sample`. */
  readonly name: string;
  readonly source: PreparedSource;
  readonly columns: ColumnMap;
  readonly state: PreparedState;
  /** When it was built, ISO 8601. */
  readonly built: string;
}

/** Writes the metadata table of a prepared database into the engine's current database. */
export async function writePreparedMeta(engine: SqlEngine, meta: Omit<PreparedMeta, 'version'>): Promise<void> {
  await engine.all(`CREATE OR REPLACE TABLE ${PREPARED_TABLE} (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`);
  const entries: [string, string][] = [
    ['format', PREPARED_FORMAT],
    ['version', String(PREPARED_VERSION)],
    ['name', meta.name],
    ['source', JSON.stringify(meta.source)],
    ['columns', JSON.stringify(meta.columns)],
    ['state', JSON.stringify(meta.state)],
    ['built', meta.built],
  ];
  await engine.all(`INSERT INTO ${PREPARED_TABLE} VALUES ${entries.map(() => '(?, ?)').join(', ')}`, entries.flat());
}

/**
 * Reads the metadata of the prepared database the engine is using; `label` names it in messages.
 * A `bad-file` error when it is no reeltime prepared database, or one of another version.
 */
export async function readPreparedMeta(engine: SqlEngine, label: string): Promise<PreparedMeta> {
  let rows: Record<string, unknown>[];
  try {
    rows = await engine.all(`SELECT key, value FROM ${PREPARED_TABLE}`);
  } catch (error) {
    throw new SqlSourceError(
      'bad-file',
      `"${label}" is a DuckDB database but not one prepared for reeltime (it has no ${PREPARED_TABLE} table): ` +
        'prepare it from the data with `pnpm prepare:duckdb --file events.parquet`',
      { cause: error },
    );
  }
  const values = new Map(rows.map((row) => [String(row['key']), String(row['value'])]));
  if (values.get('format') !== PREPARED_FORMAT)
    throw new SqlSourceError(
      'bad-file',
      `"${label}" is not a reeltime prepared database (its ${PREPARED_TABLE} table says otherwise)`,
    );
  const version = Number(values.get('version'));
  if (version !== PREPARED_VERSION)
    throw new SqlSourceError(
      'bad-file',
      `"${label}" was prepared in format ${values.get('version')}, and this version of @reeltime/duckdb reads format ` +
        `${PREPARED_VERSION}: prepare it again with \`pnpm prepare:duckdb\``,
    );
  try {
    return {
      version,
      name: values.get('name') ?? '',
      source: JSON.parse(values.get('source') ?? 'null') as PreparedSource,
      columns: JSON.parse(values.get('columns') ?? '{}') as ColumnMap,
      state: JSON.parse(values.get('state') ?? 'null') as PreparedState,
      built: values.get('built') ?? '',
    };
  } catch (error) {
    throw new SqlSourceError('bad-file', `"${label}" has a damaged ${PREPARED_TABLE} table`, { cause: error });
  }
}

/** A backend over the prepared database the engine is using: it reads the metadata, and builds nothing. */
export async function openPrepared(
  engine: SqlEngine,
  label: string,
): Promise<{ backend: SqlBackend; meta: PreparedMeta }> {
  const meta = await readPreparedMeta(engine, label);
  return { backend: preparedBackend(engine, meta), meta };
}

/** A backend on `engine` over the prepared tables `meta` describes (another engine on the same database). */
export function preparedBackend(engine: SqlEngine, meta: Pick<PreparedMeta, 'name' | 'state'>): SqlBackend {
  return new SqlBackend(engine, { input: { table: meta.name }, name: meta.name, prepared: meta.state });
}
