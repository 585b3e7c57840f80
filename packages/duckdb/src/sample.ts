/**
 * The pre-sampled table: for the count table's coarser resolutions, the first
 * {@link SAMPLE_PER_BIN} events (in display order) of each lane and bin, built with the count
 * table at open. A wide window's sample (the first events of each lane and 32 px cell) is then
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

/** Events kept per lane and bin: the most a window asks per lane and cell (the source asks 16). */
export const SAMPLE_PER_BIN = 16;
/** A window reads the sample when a cell holds at least this many bins of one of its resolutions. */
export const BINS_PER_CELL = 8;

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
  await engine.all(`CREATE OR REPLACE TABLE ${names.sample} (lvl INTEGER, li INTEGER, bin DOUBLE, pos BIGINT)`);
  // The finest level from the events, each coarser one from the level before it (its bins are
  // whole runs of the finer ones, and the first n of a union are the first n of the parts' first
  // n): one pass over the events whatever the number of levels.
  let previous: number | undefined;
  for (const level of chosen) {
    const [source, bin] =
      previous === undefined
        ? [names.table, `floor(f / CAST(? AS DOUBLE))`]
        : [`(SELECT li, bin, pos FROM ${names.sample} WHERE lvl = ${previous}) AS p`, `floor(bin / CAST(? AS DOUBLE))`];
    const pos = previous === undefined ? 'rowid' : 'pos';
    await engine.all(
      `INSERT INTO ${names.sample}
      SELECT CAST(? AS INTEGER), li, b, unnest(min(${pos}, CAST(? AS INTEGER))) FROM (
        SELECT li, ${bin} AS b, ${pos} FROM ${source}) AS x GROUP BY li, b ORDER BY b, li`,
      [level, SAMPLE_PER_BIN, previous === undefined ? widths.get(level)! : step ** (level - previous)],
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

/**
 * The candidate positions of a window from the sample at `level` (bin width `bin`), as a SQL
 * subquery of `(pos, li, c)` (`c`: the cell) and its parameters: sampled whole bins inside the
 * window, plus the events of the part-bins at its edges and those starting before it, exactly.
 * Null when no whole bin lies inside the window.
 */
export function sampledCandidates(
  names: { readonly table: string; readonly sample: string },
  request: { readonly from: number; readonly to: number; readonly cell: number },
  level: number,
  bin: number,
  maxSpan: number,
  lanes: string,
  laneParams: readonly number[],
): [string, (string | number)[]] | null {
  const { from, to, cell } = request;
  const first = Math.ceil(from / bin);
  const last = Math.floor(to / bin) - 1;
  if (first > last) return null;
  const inner = [first * bin, (last + 1) * bin];
  const sql = `SELECT pos, li, floor(((bin + 0.5) * CAST(? AS DOUBLE) - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE)) AS c
      FROM ${names.sample}
      WHERE lvl = CAST(? AS INTEGER) AND bin >= CAST(? AS DOUBLE) AND bin <= CAST(? AS DOUBLE)${lanes}
    UNION ALL
    SELECT rowid AS pos, li, floor((f - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE)) AS c FROM ${names.table}
      WHERE f >= CAST(? AS DOUBLE) AND f < CAST(? AS DOUBLE) AND t >= CAST(? AS DOUBLE)${lanes}
    UNION ALL
    SELECT rowid AS pos, li, floor((f - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE)) AS c FROM ${names.table}
      WHERE f >= CAST(? AS DOUBLE) AND f <= CAST(? AS DOUBLE)${lanes}`;
  return [
    sql,
    [
      ...[bin, from, cell, level, first, last, ...laneParams],
      ...[from, cell, from - maxSpan, inner[0]!, from, ...laneParams],
      ...[from, cell, inner[1]!, to, ...laneParams],
    ],
  ];
}
