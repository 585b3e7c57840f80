/**
 * The drawing's fixed sizes, and lane boxes: where each lane sits vertically. Heights follow the
 * rows the data source reports for a lane, which never shrink while the data stays the same, so
 * zooming does not move the plot under the cursor.
 *
 * @module
 */
import { MS_PER_HOUR } from '@reeltime/core';

/** Heights and sizes of the drawing's parts, in CSS pixels. */
export const AXIS_HEIGHT = 44;
export const LANE_HEADER = 20;
export const ROW_HEIGHT = 26;
export const LANE_PADDING = 6;
export const DENSITY_ROW = 22;
export const ERA_STRIP = 22;
export const MARK_SIZE = 12;
export const BAR_HEIGHT = 14;
/** Labelled rows a lane may grow to; what fits in none is drawn as density. */
export const MAX_ROWS = 8;
/** The closest zoom shows about this much time across the whole width. */
export const MIN_VISIBLE_SPAN = 6 * MS_PER_HOUR;
/** Lane colours before they repeat (`--reel-color-lane-1`…`-8`). */
export const LANE_COLORS = 8;
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

/** Stacks the lanes: a header when labelled, the labelled rows, and a density row when needed. */
export function laneBoxes(
  lanes: readonly { readonly index: number; readonly label: string }[],
  rows: readonly number[],
  dense: readonly boolean[],
): { boxes: LaneBox[]; height: number } {
  let top = 0;
  const boxes = lanes.map((lane): LaneBox => {
    const rowsTop = top + (lane.label ? LANE_HEADER : LANE_PADDING);
    const count = Math.max(1, rows[lane.index] ?? 1);
    const densityTop = dense[lane.index] ? rowsTop + count * ROW_HEIGHT : undefined;
    const bottom = rowsTop + count * ROW_HEIGHT + (densityTop === undefined ? 0 : DENSITY_ROW);
    const box = { index: lane.index, top, height: bottom + LANE_PADDING - top, rowsTop, rows: count, densityTop };
    top += box.height;
    return box;
  });
  return { boxes, height: Math.max(top, 3 * ROW_HEIGHT) + ERA_STRIP };
}
