/**
 * Time scales. The domain is on the {@link TimeCoord} axis (plain numbers, not `Date`s), so the
 * same scale serves a single afternoon and, later, deep time. Scales are created, copied and
 * rescaled, never mutated in place by reeltime.
 *
 * @module
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { coordOf, fieldsOf, MS_PER_DAY, type TimeCoord } from './model/calendar.js';
import { DEEP_SPAN_YEARS } from './model/deep.js';

/** A linear map from time coordinates to pixels (a d3 linear scale, so d3-zoom can rescale it). */
export type TimeScale = ScaleLinear<number, number>;

/** Creates a time scale from a `[from, to]` domain to a pixel range. */
export function createTimeScale(domain: readonly [TimeCoord, TimeCoord], range: readonly [number, number]): TimeScale {
  return scaleLinear().domain([domain[0], domain[1]]).range([range[0], range[1]]);
}

/** Anything with a `[from, to)` span on the time axis. */
export interface Spanned {
  readonly from: TimeCoord;
  readonly to: TimeCoord;
}

/** The smallest `[from, to]` that covers every item, or `undefined` when there are none. */
export function extentOf(items: Iterable<Spanned>): [TimeCoord, TimeCoord] | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const item of items) {
    if (item.from < from) from = item.from;
    if (item.to > to) to = item.to;
  }
  return from <= to ? [from, to] : undefined;
}

/** Options for {@link viewDomain}. */
export interface ViewDomainOptions {
  /** Fraction of the span added on each side (default 0.04). */
  padding?: number;
  /** The smallest span shown, so one instant is not a zero-width domain (default one day). */
  minSpan?: number;
  /** What "now" is for an empty dataset (default the current time). */
  now?: TimeCoord;
}

/**
 * The domain to show for a data extent: padded, never empty, never zero-width. With no data it is
 * the current year, so an empty timeline still has a meaningful axis. A deep span (at least
 * {@link DEEP_SPAN_YEARS}) that ends in the past is padded on the right up to the present at most:
 * a twentyfifth of the Big Bang's age would otherwise run the axis 550 million years into the future.
 */
export function viewDomain(
  extent: readonly [TimeCoord, TimeCoord] | undefined,
  options: ViewDomainOptions = {},
): [TimeCoord, TimeCoord] {
  const { padding = 0.04, minSpan = MS_PER_DAY } = options;
  if (!extent) {
    const year = fieldsOf(options.now ?? Date.now()).year;
    return [coordOf(year), coordOf(year + 1)];
  }
  let [from, to] = extent;
  if (to - from < minSpan) {
    const mid = (from + to) / 2;
    from = mid - minSpan / 2;
    to = mid + minSpan / 2;
  }
  const pad = (to - from) * padding;
  const now = options.now ?? Date.now();
  const deep = (to - from) / (365.2425 * MS_PER_DAY) >= DEEP_SPAN_YEARS;
  return [from - pad, to + (deep && to < now ? Math.min(pad, now - to) : pad)];
}
