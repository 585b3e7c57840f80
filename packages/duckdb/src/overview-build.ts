/**
 * Writing a prepared database's overview (overview.ts) from the tables {@link SqlBackend} built:
 * the count table's coarser levels and the window sample, read with SQL at prepare time.
 *
 * @module
 */
import { columnsOf, NARROW_COLUMNS, toRows, type EventRow, type PreparedState, type SqlEngine } from './backend.js';
import { BIN_LEVELS, BINS_PER_BUCKET, binnedLevel } from './bins.js';
import { quoteIdentifier } from './columns.js';
import {
  encodeOverview,
  OVERVIEW_CELLS,
  OVERVIEW_COUNT_ROWS,
  OVERVIEW_PIXELS,
  OVERVIEW_SAMPLE_ROWS,
  type OverviewCountRow,
  type OverviewFile,
} from './overview-file.js';
import type { PreparedSource } from './prepared.js';
import { SAMPLE_PER_BIN } from './sample.js';

/** How large an overview may grow. */
export interface OverviewLimits {
  /** Most count table rows kept (default {@link OVERVIEW_COUNT_ROWS}). */
  readonly countRows?: number;
  /** Most events kept in the window sample (default {@link OVERVIEW_SAMPLE_ROWS}). */
  readonly sampleRows?: number;
  /** The widest view of the whole extent, in pixels, whose counts it answers (default {@link OVERVIEW_PIXELS}). */
  readonly pixels?: number;
}

/**
 * The overview of the tables `tables` (a backend's, unquoted: narrow table, records, lanes, count
 * table, sample) as the engine holds them, for a prepared database with this `built` and `source`.
 */
export async function buildOverview(
  engine: SqlEngine,
  tables: readonly string[],
  meta: { readonly built: string; readonly source: PreparedSource; readonly state: PreparedState },
  limits: OverviewLimits = {},
): Promise<OverviewFile> {
  const [table, , lanes, bins] = tables.map(quoteIdentifier) as [string, string, string, string];
  const { state } = meta;
  const extent = state.info.extent;
  // The count table's finest level whose rows, with the coarser levels', stay under the cap, and
  // no finer than the widest view answered reads (a wider window, or fewer buckets, reads a coarser one).
  let level = BIN_LEVELS;
  let rows: OverviewCountRow[] = [];
  if (extent && state.binWidth > 0) {
    const perLevel = await engine.all(
      `SELECT CAST(lvl AS DOUBLE) AS lvl, CAST(count(*) AS DOUBLE) AS n FROM ${bins} GROUP BY lvl`,
    );
    const sizes = new Map(perLevel.map((row) => [Number(row['lvl']), Number(row['n'])]));
    const narrowest = (extent[1] - extent[0]) / (limits.pixels ?? OVERVIEW_PIXELS);
    const finest = state.binWidth * BINS_PER_BUCKET <= narrowest ? binnedLevel(narrowest, state.binWidth) : 0;
    let kept = 0;
    for (let lvl = BIN_LEVELS - 1; lvl >= finest; lvl--) {
      kept += sizes.get(lvl) ?? 0;
      if (kept > (limits.countRows ?? OVERVIEW_COUNT_ROWS)) break;
      level = lvl;
    }
    if (level < BIN_LEVELS)
      rows = (
        await engine.all(
          `SELECT CAST(lvl AS DOUBLE) AS lvl, CAST(li AS DOUBLE) AS li, bin, s, e FROM ${bins}
          WHERE lvl >= CAST(? AS INTEGER) ORDER BY lvl, bin, li`,
          [level],
        )
      ).map((row) => ({
        lvl: Number(row['lvl']),
        li: Number(row['li']),
        bin: Number(row['bin']),
        s: Number(row['s']),
        e: Number(row['e']),
      }));
  }
  // The sample's cell: the smallest power of 2 ms with at most OVERVIEW_CELLS across the extent,
  // made coarser while the events kept (at most SAMPLE_PER_BIN per lane and cell) exceed the cap.
  // Counted once per lane and finest cell; a coarser cell's counts are sums of those.
  let cell = 0;
  let sample: EventRow[] = [];
  if (extent) {
    cell = 2 ** Math.max(0, Math.ceil(Math.log2((extent[1] - extent[0]) / OVERVIEW_CELLS)));
    const counts = (
      await engine.all(
        `SELECT CAST(li AS DOUBLE) AS li, floor(f / CAST(? AS DOUBLE)) AS k, CAST(count(*) AS DOUBLE) AS n
        FROM ${table} GROUP BY li, k`,
        [cell],
      )
    ).map((row) => [Number(row['li']), Number(row['k']), Number(row['n'])] as const);
    for (let factor = 1; ; factor *= 2) {
      const coarse = new Map<string, number>();
      for (const [li, k, n] of counts) {
        const key = `${li} ${Math.floor(k / factor)}`;
        coarse.set(key, (coarse.get(key) ?? 0) + n);
      }
      let kept = 0;
      for (const n of coarse.values()) kept += Math.min(n, SAMPLE_PER_BIN);
      if (kept <= (limits.sampleRows ?? OVERVIEW_SAMPLE_ROWS) || coarse.size <= state.info.lanes.length) {
        cell *= factor;
        break;
      }
    }
    // The first positions of each lane and cell are an aggregate, as the window's (not a sort of everything).
    sample = toRows(
      await columnsOf(
        engine,
        `SELECT ${NARROW_COLUMNS} FROM (
          SELECT rowid AS pos, * FROM ${table} WHERE rowid IN (
            SELECT unnest(min(rowid, CAST(? AS INTEGER))) FROM ${table} GROUP BY li, floor(f / CAST(? AS DOUBLE)))) AS n
        JOIN ${lanes} AS l USING (li) ORDER BY n.pos`,
        [SAMPLE_PER_BIN, cell],
      ),
    );
  }
  return encodeOverview(meta, { level, rows }, { cell, rows: sample });
}
