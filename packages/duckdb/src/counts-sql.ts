/**
 * The statements that count a view's events per lane and pixel bucket (the second half of the
 * engine's data question, `SqlBackend.counts`): from the count table for a wide view
 * ({@link binnedCountSql}), exactly from two ranges for a narrow one ({@link narrowCountsSql}), or
 * from the events when there is no count table ({@link exactCountsSql}); and the view's total
 * ({@link totalCountSql}). Each gives its SQL and its parameters; each row is `(kind, li, b, c)`:
 * `c` events of lane `li` whose first (kind 0) or last (kind 1) bucket is `b`, or the total
 * (kind 2).
 *
 * @module
 */
import { BIN_STEP, EDGE_LEVEL, binnedCountsSql, binnedLevel, edgeBin, edgeCountSql, wholeBinsSql } from './bins.js';
import type { SourceInfo } from './protocol.js';

/** The tables the counts read: the narrow table, the count table and the ends table (quoted). */
export interface CountTables {
  readonly table: string;
  readonly bins: string;
  readonly ends: string;
}

/** A view's buckets: `n` of width `w` from `from`, the last ending at `to`. */
export interface CountsView {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly w: number;
}

/** The counts of a wide view from the count table ({@link binnedCountsSql}), at the level its buckets' width picks. */
export function binnedCountSql(
  tables: CountTables,
  binWidth: number,
  { from, to, n, w }: CountsView,
  lanes: [string, number[]],
): [string, number[]] {
  const level = binnedLevel(w, binWidth);
  return binnedCountsSql(tables, { from, to, n, w, level, bin: binWidth * BIN_STEP ** level }, lanes);
}

/**
 * The exact counts of a narrow view and its total, with the count table: rows `(kind, li, b, c)`
 * as {@link binnedCountsSql}'s, and the total as kind 2. Two ranges are read, each on its table's
 * sort key, from the edge bin K of `from` ({@link edgeBin}, K·W ≤ from) to `to`: the starts
 * `s` (`f ∈ [K·W, to]`, narrow table) and the ends `e` (`t ∈ (K·W, to]`, ends table). The events
 * touching the window (`f < to`, `t > from`) are those of `s` starting in it and those of `e`
 * starting before it. The rest, starting before and ending after it (first bucket 0, last
 * n − 1), are counted per lane without reading them: those starting before `from`, less those
 * ending at or before it, less those ending in it (`from < t ≤ to`, `f < from`). With the count
 * table's running sums to K ({@link wholeBinsSql}: the starts before K·W and the ends at or
 * before it), that is `whole.s − whole.e + #s(f < from) − #e(f < from)` (an event of `e` ending
 * at or before `from` started before it). The total, the events starting at or before `to` less
 * those ending before `from` (see {@link totalCountSql}), is `whole.s − whole.e + #s − #e(t < from)`:
 * both per lane from one aggregate. Reading every event starting in `[from − maxSpan, to)`
 * instead read a year of events for a window of an hour (100M: 109–179 ms a statement).
 */
export function narrowCountsSql(
  tables: CountTables,
  binWidth: number,
  { from, to, n, w }: CountsView,
  [lanes, laneParams]: [string, number[]],
  extent: readonly [number, number],
): [string, number[]] {
  // The edge clamped to the extent, where no count changes (see totalCountSql); below it, the
  // counts before the edge are 0, and so are those the ranges read before `from`.
  const width = binWidth * BIN_STEP ** EDGE_LEVEL;
  const k = edgeBin(clampEdge(from, extent), width);
  const [bins, binParams] = wholeBinsSql(tables, k);
  return [
    `WITH q AS (SELECT CAST(? AS DOUBLE) AS qf, CAST(? AS DOUBLE) AS qw, CAST(? AS DOUBLE) AS qn),
    s AS MATERIALIZED (SELECT li, f, t FROM ${tables.table} WHERE f >= CAST(? AS DOUBLE) AND f <= CAST(? AS DOUBLE)),
    e AS MATERIALIZED (SELECT li, f, t FROM ${tables.ends} WHERE t > CAST(? AS DOUBLE) AND t <= CAST(? AS DOUBLE)),
    w AS (
      SELECT ${BUCKETED} FROM s, q WHERE f >= qf AND f < CAST(? AS DOUBLE)${lanes}
      UNION ALL SELECT ${BUCKETED} FROM e, q WHERE t > qf AND f < qf${lanes}),
    ${BUCKETS},
    edge AS (
      SELECT li, sum(c) AS c, sum(n) AS n FROM (
        SELECT li, s - e AS c, s - e AS n FROM (${bins}) AS h
        UNION ALL SELECT li, CASE WHEN f < qf THEN 1 ELSE 0 END, 1 FROM s, q
        UNION ALL SELECT li, CASE WHEN f < qf THEN -1 ELSE 0 END, CASE WHEN t < qf THEN -1 ELSE 0 END FROM e, q
      ) AS g GROUP BY li)
    ${BUCKET_COUNTS}
    UNION ALL
    SELECT CAST(kind AS DOUBLE), CAST(li AS DOUBLE), CAST(kind AS DOUBLE) * (qn - 1), c
      FROM edge, (VALUES (0), (1)) AS k(kind), q WHERE TRUE${lanes}
    UNION ALL
    SELECT 2, NULL, NULL, CAST(coalesce(sum(n), 0) AS DOUBLE) FROM edge`,
    [...[from, w, n, k * width, to, k * width, to, to], ...[...laneParams, ...laneParams, ...binParams, ...laneParams]],
  ];
}

/**
 * The exact counts, from the events: rows `(kind, li, b, c)` as {@link binnedCountsSql}'s,
 * without a count table: every event starting in `[from − maxSpan, to)` is read.
 */
export function exactCountsSql(
  tables: CountTables,
  maxSpan: number,
  { from, to, n, w }: CountsView,
  [lanes, laneParams]: [string, number[]],
): [string, number[]] {
  return [
    `WITH q AS (SELECT CAST(? AS DOUBLE) AS qf, CAST(? AS DOUBLE) AS qw, CAST(? AS DOUBLE) AS qn),
    w AS (
      SELECT ${BUCKETED} FROM ${tables.table}, q
      WHERE f < CAST(? AS DOUBLE) AND t > CAST(? AS DOUBLE) AND f >= CAST(? AS DOUBLE)${lanes}),
    ${BUCKETS}
    ${BUCKET_COUNTS}`,
    [from, w, n, to, from, from - maxSpan, ...laneParams],
  ];
}

/**
 * The part of the counts' statement giving the events touching `[from, to]` in all lanes,
 * exactly (one row, kind 2). An event touches it when `f ≤ to` and `t ≥ from`: with the count
 * table, the total is the events starting at or before `to` less those ending before `from`
 * (all of which started before `to`), each counted at its edge ({@link edgeCountSql}), the edge
 * clamped to the extent `[lo − 1, hi + 1]`, where neither count changes (every event has
 * `lo ≤ f < t ≤ hi`) and bin numbers stay small. Reading the events touching the window reached
 * back to the longest span before it (100M: 363–526 ms for the widest steps), as it still does
 * without the count table.
 */
export function totalCountSql(
  tables: CountTables,
  binWidth: number,
  maxSpan: number,
  from: number,
  to: number,
  extent: SourceInfo['extent'],
): [string, number[]] {
  if (binWidth && extent) {
    const width = binWidth * BIN_STEP ** EDGE_LEVEL;
    const [started, startedParams] = edgeCountSql(tables, 'f', clampEdge(to, extent), 1, width);
    const [ended, endedParams] = edgeCountSql(tables, 't', clampEdge(from, extent), -1, width);
    return [
      `SELECT 2, NULL, NULL, CAST(coalesce(sum(c), 0) AS DOUBLE) FROM (
      ${started}
      UNION ALL ${ended}) AS x`,
      [...startedParams, ...endedParams],
    ];
  }
  return [
    `SELECT 2, NULL, NULL, CAST(count(*) AS DOUBLE) FROM ${tables.table}
    WHERE f <= CAST(? AS DOUBLE) AND t >= CAST(? AS DOUBLE) AND f >= CAST(? AS DOUBLE)`,
    [to, from, from - maxSpan],
  ];
}

/** `w`'s columns: each event's first guess at its first and last bucket, and the view (`q`). */
const BUCKETED = `li, f, t, floor((f - qf) / qw) AS sb0, ceil((t - qf) / qw) - 1 AS eb0, qf, qw, qn`;

/** `b`: each event of `w` with its first and last bucket, the guesses corrected and clamped. */
const BUCKETS = `b AS (
        SELECT li,
          least(greatest(sb0 + CASE WHEN (qf + sb0 * qw) + qw <= f THEN 1
            WHEN sb0 > 0 AND (qf + (sb0 - 1) * qw) + qw > f THEN -1 ELSE 0 END, 0), qn - 1) AS sb,
          least(greatest(eb0 + CASE WHEN qf + (eb0 + 1) * qw < t THEN 1
            WHEN qf + eb0 * qw >= t THEN -1 ELSE 0 END, 0), qn - 1) AS eb
        FROM w)`;

/** The rows `(kind, li, b, c)` of `b`: events per lane by first bucket (kind 0) and last (kind 1). */
const BUCKET_COUNTS = `SELECT 0 AS kind, CAST(li AS DOUBLE) AS li, CAST(sb AS DOUBLE) AS b, CAST(count(*) AS DOUBLE) AS c
        FROM b WHERE sb <= eb GROUP BY li, sb
      UNION ALL
      SELECT 1, CAST(li AS DOUBLE), CAST(eb AS DOUBLE), CAST(count(*) AS DOUBLE) FROM b WHERE sb <= eb GROUP BY li, eb`;

/**
 * An edge of a window clamped to `[lo − 1, hi + 1]`: the events starting or ending before it, or
 * at or before it, are the same (every event has `lo ≤ f < t ≤ hi`), and its bin number stays small.
 */
const clampEdge = (x: number, [lo, hi]: readonly [number, number]) => Math.min(Math.max(x, lo - 1), hi + 1);
