/**
 * The pre-sampled table: for the count table's coarser resolutions, the first
 * {@link SAMPLE_PER_BIN} events (in display order) of each lane and bin with their drawn columns,
 * built with the count table at open. A wide window's sample (the first events of each lane and 32 px cell) is then
 * read from it instead of from every event in range: the first n of a cell are the first n of the
 * union of the first n of the bins it holds.
 *
 * What it gives: every event answered touches the window; in each lane and cell, the events are
 * the first `perCell` in display order of that cell, where the events starting in a whole bin
 * inside the window count in the cell holding the bin's middle (a cell's edges move to the
 * nearest bin edge, at most 1/16 of a cell: a bin is at most 1/8 of one). Events that start in
 * the part-bins at the window's edges, or before the window, are sampled exactly by their start.
 *
 * @module
 */
import type { SqlEngine } from './backend.js';
import { TIE_COLUMN } from './tables.js';

/** Events kept per lane and bin: the most a window asks per lane and cell (the source asks 16). */
export const SAMPLE_PER_BIN = 16;
/** A window reads the sample when a cell holds at least this many bins of one of its resolutions. */
export const BINS_PER_CELL = 8;

/** The drawn columns of the narrow table, kept in the sample with each position. */
export const DRAWN = 'f, t, input, id, title, s, e, p, status';

/** The resolutions (count table levels) that have a sample, and their bin widths. */
export interface SampleLevels {
  /** Bin width in ms per level, for the levels that were built. */
  readonly widths: ReadonlyMap<number, number>;
}

/**
 * Builds the sample at each of `levels` (bin width `fine · step^level`) whose sample is at most
 * half the events (finer resolutions would copy most of the table for nothing); their sizes come
 * from the count table (`s`: events starting per lane and bin).
 */
export async function buildSample(
  engine: SqlEngine,
  names: { readonly table: string; readonly bins: string; readonly sample: string },
  fine: number,
  step: number,
  levels: number,
  size: number,
): Promise<SampleLevels> {
  const rows = await engine.all(
    `SELECT CAST(lvl AS DOUBLE) AS lvl, CAST(sum(least(s, CAST(? AS DOUBLE))) AS DOUBLE) AS n FROM ${names.bins} GROUP BY lvl`,
    [SAMPLE_PER_BIN],
  );
  const chosen = rows
    .filter((row) => Number(row['n']) <= size / 2)
    .map((row) => Number(row['lvl']))
    .filter((level) => level < levels)
    .sort((a, b) => a - b);
  const widths = new Map(chosen.map((level) => [level, fine * step ** level]));
  // The drawn columns are kept with each sampled position, and each level is stored sorted by bin:
  // a wide window then reads its picked rows from the bins it covers (a range that DuckDB's zone
  // maps narrow to a few row groups), not by position from the big table, where they are spread
  // over every row group (10M, whole extent: 500 ms of a 990 ms step, the scan of every row).
  await engine.all(
    `CREATE OR REPLACE TABLE ${names.sample} AS
      SELECT CAST(0 AS INTEGER) AS lvl, li, CAST(0 AS DOUBLE) AS bin, CAST(rowid AS BIGINT) AS pos, ${DRAWN}
      FROM ${names.table} LIMIT 0`,
  );
  // The finest level from the events, each coarser one from the level before it (its bins are
  // whole runs of the finer ones, and the first n of a union are the first n of the parts' first
  // n): one pass over the events whatever the number of levels.
  let previous: number | undefined;
  for (const level of chosen) {
    const fromEvents = previous === undefined;
    const [source, sourceParams, pos] = fromEvents
      ? [names.table, [], 'rowid']
      : [`${names.sample} WHERE lvl = CAST(? AS INTEGER)`, [previous!], 'pos'];
    const bin = fromEvents ? 'floor(f / CAST(? AS DOUBLE))' : 'floor(bin / CAST(? AS DOUBLE))';
    const k = fromEvents ? widths.get(level)! : step ** (level - previous!);
    await engine.all(
      `INSERT INTO ${names.sample}
      SELECT CAST(? AS INTEGER), li, ${bin} AS b, ${pos}, ${DRAWN} FROM ${source}
        ${fromEvents ? 'WHERE' : 'AND'} ${pos} IN (
          SELECT unnest(min(${pos}, CAST(? AS INTEGER))) FROM ${source} GROUP BY li, ${bin})
      ORDER BY b, ${pos}`,
      [level, k, ...sourceParams, SAMPLE_PER_BIN, ...sourceParams, k],
    );
    previous = level;
  }
  return { widths };
}

/** The sample level for cells of `cell` ms: the coarsest built whose bin is at most 1/8 of a cell. */
export function sampleLevel(levels: SampleLevels, cell: number): number | undefined {
  let best: number | undefined;
  for (const [level, width] of levels.widths) if (width * BINS_PER_CELL <= cell && (best ?? -1) < level) best = level;
  return best;
}

/** A piece of SQL and its parameters. */
export type Statement = [string, (string | number)[]];

/**
 * A window from the sample at `level` (bin width `bin`): its candidates, a SQL subquery of
 * `(pos, li, c, part)` (`c`: the cell, `part`: where it came from): sampled whole bins inside the
 * window, plus the events of the part-bins at its edges and those starting before it, exactly;
 * and the picked rows, a subquery of `(pos, li, …)` with the {@link DRAWN} columns for the
 * positions in `pick` (a CTE of `(pos, part)` the caller defines from the candidates). Null when
 * no whole bin lies inside the window.
 *
 * The picked rows are read where their candidates came from, each over the range it covers: whole
 * bins from the sample table (sorted by level and bin), edge events from the narrow table among
 * those starting in the edge's range of the sorted `f` column. DuckDB's zone maps then read a few
 * row groups of each, where a lookup of positions spread over the whole table read all of it.
 */
export function sampledWindow(
  names: { readonly table: string; readonly sample: string },
  request: { readonly from: number; readonly to: number; readonly cell: number; readonly perCell: number },
  level: number,
  bin: number,
  maxSpan: number,
  lanes: string,
  laneParams: readonly number[],
): { candidates: Statement; rows: Statement } | null {
  const { from, to, cell, perCell } = request;
  const first = Math.ceil(from / bin);
  const last = Math.floor(to / bin) - 1;
  if (first > last) return null;
  const inner = [first * bin, (last + 1) * bin];
  const bins = `lvl = CAST(? AS INTEGER) AND bin >= CAST(? AS DOUBLE) AND bin <= CAST(? AS DOUBLE)`;
  const before = `f >= CAST(? AS DOUBLE) AND f < CAST(? AS DOUBLE) AND t >= CAST(? AS DOUBLE)`;
  const after = `f >= CAST(? AS DOUBLE) AND f <= CAST(? AS DOUBLE)`;
  const [binParams, beforeParams, afterParams] = [
    [level, first, last],
    [from - maxSpan, inner[0]!, from],
    [inner[1]!, to],
  ];
  const byStart = `floor((f - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE))`;
  // Cells are ranges of `f`: the events past the first `perCell` of a run of equal spans in a lane
  // are never picked (TIE_COLUMN in tables.ts), and a crowd of them is not read.
  const tie = ` AND ${TIE_COLUMN} < CAST(? AS INTEGER)`;
  // Each candidate is tagged with its part (0: sampled bins, 1: before, 2: after), and each part
  // reads back only its own picks: the join then bounds the part's scan by the least and greatest
  // of those positions (DuckDB's dynamic join filter on rowid), a few rows where the range of `f`
  // holds many (10M: a million year-long events start on the extent's first day; a window from
  // later that year read them all, with their titles, to find its 96 picks).
  const candidates = `SELECT pos, li, floor(((bin + 0.5) * CAST(? AS DOUBLE) - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE)) AS c, 0 AS part
      FROM ${names.sample} WHERE ${bins}${lanes}
    UNION ALL
    SELECT rowid AS pos, li, ${byStart} AS c, 1 AS part FROM ${names.table} WHERE ${before}${tie}${lanes}
    UNION ALL
    SELECT rowid AS pos, li, ${byStart} AS c, 2 AS part FROM ${names.table} WHERE ${after}${tie}${lanes}`;
  const rows = `SELECT pos, li, ${DRAWN} FROM ${names.sample} WHERE ${bins} AND pos IN (SELECT pos FROM pick WHERE part = 0)
    UNION ALL
    SELECT rowid AS pos, li, ${DRAWN} FROM ${names.table} WHERE ${before}${tie} AND rowid IN (SELECT pos FROM pick WHERE part = 1)
    UNION ALL
    SELECT rowid AS pos, li, ${DRAWN} FROM ${names.table} WHERE ${after}${tie} AND rowid IN (SELECT pos FROM pick WHERE part = 2)`;
  return {
    candidates: [
      candidates,
      [
        ...[bin, from, cell, ...binParams, ...laneParams],
        ...[from, cell, ...beforeParams, perCell, ...laneParams],
        ...[from, cell, ...afterParams, perCell, ...laneParams],
      ],
    ],
    rows: [rows, [...binParams, ...beforeParams, perCell, ...afterParams, perCell]],
  };
}
