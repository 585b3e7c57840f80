/**
 * Adaptive, locale-aware axis ticks: the finest unit (decades → years → quarters → months → weeks
 * → days → hours → minutes) whose labels fit the pixels available, plus a coarser "major" row that
 * gives the minor labels their context ("Feb" under "2020"). Ticks are on the UTC calendar, the
 * same calendar date-only values live on, so an axis reads the same in every time zone.
 *
 * @module
 */
import { ticks as numberTicks } from 'd3-array';
import { utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { coordOf, DATE_COORD_LIMIT, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, type TimeCoord } from './model/calendar.js';
import {
  ENGLISH_DATE_WORDS,
  fillTemplate,
  formatInteger,
  formatterFor,
  formatYear,
  type DateWords,
} from './model/date.js';

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
  /** Words for quarters ("Q3"), in the reader's language; English by default. */
  words?: DateWords | undefined;
  /**
   * The finest unit to tick (default `minute`): a dataset known to the day has no use for hour
   * ticks, so its axis never shows hours however far it is zoomed.
   */
  minUnit?: TickUnit | undefined;
}

interface Rung {
  unit: TickUnit;
  step: number;
  /** Rough length of one step, to rule rungs in or out before building ticks. */
  ms: number;
  interval: TimeInterval;
}

const YEAR_MS = 365.2425 * MS_PER_DAY;
const MONTH_MS = YEAR_MS / 12;

function rung(unit: TickUnit, step: number, ms: number, base: TimeInterval, field: (d: Date) => number): Rung {
  const interval = step === 1 ? base : base.filter((d) => field(d) % step === 0);
  return { unit, step, ms: ms * step, interval };
}

const LADDER: readonly Rung[] = [
  ...[1, 5, 15, 30].map((s) => rung('minute', s, MS_PER_MINUTE, utcMinute, (d) => d.getUTCMinutes())),
  ...[1, 3, 6, 12].map((s) => rung('hour', s, MS_PER_HOUR, utcHour, (d) => d.getUTCHours())),
  rung('day', 1, MS_PER_DAY, utcDay, (d) => d.getUTCDate()),
  rung('week', 1, 7 * MS_PER_DAY, utcMonday, () => 0),
  ...[1, 3, 6].map((s) => rung('month', s, MONTH_MS, utcMonth, (d) => d.getUTCMonth())),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((s) =>
    rung('year', s, YEAR_MS, utcYear, (d) => d.getUTCFullYear()),
  ),
];

function defaultMeasure(label: string): number {
  return label.length * 7 + 14;
}

function minorLabel(unit: TickUnit, step: number, date: Date, locale: string | undefined, words: DateWords): string {
  switch (unit) {
    case 'year':
      return formatYear(date.getUTCFullYear(), locale);
    case 'month':
      return step === 3
        ? fillTemplate(words.quarterShort, { q: formatInteger(Math.floor(date.getUTCMonth() / 3) + 1, locale) })
        : formatterFor(locale, { month: 'short', timeZone: 'UTC' }).format(date);
    case 'week':
    case 'day':
      return formatterFor(locale, { day: 'numeric', timeZone: 'UTC' }).format(date);
    default:
      return formatterFor(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(date);
  }
}

function majorFor(unit: TickUnit): { interval: TimeInterval; format: Intl.DateTimeFormatOptions } | undefined {
  switch (unit) {
    case 'month':
      return { interval: utcYear, format: { year: 'numeric', timeZone: 'UTC' } };
    case 'week':
    case 'day':
      return { interval: utcMonth, format: { month: 'long', year: 'numeric', timeZone: 'UTC' } };
    case 'hour':
    case 'minute':
      return { interval: utcDay, format: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } };
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
  if (!(width > 0) || !(to > from)) return { unit: 'year', step: 1, minor: [], major: [] };
  if (Math.abs(from) > DATE_COORD_LIMIT || Math.abs(to) > DATE_COORD_LIMIT)
    return deepTimeTicks(from, to, width, locale);
  const pxPerMs = width / (to - from);
  for (const r of LADDER) {
    if (r.ms * pxPerMs < 24 || TICK_UNITS.indexOf(r.unit) < finest) continue;
    const dates = r.interval.range(new Date(from), new Date(to + 1));
    const labels = dates.map((d) => minorLabel(r.unit, r.step, d, locale, words));
    const widest = labels.reduce((max, label) => Math.max(max, measure(label)), 0);
    // Months and years vary in length: the tightest gap is what must hold the widest label.
    const shortest = r.unit === 'month' ? 28 / 30.436875 : r.unit === 'year' ? 365 / 365.2425 : 1;
    if (r.ms * pxPerMs * shortest < widest) continue;
    const minor = dates.map((d, i) => ({ value: d.getTime(), label: labels[i]! }));
    return { unit: r.unit, step: r.step, minor, major: majorTicks(r.unit, from, to, locale) };
  }
  return deepTimeTicks(from, to, width, locale);
}

function majorTicks(unit: TickUnit, from: TimeCoord, to: TimeCoord, locale: string | undefined): Tick[] {
  const major = majorFor(unit);
  if (!major) return [];
  const formatter = formatterFor(locale, major.format);
  return major.interval
    .range(major.interval.floor(new Date(from)), new Date(to + 1))
    .map((d) => ({ value: d.getTime(), label: formatter.format(d) }));
}

/** Year ticks by plain arithmetic, for spans too long for `Date` or for the ladder. */
function deepTimeTicks(from: TimeCoord, to: TimeCoord, width: number, locale: string | undefined): AxisTicks {
  const y0 = 1970 + from / YEAR_MS;
  const y1 = 1970 + to / YEAR_MS;
  const years = numberTicks(y0, y1, Math.max(2, Math.floor(width / 90))).filter((y) => Number.isInteger(y));
  const step = years.length > 1 ? years[1]! - years[0]! : 1;
  return {
    unit: 'year',
    step,
    minor: years.map((y) => ({ value: coordOf(y), label: formatYear(y, locale) })),
    major: [],
  };
}
