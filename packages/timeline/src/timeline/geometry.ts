/**
 * The drawing's fixed sizes, and lane boxes: where each lane sits vertically. Heights follow the
 * rows the data source reports for a lane, which never shrink while the data stays the same, so
 * zooming does not move the plot under the cursor.
 *
 * @module
 */
import {
  DATE_PRECISIONS,
  MS_PER_DAY,
  MS_PER_HOUR,
  type DatePrecision,
  type TickUnit,
  type TimelineEvent,
} from '@reeltime/core';

/** Heights and sizes of the drawing's parts, in CSS pixels. */
export const AXIS_HEIGHT = 44;
export const LANE_HEADER = 20;
export const ROW_HEIGHT = 26;
export const LANE_PADDING = 6;
export const DENSITY_ROW = 22;
/** The painted density strip inside its row: its top (from the row's) and height (also the stylesheet's canvas height). */
export const STRIP_TOP = 2;
export const STRIP_HEIGHT = DENSITY_ROW - 6;
/** The strip under the lanes that holds marker labels. */
export const MARKER_STRIP = 22;
/** One row of era names above the lanes (overlapping eras stack, one row each). */
export const ERA_ROW = 16;
export const MARK_SIZE = 12;
export const BAR_HEIGHT = 14;
/** Labelled rows a lane may grow to; what fits in none is drawn as density. */
export const MAX_ROWS = 8;
/** The closest zoom shows about this much time across the whole width (data with times of day). */
export const MIN_VISIBLE_SPAN = 6 * MS_PER_HOUR;
/** Lane colours before they repeat (`--reel-color-lane-1`…`-8`). */
export const LANE_COLORS = 8;

/** How close a view may zoom, and the finest axis unit, for data known at most this finely. */
export interface ZoomLimits {
  /** The smallest visible span, in ms. */
  readonly minSpan: number;
  /** The finest axis tick unit, or `undefined` for any. */
  readonly minUnit: TickUnit | undefined;
}

const YEAR = 365.2425 * MS_PER_DAY;
const ANY_ZOOM: ZoomLimits = { minSpan: MIN_VISIBLE_SPAN, minUnit: undefined };
const MONTHS: ZoomLimits = { minSpan: 183 * MS_PER_DAY, minUnit: 'month' };

/** The limits for data known at most this finely (any zoom for a time of day). */
const LIMITS: Readonly<Partial<Record<DatePrecision, ZoomLimits>>> = {
  // Years ago known to the nearest billion, million or thousand years: a few of those units across.
  'billion-years': { minSpan: 3e9 * YEAR, minUnit: 'year' },
  'million-years': { minSpan: 3e6 * YEAR, minUnit: 'year' },
  'thousand-years': { minSpan: 3e3 * YEAR, minUnit: 'year' },
  year: { minSpan: 3 * 365 * MS_PER_DAY, minUnit: 'year' },
  season: MONTHS,
  quarter: MONTHS,
  month: MONTHS,
  day: { minSpan: 7 * MS_PER_DAY, minUnit: 'day' },
};

/**
 * Zoom limits that follow the finest precision in the data: a dataset of days never zooms to
 * hours, one of months never to days, one of millions of years never to single years. No events
 * (or a source that keeps its own) allow any zoom. One pass, stopping at the first time of day.
 */
export function zoomLimitsFor(events: readonly TimelineEvent[]): ZoomLimits {
  // DATE_PRECISIONS goes from coarse to fine: the finest present has the highest index.
  let finest = 0;
  const visit = (precision: DatePrecision): boolean => {
    finest = Math.max(finest, DATE_PRECISIONS.indexOf(precision));
    return LIMITS[precision] !== undefined;
  };
  for (const event of events) {
    if (!visit(event.start.precision) || (event.end && !visit(event.end.precision))) return ANY_ZOOM;
  }
  return (events.length && LIMITS[DATE_PRECISIONS[finest]!]) || ANY_ZOOM;
}
/** Font sizes of event labels and of axis, lane and era text. */
export const LABEL_FONT_SIZE = 12;
export const SMALL_FONT_SIZE = 11;

/** One lane's box in the plot body (y from the top of the body, below the axis). */
export interface LaneBox {
  readonly index: number;
  readonly top: number;
  readonly height: number;
  /** Top of row 0. */
  readonly rowsTop: number;
  readonly rows: number;
  /** Top of the density row, when the lane has one. */
  readonly densityTop: number | undefined;
}

/**
 * Stacks the lanes below `start` (the era names' rows): a header when labelled, the labelled rows,
 * and a density row when needed.
 */
export function laneBoxes(
  lanes: readonly { readonly index: number; readonly label: string }[],
  rows: readonly number[],
  dense: readonly boolean[],
  start = 0,
): { boxes: LaneBox[]; height: number } {
  let top = start;
  const boxes = lanes.map((lane): LaneBox => {
    const rowsTop = top + (lane.label ? LANE_HEADER : LANE_PADDING);
    const count = Math.max(1, rows[lane.index] ?? 1);
    const densityTop = dense[lane.index] ? rowsTop + count * ROW_HEIGHT : undefined;
    const bottom = rowsTop + count * ROW_HEIGHT + (densityTop === undefined ? 0 : DENSITY_ROW);
    const box = { index: lane.index, top, height: bottom + LANE_PADDING - top, rowsTop, rows: count, densityTop };
    top += box.height;
    return box;
  });
  return { boxes, height: Math.max(top, start + 3 * ROW_HEIGHT) + MARKER_STRIP };
}
