/**
 * A logarithmic "years ago" axis for data that spans many magnitudes (issue 17): a cosmology
 * dataset drawn linearly puts all of human history in its last pixel; on this axis every power of
 * ten of years before the present takes the same width.
 *
 * The map is a symmetric log of the years before a reference instant `ref` (the present, or the
 * data's end when that is later), with a floor of `floor` years (1 by default):
 * `u(t) = −sign(a) · log10(1 + |a| / floor)`, `a = (ref − t)` in years. Within a few `floor`s of
 * `ref` it is nearly linear, so the present and the last year are reachable; it is strictly
 * increasing over every coordinate (past and future of `ref`) and has an exact inverse.
 *
 * The rest of reeltime keeps its one time coordinate: a {@link TimeWarp} is used only where time
 * meets pixels (the scale, the ticks, and {@link WarpedSource}'s placement), never for dates,
 * labels or the visible range.
 *
 * @module
 */
import { MS_PER_DAY, type TimeCoord } from './model/calendar.js';
import { ENGLISH_DATE_WORDS, formatAgo } from './model/date.js';
import type { TimeWarp } from './scale.js';
import { axisTicks, type AxisTickOptions, type AxisTicks, type Tick } from './ticks.js';

const YEAR_MS = 365.2425 * MS_PER_DAY;
/**
 * Warped units per decade of years ago. Any constant would do for the maths; this one keeps the
 * warped axis in the magnitudes of milliseconds, so level-of-detail placement (levels of `2^ℓ`
 * units per pixel) works on it unchanged.
 */
const DECADE = 1e12;

/** The log "years ago" warp: {@link TimeWarp} plus what its ticks count from. */
export interface LogAgoWarp extends TimeWarp {
  /** The instant years are counted back from. */
  readonly ref: TimeCoord;
  /** Years within which the axis is nearly linear (the log's floor). */
  readonly floor: number;
}

/** The log "years ago" warp counting back from `ref`, nearly linear within `floor` years of it. */
export function logAgoWarp(ref: TimeCoord, floor = 1): LogAgoWarp {
  const unit = floor * YEAR_MS;
  return {
    ref,
    floor,
    // log1p/expm1, not log10(1 + x): exact near `ref`, where |a| is small.
    forward: (t) => {
      const a = (ref - t) / unit;
      return (-Math.sign(a) * Math.log1p(Math.abs(a)) * DECADE) / Math.LN10;
    },
    inverse: (u) => {
      const v = (-u / DECADE) * Math.LN10;
      return ref - Math.sign(v) * Math.expm1(Math.abs(v)) * unit;
    },
  };
}

/**
 * The domain to show for a data extent on a warped axis: padded by a share of its warped width
 * (of the drawing, not of the years) on each side. The older side gets less (2%) than the newer
 * (4%): on a log axis a pad is a ratio of ages, and 4% of 13.8 billion years' log width would
 * start the view at 33 billion years ago.
 */
export function warpedDomain(
  warp: TimeWarp,
  extent: readonly [TimeCoord, TimeCoord],
  before = 0.02,
  after = 0.04,
): [TimeCoord, TimeCoord] | undefined {
  const u0 = warp.forward(extent[0]);
  const u1 = warp.forward(extent[1]);
  if (!(u1 > u0)) return undefined;
  return [warp.inverse(u0 - (u1 - u0) * before), warp.inverse(u1 + (u1 - u0) * after)];
}

/**
 * The largest zoom factor on a warped axis: the one that shows `minSpan` across the width at `at`
 * (by default `ref`, where the axis is most stretched; the newest event, so that the data's finest
 * precision is reached there, and older times stop at a view as many times wider as they are
 * less stretched).
 */
export function warpedMaxZoom(
  warp: LogAgoWarp,
  domain: readonly [TimeCoord, TimeCoord],
  minSpan: number,
  at: TimeCoord = warp.ref,
): number {
  const whole = warp.forward(domain[1]) - warp.forward(domain[0]);
  const narrowest = warp.forward(at + minSpan / 2) - warp.forward(at - minSpan / 2);
  return Math.max(1, whole / narrowest);
}

/** Mantissas of "years ago" ticks, finest first: every digit, then 1-2-5, then powers of ten. */
const MANTISSAS: readonly (readonly number[])[] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1]];
/** Every `stride`-th power of ten, when even single powers are too close. */
const STRIDES: readonly number[] = [1, 2, 3, 5, 10];
/** Below this ratio of pixel densities across the view, it is nearly linear: calendar ticks. */
const NEARLY_LINEAR = 2;

/**
 * Ticks for a view of a log "years ago" axis `width` pixels wide. Where the view is far from linear
 * (its ends differ more than twice in years per pixel), whole numbers of years before `warp.ref`:
 * powers of ten ("10 billion years ago", "1 million years ago", "100 years ago"), with 2 and 5 or
 * every digit between them when there is room, every second or third power when there is not.
 * Labels through `Intl`: compact notation from a million years, as every "years ago" in reeltime
 * ("10 billion years ago"), a relative time below ("1,000 years ago", "1 year ago": its plurals). Closer in, where the view is nearly linear, the
 * calendar ticks of {@link axisTicks} (measured at the view's least stretched end). Ticks are unique
 * and increasing in time; each label fits before the next tick, the last before the view's end.
 */
export function logAgoTicks(
  domain: readonly [TimeCoord, TimeCoord],
  width: number,
  warp: LogAgoWarp,
  options: AxisTickOptions = {},
): AxisTicks {
  const [from, to] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  const none: AxisTicks = { unit: 'year', step: 0, minor: [], major: [] };
  if (!(width > 0) || !(to > from) || !Number.isFinite(to - from)) return none;
  const { floor, ref } = warp;
  const oldest = (ref - from) / YEAR_MS;
  const newest = (ref - to) / YEAR_MS;
  const near = newest < 0 && oldest > 0 ? 0 : Math.min(Math.abs(oldest), Math.abs(newest));
  const ratio = (floor + Math.max(Math.abs(oldest), Math.abs(newest))) / (floor + near);
  if (ratio < NEARLY_LINEAR) return axisTicks([from, to], width / ratio, options);
  const u0 = warp.forward(from);
  const k = width / (warp.forward(to) - u0);
  const x = (t: TimeCoord) => (warp.forward(t) - u0) * k;
  const measure = options.measureYears ?? options.measure ?? ((label: string) => label.length * 7 + 14);
  const lo = Math.max(1, newest);
  const label = agoLabel(options.locale, options.words);
  let ticks: Tick[] = [];
  for (const mantissas of MANTISSAS) {
    for (const stride of mantissas.length > 1 ? [1] : STRIDES) {
      ticks = [];
      for (let p = Math.ceil(Math.log10(oldest) + 1e-9); p >= 0; p--) {
        if (p % stride !== 0) continue;
        for (let i = mantissas.length - 1; i >= 0; i--) {
          const years = mantissas[i]! * 10 ** p;
          if (years > oldest || years < lo) continue;
          ticks.push({ value: ref - years * YEAR_MS, label: label(years, 10 ** p) });
        }
      }
      // The last label runs to the end of the view ("1 year ago" cut at the edge reads as "1 ye").
      while (ticks.length && x(ticks.at(-1)!.value) + measure(ticks.at(-1)!.label) > width) ticks.pop();
      const fits = ticks.every((tick, i) => {
        const next = ticks[i + 1];
        return !next || x(next.value) - x(tick.value) >= measure(tick.label);
      });
      if (fits) return { unit: 'year', step: 0, minor: ticks, major: [] };
    }
  }
  return none;
}

/** "N years ago" in the reader's language. */
function agoLabel(locale: string | undefined, words = ENGLISH_DATE_WORDS): (years: number, step: number) => string {
  let relative: Intl.RelativeTimeFormat | undefined;
  return (years, step) => {
    if (years >= 1e6) return formatAgo(years, step, locale, words);
    // "1 year ago", "vor 1 Jahr", "1,000 years ago": Intl's plural rules, which a "{n} years ago"
    // template lacks, and whole numbers, not the compact "1 thousand".
    relative ??= new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
    return relative.format(-years, 'year');
  };
}
