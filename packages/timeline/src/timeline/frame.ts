/**
 * One frame of the view: the scale, the ticks, the source's answer for the visible range and the
 * lanes in view, and where each drawn item is. Pure arithmetic over what the source placed: a
 * frame never places rows or measures labels. The host computes a frame only when the range,
 * the size, the data or the part of the plot in view changed (not on hover, focus or selection).
 *
 * @module
 */
import {
  axisTicks,
  itemGeometry,
  type AxisTicks,
  type DateWords,
  type DenseRegion,
  type Lane,
  type LayoutSpec,
  type TickUnit,
  type TimelineSource,
  type TimeScale,
  type ViewAnswer,
  type ViewItem,
} from '@reeltime/core';
import { laneBoxes, ROW_HEIGHT, type LaneBox } from './geometry.js';

/** A drawn item with its position in the plot body. */
export interface PositionedItem extends ViewItem {
  readonly x0: number;
  readonly x1: number;
  /** Left edge of the label. */
  readonly labelX: number;
  /** Whether a label outside the mark sits left of it (after it in time when right to left). */
  readonly labelLeft: boolean;
  /** Top of its row. */
  readonly y: number;
}

/** A dense region with its box in the plot body. */
export interface PositionedRegion extends DenseRegion {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** Everything a render needs about the view. */
export interface Frame {
  readonly width: number;
  /** Time flows right to left: the scale's range is reversed and labels start at their right edge. */
  readonly rtl: boolean;
  readonly scale: TimeScale;
  readonly ticks: AxisTicks;
  readonly answer: ViewAnswer;
  readonly lanes: readonly LaneBox[];
  /** Height of the plot body (lanes and the era strip). */
  readonly height: number;
  /** The part of the body that is drawn: `[top, bottom)` in body pixels. */
  readonly band: readonly [number, number];
  readonly items: readonly PositionedItem[];
  readonly regions: readonly PositionedRegion[];
}

/** Inputs of {@link computeFrame}. */
export interface FrameInput {
  readonly source: TimelineSource;
  readonly lanes: readonly Lane[];
  readonly scale: TimeScale;
  readonly width: number;
  /** The part of the body in the viewport (plus a margin); `undefined` draws everything. */
  readonly band: readonly [number, number] | undefined;
  readonly layout: LayoutSpec;
  readonly tickMeasure: (label: string) => number;
  /** Year labels, drawn in the major row (see renderAxis). */
  readonly yearMeasure?: ((label: string) => number) | undefined;
  readonly locale: string | undefined;
  /** Words for axis labels (quarters). */
  readonly words?: DateWords | undefined;
  /** Space above the lanes (the era names' rows), in pixels. */
  readonly top?: number | undefined;
  /** The finest axis unit (the data's finest precision); default minutes. */
  readonly minTickUnit?: TickUnit | undefined;
  /** Events drawn even outside the band (the focused and the selected one), by id. */
  readonly pinned: readonly string[];
  /** The axis's ticks when it is not linear (the log axis's); `axisTicks` by default. */
  readonly ticks?: typeof axisTicks | undefined;
  /** The previous frame's answer: its lane heights decide which lanes are asked for. */
  readonly last: ViewAnswer | undefined;
}

/** Computes a frame from synchronous answers (`answerFor` asks the source about some lanes). */
export function computeFrame(input: FrameInput, answerFor: (lanes: readonly number[]) => ViewAnswer): Frame {
  const { source, lanes, scale, width, layout } = input;
  const [from, to] = scale.domain() as [number, number];
  const ticks = (input.ticks ?? axisTicks)([from, to], width, {
    locale: input.locale,
    measure: input.tickMeasure,
    measureYears: input.yearMeasure,
    words: input.words,
    minUnit: input.minTickUnit,
  });
  const inBand = (boxes: readonly LaneBox[], band: readonly [number, number]) =>
    boxes.filter((box) => box.top < band[1] && box.top + box.height > band[0]).map((box) => box.index);
  // Lane heights come from the source's rows, which can grow when a new level is placed: ask for
  // the lanes in view by the last known heights, and once more if the heights moved them.
  let wanted = input.band
    ? inBand(laneBoxes(lanes, input.last?.rows ?? [], input.last?.dense ?? [], input.top).boxes, input.band)
    : lanes.map((lane) => lane.index);
  let answer = answerFor(wanted);
  let laid = laneBoxes(lanes, answer.rows, answer.dense, input.top);
  for (let attempt = 1; attempt < 3 && input.band; attempt++) {
    const again = inBand(laid.boxes, clampBand(input.band, laid.height));
    if (again.length === wanted.length && again.every((lane, i) => lane === wanted[i])) break;
    wanted = again;
    answer = answerFor(wanted);
    laid = laneBoxes(lanes, answer.rows, answer.dense, input.top);
  }
  const { boxes, height } = laid;
  const band = input.band ? clampBand(input.band, height) : ([0, height] as const);
  const byIndex = new Map(boxes.map((box) => [box.index, box]));
  const pinned = new Set(input.pinned);
  const [start, end] = scale.range() as [number, number];
  const rtl = end < start;
  const position = (item: ViewItem, box: LaneBox): PositionedItem => ({
    ...item,
    ...itemGeometry(item, scale, layout, start, rtl),
    y: box.rowsTop + item.row * ROW_HEIGHT,
  });
  const items: PositionedItem[] = [];
  for (const item of answer.items) {
    const box = byIndex.get(item.lane);
    if (!box) continue;
    const y = box.rowsTop + item.row * ROW_HEIGHT;
    const keep = pinned.has(item.event.id);
    if ((y + ROW_HEIGHT <= band[0] || y >= band[1]) && !keep) continue;
    const positioned = position(item, box);
    // The source answers a margin beyond each edge (labels reach in from there); what has neither
    // mark nor label on screen is not drawn.
    if (!keep && !onScreen(positioned, width)) continue;
    items.push(positioned);
  }
  // Pinned events in lanes out of view: ask for their lane alone.
  for (const id of pinned) {
    if (items.some((item) => item.event.id === id)) continue;
    const event = source.get(id);
    const lane = lanes.find((l) => l.id === event?.lane) ?? lanes[0];
    if (!event || !lane || wanted.includes(lane.index)) continue;
    const item = answerFor([lane.index]).items.find((candidate) => candidate.event.id === id);
    const box = byIndex.get(lane.index);
    if (item && box) items.push(position(item, box));
  }
  const regions: PositionedRegion[] = [];
  const bucketX = bucketPosition(answer, scale);
  for (const region of answer.regions) {
    const box = byIndex.get(region.lane);
    if (box?.densityTop === undefined) continue;
    const a = bucketX(region.first);
    const b = bucketX(region.last + 1);
    regions.push({ ...region, x0: Math.min(a, b), x1: Math.max(a, b), y: box.densityTop });
  }
  return { width, rtl, scale, ticks, answer, lanes: boxes, height, band, items, regions };
}

/** Whether any of an item's mark or label is within `[0, width]`. */
function onScreen(item: PositionedItem, width: number): boolean {
  const outside = item.label && !item.labelInside;
  const left = outside && item.labelLeft ? item.labelX : item.x0;
  const right = outside && !item.labelLeft ? item.labelX + item.labelWidth : item.x1;
  return right >= 0 && left <= width;
}

/**
 * Where bucket `b`'s left edge is drawn: buckets divide the answer's own range, which differs from
 * the scale's while a newer answer is on its way. They are equal in pixels, as the source counted
 * them (on a log axis, equal on the warped axis, not in time).
 */
export function bucketPosition(answer: ViewAnswer, scale: TimeScale): (bucket: number) => number {
  const buckets = Math.max(1, answer.density[0]?.counts.length ?? 1);
  const x0 = scale(answer.from);
  const step = (scale(answer.to) - x0) / buckets;
  return (bucket) => x0 + bucket * step;
}

function clampBand(band: readonly [number, number], height: number): readonly [number, number] {
  const top = Math.max(0, Math.min(band[0], height));
  return [top, Math.max(top, Math.min(band[1], height))];
}
