/**
 * A prepared database's overview file (`<file>.overview.json`): its format (what
 * {@link encodeOverview} writes at prepare time) and its reading ({@link readOverview}, checked,
 * into the arrays `OverviewBackend` searches). See overview.ts for what it is for.
 *
 * @module
 */
import type { PreparedState } from './backend.js';
import { BIN_LEVELS } from './bins.js';
import type { PreparedMeta, PreparedSource } from './prepared.js';
import type { EventRow } from './protocol.js';

/** What `format` holds in an overview file. */
export const OVERVIEW_FORMAT = 'reeltime-overview';
/** The overview's format version: a reader ignores an overview of another one (and waits for the database). */
export const OVERVIEW_VERSION = 1;
/** The suffix of an overview's name: the database's name followed by it. */
export const OVERVIEW_SUFFIX = '.overview.json';
/** Most rows of the count table an overview keeps (its finest level kept is the finest under this). */
export const OVERVIEW_COUNT_ROWS = 200_000;
/** Most events an overview's window sample keeps (its cell is made coarser until they fit). */
export const OVERVIEW_SAMPLE_ROWS = 20_000;
/**
 * The widest view (in buckets, the view's pixels) of the whole extent whose counts the overview
 * answers: count table levels finer than such a view reads are left out (1M events: the finest
 * level, 41 % of the file, is read only by views over 11,000 px wide).
 */
export const OVERVIEW_PIXELS = 4096;
/** The window sample's cell is the smallest power of 2 ms with at most this many across the extent. */
export const OVERVIEW_CELLS = 128;

/** One level of the count table, columnar: rows sorted by bin then lane, `bin` as differences from the row before. */
export interface OverviewCountLevel {
  readonly lvl: number;
  readonly li: readonly number[];
  readonly bin: readonly number[];
  readonly s: readonly number[];
  readonly e: readonly number[];
}

/**
 * The window sample, columnar, in display order: `pos` as differences from the row before, `end`
 * as `end − start` (null for none), `from` as `start − from`, `to` as `to − from`; the lane is the
 * lane index's (`state.info.lanes`).
 */
export interface OverviewSampleColumns {
  /** The cell width in ms (a power of 2), or 0 for no sample (no events). */
  readonly cell: number;
  readonly pos: readonly number[];
  readonly input: readonly number[];
  readonly id: readonly string[];
  readonly title: readonly string[];
  readonly start: readonly number[];
  readonly end: readonly (number | null)[];
  readonly li: readonly number[];
  readonly precision: readonly string[];
  readonly status: readonly (string | null)[];
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** An overview file as written (JSON). */
export interface OverviewFile {
  readonly format: typeof OVERVIEW_FORMAT;
  readonly version: number;
  /** The prepared database's `built` and `source` (its `reeltime_prepared` table's). */
  readonly built: string;
  readonly source: PreparedSource;
  readonly state: PreparedState;
  /**
   * The count table's rows at levels `level` to `BIN_LEVELS − 1` (`level` is `BIN_LEVELS` when
   * none is kept: no count table, or too many rows at its coarsest level).
   */
  readonly counts: { readonly level: number; readonly levels: readonly OverviewCountLevel[] };
  readonly sample: OverviewSampleColumns;
}

/** A count table row, as the overview's writer reads it. */
export interface OverviewCountRow {
  readonly lvl: number;
  readonly li: number;
  readonly bin: number;
  readonly s: number;
  readonly e: number;
}

/**
 * The overview file of a prepared database: `rows` are the count table's at levels ≥ `level`,
 * sorted by level, bin and lane; `sample` the window sample's rows in display order.
 */
export function encodeOverview(
  meta: Pick<PreparedMeta, 'built' | 'source' | 'state'>,
  counts: { readonly level: number; readonly rows: readonly OverviewCountRow[] },
  sample: { readonly cell: number; readonly rows: readonly EventRow[] },
): OverviewFile {
  const levels: OverviewCountLevel[] = [];
  for (let lvl = counts.level; lvl < BIN_LEVELS; lvl++) {
    const rows = counts.rows.filter((row) => row.lvl === lvl);
    levels.push({
      lvl,
      li: rows.map((row) => row.li),
      bin: rows.map((row, i) => row.bin - (i ? rows[i - 1]!.bin : 0)),
      s: rows.map((row) => row.s),
      e: rows.map((row) => row.e),
    });
  }
  const rows = sample.rows;
  return {
    format: OVERVIEW_FORMAT,
    version: OVERVIEW_VERSION,
    built: meta.built,
    source: meta.source,
    state: meta.state,
    counts: { level: counts.level, levels },
    sample: {
      cell: sample.cell,
      pos: rows.map((row, i) => row.pos - (i ? rows[i - 1]!.pos : 0)),
      input: rows.map((row) => row.input),
      id: rows.map((row) => row.id),
      title: rows.map((row) => row.title),
      start: rows.map((row) => row.start),
      end: rows.map((row) => (row.end === null ? null : row.end - row.start)),
      li: rows.map((row) => row.li),
      precision: rows.map((row) => row.precision),
      status: rows.map((row) => row.status),
      from: rows.map((row) => row.start - row.from),
      to: rows.map((row) => row.to - row.from),
    },
  };
}

/** One level of the count table, ready to search: rows sorted by bin. */
interface CountLevel {
  readonly li: Int32Array;
  readonly bin: Float64Array;
  readonly s: Float64Array;
  readonly e: Float64Array;
}

/** An overview read and checked ({@link readOverview}), ready to answer from. */
export interface Overview {
  readonly built: string;
  readonly source: PreparedSource;
  readonly state: PreparedState;
  /** The finest count table level kept (`BIN_LEVELS` for none). */
  readonly countLevel: number;
  readonly levels: ReadonlyMap<number, CountLevel>;
  /** The window sample's cell (0 for none) and its rows in display order. */
  readonly cell: number;
  readonly rows: readonly EventRow[];
}

/**
 * The overview in `json` (a parsed overview file), or undefined when it is none of this format
 * and version or is damaged: the reader then waits for the database, as for a prepare that wrote
 * no overview.
 */
export function readOverview(json: unknown): Overview | undefined {
  try {
    const file = json as OverviewFile;
    if (file?.format !== OVERVIEW_FORMAT || file.version !== OVERVIEW_VERSION) return undefined;
    const { state, counts, sample } = file;
    const lanes = state.info.lanes;
    const levels = new Map<number, CountLevel>();
    for (const level of counts.levels) {
      const bin = new Float64Array(level.bin.length);
      let at = 0;
      level.bin.forEach((delta, i) => (bin[i] = at += delta));
      levels.set(level.lvl, {
        li: Int32Array.from(level.li),
        bin,
        s: Float64Array.from(level.s),
        e: Float64Array.from(level.e),
      });
    }
    let pos = 0;
    const rows = sample.pos.map((delta, i): EventRow => {
      const start = sample.start[i]!;
      const end = sample.end[i]!;
      const from = start - sample.from[i]!;
      const li = sample.li[i]!;
      return {
        pos: (pos += delta),
        input: sample.input[i]!,
        id: sample.id[i]!,
        title: sample.title[i]!,
        start,
        end: end === null ? null : start + end,
        lane: lanes[li]!.id,
        li,
        precision: sample.precision[i]!,
        status: sample.status[i]!,
        from,
        to: from + sample.to[i]!,
      };
    });
    const complete = [...levels.keys()].length === BIN_LEVELS - counts.level;
    return {
      built: file.built,
      source: file.source,
      state,
      countLevel: complete ? counts.level : BIN_LEVELS,
      levels,
      cell: sample.cell,
      rows,
    };
  } catch {
    return undefined;
  }
}

/** The URL of the overview of the prepared database at `href`: its path followed by {@link OVERVIEW_SUFFIX}, its query kept. */
export function overviewUrl(href: string): string {
  const url = new URL(href);
  url.pathname += OVERVIEW_SUFFIX;
  url.hash = '';
  return url.href;
}
