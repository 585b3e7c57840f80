/**
 * Placement: which row of its lane each visible event goes in, so that no two marks or labels
 * overlap on screen. Pure and DOM-free: the caller passes a scale and a way to measure text.
 *
 * @module
 */
import type { Lane, TimelineEvent } from '../model/types.js';
import type { TimeCoord } from '../model/calendar.js';
import type { TimeScale } from '../scale.js';

/** Geometry for one placed event, in pixels relative to the plot's left edge. */
export interface PlacedEvent {
  readonly event: TimelineEvent;
  /** Lane index (see {@link Lane.index}). */
  readonly lane: number;
  /** Row within the lane, 0 at the top. */
  readonly row: number;
  /** Left and right edge of the mark (a point mark has `x1 - x0` equal to its size). */
  readonly x0: number;
  readonly x1: number;
  /** Whether the event is drawn as a bar (a range, or a date known only to a month or coarser). */
  readonly bar: boolean;
  /** Where the label starts (left edge), and whether there was room to show it. */
  readonly labelX: number;
  readonly labelVisible: boolean;
  /** Whether the label sits inside the bar. */
  readonly labelInside: boolean;
  /** The label text: the title, shortened with "…" when it fits neither side of the mark. */
  readonly label: string;
}

/** Options for {@link placeEvents}. */
export interface PlaceOptions {
  /** Width of a label in pixels. */
  measure: (text: string) => number;
  /** Size of a point mark in pixels (default 12). */
  pointSize?: number;
  /** Space kept between items in a row (default 8). */
  gap?: number;
  /** Rows a lane may grow to before labels give way (default 6). */
  maxRows?: number;
  /** Bars narrower than this many pixels are drawn as points (default 4). */
  minBarWidth?: number;
  /** Width of a cluster's count label, e.g. `+12` (default: 7 px a character). */
  measureCount?: (text: string) => number;
}

/**
 * Events too dense to draw one by one: overlapping marks in a lane's overflow row, merged into one
 * mark that shows their count. Opening one is zooming into `[from, to)`.
 */
export interface PlacedCluster {
  readonly lane: number;
  readonly row: number;
  readonly x0: number;
  readonly x1: number;
  /** The events inside, in display order. */
  readonly events: readonly TimelineEvent[];
  /** The time span they cover. */
  readonly from: TimeCoord;
  readonly to: TimeCoord;
}

/** The result of {@link placeEvents}. */
export interface Placement {
  /** Events drawn one by one. */
  readonly items: readonly PlacedEvent[];
  /** Events drawn as clusters; every input event is in exactly one item or cluster. */
  readonly clusters: readonly PlacedCluster[];
  /** Rows used by each lane, indexed by lane index (at least 1; the overflow row included). */
  readonly rows: readonly number[];
}

/**
 * Places events (in display order) into rows per lane: first fit, mark and label together. When a
 * lane has used `maxRows` rows and none has room, the mark goes to an overflow row below them
 * (row `maxRows`) without its label, where marks that would overlap are merged into clusters.
 * Nothing drawn overlaps anything else: marks, labels and clusters each have their own space.
 */
export function placeEvents(
  events: readonly TimelineEvent[],
  lanes: readonly Lane[],
  scale: TimeScale,
  options: PlaceOptions,
): Placement {
  const { measure, pointSize = 12, gap = 8, maxRows = 6, minBarWidth = 4 } = options;
  const measureCount = options.measureCount ?? ((text: string) => text.length * 7);
  const [minX, maxX] = scale.range() as [number, number];
  const laneIndex = new Map(lanes.map((lane) => [lane.id, lane.index]));
  const rowEnds: number[][] = lanes.map(() => []);
  const overflow: PlacedEvent[][] = lanes.map(() => []);
  const items: PlacedEvent[] = [];
  for (const event of events) {
    const lane = laneIndex.get(event.lane) ?? 0;
    const ends = (rowEnds[lane] ??= []);
    const left = scale(event.from);
    const right = scale(event.to);
    const isRange = event.end !== undefined || event.start.precision !== 'day';
    const bar = isRange && right - left >= minBarWidth && event.start.precision !== 'minute';
    const x0 = bar ? left : (left + right) / 2 - pointSize / 2;
    const x1 = bar ? right : x0 + pointSize;
    // A bar's label sits inside it when it fits; otherwise after the mark, or before it when the
    // plot ends first; a label that fits neither side is shortened to the larger one.
    let label = event.title;
    let labelWidth = measure(label);
    const inside = bar && right - Math.max(left, minX) >= labelWidth + 8;
    let labelX = inside ? Math.max(left, minX) + 4 : x1 + 4;
    if (!inside && labelX + labelWidth > maxX) {
      const roomAfter = maxX - (x1 + 4);
      const roomBefore = x0 - 4 - minX;
      if (roomBefore >= labelWidth || roomBefore > roomAfter) {
        if (roomBefore < labelWidth) [label, labelWidth] = shorten(label, roomBefore, measure);
        labelX = x0 - 4 - labelWidth;
      } else {
        [label, labelWidth] = shorten(label, roomAfter, measure);
      }
    }
    const start = Math.min(x0, labelX);
    const withLabel = inside ? x1 : Math.max(x1, labelX + labelWidth);
    let row = ends.findIndex((end) => end + gap <= start);
    const labelVisible = label !== '';
    if (row === -1 && ends.length < maxRows) row = ends.length;
    const placed = { event, lane, row, x0, x1, bar, labelX, labelVisible, labelInside: inside, label };
    if (row === -1) {
      // The lane is full: the mark goes to the lane's overflow row, below the labelled rows.
      (overflow[lane] ??= []).push({ ...placed, row: maxRows, labelVisible: false });
    } else {
      ends[row] = Math.max(ends[row] ?? -Infinity, labelVisible ? withLabel : x1);
      items.push(placed);
    }
  }
  const clusters: PlacedCluster[] = [];
  for (const crowd of overflow) {
    for (const group of groupOverlapping(crowd, gap, measureCount)) {
      if (group.length === 1) items.push(group[0]!);
      else clusters.push(clusterOf(group, measureCount));
    }
  }
  const rows = rowEnds.map((ends, lane) => Math.max(1, ends.length) + (overflow[lane]?.length ? 1 : 0));
  return { items, clusters, rows };
}

const countText = (n: number) => `+${n}`;

/** Left-to-right runs of marks that overlap (counting the room a cluster needs for its count). */
function groupOverlapping(
  crowd: readonly PlacedEvent[],
  gap: number,
  measureCount: (text: string) => number,
): PlacedEvent[][] {
  const sorted = [...crowd].sort((a, b) => a.x0 - b.x0);
  const groups: PlacedEvent[][] = [];
  let right = -Infinity;
  for (const item of sorted) {
    const current = groups.at(-1);
    if (current && item.x0 < right + gap) {
      current.push(item);
      right = Math.max(right, item.x1, current[0]!.x0 + measureCount(countText(current.length)) + 8);
    } else {
      groups.push([item]);
      right = item.x1;
    }
  }
  return groups;
}

function clusterOf(group: readonly PlacedEvent[], measureCount: (text: string) => number): PlacedCluster {
  const x0 = group[0]!.x0;
  const x1 = Math.max(...group.map((item) => item.x1), x0 + measureCount(countText(group.length)) + 8);
  const events = group.map((item) => item.event);
  return {
    lane: group[0]!.lane,
    row: group[0]!.row,
    x0,
    x1,
    events,
    from: Math.min(...events.map((event) => event.from)),
    to: Math.max(...events.map((event) => event.to)),
  };
}

/** The longest prefix of `text` that, with "…", fits `room` pixels; empty when not even one letter does. */
function shorten(text: string, room: number, measure: (text: string) => number): [string, number] {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return ['', 0];
  const short = `${text.slice(0, lo).trimEnd()}…`;
  return [short, measure(short)];
}
