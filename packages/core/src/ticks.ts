/**
 * Adaptive, locale-aware axis ticks: the finest unit (billions, millions and thousands of years ago
 * → millennia → centuries → decades → years → quarters → months → weeks → days → hours → minutes)
 * whose labels fit the pixels available, plus a coarser "major" row that
 * gives the minor labels their context ("Feb" under "2020"). Ticks are on the UTC calendar, the
 * same calendar date-only values live on, so an axis reads the same in every time zone.
 *
 * @module
 */
import {
  coordOf,
  DATE_COORD_LIMIT,
  fieldsOf,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  type TimeCoord,
} from './model/calendar.js';
import {
  ENGLISH_DATE_WORDS,
  fillTemplate,
  formatAgo,
  formatCoord,
  formatInteger,
  formatterFor,
  formatYear,
  type DateWords,
} from './model/date.js';
import { AGO_EPOCH_YEAR, DEEP_SPAN_YEARS } from './model/deep.js';

/** Tick units, finest first. */
export const TICK_UNITS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
/** A tick unit. */
export type TickUnit = (typeof TICK_UNITS)[number];

/** One tick: where it is and what it says. */
export interface Tick {
  readonly value: TimeCoord;
  readonly label: string;
}

/** The ticks for one view. */
export interface AxisTicks {
  /** The unit of the minor ticks. */
  readonly unit: TickUnit;
  /** How many units between minor ticks (3 months is a quarter, 10 years a decade). */
  readonly step: number;
  /** Fine ticks with short labels, inside the domain. */
  readonly minor: readonly Tick[];
  /**
   * Coarse ticks that give context; the first may lie before the domain's start so the context of
   * the left edge is always known (draw its label pinned to the edge).
   */
  readonly major: readonly Tick[];
}

/** Options for {@link axisTicks}. */
export interface AxisTickOptions {
  /** BCP 47 locale for labels. */
  locale?: string | undefined;
  /** Width in pixels a label needs; default estimates 7 px a character plus 14 px of space. */
  measure?: (label: string) => number;
  /**
   * Width of a year label, when years are drawn otherwise than finer units (the element draws them
   * in its major row, larger and bold, having no coarser row); `measure` by default.
   */
  measureYears?: ((label: string) => number) | undefined;
  /** Words for quarters ("Q3"), in the reader's language; English by default. */
  words?: DateWords | undefined;
  /**
   * The finest unit to tick (default `minute`): a dataset known to the day has no use for hour
   * ticks, so its axis never shows hours however far it is zoomed.
   */
  minUnit?: TickUnit | undefined;
}

/**
 * Calendar intervals on the coordinate itself rather than d3-time's, which work on `Date` and so
 * end at ±273,790 years: these hold for any year (and keep d3-time out of the bundle).
 */
interface Interval {
  /** The first boundary at or after `coord`. */
  ceil(coord: TimeCoord): TimeCoord;
  /** The last boundary at or before `coord`. */
  floor(coord: TimeCoord): TimeCoord;
  /** The boundary after `coord`, a boundary. */
  next(coord: TimeCoord): TimeCoord;
}

/** Fixed-length units (minutes, hours, days, Monday weeks) counted from `origin`. */
function fixed(ms: number, origin = 0): Interval {
  return {
    ceil: (c) => Math.ceil((c - origin) / ms) * ms + origin,
    floor: (c) => Math.floor((c - origin) / ms) * ms + origin,
    next: (c) => c + ms,
  };
}

/** Calendar months, `step` at a time from January (3 is quarters). */
function months(step: number): Interval {
  const floor = (c: TimeCoord): TimeCoord => {
    const { year, month } = fieldsOf(c);
    return coordOf(year, month - ((month - 1) % step));
  };
  const next = (c: TimeCoord): TimeCoord => {
    const { year, month } = fieldsOf(c);
    return coordOf(year, month + step);
  };
  return { floor, next, ceil: (c) => (floor(c) < c ? next(floor(c)) : c) };
}

/** Boundaries of `interval` from `from` to `to`, both included. */
function range(interval: Interval, from: TimeCoord, to: TimeCoord): TimeCoord[] {
  const out: TimeCoord[] = [];
  for (let c = interval.ceil(from); c <= to; c = interval.next(c)) out.push(c);
  return out;
}

interface Rung {
  unit: TickUnit;
  step: number;
  /** Rough length of one step, to rule rungs in or out before building ticks. */
  ms: number;
  interval: Interval;
}

const YEAR_MS = 365.2425 * MS_PER_DAY;
const MONTH_MS = YEAR_MS / 12;
/** 1970-01-01 was a Thursday: Mondays fall 4 days after. */
const MONDAY = 4 * MS_PER_DAY;

const LADDER: readonly Rung[] = [
  ...[1, 5, 15, 30].map((step): Rung => ({
    unit: 'minute',
    step,
    ms: step * MS_PER_MINUTE,
    interval: fixed(step * MS_PER_MINUTE),
  })),
  ...[1, 3, 6, 12].map((step): Rung => ({
    unit: 'hour',
    step,
    ms: step * MS_PER_HOUR,
    interval: fixed(step * MS_PER_HOUR),
  })),
  { unit: 'day', step: 1, ms: MS_PER_DAY, interval: fixed(MS_PER_DAY) },
  { unit: 'week', step: 1, ms: 7 * MS_PER_DAY, interval: fixed(7 * MS_PER_DAY, MONDAY) },
  ...[1, 3, 6].map((step): Rung => ({ unit: 'month', step, ms: step * MONTH_MS, interval: months(step) })),
];

/** Year steps: 1, 2, 5, 10, 20, 50… up to 5e15 years. */
const YEAR_STEPS: readonly number[] = Array.from({ length: 16 }, (_, p) => [1, 2, 5].map((m) => m * 10 ** p)).flat();

/** No ticks (an empty or degenerate domain). */
const NO_TICKS: AxisTicks = { unit: 'year', step: 1, minor: [], major: [] };

function defaultMeasure(label: string): number {
  return label.length * 7 + 14;
}

/**
 * A label with no year in it (a month, a day, a time), formatted through `Intl` on the same day of
 * 2000 (a leap year), so it reads the same in any year, 44 BC or 300,000.
 */
function yearless(coord: TimeCoord, locale: string | undefined, options: Intl.DateTimeFormatOptions): string {
  const f = fieldsOf(coord);
  const proxy = Date.UTC(2000, f.month - 1, f.day, f.hour, f.minute);
  return formatterFor(locale, { ...options, timeZone: 'UTC' }).format(proxy);
}

function minorLabel(
  unit: TickUnit,
  step: number,
  coord: TimeCoord,
  locale: string | undefined,
  words: DateWords,
): string {
  switch (unit) {
    case 'month':
      return step === 3
        ? fillTemplate(words.quarterShort, {
            q: formatInteger(Math.floor((fieldsOf(coord).month - 1) / 3) + 1, locale),
          })
        : yearless(coord, locale, { month: 'short' });
    case 'week':
    case 'day':
      return yearless(coord, locale, { day: 'numeric' });
    default:
      return yearless(coord, locale, { hour: 'numeric', minute: '2-digit' });
  }
}

function majorFor(unit: TickUnit): { interval: Interval; format: Intl.DateTimeFormatOptions } | undefined {
  switch (unit) {
    case 'month':
      return { interval: months(12), format: { year: 'numeric' } };
    case 'week':
    case 'day':
      return { interval: months(1), format: { month: 'long', year: 'numeric' } };
    case 'hour':
    case 'minute':
      return {
        interval: fixed(MS_PER_DAY),
        format: { day: 'numeric', month: 'short', year: 'numeric' },
      };
    default:
      return undefined;
  }
}

/**
 * Ticks for a domain drawn `width` pixels wide: the finest rung whose widest label fits between
 * neighbouring ticks. Deterministic for a given domain, width and locale.
 */
export function axisTicks(
  domain: readonly [TimeCoord, TimeCoord],
  width: number,
  options: AxisTickOptions = {},
): AxisTicks {
  const { locale, measure = defaultMeasure, words = ENGLISH_DATE_WORDS } = options;
  const finest = TICK_UNITS.indexOf(options.minUnit ?? 'minute');
  const [from, to] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  if (!(width > 0) || !(to > from) || !Number.isFinite(to - from)) return NO_TICKS;
  const pxPerMs = width / (to - from);
  // Months and finer where `Date` reaches: further out the coordinate's doubles lose the minutes.
  const calendar = Math.abs(from) <= DATE_COORD_LIMIT && Math.abs(to) <= DATE_COORD_LIMIT;
  for (const r of calendar ? LADDER : []) {
    if (r.ms * pxPerMs < 24 || TICK_UNITS.indexOf(r.unit) < finest) continue;
    const dates = range(r.interval, from, to);
    const labels = dates.map((d) => minorLabel(r.unit, r.step, d, locale, words));
    const widest = labels.reduce((max, label) => Math.max(max, measure(label)), 0);
    // Months and years vary in length: the tightest gap is what must hold the widest label.
    const shortest = r.unit === 'month' ? 28 / 30.436875 : r.unit === 'year' ? 365 / 365.2425 : 1;
    if (r.ms * pxPerMs * shortest < widest) continue;
    const minor = dates.map((value, i) => ({ value, label: labels[i]! }));
    return { unit: r.unit, step: r.step, minor, major: majorTicks(r.unit, from, to, locale) };
  }
  return yearTicks(from, to, pxPerMs, locale, words, options.measureYears ?? measure);
}

function majorTicks(unit: TickUnit, from: TimeCoord, to: TimeCoord, locale: string | undefined): Tick[] {
  const major = majorFor(unit);
  if (!major) return [];
  // Through formatCoord, not Intl directly: a year before 1 needs its era ("March 44 BC").
  return range(major.interval, major.interval.floor(from), to).map((value) => ({
    value,
    label: formatCoord(value, locale, major.format),
  }));
}

/**
 * Year ticks by plain arithmetic, for any span: the finest step of 1, 2 or 5 times a power of ten
 * whose labels fit. A view shorter than {@link DEEP_SPAN_YEARS} ticks historical years, counted in
 * their era (10 BC, AD 10: no year 0, so the step across the era boundary is one year shorter);
 * a longer one, years ago from 1950 ("66 million years ago"), as the header's range then reads.
 */
function yearTicks(
  from: TimeCoord,
  to: TimeCoord,
  pxPerMs: number,
  locale: string | undefined,
  words: DateWords,
  measure: (label: string) => number,
): AxisTicks {
  const deep = (to - from) / YEAR_MS >= DEEP_SPAN_YEARS;
  for (const step of YEAR_STEPS) {
    const gap = step * YEAR_MS * pxPerMs;
    if (gap < 24) continue;
    const minor = !deep ? eraTicks(from, to, step, locale) : agoTicks(from, to, step, locale, words);
    const widest = minor.reduce((max, tick) => Math.max(max, measure(tick.label)), 0);
    // The gap across the era boundary is a year short; plain years vary by a day.
    if (gap * (step === 1 ? 365 / 365.2425 : (step - 1) / step) < widest) continue;
    return { unit: 'year', step, minor, major: [] };
  }
  return NO_TICKS;
}

/** Years inside `[from, to]` that are multiples of `step` in their era (BC years counted back). */
function eraTicks(from: TimeCoord, to: TimeCoord, step: number, locale: string | undefined): Tick[] {
  const start = fieldsOf(from).year;
  const first = start + (coordOf(start) < from ? 1 : 0);
  const last = fieldsOf(to).year;
  const ticks: Tick[] = [];
  const push = (year: number) => ticks.push({ value: coordOf(year), label: formatYear(year, locale) });
  // BC years b = 1 - year, multiples of step, from the oldest.
  for (let bc = Math.floor((1 - first) / step) * step; bc >= step && 1 - bc <= last; bc -= step) push(1 - bc);
  for (let year = Math.max(step, Math.ceil(first / step) * step); year <= last; year += step) push(year);
  return ticks;
}

/** Multiples of `step` years before 1950 inside `[from, to]`, oldest first. */
function agoTicks(from: TimeCoord, to: TimeCoord, step: number, locale: string | undefined, words: DateWords): Tick[] {
  const epoch = coordOf(AGO_EPOCH_YEAR);
  const oldest = Math.floor((epoch - from) / YEAR_MS / step) * step;
  const ticks: Tick[] = [];
  for (let years = oldest; years > 0; years -= step) {
    const value = epoch - years * YEAR_MS;
    if (value > to) break;
    ticks.push({ value, label: formatAgo(years, step, locale, words) });
  }
  return ticks;
}
