/**
 * DuckDB in Node (`@duckdb/node-api`): an engine for {@link SqlBackend}, for servers, scripts and
 * tests. `@duckdb/node-api` is an optional peer dependency: install it where this module runs.
 *
 * @module
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { SqlBackend, formatOf, type SqlEngine, type SqlInput } from './backend.js';
import type { ColumnMap } from './columns.js';

/** A {@link SqlEngine} over one `@duckdb/node-api` connection. */
export class NodeDuckDbEngine implements SqlEngine {
  readonly connection: DuckDBConnection;

  constructor(connection: DuckDBConnection) {
    this.connection = connection;
  }

  /** An in-memory database (or one at `path`), its time zone UTC. */
  static async create(path = ':memory:'): Promise<NodeDuckDbEngine> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    return new NodeDuckDbEngine(connection);
  }

  async all(sql: string, params: readonly (string | number | null)[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjects() as Record<string, unknown>[];
  }

  async names(sql: string, params: readonly (string | number | null)[] = []): Promise<string[]> {
    const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.columnNames();
  }

  /** Closes the connection. */
  close(): void {
    this.connection.closeSync();
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
  const engine = await NodeDuckDbEngine.create();
  const input: SqlInput = { file: path, format: options.format ?? formatOf(path) };
  const backend = new SqlBackend(engine, { input, ...(options.columns ? { columns: options.columns } : {}) });
  return { engine, backend };
}
