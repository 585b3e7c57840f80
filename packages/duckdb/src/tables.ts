/**
 * Opening: the tables {@link SqlBackend} builds from the data, once. The wide columns (the
 * description) by input position, read for one record at a time, the lanes, and the narrow table
 * every range question reads, in display order (its `rowid` is the display position).
 *
 * @module
 */
import { DEFAULT_LANE } from '@reeltime/core';
import type { SourceInfo, SqlEngine, SqlInput } from './backend.js';
import { quoteIdentifier, resolveColumns, type ColumnMap, type ColumnRole } from './columns.js';
import { SqlSourceError } from './errors.js';

/** The quoted names of the tables opening builds. */
export interface TableNames {
  /** The narrow table in display order. */
  readonly table: string;
  /** The wide columns (the description) by input position. */
  readonly rows: string;
  /** Lanes in order of first appearance. */
  readonly lanes: string;
}

/** Rows of the input checked for display order before the narrow table is built unsorted. */
export const PROBE_ROWS = 65_536;
/** Up to this many lanes, a lane's index is a `CASE` over its names (keeps input order; a join does not). */
const CASE_LANES = 256;
/**
 * The narrow table's column holding each event's rank, in display order, among the events of its
 * lane with the same span `[f, t)` (0 for the first). A window keeps the first n events of each lane
 * and cell, cells being ranges of `f`, among those touching it (a condition on `f` and `t` only):
 * an event of rank n or more has n before it that share its lane, its cell and that condition, so
 * `tie < n` keeps every event the window can keep. It turns a crowd of identical spans (10M: a
 * million year-long events on the extent's first day, read by every window starting in that
 * year) into n rows per lane.
 */
export const TIE_COLUMN = 'tie';
/** Parts the narrow table is sorted in when opening settles each table (DuckDB-WASM). */
export const SORT_PARTS = 8;

/**
 * Builds the tables. When the first {@link PROBE_ROWS} records are already in display order (a
 * file written sorted by start, end and input), the narrow table is built in input order, a sort
 * on one integer key instead of three, and then checked row against row; only when that check
 * fails is it sorted into display order, as every other input is. `settle`, when given, runs
 * after each table is built (in DuckDB-WASM a `CHECKPOINT`, which compresses it).
 */
export async function buildTables(
  engine: SqlEngine,
  names: TableNames,
  source: SqlInput,
  columns: ColumnMap,
  settle?: () => Promise<unknown>,
): Promise<{ info: SourceInfo; presorted: boolean }> {
  const { table, rows, lanes: lanesTable } = names;
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
  const resolved = resolveColumns(columns, available);
  const col = (role: ColumnRole, fallback: string) => (resolved[role] ? quoteIdentifier(resolved[role]) : fallback);
  const precision = `coalesce(lower(CAST(${col('precision', 'NULL')} AS VARCHAR)), 'millisecond')`;
  // The records as they came, with their input position, as columns of fixed names: a view over a
  // table (read three times, no copy: at 1M a copy of every column was 134 MB of the open's
  // 509 MB peak in DuckDB-WASM, where memory is capped), a table over a file (read once).
  const staging = quoteIdentifier(`${rows.slice(1, -1)}_staging`);
  await run(
    () =>
      engine.all(
        `CREATE OR REPLACE ${'table' in source ? 'VIEW' : 'TABLE'} ${staging} AS
      SELECT CAST(${position} AS BIGINT) AS input,
        CAST(${col('id', 'NULL')} AS VARCHAR) AS id, CAST(${col('title', 'NULL')} AS VARCHAR) AS title,
        TRY_CAST(${col('start', 'NULL')} AS TIMESTAMP) AS s, TRY_CAST(${col('end', 'NULL')} AS TIMESTAMP) AS e,
        coalesce(nullif(trim(CAST(${col('lane', 'NULL')} AS VARCHAR)), ''), '${DEFAULT_LANE}') AS lane,
        CASE WHEN ${precision} IN ('year', 'month', 'day', 'minute', 'second') THEN ${precision} ELSE 'millisecond' END AS p,
        CAST(${col('status', 'NULL')} AS VARCHAR) AS status,
        CAST(${col('description', 'NULL')} AS VARCHAR) AS description
      FROM ${from}`,
        inputParams,
      ),
    'bad-file',
  );
  await settle?.();
  const valid = `id IS NOT NULL AND s IS NOT NULL AND (e IS NULL OR e >= s)`;
  // Lanes in order of first appearance.
  await run(
    () =>
      engine.all(`CREATE OR REPLACE TABLE ${lanesTable} AS
    SELECT lane, CAST(row_number() OVER (ORDER BY min(input)) - 1 AS INTEGER) AS li FROM ${staging} WHERE ${valid} GROUP BY lane`),
    'bad-file',
  );
  const lanes = await engine.all(`SELECT lane, CAST(li AS DOUBLE) AS li FROM ${lanesTable} ORDER BY li`);
  // A lane's index: a CASE over the lane names (parameters) keeps the records in input order, which
  // a hash join with the lanes does not (seen at 1M: two chunks swapped), so a presorted input stays so.
  const [laneIndex, laneParams, laneJoin] =
    lanes.length > 0 && lanes.length <= CASE_LANES
      ? [
          `CASE lane ${lanes.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')} END`,
          lanes.flatMap((row) => [String(row['lane']), Number(row['li'])]),
          '',
        ]
      : ['li', [], ` JOIN ${lanesTable} USING (lane)`];
  // `tie`: the event's rank, in display order, among the events of its lane with the same span
  // (see TIE_COLUMN).
  const narrowOf = (where: string) => `SELECT *,
      CAST(row_number() OVER (PARTITION BY li, f, t ORDER BY input) - 1 AS INTEGER) AS ${TIE_COLUMN} FROM (
      SELECT CAST(epoch_ms(${floor('s')}) AS DOUBLE) AS f,
        CAST(epoch_ms(${next('coalesce(e, s)')}) AS DOUBLE) AS t, ${laneIndex} AS li, input, id, title, s, e, p, status
      FROM ${staging}${laneJoin} WHERE ${valid}${where}) AS d`;
  const narrow = narrowOf('');
  // Rows out of display order: before the row after them (by `order`) in (f, t, input).
  const disorder = (from: string, order: string) => `SELECT CAST(count(*) AS DOUBLE) AS c FROM (
      SELECT f, t, input, lag(f) OVER w AS f0, lag(t) OVER w AS t0, lag(input) OVER w AS i0
      FROM ${from} WINDOW w AS (ORDER BY ${order})) AS o
    WHERE f0 > f OR (f0 = f AND (t0 > t OR (t0 = t AND i0 > input)))`;
  const [probe] = await engine.all(disorder(`(${narrowOf(' AND input < CAST(? AS BIGINT)')}) AS n`, 'input'), [
    ...laneParams,
    PROBE_ROWS,
  ]);
  let presorted = Number(probe?.['c']) === 0;
  // The narrow table every range question reads: only what is drawn, in display order (its rowid
  // is the display position). Sorting these few columns instead of every record with its
  // description, and once instead of twice, is what made the open fast (third round). Input that
  // looks presorted is put in input order only (one integer key; DuckDB may still hold a file's
  // row groups rotated, seen at 1M, so the order is restored, not assumed) and checked.
  if (presorted) {
    await run(() => engine.all(`CREATE OR REPLACE TABLE ${table} AS ${narrow} ORDER BY input`, laneParams), 'bad-file');
    const [check] = await engine.all(disorder(table, 'rowid'));
    presorted = Number(check?.['c']) === 0;
    if (!presorted) await engine.all(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${table} ORDER BY f, t, input`);
  } else await run(() => sortInto(engine, table, narrow, laneParams, settle), 'bad-file');
  await settle?.();
  // The wide columns (the description), read by input position for one record at a time; the
  // drawn ones are in the narrow table. Then the staging copy (over a file) goes.
  await engine.all(`CREATE OR REPLACE TABLE ${rows} AS SELECT input, description FROM ${staging}`);
  await engine.all(`DROP ${'table' in source ? 'VIEW' : 'TABLE'} ${staging}`);
  await settle?.();
  const [summary] = await engine.all(
    `SELECT CAST(count(*) AS DOUBLE) AS n, min(f) AS lo, max(t) AS hi, coalesce(max(t - f), 0) AS span FROM ${table}`,
  );
  const size = Number(summary?.['n'] ?? 0);
  // Overlap depth per lane, as a sweep: +1 at each start, -1 at each end, ends first at a tie.
  const depths = await engine.all(`WITH ev AS (
      SELECT li, f AS x, 1 AS k, 1 AS d FROM ${table} UNION ALL SELECT li, t AS x, 0 AS k, -1 AS d FROM ${table}),
    run AS (SELECT li, SUM(d) OVER (PARTITION BY li ORDER BY x, k ROWS UNBOUNDED PRECEDING) AS depth FROM ev)
    SELECT CAST(li AS DOUBLE) AS li, CAST(max(depth) AS DOUBLE) AS depth FROM run GROUP BY li`);
  const depth = lanes.map(() => 0);
  for (const row of depths) depth[Number(row['li'])] = Number(row['depth']);
  const info: SourceInfo = {
    size,
    extent: size ? [Number(summary!['lo']), Number(summary!['hi'])] : null,
    lanes: lanes.map((row) => ({
      id: String(row['lane']),
      label: row['lane'] === DEFAULT_LANE ? '' : String(row['lane']),
    })),
    depth,
    maxSpan: Number(summary?.['span'] ?? 0),
  };
  return { info, presorted };
}

/**
 * Creates `table` from `narrow` in display order. With `settle` (DuckDB-WASM, whose memory is
 * capped), in {@link SORT_PARTS} parts by ranges of `f` (approximate quantiles), each sorted and
 * appended in turn and then settled (compressed): the parts follow one another in display order,
 * and a sort holds only one part. One sort of every drawn column was the open's peak (10M, DuckDB's
 * count: 3.15 GB of DuckDB-WASM's 3.1 GiB).
 */
async function sortInto(
  engine: SqlEngine,
  table: string,
  narrow: string,
  params: readonly (string | number)[],
  settle: (() => Promise<unknown>) | undefined,
): Promise<void> {
  if (!settle) {
    await engine.all(`CREATE OR REPLACE TABLE ${table} AS ${narrow} ORDER BY f, t, input`, params);
    return;
  }
  const fractions = Array.from({ length: SORT_PARTS - 1 }, (_, i) => (i + 1) / SORT_PARTS);
  const [quantiles] = await engine.all(
    `SELECT ${fractions.map((q, i) => `CAST(approx_quantile(f, ${q}) AS DOUBLE) AS q${i}`).join(', ')} FROM (${narrow}) AS n`,
    params,
  );
  const bounds = [...new Set(fractions.map((_, i) => Number(quantiles?.[`q${i}`])))]
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  await engine.all(`CREATE OR REPLACE TABLE ${table} AS ${narrow} LIMIT 0`, params);
  for (let i = 0; i <= bounds.length; i++) {
    const [where, whereParams] =
      i === 0
        ? ['f < CAST(? AS DOUBLE)', [bounds[0]!]]
        : i === bounds.length
          ? ['f >= CAST(? AS DOUBLE)', [bounds[i - 1]!]]
          : ['f >= CAST(? AS DOUBLE) AND f < CAST(? AS DOUBLE)', [bounds[i - 1]!, bounds[i]!]];
    await engine.all(
      `INSERT INTO ${table} SELECT * FROM (${narrow}) AS n WHERE ${bounds.length ? where : 'TRUE'} ORDER BY f, t, input`,
      [...params, ...(bounds.length ? whereParams : [])],
    );
    await settle();
  }
}

/** The start of the unit a date's precision names: the first instant of the span it covers. */
const floor = (value: string) =>
  `CASE p WHEN 'year' THEN date_trunc('year', ${value}) WHEN 'month' THEN date_trunc('month', ${value})
    WHEN 'day' THEN date_trunc('day', ${value}) WHEN 'minute' THEN date_trunc('minute', ${value})
    WHEN 'second' THEN date_trunc('second', ${value}) ELSE ${value} END`;

/** The start of the next unit: the end of the span a date covers, `[floor, next)`. */
const next = (value: string) =>
  `CASE p WHEN 'year' THEN date_trunc('year', ${value}) + INTERVAL 1 YEAR
    WHEN 'month' THEN date_trunc('month', ${value}) + INTERVAL 1 MONTH
    WHEN 'day' THEN date_trunc('day', ${value}) + INTERVAL 1 DAY
    WHEN 'minute' THEN date_trunc('minute', ${value}) + INTERVAL 1 MINUTE
    WHEN 'second' THEN date_trunc('second', ${value}) + INTERVAL 1 SECOND
    ELSE ${value} + INTERVAL 1 MILLISECOND END`;

/** Runs `task`, turning an engine's error into a {@link SqlSourceError} of `code`. */
export async function run<T>(task: () => Promise<T>, code: 'bad-file' | 'query-failed'): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof SqlSourceError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SqlSourceError(code, `The data could not be read: ${message.split('\n')[0]}`, { cause: error });
  }
}
