/**
 * The questions a timeline asks a database, and their answer over SQL. A {@link Backend} is what
 * {@link SqlSource} talks to: {@link SqlBackend} runs the statements on an engine (DuckDB-WASM in
 * the page, `@duckdb/node-api` on a server), and `HttpBackend` asks a server that runs one.
 *
 * Every answer is plain JSON (numbers, strings, null), so a server can pass it on as it is.
 *
 * @module
 */
import { quoteIdentifier, type ColumnMap } from './columns.js';
import { SqlSourceError } from './errors.js';
import {
  checkCount,
  checkCountsRequest,
  checkWindowRequest,
  MAX_LIMIT,
  columnsOf,
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
import { BIN_LEVELS, BIN_STEP, BINS_PER_BUCKET, buildBins, buildEnds } from './bins.js';
import { binnedCountSql, exactCountsSql, narrowCountsSql, totalCountSql } from './counts-sql.js';
import { DRAWN, SAMPLE_PER_BIN, buildSample, sampleLevel, sampledWindow, type SampleLevels } from './sample.js';
import { TIE_COLUMN, buildTables } from './tables.js';

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
  /**
   * Run `CHECKPOINT` after each table opening builds (default false): in a database attached with
   * `(COMPRESS)`, that compresses each table as soon as it is built, where DuckDB-WASM's memory is
   * capped (see docs/decisions/duckdb-source.md, sixth round).
   */
  readonly checkpoint?: boolean;
  /**
   * What an earlier open found ({@link SqlBackend.state}), when the tables are already built (a
   * prepared database, see prepared.ts): opening then builds nothing and asks the engine nothing.
   */
  readonly prepared?: PreparedState;
}

/**
 * What opening found besides the tables: all a backend needs to answer from tables built before
 * (a prepared database file), as plain JSON.
 */
export interface PreparedState {
  readonly info: SourceInfo;
  readonly presorted: boolean;
  /** Width of a bin at the count table's finest resolution, or 0 for no count table. */
  readonly binWidth: number;
  /** The pre-sampled table's levels and their bin widths, `[level, width]`. */
  readonly sample: readonly (readonly [number, number])[];
}

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
  /** Each event's end, start and lane sorted by end ({@link buildEnds}), built with the count table. */
  readonly #ends: string;
  /** Width of a bin at the count table's finest resolution (a power of 2 ms), or 0 for none. */
  #binWidth = 0;
  #info: Promise<SourceInfo> | undefined;
  #maxSpan = 0;
  #presorted: boolean | undefined;
  /** The pre-sampled table's levels, once built. */
  #sample: SampleLevels | undefined;
  readonly #sampleTable: string;
  /** After a table is built: a `CHECKPOINT` when asked for ({@link SqlBackendOptions.checkpoint}). */
  readonly #settle = () => (this.#options.checkpoint ? this.#engine.all('CHECKPOINT') : Promise.resolve());

  constructor(engine: SqlEngine, options: SqlBackendOptions) {
    this.#engine = engine;
    this.#options = options;
    const name = options.name ?? 'reel_events';
    this.#table = quoteIdentifier(name);
    this.#rows = quoteIdentifier(`${name}_rows`);
    this.#lanes = quoteIdentifier(`${name}_lanes`);
    this.#bins = quoteIdentifier(`${name}_bins`);
    this.#ends = quoteIdentifier(`${name}_ends`);
    this.#sampleTable = quoteIdentifier(`${name}_sample`);
  }

  info(): Promise<SourceInfo> {
    return (this.#info ??= this.#open());
  }

  async #open(): Promise<SourceInfo> {
    const { prepared } = this.#options;
    if (prepared) {
      this.#presorted = prepared.presorted;
      this.#maxSpan = prepared.info.maxSpan;
      this.#binWidth = prepared.binWidth;
      this.#sample = { widths: new Map(prepared.sample) };
      return prepared.info;
    }
    const { info, presorted } = await buildTables(
      this.#engine,
      { table: this.#table, rows: this.#rows, lanes: this.#lanes },
      this.#options.input,
      this.#options.columns ?? {},
      this.#settle,
    );
    this.#presorted = presorted;
    this.#maxSpan = info.maxSpan;
    if (info.extent && this.#options.preaggregate !== false) {
      await this.#buildBins(...info.extent, info.size);
      await this.#settle();
    }
    return info;
  }

  /** What opening found, once open: saved beside the tables, it lets a later open skip the build. */
  async state(): Promise<PreparedState> {
    const info = await this.info();
    return {
      info,
      presorted: this.#presorted ?? false,
      binWidth: this.#binWidth,
      sample: [...(this.#sample?.widths ?? [])],
    };
  }

  /** The tables this backend reads, unquoted (a prepared database holds these). */
  get tables(): readonly string[] {
    return [this.#table, this.#rows, this.#lanes, this.#bins, this.#ends, this.#sampleTable].map((name) =>
      name.slice(1, -1),
    );
  }

  /**
   * Whether opening found the data already in display order and skipped the sort (undefined until
   * open). Files written sorted by start, end and input position open faster.
   */
  get presorted(): boolean | undefined {
    return this.#presorted;
  }

  async window(request: WindowRequest): Promise<EventRow[]> {
    checkWindowRequest(request);
    await this.info();
    const { from, to, cell, perCell, limit } = request;
    const [lanes, laneParams] = laneFilter(request.lanes);
    // The sample is chosen over the columns it needs (pos, li, f) and only then are the picked rows
    // read: a window function over every column of a zoomed-out range sorted the titles and
    // descriptions of the whole table (at 1M events, 3.3 s → 0.6 s for the full extent). The first
    // positions of each lane and cell are an aggregate (`min(rowid, n)`, a hash aggregate keeping n
    // per group) rather than row_number() over a sort of the range (1M, whole extent: 5× faster).
    // Only what is drawn: the description and other wide columns wait for a selection (byId).
    // Wide windows read the pre-sampled table (sample.ts): the first events of each lane and bin.
    const level = perCell <= SAMPLE_PER_BIN && this.#sample ? sampleLevel(this.#sample, cell) : undefined;
    const sampled =
      level === undefined
        ? null
        : sampledWindow(
            { table: this.#table, sample: this.#sampleTable },
            request,
            level,
            this.#sample!.widths.get(level)!,
            this.#maxSpan,
            lanes,
            laneParams,
          );
    // Positions are picked over (pos, li, cell) only: the first of each lane and cell, at most
    // `limit` in display order. The picked rows are then read with their drawn columns, each part
    // over the range its candidates cover, so that DuckDB's zone maps skip the other row groups (a
    // bare `rowid IN (picks)` over the whole table read every row: at 10M, 300–560 ms of each wide
    // step). Without the sample, that range is the rows starting in [from − maxSpan, to] (and
    // ending after `from`, a filter the scan applies before reading the other columns); with
    // it, whole bins are read from the sample table, which keeps the drawn columns (sample.ts).
    // `pick` is MATERIALIZED: computed once, read by each part. Its positions carry their part
    // (`pos · 4 + part`: the same order as `pos`), so that a part reads back only its own.
    const [candidates, candidateParams] = sampled?.candidates ?? [
      `SELECT rowid AS pos, li, floor((f - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE)) AS c, 0 AS part FROM ${this.#table}
        WHERE f <= CAST(? AS DOUBLE) AND t >= CAST(? AS DOUBLE) AND f >= CAST(? AS DOUBLE)
          AND ${TIE_COLUMN} < CAST(? AS INTEGER)${lanes}`,
      [from, cell, to, from, from - this.#maxSpan, perCell, ...laneParams],
    ];
    const [picked, pickedParams] = sampled?.rows ?? [
      `SELECT rowid AS pos, li, ${DRAWN} FROM ${this.#table}
        WHERE f >= CAST(? AS DOUBLE) AND f <= CAST(? AS DOUBLE) AND t >= CAST(? AS DOUBLE)
          AND ${TIE_COLUMN} < CAST(? AS INTEGER) AND rowid IN (SELECT pos FROM pick)`,
      [from - this.#maxSpan, to, from, perCell],
    ];
    const columns = await columnsOf(
      this.#engine,
      `WITH pick AS MATERIALIZED (
        SELECT code // 4 AS pos, code % 4 AS part FROM (
          SELECT unnest(min(pos * 4 + part, CAST(? AS INTEGER))) AS code FROM (${candidates}) AS k GROUP BY li, c) AS w
        ORDER BY code LIMIT CAST(? AS INTEGER))
      SELECT ${NARROW_COLUMNS} FROM (${picked}) AS n JOIN ${this.#lanes} AS l USING (li) ORDER BY n.pos`,
      [perCell, ...candidateParams, limit, ...pickedParams],
    );
    return toRows(columns);
  }

  /** The count table ({@link buildBins}), the ends table ({@link buildEnds}) and the pre-sampled table. */
  async #buildBins(lo: number, hi: number, size: number): Promise<void> {
    const width = await buildBins(this.#engine, { table: this.#table, bins: this.#bins }, lo, hi);
    await this.#settle();
    await buildEnds(this.#engine, { table: this.#table, ends: this.#ends });
    await this.#settle();
    this.#binWidth = width;
    this.#sample = await buildSample(
      this.#engine,
      { table: this.#table, bins: this.#bins, sample: this.#sampleTable },
      width,
      BIN_STEP,
      BIN_LEVELS,
      size,
    );
  }

  async counts(request: CountsRequest): Promise<CountsAnswer> {
    checkCountsRequest(request);
    const { size, extent } = await this.info();
    const { from, to, buckets: n } = request;
    // The buckets of countBuckets in @reeltime/core: bucket b is [F + b·W, F + b·W + W), the last
    // one ending at `to`. An event's first bucket is the first whose end is after its start, its
    // last the last whose start is before its end. The first guess by division is corrected with
    // the same arithmetic as the buckets' own edges, so edges agree to the last bit.
    const w = (to - from) / n;
    const lanes = laneFilter(request.lanes);
    // The total (kind 2) rides in the same statement: each statement costs a few ms however
    // little it reads (one connection runs them in turn), and a step asked three or four. A window
    // holding the whole extent touches every event: none need be read (10M: 20–75 ms of the
    // whole-extent steps, the first view's among them).
    const whole = !extent || (from <= extent[0] && to >= extent[1]);
    const tables = { table: this.#table, bins: this.#bins, ends: this.#ends };
    const view = { from, to, n, w };
    const binned = this.#binWidth && this.#binWidth * BINS_PER_BUCKET <= w;
    const narrow = !binned && this.#binWidth && w > 0 && extent;
    const [sql, params] = binned
      ? binnedCountSql(tables, this.#binWidth, view, lanes)
      : narrow
        ? narrowCountsSql(tables, this.#binWidth, view, lanes, extent)
        : exactCountsSql(tables, this.#maxSpan, view, lanes);
    // The narrow statement gives its total itself.
    const total = whole || narrow ? undefined : totalCountSql(tables, this.#binWidth, this.#maxSpan, from, to, extent);
    // Read as columns: a wide view's counts are thousands of rows (1,024 buckets, 8 lanes: up to
    // 16,384), an object each when read as rows (in the page, a task of 50–60 ms with its GC).
    const columns = await columnsOf(this.#engine, total ? `${sql}\n    UNION ALL ${total[0]}` : sql, [
      ...params,
      ...(total?.[1] ?? []),
    ]);
    const [kinds, lis, bs, cs] = ['kind', 'li', 'b', 'c'].map((name) => columns[name] ?? []);
    const starts: number[] = [];
    const ends: number[] = [];
    let sum = size;
    for (let i = 0; i < kinds!.length; i++) {
      const kind = Number(kinds![i]);
      const count = Number(cs![i]);
      if (kind === 2) sum = count;
      // An edge of the count table's counts may sum to 0: nothing to add.
      else if (count !== 0) (kind === 0 ? starts : ends).push(Number(lis![i]), Number(bs![i]), count);
    }
    return { starts, ends, total: sum };
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
    const columns = await columnsOf(
      this.#engine,
      `WITH n AS (SELECT rowid AS pos, * FROM ${this.#table}
        WHERE rowid >= CAST(? AS BIGINT) AND rowid < CAST(? AS BIGINT))
      SELECT ${NARROW_COLUMNS}, r.description FROM n JOIN ${this.#lanes} AS l USING (li)
        JOIN ${this.#rows} AS r ON r.input = n.input ORDER BY n.pos`,
      [from, from + limit],
    );
    return toRows(columns);
  }

  /** One full record: its drawn columns from the narrow table, the wide ones by its input position. */
  async #record(where: string, params: (string | number)[]): Promise<EventRow | null> {
    const columns = await columnsOf(
      this.#engine,
      `WITH n AS (SELECT rowid AS pos, * FROM ${this.#table} ${where} LIMIT 1)
      SELECT ${NARROW_COLUMNS}, r.description FROM n JOIN ${this.#lanes} AS l USING (li)
        JOIN ${this.#rows} AS r ON r.input = n.input`,
      params,
    );
    return toRows(columns)[0] ?? null;
  }
}

/** The columns of a drawn row, from the narrow table `n` and the lanes `l`. */
export const NARROW_COLUMNS = `CAST(n.pos AS DOUBLE) AS pos, CAST(n.input AS DOUBLE) AS input, n.id, n.title,
  CAST(epoch_ms(n.s) AS DOUBLE) AS start, CAST(epoch_ms(n.e) AS DOUBLE) AS "end", l.lane, CAST(n.li AS DOUBLE) AS li,
  n.p AS precision, n.status, n.f AS "from", n.t AS "to"`;

/** ` AND li IN (?, …)` and its parameters, or nothing for all lanes. */
function laneFilter(lanes: readonly number[] | undefined): [string, number[]] {
  if (!lanes) return ['', []];
  if (!lanes.length) return [' AND FALSE', []];
  return [` AND li IN (${lanes.map(() => 'CAST(? AS INTEGER)').join(', ')})`, [...lanes]];
}

/**
 * The drawn rows (or full records, with their descriptions) of a statement's columns of
 * {@link NARROW_COLUMNS}: an object each, read column by column.
 */
export function toRows(columns: Record<string, unknown[]>): EventRow[] {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const column = (name: string) => columns[name] ?? [];
  const [pos, input, id, title, start, end, lane, li, precision, status, from, to] = [
    'pos',
    'input',
    'id',
    'title',
    'start',
    'end',
    'lane',
    'li',
    'precision',
    'status',
    'from',
    'to',
  ].map(column);
  const description = columns['description'];
  return pos!.map((p, i) => ({
    pos: Number(p),
    input: Number(input![i]),
    id: String(id![i]),
    title: text(title![i]) ?? '',
    start: Number(start![i]),
    end: num(end![i]),
    lane: String(lane![i]),
    li: Number(li![i]),
    precision: String(precision![i]),
    status: text(status![i]),
    ...(description ? { description: text(description[i]) } : {}),
    from: Number(from![i]),
    to: Number(to![i]),
  }));
}
