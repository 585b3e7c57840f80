/**
 * Geometry of what placement decided: where a placed event is drawn at a scale (arithmetic only),
 * how many events of a lane overlap at one instant, and a label shortened to fit its room.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';
import type { TimelineEvent } from '../model/types.js';
import { bisect } from './interval-index.js';
import type { LabelWords, LayoutSpec } from './levels.js';

/** What {@link itemGeometry} needs of a placed event. */
export interface PlacedMark {
  readonly event: Pick<TimelineEvent, 'from' | 'to'>;
  readonly bar: boolean;
  readonly labelInside: boolean;
  readonly labelBefore: boolean;
  readonly labelWidth: number;
}

/** Where a placed event is drawn at a scale, in pixels. */
export interface MarkGeometry {
  /** Left and right edge of the mark (a point mark is `pointSize` wide); `x0 <= x1` in either direction. */
  readonly x0: number;
  readonly x1: number;
  /** Left edge of the label. */
  readonly labelX: number;
  /**
   * Whether a label outside its mark sits left of it: a label before its mark in time sits left
   * when time flows left to right, right when it flows right to left.
   */
  readonly labelLeft: boolean;
}

/**
 * Positions a placed event at the current scale: arithmetic only, the decisions were made at its
 * level. A label inside a bar that starts before the view is pinned to the view's start edge
 * (`viewStart`: the left edge, or the right one when `reversed`) while the bar still holds it, so a
 * long bar stays named. `reversed`: time flows right to left (the scale's range is reversed, as
 * in a right-to-left page); the picture is the mirror image of the left-to-right one.
 */
export function itemGeometry(
  item: PlacedMark,
  scale: (t: TimeCoord) => number,
  spec: LayoutSpec,
  viewStart?: number,
  reversed = false,
): MarkGeometry {
  const pointSize = spec.pointSize ?? 12;
  const pad = spec.labelPad ?? 4;
  const a = scale(item.event.from);
  const b = scale(item.event.to);
  const x0 = item.bar ? Math.min(a, b) : (a + b) / 2 - pointSize / 2;
  const x1 = item.bar ? Math.max(a, b) : x0 + pointSize;
  const labelLeft = item.labelBefore !== reversed;
  let labelX: number;
  if (item.labelInside) {
    labelX = reversed
      ? Math.max(Math.min(x1, viewStart ?? Infinity) - pad - item.labelWidth, x0 + pad)
      : Math.min(Math.max(x0, viewStart ?? -Infinity) + pad, x1 - pad - item.labelWidth);
  } else if (labelLeft) labelX = x0 - pad - item.labelWidth;
  else labelX = x1 + pad;
  return { x0, x1, labelX, labelLeft };
}

/**
 * The most events of each lane that overlap at one instant: for events in display order (sorted by
 * start), at each start, the events started so far minus those already ended. O(n log n) for the
 * sorting of ends; the sweep itself is linear while starts ascend, as they do in display order.
 */
export function overlapDepth(
  froms: ArrayLike<number>,
  tos: ArrayLike<number>,
  lanes: ArrayLike<number>,
  laneCount: number,
): Uint32Array {
  // Each lane's spans packed together (lane by lane, display order within), in typed arrays.
  const offsets = new Uint32Array(laneCount + 1);
  for (let i = 0; i < froms.length; i++) if (lanes[i]! < laneCount) offsets[lanes[i]! + 1]!++;
  for (let lane = 0; lane < laneCount; lane++) offsets[lane + 1]! += offsets[lane]!;
  const fill = offsets.slice(0, laneCount);
  const starts = new Float64Array(offsets[laneCount]!);
  const ends = new Float64Array(offsets[laneCount]!);
  for (let i = 0; i < froms.length; i++) {
    const lane = lanes[i]!;
    if (lane >= laneCount) continue;
    const j = fill[lane]!++;
    starts[j] = froms[i]!;
    ends[j] = tos[i]!;
  }
  const depths = new Uint32Array(laneCount);
  for (let lane = 0; lane < laneCount; lane++) {
    const first = offsets[lane]!;
    const laneStarts = starts.subarray(first, offsets[lane + 1]!);
    const laneEnds = ends.subarray(first, offsets[lane + 1]!).sort();
    let depth = 0;
    // Ends at or before the current start; only moves forward while starts ascend.
    let ended = 0;
    for (let started = 0; started < laneStarts.length; started++) {
      const start = laneStarts[started]!;
      if (started > 0 && start < laneStarts[started - 1]!) ended = bisect(laneEnds, start, true);
      else while (ended < laneEnds.length && laneEnds[ended]! <= start) ended++;
      depth = Math.max(depth, started + 1 - ended);
    }
    depths[lane] = depth;
  }
  return depths;
}

/** The longest prefix of `text` (at least `min` characters) that fits `room` with `suffix`, or ''. */
function longestHead(text: string, min: number, suffix: string, room: number, measure: (t: string) => number): string {
  let lo = min - 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}${suffix}`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo < min ? '' : `${text.slice(0, lo).trimEnd()}${suffix}`;
}

/**
 * `title` shortened to fit `room` pixels, keeping the words that tell it apart from its
 * neighbours: titles in one lane often share their opening ("Filming in Rome", "Filming in
 * Venice"), so the middle goes first, whole words at a time ("Filming… Venice"), then part of the
 * first word ("Film… Venice"), while the last word stays whole; otherwise the longest prefix with
 * "…", or '' when not even one letter fits. Words `around` the title (a status word) are kept
 * whole, outside what is shortened.
 */
export function shortenLabel(
  title: string,
  room: number,
  measure: (text: string) => number,
  around?: LabelWords,
): string {
  if (around) {
    // The words around the title stay whole: only the title is shortened between them.
    const [before, after] = around;
    const within = (text: string) => measure(`${before}${text}${after}`);
    const short = shortenLabel(title, room, within);
    return short ? `${before}${short}${after}` : '';
  }
  if (measure(title) <= room) return title;
  const words = title.trim().split(/\s+/);
  if (words.length >= 3) {
    const tail = `… ${words.at(-1)!}`;
    // Whole words first ("Filming… Malta"), then a cut first word ("Film… Malta"). The most
    // words that fit, found by halving (more words are never narrower): a title of a hundred
    // thousand words costs a few measurements, not one per word.
    const label = (k: number) => `${words.slice(0, k).join(' ')}${tail}`;
    let lo = 0;
    let hi = words.length - 2;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (measure(label(mid)) <= room) lo = mid;
      else hi = mid - 1;
    }
    if (lo >= 1) return label(lo);
    const middle = longestHead(words[0]!, 3, tail, room, measure);
    if (middle) return middle;
  }
  return longestHead(title, 1, '…', room, measure);
}
