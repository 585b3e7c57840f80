/**
 * What a timeline asks a database and what it gets back: the {@link Backend} interface, its
 * requests and answers (plain JSON, so a server can pass them on as they are), their limits and
 * the checks every backend runs on a request; and what a {@link SqlBackend} is given (an engine,
 * a table or a file).
 *
 * @module
 */
import type { AbortSignalLike } from '@reeltime/core';
import { SqlSourceError } from './errors.js';

/** A database connection: runs one statement with positional `?` parameters. */
export interface SqlEngine {
  /** Rows as plain objects keyed by column name. Numbers come as numbers (the statements cast to DOUBLE). */
  all(sql: string, params?: readonly (string | number | null)[]): Promise<Record<string, unknown>[]>;
  /** The column names of a statement's result. */
  names(sql: string, params?: readonly (string | number | null)[]): Promise<string[]>;
  /**
   * The result's columns by name, each its values in row order: what {@link all} gives, without
   * an object per row (an engine that reads columns gives them more cheaply; {@link columnsOf}
   * reads the rows of one that does not).
   */
  columns?(sql: string, params?: readonly (string | number | null)[]): Promise<Record<string, unknown[]>>;
}

/** A statement's columns ({@link SqlEngine.columns}), from its rows where the engine gives no columns; a column of no rows may be missing. */
export async function columnsOf(
  engine: SqlEngine,
  sql: string,
  params: readonly (string | number | null)[] = [],
): Promise<Record<string, unknown[]>> {
  if (engine.columns) return engine.columns(sql, params);
  const columns: Record<string, unknown[]> = {};
  for (const row of await engine.all(sql, params))
    for (const [name, value] of Object.entries(row)) (columns[name] ??= []).push(value);
  return columns;
}

/** File formats a source reads by name (an Arrow table is registered by the engine as a table). */
export const FILE_FORMATS = ['parquet', 'csv'] as const;
/** A file format a source reads by name. */
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Where the events are: a table or view the engine has, or a file it reads (path or registered name). */
export type SqlInput = { readonly table: string } | { readonly file: string; readonly format: FileFormat };

/**
 * The format a file name suggests: `.duckdb` is a prepared database (`pnpm prepare:duckdb`), opened
 * rather than read; `.csv` (or `.tsv`) is CSV; anything else Parquet.
 */
export function formatOf(name: string): FileFormat | 'duckdb' {
  if (/\.duckdb(\?|#|$)/i.test(name)) return 'duckdb';
  return /\.(csv|tsv)(\.gz)?(\?|#|$)/i.test(name) ? 'csv' : 'parquet';
}

/** What a source knows of its data once opened. */
export interface SourceInfo {
  /** Number of events. */
  readonly size: number;
  /** `[from, to]` of all events, or null when there are none. */
  readonly extent: readonly [number, number] | null;
  /** Lanes in order of first appearance, ids and labels. */
  readonly lanes: readonly { readonly id: string; readonly label: string }[];
  /** Most events of each lane that overlap at one instant (by lane index). */
  readonly depth: readonly number[];
  /** The longest event's `to - from`: a window query also bounds `from` from below with it. */
  readonly maxSpan: number;
}

/** One event as the database holds it. Dates are epoch milliseconds (UTC). */
export interface EventRow {
  /** Position in display order (start, end, input order). */
  readonly pos: number;
  /** Position in the input. */
  readonly input: number;
  readonly id: string;
  readonly title: string;
  readonly start: number;
  readonly end: number | null;
  readonly lane: string;
  /** Lane index. */
  readonly li: number;
  readonly precision: string;
  readonly status: string | null;
  /**
   * The description, when the row is a full record ({@link Backend.byId}, {@link Backend.byPosition});
   * left out of the rows a window answers (what is drawn needs none: details on demand).
   */
  readonly description?: string | null;
  /** The span the dates cover, `[from, to)`. */
  readonly from: number;
  readonly to: number;
}

/** "Which events touch `[from, to]`?": at most `perCell` per lane and cell of `cell` ms, `limit` in all. */
export interface WindowRequest {
  readonly from: number;
  readonly to: number;
  readonly lanes?: readonly number[] | undefined;
  /** Width of a sampling cell in ms: in a crowd, each cell gives its first `perCell` events per lane. */
  readonly cell: number;
  readonly perCell: number;
  readonly limit: number;
}

/** "How many events overlap each of `buckets` equal buckets of `[from, to]`, per lane?" */
export interface CountsRequest {
  readonly from: number;
  readonly to: number;
  readonly buckets: number;
  readonly lanes?: readonly number[] | undefined;
}

/**
 * Counts as two histograms per lane: how many events' first overlapped bucket is `b` (`starts`) and
 * how many events' last one is (`ends`), as flat `[lane, bucket, count]` triples. An event overlaps
 * every bucket from its first to its last, so counts per bucket, and distinct events over any run
 * of buckets, follow from prefix sums.
 */
export interface CountsAnswer {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Events touching `[from, to]` in all lanes. */
  readonly total: number;
}

/** "The whole records at display positions `from`, `from + 1`…, at most `limit`": a table read page by page. */
export interface PageRequest {
  readonly from: number;
  readonly limit: number;
}

/** What a SQL source asks. */
export interface Backend {
  info(): Promise<SourceInfo>;
  window(request: WindowRequest): Promise<EventRow[]>;
  counts(request: CountsRequest): Promise<CountsAnswer>;
  /** The full record of the event with this id (with its description), or null. */
  byId(id: string): Promise<EventRow | null>;
  /** The full record of the event at this display position, or null. */
  byPosition(position: number): Promise<EventRow | null>;
  /**
   * Whole records (with descriptions) in display order from position `from`, at most `limit`
   * (up to {@link MAX_LIMIT}): every event, a page at a time (an export). Optional: a backend
   * without it cannot be exported. A backend may stop when `signal` aborts (a table scrolled past
   * the rows), rejecting with an error named `AbortError`; one that cannot stop answers as usual.
   */
  page?(request: PageRequest, options?: { readonly signal?: AbortSignalLike }): Promise<EventRow[]>;
  /**
   * Listens for answers changing without a question (a database that failed after the first view
   * was answered from elsewhere: asked again, the backend rejects with its error); returns the
   * unsubscribe function. Optional: a backend whose answers only change when asked has none.
   */
  subscribe?(listener: () => void): () => void;
}

/** The largest window a request may ask for: the span of valid dates (±8.64e15 ms), twice. */
export const MAX_COORD = 8.64e15;
/** Most buckets a counts request may ask for. */
export const MAX_BUCKETS = 20_000;
/** Most events a window request may return. */
export const MAX_LIMIT = 50_000;
/** Most lanes a request may name. */
export const MAX_LANES = 1024;

/** Checks a request's numbers: finite, ordered, within bounds. Throws a `bad-request` error. */
export function checkWindow(request: { from: unknown; to: unknown; lanes?: unknown }): void {
  const { from, to, lanes } = request;
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to))
    throw new SqlSourceError('bad-request', '"from" and "to" must be finite numbers (epoch milliseconds)');
  if (from > to) throw new SqlSourceError('bad-request', `"from" (${from}) is after "to" (${to})`);
  if (Math.abs(from) > MAX_COORD || Math.abs(to) > MAX_COORD)
    throw new SqlSourceError('bad-request', `The window [${from}, ${to}] is outside the dates a timeline can show`);
  if (lanes !== undefined) {
    if (!Array.isArray(lanes) || lanes.length > MAX_LANES || !lanes.every((l) => Number.isInteger(l) && l >= 0))
      throw new SqlSourceError('bad-request', `"lanes" must be at most ${MAX_LANES} lane indices`);
  }
}

/** Checks a window request (the window, its cell, `perCell` and `limit`). Throws a `bad-request` error. */
export function checkWindowRequest(request: WindowRequest): void {
  checkWindow(request);
  if (!(request.cell > 0) || !Number.isFinite(request.cell))
    throw new SqlSourceError('bad-request', '"cell" must be a positive number of milliseconds');
  checkCount('perCell', request.perCell, 1000);
  checkCount('limit', request.limit, MAX_LIMIT);
}

/** Checks a counts request (the window and its buckets). Throws a `bad-request` error. */
export function checkCountsRequest(request: CountsRequest): void {
  checkWindow(request);
  checkCount('buckets', request.buckets, MAX_BUCKETS);
}

export function checkCount(name: string, value: unknown, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    throw new SqlSourceError('bad-request', `"${name}" must be a whole number from 1 to ${max}`);
}
