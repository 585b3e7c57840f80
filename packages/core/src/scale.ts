/**
 * Time scales. The domain is on the {@link TimeCoord} axis (plain numbers, not `Date`s), so the
 * same scale serves a single afternoon and deep time, linear or on a log axis. Scales are
 * created, copied and rescaled, never mutated in place by reeltime.
 *
 * @module
 */
import { coordOf, fieldsOf, MS_PER_DAY, type TimeCoord } from './model/calendar.js';
import { DEEP_SPAN_YEARS } from './model/deep.js';

/**
 * A strictly increasing map of the time coordinate onto the axis as drawn, with its inverse: the
 * identity for a linear axis, a log of the years ago for the log axis (`logAgoWarp`).
 */
export interface TimeWarp {
  /** The position of `t` on the drawn axis. */
  readonly forward: (t: TimeCoord) => number;
  /** The time at position `u` of the drawn axis. */
  readonly inverse: (u: number) => TimeCoord;
}

const same = (t: number): number => t;
/** The identity warp: a linear axis. */
export const LINEAR: TimeWarp = { forward: same, inverse: same };

/**
 * A map from time coordinates to pixels, affine on the (warped) axis, with what d3-zoom's
 * `rescaleX` calls: `copy`, `domain`, `range` and `invert`.
 */
export interface TimeScale {
  (t: TimeCoord): number;
  /** The time at pixel `x`. */
  invert(x: number): TimeCoord;
  /** The `[from, to]` shown, on the time coordinate. */
  domain(): number[];
  domain(domain: Iterable<number>): this;
  range(): number[];
  range(range: Iterable<number>): this;
  /** A new scale with the same domain, range and warp. */
  copy(): TimeScale;
  /** How time meets the axis: {@link LINEAR}, or the log axis's. */
  readonly warp: TimeWarp;
}

/**
 * d3-scale's map of `[a0, a1]` onto `[b0, b1]` for two-point domains (its `bimap`, `normalize` and
 * `interpolateNumber`, to the same floating-point operations), so pixels are what they were when
 * the scale was d3's `scaleLinear`.
 */
function bimap(a0: number, a1: number, b0: number, b1: number): (x: number) => number {
  if (a1 < a0) [a0, a1, b0, b1] = [a1, a0, b1, b0];
  const span = a1 - a0;
  return span
    ? (x) => {
        const t = (x - a0) / span;
        return b0 * (1 - t) + b1 * t;
      }
    : () => (Number.isNaN(span) ? NaN : b0 * 0.5 + b1 * 0.5);
}

function scaleOf(u: number[], r: number[], warp: TimeWarp): TimeScale {
  let to = bimap(u[0]!, u[1]!, r[0]!, r[1]!);
  let from = bimap(r[0]!, r[1]!, u[0]!, u[1]!);
  const scale = ((t: TimeCoord) => to(warp.forward(t))) as TimeScale & { warp: TimeWarp };
  const set = (): TimeScale => {
    to = bimap(u[0]!, u[1]!, r[0]!, r[1]!);
    from = bimap(r[0]!, r[1]!, u[0]!, u[1]!);
    return scale;
  };
  scale.invert = (x) => warp.inverse(from(x));
  scale.domain = ((domain?: Iterable<number>) =>
    domain ? ((u = [...domain].map(warp.forward)), set()) : u.map(warp.inverse)) as TimeScale['domain'];
  scale.range = ((range?: Iterable<number>) => (range ? ((r = [...range]), set()) : [...r])) as TimeScale['range'];
  scale.copy = () => scaleOf(u, r, warp);
  scale.warp = warp;
  return scale;
}

/**
 * The one place where time meets pixels: a scale from a `[from, to]` domain to a pixel range,
 * affine on the axis `warp` draws ({@link LINEAR} by default; the log "years ago" axis's from
 * `logAgoWarp`). It is reeltime's own rather than d3-scale's `scaleLinear`: the same arithmetic,
 * plus the warp, in a fraction of the bytes (docs/decisions/log-time-axis.md).
 */
export function createTimeScale(
  domain: readonly [TimeCoord, TimeCoord],
  range: readonly [number, number],
  warp: TimeWarp = LINEAR,
): TimeScale {
  return scaleOf([warp.forward(domain[0]), warp.forward(domain[1])], [range[0], range[1]], warp);
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
