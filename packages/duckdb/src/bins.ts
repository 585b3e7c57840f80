/**
 * The count table (Mosaic's pre-aggregation, for a timeline), built at open, and the counts of wide
 * views read from it. See {@link SqlBackend}'s `preaggregate` option.
 *
 * @module
 */
import type { SqlEngine } from './backend.js';

/** Bins across the extent at the finest resolution of the count table (2^20). */
export const FINE_BINS = 2 ** 20;
/** Each resolution of the count table is this many times coarser than the one before. */
export const BIN_STEP = 8;
/** Resolutions in the count table: 2^20 bins across the extent down to 2^8. */
export const BIN_LEVELS = 5;
/** A view's counts come from the table when a bin is at most this fraction of its bucket. */
export const BINS_PER_BUCKET = 8;

/**
 * The count table's resolution a view's counts read, for buckets of `w` ms and a finest bin of
 * `binWidth` ms (valid when `binWidth · BINS_PER_BUCKET <= w`): the coarsest whose bin is at most
 * 1/8 of a bucket, at most the coarsest built.
 */
export function binnedLevel(w: number, binWidth: number): number {
  return Math.min(BIN_LEVELS - 1, Math.floor(Math.log(w / BINS_PER_BUCKET / binWidth) / Math.log(BIN_STEP)));
}

/**
 * The count table (Mosaic's pre-aggregation, for a timeline): per resolution `lvl`, lane and bin,
 * how many events start in the bin (`s`: the bin of `f`) and how many end in it (`e`: the bin of
 * the last instant before `t`). Bin `i` at resolution `j` is `[i·W, (i+1)·W)`, `W = W₀·8^j`, a
 * power of 2 ms, so coarser bins are whole runs of finer ones and are summed from them.
 */
export async function buildBins(
  engine: SqlEngine,
  names: { readonly table: string; readonly bins: string },
  lo: number,
  hi: number,
): Promise<number> {
  const width = 2 ** Math.ceil(Math.log2(Math.max(1, hi - lo) / FINE_BINS));
  const levels = Array.from({ length: BIN_LEVELS }, (_, j) => `(${j}, ${BIN_STEP ** j})`).join(', ');
  await engine.all(
    `CREATE OR REPLACE TABLE ${names.bins} AS
      WITH fine AS (
        SELECT li, bin, sum(s) AS s, sum(e) AS e FROM (
          SELECT li, floor(f / CAST(? AS DOUBLE)) AS bin, 1 AS s, 0 AS e FROM ${names.table}
          UNION ALL SELECT li, ceil(t / CAST(? AS DOUBLE)) - 1, 0, 1 FROM ${names.table}) AS x
        GROUP BY li, bin),
      levels(lvl, k) AS (VALUES ${levels})
      SELECT CAST(lvl AS INTEGER) AS lvl, li, floor(bin / k) AS bin, CAST(sum(s) AS DOUBLE) AS s, CAST(sum(e) AS DOUBLE) AS e
      FROM fine, levels GROUP BY lvl, li, floor(bin / k) ORDER BY lvl, bin`,
    [width, width],
  );
  return width;
}

/**
 * The ends table: each event's end `t`, start `f` and lane `li`, sorted by `t` (then `f`), so that
 * a range of ends reads one or two row groups, as a range of starts does in the narrow table. With
 * the count table's running sums, the events before an edge are counted without reading the
 * events that reach back to it ({@link edgeCountSql}, {@link wholeBinsSql}): the narrow table is sorted by start only,
 * and the events ending in a window may have started up to the longest span before it (10M and
 * 100M: a year).
 */
export async function buildEnds(
  engine: SqlEngine,
  names: { readonly table: string; readonly ends: string },
): Promise<void> {
  await engine.all(`CREATE OR REPLACE TABLE ${names.ends} AS SELECT t, f, li FROM ${names.table} ORDER BY t, f`);
}

/**
 * The resolution of the count table a count at a window's edge reads its running sums at: each
 * range of the table read costs about one row group (DuckDB's zone maps), however few bins it
 * holds, and the finer two resolutions are the table's largest, while the partial bin's events are
 * read from tables sorted on the edge's key, a range of 64 finest bins (10M: 600 events on average)
 * costing no more than one (10M, one thread: 5 ranges of the count table, 10–15 ms a narrow view;
 * 3, …).
 */
export const EDGE_LEVEL = 2;

/**
 * The last bin of width `width` starting before `x` (`K·W < x ≤ K·W + W`): the whole bins before it hold
 * the starts `f < K·W` (a start's bin is `floor(f / W)`) and the ends `t ≤ K·W` (an end's bin is
 * that of the last instant before it, `ceil(t / W) − 1`), and the events starting in `[K·W, x]`
 * or ending in `(K·W, x]` are in the partial bin at the edge. `W` is a power of 2: the division and
 * the product `K·W` are exact, as in the count table's own SQL.
 */
export function edgeBin(x: number, width: number): number {
  return Math.ceil(x / width) - 1;
}

/**
 * Rows `(li, s, e)` whose sums per lane are the events starting before `K·W` and ending at or
 * before it, `K` = {@link edgeBin} with `W` the width of a bin at {@link EDGE_LEVEL}: the count
 * table's running sum over every bin of that resolution before K, read as {@link crossingRanges}
 * reads it (the coarsest resolution, then at most 7 bins of each finer one). Every lane's rows.
 */
export function wholeBinsSql(names: { readonly bins: string }, k: number): [string, number[]] {
  const ranges = crossingRanges(k - 1, EDGE_LEVEL);
  return [
    ranges.map(
      () => `SELECT li, s, e FROM ${names.bins}
        WHERE lvl = CAST(? AS INTEGER) AND bin >= CAST(? AS DOUBLE) AND bin <= CAST(? AS DOUBLE)`,
    ).join(`
      UNION ALL `),
    ranges.flat(),
  ];
}

/**
 * Rows `(c)` whose sum is ±(`sign`) the events, in every lane, starting at or before `x`
 * (`column` `f`) or ending before it (`t`), exactly, without reading the events that reach back to
 * it: the count table's running sum before the edge's bin ({@link wholeBinsSql}) plus the events
 * of that partial bin, read from the narrow table (sorted by `f`) or the ends table (sorted by
 * `t`). The two counts a view's total needs (see SqlBackend.counts).
 */
export function edgeCountSql(
  names: { readonly table: string; readonly bins: string; readonly ends: string },
  column: 'f' | 't',
  x: number,
  sign: 1 | -1,
  width: number,
): [string, number[]] {
  const k = edgeBin(x, width);
  const [whole, wholeParams] = wholeBinsSql(names, k);
  const minus = sign < 0 ? '-' : '';
  const partial =
    column === 'f'
      ? `SELECT count(*) AS c FROM ${names.table} WHERE f >= CAST(? AS DOUBLE) AND f <= CAST(? AS DOUBLE)`
      : `SELECT count(*) AS c FROM ${names.ends} WHERE t > CAST(? AS DOUBLE) AND t < CAST(? AS DOUBLE)`;
  return [
    `SELECT ${minus}${column === 'f' ? 's' : 'e'} AS c FROM (${whole}) AS w
      UNION ALL SELECT ${minus}c FROM (${partial}) AS p`,
    [...wholeParams, k * width, x],
  ];
}

/**
 * The statement of the counts from the count table at resolution `level`, rows `(kind, li, b, c)`:
 * `c` events of lane `li` start (kind 0) or end (kind 1) in bucket `b`. Each bin goes to the bucket
 * holding its middle, so a bucket's edges move to the nearest bin edge (at most 1/16 of the
 * bucket). Events that start before the first bucket and end in or after it (or end after the last
 * one and start before it) are counted in it with the same bins, from the table's running sums
 * ({@link crossingRanges}), so that every event has one first and one last bucket; no event is
 * read. Both parts are one statement: each statement costs a few ms however little it reads, and
 * the caller may add its own part (the total) with `UNION ALL`. Edge rows may count 0.
 */
export function binnedCountsSql(
  names: { readonly bins: string },
  view: { from: number; to: number; n: number; w: number; level: number; bin: number },
  [lanes, laneParams]: [string, number[]],
): [string, number[]] {
  const { from, to, n, w, level, bin } = view;
  const bucket = `floor((bin * CAST(? AS DOUBLE) + CAST(? AS DOUBLE) - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE))`;
  // Events whose first bin's middle is before `x` and whose last bin's middle is at or after it:
  // with K the last bin whose middle is before x, those starting in a bin ≤ K and ending in one
  // after it. Every event ends in a bin at or after the one it starts in, so their number per lane
  // is the running sum of `s − e` over the bins ≤ K, read from the count table, not from the
  // events (10M: the million year-long events on the extent's first day cross most edges). They
  // are counted in the first bucket (kind 0, b = 0) or the last (kind 1, b = kind · (n − 1)).
  const crossing = [from, from + n * w].flatMap((x, kind) =>
    crossingRanges(lastBinBefore(x, bin), level).map(([lvl, lo, hi]) => [kind, lvl, lo, hi]),
  );
  return [
    `WITH m AS (
      SELECT li, ${bucket} AS b, s, e FROM ${names.bins}
      WHERE lvl = CAST(? AS INTEGER) AND bin >= CAST(? AS DOUBLE) AND bin <= CAST(? AS DOUBLE)${lanes})
    SELECT 0 AS kind, CAST(li AS DOUBLE) AS li, b, sum(s) AS c FROM m WHERE b >= 0 AND b < CAST(? AS DOUBLE) AND s > 0 GROUP BY li, b
    UNION ALL
    SELECT 1, CAST(li AS DOUBLE), b, sum(e) FROM m WHERE b >= 0 AND b < CAST(? AS DOUBLE) AND e > 0 GROUP BY li, b
    UNION ALL
    SELECT CAST(kind AS DOUBLE), CAST(li AS DOUBLE), CAST(kind AS DOUBLE) * CAST(? AS DOUBLE), sum(s - e) FROM (
      ${crossing.map(
        () => `SELECT CAST(? AS INTEGER) AS kind, li, s, e FROM ${names.bins}
        WHERE lvl = CAST(? AS INTEGER) AND bin >= CAST(? AS DOUBLE) AND bin <= CAST(? AS DOUBLE)${lanes}`,
      ).join(`
      UNION ALL `)}) AS x
    GROUP BY kind, li`,
    [
      ...[bin, bin / 2, from, w, level, Math.floor(from / bin) - 1, Math.floor(to / bin) + 1, ...laneParams, n, n],
      n - 1,
      ...crossing.flatMap((range) => [...range, ...laneParams]),
    ],
  ];
}

/**
 * The last bin of width `bin` whose middle (`i·bin + bin/2`, in the floating-point arithmetic of
 * the counts' own SQL) is before `x`: a first guess by division, corrected.
 */
export function lastBinBefore(x: number, bin: number): number {
  let k = Math.floor((x - bin / 2) / bin);
  while (k * bin + bin / 2 >= x) k--;
  while ((k + 1) * bin + bin / 2 < x) k++;
  return k;
}

/**
 * The ranges of the count table, `[lvl, first bin, last bin]`, whose bins together are every bin
 * ≤ `k` at resolution `level`, each once: all of the coarsest resolution's bins up to the last one
 * wholly ≤ k (at most 2^8 per lane across the extent), then at each finer resolution the at most 7
 * bins after it. A running sum over the finest bins would read up to 2^20 per lane.
 */
export function crossingRanges(k: number, level: number): [number, number, number][] {
  const ranges: [number, number, number][] = [];
  let last = k;
  for (let lvl = level; lvl < BIN_LEVELS - 1; lvl++) {
    // The last coarser bin wholly at or before `last`: its finer bins end at or before `last`.
    const coarse = Math.floor((last + 1) / BIN_STEP) - 1;
    ranges.push([lvl, (coarse + 1) * BIN_STEP, last]);
    last = coarse;
  }
  ranges.push([BIN_LEVELS - 1, Number.MIN_SAFE_INTEGER, last]);
  return ranges;
}
