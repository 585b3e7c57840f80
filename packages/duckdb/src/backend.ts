/**
 * The questions a timeline asks a database, and their answer over SQL. A {@link Backend} is what
 * {@link SqlSource} talks to: {@link SqlBackend} runs the statements on an engine (DuckDB-WASM in
 * the page, `@duckdb/node-api` on a server), and `HttpBackend` asks a server that runs one.
 *
 * Every answer is plain JSON (numbers, strings, null), so a server can pass it on as it is.
 *
 * @module
 */
import { DEFAULT_LANE } from '@reeltime/core';
import { quoteIdentifier, resolveColumns, type ColumnMap, type ColumnRole } from './columns.js';
import { SqlSourceError } from './errors.js';
import {
  checkCount,
  checkWindow,
  MAX_BUCKETS,
  MAX_LIMIT,
  type Backend,
  type CountsAnswer,
  type CountsRequest,
  type EventRow,
  type PageRequest,
  type SourceInfo,
  type SqlEngine,
  type SqlInput,
  type WindowRequest,
} from './protocol.js';

export * from './protocol.js';

/** Where the data is and how its columns are named. */
export interface SqlBackendOptions {
  /** A table or view the engine has (an identifier, quoted), or a file read through a parameter. */
  readonly input: SqlInput;
  /** Columns named differently from the fields. */
  readonly columns?: ColumnMap;
  /** Name of the table the backend builds (default `reel_events`). */
  readonly name?: string;
  /**
   * Build a table of counts per lane and time bin at a few resolutions when opening, and answer
   * the counts of wide views from it instead of from every event (default true). Its counts are
   * those of buckets whose edges moved to the nearest bin edge, at most 1/8 of a bucket away;
   * `false` keeps every count exact (the equality tests against the memory source use it).
   */
  readonly preaggregate?: boolean;
}

/** Bins across the extent at the finest resolution of the count table (2^20). */
const FINE_BINS = 2 ** 20;
/** Each resolution of the count table is this many times coarser than the one before. */
const BIN_STEP = 8;
/** Resolutions in the count table: 2^20 bins across the extent down to 2^8. */
const BIN_LEVELS = 5;
/** A view's counts come from the table when a bin is at most this fraction of its bucket. */
const BINS_PER_BUCKET = 8;

/**
 * The SQL answer. Opening builds a narrow table from the data: what is drawn under fixed names,
 * each event's span `[f, t)` in epoch milliseconds from its dates at their precision, its lane
 * index (`li`) and input position (`input`), stored in display order (its `rowid` is the display
 * position) so a range on `f` reads few row groups. The wide columns stay in a table in input
 * order, read by position for one record at a time. Every later statement reads those tables with
 * `?` parameters only.
 */
export class SqlBackend implements Backend {
  readonly #engine: SqlEngine;
  readonly #options: SqlBackendOptions;
  readonly #table: string;
  readonly #rows: string;
  readonly #lanes: string;
  readonly #bins: string;
  /** Width of a bin at the count table's finest resolution (a power of 2 ms), or 0 for none. */
  #binWidth = 0;
  #info: Promise<SourceInfo> | undefined;
  #maxSpan = 0;

  constructor(engine: SqlEngine, options: SqlBackendOptions) {
    this.#engine = engine;
    this.#options = options;
    const name = options.name ?? 'reel_events';
    this.#table = quoteIdentifier(name);
    this.#rows = quoteIdentifier(`${name}_rows`);
    this.#lanes = quoteIdentifier(`${name}_lanes`);
    this.#bins = quoteIdentifier(`${name}_bins`);
  }

  info(): Promise<SourceInfo> {
    return (this.#info ??= this.#open());
  }

  async #open(): Promise<SourceInfo> {
    const engine = this.#engine;
    const source = this.#options.input;
    // The file's path is a parameter, never part of the statement.
    const [input, inputParams] =
      'table' in source
        ? [quoteIdentifier(source.table), []]
        : [source.format === 'csv' ? 'read_csv(?)' : 'read_parquet(?)', [source.file]];
    const available = await run(() => engine.names(`SELECT * FROM ${input} LIMIT 0`, inputParams), 'bad-file');
    // Each record's input position, stored: a table built without ORDER BY may hold a Parquet
    // file's row groups out of order (seen at 1M), so its rowid is not the input position.
    const [from, position] =
      'table' in source
        ? [input, 'rowid']
        : source.format === 'csv'
          ? [input, 'row_number() OVER () - 1']
          : ['read_parquet(?, file_row_number = true)', 'file_row_number'];
    const names = resolveColumns(this.#options.columns ?? {}, available);
    const col = (role: ColumnRole, fallback: string) => (names[role] ? quoteIdentifier(names[role]) : fallback);
    const precision = `coalesce(lower(CAST(${col('precision', 'NULL')} AS VARCHAR)), 'millisecond')`;
    const start = `TRY_CAST(${col('start', 'NULL')} AS TIMESTAMP)`;
    const end = `TRY_CAST(${col('end', 'NULL')} AS TIMESTAMP)`;
    const table = this.#table;
    // The span a date covers at its precision: from the start of its unit to the start of the next.
    const floor = (value: string) =>
      `CASE p WHEN 'year' THEN date_trunc('year', ${value}) WHEN 'month' THEN date_trunc('month', ${value})
        WHEN 'day' THEN date_trunc('day', ${value}) WHEN 'minute' THEN date_trunc('minute', ${value})
        WHEN 'second' THEN date_trunc('second', ${value}) ELSE ${value} END`;
    const next = (value: string) =>
      `CASE p WHEN 'year' THEN date_trunc('year', ${value}) + INTERVAL 1 YEAR
        WHEN 'month' THEN date_trunc('month', ${value}) + INTERVAL 1 MONTH
        WHEN 'day' THEN date_trunc('day', ${value}) + INTERVAL 1 DAY
        WHEN 'minute' THEN date_trunc('minute', ${value}) + INTERVAL 1 MINUTE
        WHEN 'second' THEN date_trunc('second', ${value}) + INTERVAL 1 SECOND
        ELSE ${value} + INTERVAL 1 MILLISECOND END`;
    const rows = this.#rows;
    const lanesTable = this.#lanes;
    // Three tables. The records as they came, with their input position, unsorted: the wide
    // columns (description…) are read from here by position, only for what is asked.
    await run(
      () =>
        engine.all(
          `CREATE OR REPLACE TABLE ${rows} AS
      SELECT CAST(${position} AS BIGINT) AS input,
        CAST(${col('id', 'NULL')} AS VARCHAR) AS id, CAST(${col('title', 'NULL')} AS VARCHAR) AS title,
        ${start} AS s, ${end} AS e,
        coalesce(nullif(trim(CAST(${col('lane', 'NULL')} AS VARCHAR)), ''), '${DEFAULT_LANE}') AS lane,
        CASE WHEN ${precision} IN ('year', 'month', 'day', 'minute', 'second') THEN ${precision} ELSE 'millisecond' END AS p,
        CAST(${col('status', 'NULL')} AS VARCHAR) AS status,
        CAST(${col('description', 'NULL')} AS VARCHAR) AS description
      FROM ${from}`,
          inputParams,
        ),
      'bad-file',
    );
    const valid = `id IS NOT NULL AND s IS NOT NULL AND (e IS NULL OR e >= s)`;
    // Lanes in order of first appearance.
    await engine.all(`CREATE OR REPLACE TABLE ${lanesTable} AS
      SELECT lane, CAST(row_number() OVER (ORDER BY min(input)) - 1 AS INTEGER) AS li FROM ${rows} WHERE ${valid} GROUP BY lane`);
    // The narrow table every range question reads: only what is drawn, sorted into display order
    // (its `rowid` is the display position). Sorting these few columns instead of every record
    // with its description, and once instead of twice (no row_number() pass), is what makes the
    // open fast (1M events: 5.5 s → 1.6 s, see docs/decisions/duckdb-source.md).
    await run(
      () =>
        engine.all(`CREATE OR REPLACE TABLE ${table} AS
      SELECT CAST(epoch_ms(${floor('s')}) AS DOUBLE) AS f, CAST(epoch_ms(${next('coalesce(e, s)')}) AS DOUBLE) AS t,
        li, input, id, title, s, e, p, status
      FROM (SELECT * FROM ${rows} WHERE ${valid}) AS r JOIN ${lanesTable} USING (lane)
      ORDER BY f, t, input`),
      'bad-file',
    );
    const [summary] = await engine.all(
      `SELECT CAST(count(*) AS DOUBLE) AS n, min(f) AS lo, max(t) AS hi, coalesce(max(t - f), 0) AS span FROM ${table}`,
    );
    const size = Number(summary?.['n'] ?? 0);
    const lanes = await engine.all(`SELECT lane, CAST(li AS DOUBLE) AS li FROM ${lanesTable} ORDER BY li`);
    // Overlap depth per lane, as a sweep: +1 at each start, -1 at each end, ends first at a tie.
    const depths = await engine.all(`WITH ev AS (
        SELECT li, f AS x, 1 AS k, 1 AS d FROM ${table} UNION ALL SELECT li, t AS x, 0 AS k, -1 AS d FROM ${table}),
      run AS (SELECT li, SUM(d) OVER (PARTITION BY li ORDER BY x, k ROWS UNBOUNDED PRECEDING) AS depth FROM ev)
      SELECT CAST(li AS DOUBLE) AS li, CAST(max(depth) AS DOUBLE) AS depth FROM run GROUP BY li`);
    const depth = lanes.map(() => 0);
    for (const row of depths) depth[Number(row['li'])] = Number(row['depth']);
    this.#maxSpan = Number(summary?.['span'] ?? 0);
    if (size && this.#options.preaggregate !== false)
      await this.#buildBins(Number(summary!['lo']), Number(summary!['hi']));
    return {
      size,
      extent: size ? [Number(summary!['lo']), Number(summary!['hi'])] : null,
      lanes: lanes.map((row) => ({
        id: String(row['lane']),
        label: row['lane'] === DEFAULT_LANE ? '' : String(row['lane']),
      })),
      depth,
      maxSpan: this.#maxSpan,
    };
  }

  async window(request: WindowRequest): Promise<EventRow[]> {
    checkWindow(request);
    if (!(request.cell > 0) || !Number.isFinite(request.cell))
      throw new SqlSourceError('bad-request', '"cell" must be a positive number of milliseconds');
    checkCount('perCell', request.perCell, 1000);
    checkCount('limit', request.limit, MAX_LIMIT);
    await this.info();
    const { from, to, cell, perCell, limit } = request;
    const [lanes, laneParams] = laneFilter(request.lanes);
    // The sample is chosen over the columns it needs (pos, li, f) and only then are the picked rows
    // read: a window function over every column of a zoomed-out range sorted the titles and
    // descriptions of the whole table (at 1M events, 3.3 s → 0.6 s for the full extent). The first
    // positions of each lane and cell are an aggregate (`min(rowid, n)`, a hash aggregate keeping n
    // per group) rather than row_number() over a sort of the range (1M, whole extent: 5× faster).
    // Only what is drawn: the description and other wide columns wait for a selection (byId).
    const rows = await this.#engine.all(
      `WITH pick AS (
        SELECT pos FROM (
          SELECT unnest(min(rowid, CAST(? AS INTEGER))) AS pos FROM ${this.#table}
          WHERE f <= CAST(? AS DOUBLE) AND t >= CAST(? AS DOUBLE) AND f >= CAST(? AS DOUBLE)${lanes}
          GROUP BY li, floor((f - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE))) AS w
        ORDER BY pos LIMIT CAST(? AS INTEGER)),
      n AS (SELECT rowid AS pos, * FROM ${this.#table} WHERE rowid IN (SELECT pos FROM pick))
      SELECT ${NARROW_COLUMNS} FROM n JOIN ${this.#lanes} AS l USING (li) ORDER BY n.pos`,
      [perCell, to, from, from - this.#maxSpan, ...laneParams, from, cell, limit],
    );
    return rows.map(toRow);
  }

  /**
   * The count table (Mosaic's pre-aggregation, for a timeline): per resolution `lvl`, lane and bin,
   * how many events start in the bin (`s`: the bin of `f`) and how many end in it (`e`: the bin of
   * the last instant before `t`). Bin `i` at resolution `j` is `[i·W, (i+1)·W)`, `W = W₀·8^j`, a
   * power of 2 ms, so coarser bins are whole runs of finer ones and are summed from them.
   */
  async #buildBins(lo: number, hi: number): Promise<void> {
    const width = 2 ** Math.ceil(Math.log2(Math.max(1, hi - lo) / FINE_BINS));
    const levels = Array.from({ length: BIN_LEVELS }, (_, j) => `(${j}, ${BIN_STEP ** j})`).join(', ');
    await this.#engine.all(
      `CREATE OR REPLACE TABLE ${this.#bins} AS
      WITH fine AS (
        SELECT li, bin, sum(s) AS s, sum(e) AS e FROM (
          SELECT li, floor(f / CAST(? AS DOUBLE)) AS bin, 1 AS s, 0 AS e FROM ${this.#table}
          UNION ALL SELECT li, ceil(t / CAST(? AS DOUBLE)) - 1, 0, 1 FROM ${this.#table}) AS x
        GROUP BY li, bin),
      levels(lvl, k) AS (VALUES ${levels})
      SELECT CAST(lvl AS INTEGER) AS lvl, li, floor(bin / k) AS bin, CAST(sum(s) AS DOUBLE) AS s, CAST(sum(e) AS DOUBLE) AS e
      FROM fine, levels GROUP BY lvl, li, floor(bin / k) ORDER BY lvl, bin`,
      [width, width],
    );
    this.#binWidth = width;
  }

  async counts(request: CountsRequest): Promise<CountsAnswer> {
    checkWindow(request);
    checkCount('buckets', request.buckets, MAX_BUCKETS);
    await this.info();
    const { from, to, buckets: n } = request;
    // The buckets of countBuckets in @reeltime/core: bucket b is [F + b·W, F + b·W + W), the last
    // one ending at `to`. An event's first bucket is the first whose end is after its start, its
    // last the last whose start is before its end. The first guess by division is corrected with
    // the same arithmetic as the buckets' own edges, so edges agree to the last bit.
    const w = (to - from) / n;
    const [lanes, laneParams] = laneFilter(request.lanes);
    const total = this.#total(from, to);
    if (this.#binWidth && this.#binWidth * BINS_PER_BUCKET <= w) {
      const level = Math.min(
        BIN_LEVELS - 1,
        Math.floor(Math.log(w / BINS_PER_BUCKET / this.#binWidth) / Math.log(BIN_STEP)),
      );
      return { ...(await this.#binnedCounts(from, to, n, w, level, lanes, laneParams)), total: await total };
    }
    const rows = await this.#engine.all(
      `WITH q AS (SELECT CAST(? AS DOUBLE) AS qf, CAST(? AS DOUBLE) AS qw, CAST(? AS DOUBLE) AS qn),
      w AS (
        SELECT li, f, t, floor((f - qf) / qw) AS sb0, ceil((t - qf) / qw) - 1 AS eb0, qf, qw, qn
        FROM ${this.#table}, q
        WHERE f < CAST(? AS DOUBLE) AND t > CAST(? AS DOUBLE) AND f >= CAST(? AS DOUBLE)${lanes}),
      b AS (
        SELECT li,
          least(greatest(sb0 + CASE WHEN (qf + sb0 * qw) + qw <= f THEN 1
            WHEN sb0 > 0 AND (qf + (sb0 - 1) * qw) + qw > f THEN -1 ELSE 0 END, 0), qn - 1) AS sb,
          least(greatest(eb0 + CASE WHEN qf + (eb0 + 1) * qw < t THEN 1
            WHEN qf + eb0 * qw >= t THEN -1 ELSE 0 END, 0), qn - 1) AS eb
        FROM w)
      SELECT 0 AS kind, CAST(li AS DOUBLE) AS li, CAST(sb AS DOUBLE) AS b, CAST(count(*) AS DOUBLE) AS c
        FROM b WHERE sb <= eb GROUP BY li, sb
      UNION ALL
      SELECT 1, CAST(li AS DOUBLE), CAST(eb AS DOUBLE), CAST(count(*) AS DOUBLE) FROM b WHERE sb <= eb GROUP BY li, eb`,
      [from, w, n, to, from, from - this.#maxSpan, ...laneParams],
    );
    const starts: number[] = [];
    const ends: number[] = [];
    for (const row of rows)
      (Number(row['kind']) === 0 ? starts : ends).push(Number(row['li']), Number(row['b']), Number(row['c']));
    return { starts, ends, total: await total };
  }

  /** Events touching `[from, to]` in all lanes, exactly. */
  async #total(from: number, to: number): Promise<number> {
    const [total] = await this.#engine.all(
      `SELECT CAST(count(*) AS DOUBLE) AS c FROM ${this.#table}
      WHERE f <= CAST(? AS DOUBLE) AND t >= CAST(? AS DOUBLE) AND f >= CAST(? AS DOUBLE)`,
      [to, from, from - this.#maxSpan],
    );
    return Number(total?.['c'] ?? 0);
  }

  /**
   * Counts from the count table at resolution `level`: each bin goes to the bucket holding its
   * middle, so a bucket's edges move to the nearest bin edge (at most 1/16 of the bucket). Events
   * that start before the first bucket and end in or after it (or end after the last one and start
   * before it) are counted from the events near the edge, with the same bins, so that every event
   * has one first and one last bucket.
   */
  async #binnedCounts(
    from: number,
    to: number,
    n: number,
    w: number,
    level: number,
    lanes: string,
    laneParams: number[],
  ): Promise<Omit<CountsAnswer, 'total'>> {
    const bin = this.#binWidth * BIN_STEP ** level;
    const bucket = `floor((bin * CAST(? AS DOUBLE) + CAST(? AS DOUBLE) - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE))`;
    const rows = await this.#engine.all(
      `WITH m AS (
        SELECT li, ${bucket} AS b, s, e FROM ${this.#bins}
        WHERE lvl = CAST(? AS INTEGER) AND bin >= CAST(? AS DOUBLE) AND bin <= CAST(? AS DOUBLE)${lanes})
      SELECT 0 AS kind, CAST(li AS DOUBLE) AS li, b, sum(s) AS c FROM m WHERE b >= 0 AND b < CAST(? AS DOUBLE) AND s > 0 GROUP BY li, b
      UNION ALL
      SELECT 1, CAST(li AS DOUBLE), b, sum(e) FROM m WHERE b >= 0 AND b < CAST(? AS DOUBLE) AND e > 0 GROUP BY li, b`,
      [bin, bin / 2, from, w, level, Math.floor(from / bin) - 1, Math.floor(to / bin) + 1, ...laneParams, n, n],
    );
    // Events whose first bin's middle is before `x` and whose last bin's middle is at or after it.
    const middle = (value: string) => `${value} * CAST(? AS DOUBLE) + CAST(? AS DOUBLE)`;
    const crossing = `SELECT CAST(li AS DOUBLE) AS li, CAST(count(*) AS DOUBLE) AS c FROM ${this.#table}
      WHERE f >= CAST(? AS DOUBLE) AND f < CAST(? AS DOUBLE)${lanes}
        AND ${middle('floor(f / CAST(? AS DOUBLE))')} < CAST(? AS DOUBLE)
        AND ${middle('(ceil(t / CAST(? AS DOUBLE)) - 1)')} >= CAST(? AS DOUBLE)
      GROUP BY li`;
    const edge = (x: number) => [
      x - this.#maxSpan - bin,
      x + bin,
      ...laneParams,
      bin,
      bin,
      bin / 2,
      x,
      bin,
      bin,
      bin / 2,
      x,
    ];
    const edges = await this.#engine.all(
      `SELECT 0 AS kind, * FROM (${crossing}) UNION ALL SELECT 1, * FROM (${crossing})`,
      [...edge(from), ...edge(from + n * w)],
    );
    const starts: number[] = [];
    const ends: number[] = [];
    for (const row of rows)
      (Number(row['kind']) === 0 ? starts : ends).push(Number(row['li']), Number(row['b']), Number(row['c']));
    for (const row of edges)
      if (Number(row['kind']) === 0) starts.push(Number(row['li']), 0, Number(row['c']));
      else ends.push(Number(row['li']), n - 1, Number(row['c']));
    return { starts, ends };
  }

  async byId(id: string): Promise<EventRow | null> {
    if (typeof id !== 'string' || id.length > 4096) throw new SqlSourceError('bad-request', '"id" must be a string');
    await this.info();
    return this.#record(`WHERE id = ?`, [id]);
  }

  async byPosition(position: number): Promise<EventRow | null> {
    if (!Number.isInteger(position) || position < 0)
      throw new SqlSourceError('bad-request', '"position" must be a whole number');
    await this.info();
    return this.#record(`WHERE rowid = CAST(? AS BIGINT)`, [position]);
  }

  async page(request: PageRequest): Promise<EventRow[]> {
    const { from, limit } = request;
    if (!Number.isInteger(from) || from < 0) throw new SqlSourceError('bad-request', '"from" must be a whole number');
    checkCount('limit', limit, MAX_LIMIT);
    await this.info();
    // The narrow table's rowid is the display position: a range of it reads few row groups.
    const rows = await this.#engine.all(
      `WITH n AS (SELECT rowid AS pos, * FROM ${this.#table}
        WHERE rowid >= CAST(? AS BIGINT) AND rowid < CAST(? AS BIGINT))
      SELECT ${NARROW_COLUMNS}, r.description FROM n JOIN ${this.#lanes} AS l USING (li)
        JOIN ${this.#rows} AS r ON r.input = n.input ORDER BY n.pos`,
      [from, from + limit],
    );
    return rows.map(toRow);
  }

  /** One full record: its drawn columns from the narrow table, the wide ones by its input position. */
  async #record(where: string, params: (string | number)[]): Promise<EventRow | null> {
    const [row] = await this.#engine.all(
      `WITH n AS (SELECT rowid AS pos, * FROM ${this.#table} ${where} LIMIT 1)
      SELECT ${NARROW_COLUMNS}, r.description FROM n JOIN ${this.#lanes} AS l USING (li)
        JOIN ${this.#rows} AS r ON r.input = n.input`,
      params,
    );
    return row ? toRow(row) : null;
  }
}

/** The columns of a drawn row, from the narrow table `n` and the lanes `l`. */
const NARROW_COLUMNS = `CAST(n.pos AS DOUBLE) AS pos, CAST(n.input AS DOUBLE) AS input, n.id, n.title,
  CAST(epoch_ms(n.s) AS DOUBLE) AS start, CAST(epoch_ms(n.e) AS DOUBLE) AS "end", l.lane, CAST(n.li AS DOUBLE) AS li,
  n.p AS precision, n.status, n.f AS "from", n.t AS "to"`;

/** ` AND li IN (?, …)` and its parameters, or nothing for all lanes. */
function laneFilter(lanes: readonly number[] | undefined): [string, number[]] {
  if (!lanes) return ['', []];
  if (!lanes.length) return [' AND FALSE', []];
  return [` AND li IN (${lanes.map(() => 'CAST(? AS INTEGER)').join(', ')})`, [...lanes]];
}

function toRow(row: Record<string, unknown>): EventRow {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    pos: Number(row['pos']),
    input: Number(row['input']),
    id: String(row['id']),
    title: text(row['title']) ?? '',
    start: Number(row['start']),
    end: num(row['end']),
    lane: String(row['lane']),
    li: Number(row['li']),
    precision: String(row['precision']),
    status: text(row['status']),
    ...('description' in row ? { description: text(row['description']) } : {}),
    from: Number(row['from']),
    to: Number(row['to']),
  };
}

/** Runs `task`, turning an engine's error into a {@link SqlSourceError} of `code`. */
async function run<T>(task: () => Promise<T>, code: 'bad-file' | 'query-failed'): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof SqlSourceError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SqlSourceError(code, `The data could not be read: ${message.split('\n')[0]}`, { cause: error });
  }
}
