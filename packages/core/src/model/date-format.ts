/**
 * Dates as text: a {@link TimePoint} or a span written at its precision in the reader's locale and
 * time zone (through `Intl`), years before the present and eras, and the words dates use.
 *
 * @module
 */
import { coordOf, DATE_COORD_LIMIT, fieldsOf, MS_PER_DAY, type TimeCoord } from './calendar.js';
import type { DatePart, Season, TimePoint } from './date.js';
import { AGO_EPOCH_YEAR, DEEP_SPAN_YEARS, significantDigits } from './deep.js';

/** The mean Gregorian year in ms. */
export const YEAR_MS = 365.2425 * MS_PER_DAY;

/** Whether a coordinate can be turned into a JavaScript `Date` (and so formatted by `Intl`). */
export function isDateSafe(coord: TimeCoord): boolean {
  return Math.abs(coord) <= DATE_COORD_LIMIT;
}

/** Options for {@link formatDate} and {@link formatDateRange}. */
export interface DateFormatOptions {
  /** BCP 47 locale for `Intl`; defaults to the runtime's. */
  locale?: string | undefined;
  /** IANA zone for instants (date-only values are calendar days and never shift); default `UTC`. */
  timeZone?: string | undefined;
  /** The words around dates, in the reader's language; English by default. */
  words?: DateWords | undefined;
}

/**
 * The words that dates at coarse precision and uncertain dates are written with, as templates:
 * `{date}` is the formatted year or month, `{year}` the year, `{q}` the quarter number (in the
 * locale's digits). Word order is the template's, so "late 2020" can be "Ende 2020" or
 * "2020年後半".
 */
export interface DateWords {
  /** `early`/`mid`/`late` part of a year or month, e.g. `"late {date}"`. */
  readonly parts: Readonly<Record<DatePart, string>>;
  /** A season of a year, e.g. `"summer {year}"`. */
  readonly seasons: Readonly<Record<Season, string>>;
  /** A quarter of a year, e.g. `"Q{q} {year}"`. */
  readonly quarter: string;
  /** A quarter on the axis, under its year, e.g. `"Q{q}"`. */
  readonly quarterShort: string;
  /** An approximate date, e.g. `"c. {date}"`. */
  readonly approximate: string;
  /** An uncertain date, e.g. `"{date}?"`. */
  readonly uncertain: string;
  /**
   * A date counted back from the present, `{n}` being a compact number from `Intl`
   * ("13.8 billion"), e.g. `"{n} years ago"`.
   */
  readonly ago: string;
  /**
   * The same from a million years on, where some languages put a word between the number and
   * "years" ("il y a 13,8 milliards d’années", but "il y a 300 mille ans"); `ago` when absent.
   */
  readonly agoLarge?: string;
}

/** English. */
export const ENGLISH_DATE_WORDS: DateWords = {
  parts: { early: 'early {date}', mid: 'mid {date}', late: 'late {date}' },
  seasons: { spring: 'spring {year}', summer: 'summer {year}', autumn: 'autumn {year}', winter: 'winter {year}' },
  quarter: 'Q{q} {year}',
  quarterShort: 'Q{q}',
  approximate: 'c. {date}',
  uncertain: '{date}?',
  ago: '{n} years ago',
};

/** Fills `{name}` placeholders from `values` (unknown names are left as they are). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Formats a date at its precision: `"2019"`, `"Feb 2020"`, `"late 2020"`, `"Q3 2020"`,
 * `"Jul 12, 2023"` (in en-US), with `"c. "` for approximate and `"?"` for uncertain values.
 * Date-only values are formatted in UTC, so they read the same in every time zone.
 */
export function formatDate(value: TimePoint, options: DateFormatOptions = {}): string {
  const words = options.words ?? ENGLISH_DATE_WORDS;
  let text = formatCore(value, options, words);
  if (value.approximate) text = fillTemplate(words.approximate, { date: text });
  if (value.uncertain) text = fillTemplate(words.uncertain, { date: text });
  return text;
}

function formatCore(value: TimePoint, { locale, timeZone = 'UTC' }: DateFormatOptions, words: DateWords): string {
  if (value.ago !== undefined) return formatAgo(value.ago, value.agoStep ?? 1, locale, words);
  const year = formatYear(value.year, locale);
  switch (value.precision) {
    case 'year':
      return value.part ? fillTemplate(words.parts[value.part], { date: year }) : year;
    case 'season':
      return fillTemplate(words.seasons[value.season!], { year });
    case 'quarter':
      return fillTemplate(words.quarter, { q: formatInteger(value.quarter!, locale), year });
    case 'month': {
      const text = formatCoord(value.start, locale, { month: 'short', year: 'numeric' });
      return value.part ? fillTemplate(words.parts[value.part], { date: text }) : text;
    }
    case 'day':
      return formatCoord(value.start, locale, { day: 'numeric', month: 'short', year: 'numeric' });
    default:
      return (
        formatCoord(value.start, locale, {
          dateStyle: 'medium',
          timeStyle: value.precision === 'minute' ? 'short' : 'medium',
          timeZone,
        }) + (timeZone === 'UTC' ? ' UTC' : '')
      );
  }
}

/**
 * Formats a year number: years 1 and later through `Intl`, year 0 and earlier with the locale's
 * era ("44 BC", "44 v. Chr.", "紀元前44年", "٤٤ ق.م"; astronomical year 0 is 1 BC).
 */
export function formatYear(year: number, locale?: string): string {
  if (year >= 1) return formatInteger(year, locale);
  return beforeEra(year, locale, { year: 'numeric' });
}

/**
 * Formats years before the present (1950) in the locale's compact notation, shown down to `step`
 * years: "13.8 billion years ago", "13,8 Milliarden years ago" with German words, "138億年前".
 */
export function formatAgo(years: number, step: number, locale?: string, words: DateWords = ENGLISH_DATE_WORDS): string {
  const digits = significantDigits(years, step);
  const template = Number(years.toPrecision(digits)) >= 1e6 ? (words.agoLarge ?? words.ago) : words.ago;
  return fillTemplate(template, { n: formatCompactYears(years, digits, locale) });
}

/**
 * A date before year 1 through `Intl`, era included: formatted on a proxy in 1 BC (year 0, a leap
 * year like 2000, so 29 February exists) whose year number is replaced by the real one, so a year
 * beyond `Date`'s range reads like any other. The Gregorian calendar is asked for explicitly: the
 * year number is a proleptic Gregorian one whatever the locale's own calendar.
 */
function beforeEra(
  year: number,
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
  month = 1,
  day = 1,
): string {
  const bc = 1 - year;
  const number = numberFormat(locale, { useGrouping: bc >= 10000 }).format(bc);
  const proxy = new Date(Date.UTC(2000, month - 1, day));
  proxy.setUTCFullYear(0);
  return formatterFor(locale, { ...options, era: 'short', calendar: 'gregory', timeZone: 'UTC' })
    .formatToParts(proxy)
    .map((part) => (part.type === 'year' ? number : part.value))
    .join('');
}

/** An integer without grouping, in the locale's digits ("2020", "٢٠٢٠" in ar-EG). */
export function formatInteger(value: number, locale?: string): string {
  return numberFormat(locale, { useGrouping: false }).format(value);
}

/** Cached `Intl.NumberFormat`s, beside the date formats. */
function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `#${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/**
 * A number of years in the locale's compact long notation at exactly `digits` significant digits:
 * "13.8 billion", "13,8 Milliarden", "138億".
 */
export function formatCompactYears(years: number, digits: number, locale?: string): string {
  return numberFormat(locale, {
    notation: 'compact',
    compactDisplay: 'long',
    maximumSignificantDigits: digits,
    minimumSignificantDigits: digits,
  }).format(years);
}

/**
 * Formats a coordinate through `Intl`, for any year, in UTC unless `options` name a zone: the
 * month and day are formatted on a proxy date in 2000 (a leap year, so 29 February exists) and
 * the year part is replaced by {@link formatYear}, so 44 BC and years beyond `Date` read like any
 * other; a `Date` is made of the coordinate itself only for years 1–9999.
 */
export function formatCoord(coord: TimeCoord, locale: string | undefined, zoned: Intl.DateTimeFormatOptions): string {
  const options = { timeZone: 'UTC', ...zoned };
  const { year, month, day, hour, minute, second } = fieldsOf(coord);
  if (year >= 1 && year <= 9999) return formatterFor(locale, options).format(new Date(coord));
  // `era` cannot be combined with `dateStyle`; instants that far back take the proxy below.
  if (year < 1 && !options.dateStyle) return beforeEra(year, locale, options, month, day);
  const proxy = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  return formatterFor(locale, options)
    .formatToParts(proxy)
    .map((part) => (part.type === 'year' ? formatYear(year, locale) : part.value))
    .join('');
}

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
/** Cached `Intl.DateTimeFormat`s: constructing one costs far more than formatting with it. */
export function formatterFor(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formats.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter;
}

/** Formats an event's dates: one date, or `start – end` when there is an end. */
export function formatDateRange(start: TimePoint, end: TimePoint | undefined, options: DateFormatOptions = {}): string {
  const from = formatDate(start, options);
  if (!end) return from;
  const to = formatDate(end, options);
  // A range within one day, month or year at its precision reads as that one date.
  return to === from ? from : `${from} – ${to}`;
}

/**
 * Formats a span of the time axis (a visible range, a dense region) at a precision its length
 * supports: years for spans of years ("1990 – 1999"), months for months, days otherwise, and
 * one date when both ends read the same. A span of at least {@link DEEP_SPAN_YEARS} is written in
 * years ago, as its ticks are, to about a hundredth of the span ("13.8 billion years ago – 2023"):
 * an end less than that hundredth before 1950 reads as its year.
 */
export function formatSpan(from: TimeCoord, to: TimeCoord, options: DateFormatOptions = {}): string {
  const { locale } = options;
  const span = to - from;
  const years = span / YEAR_MS;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(years / 100)));
  const end = (coord: TimeCoord): string => {
    const ago = (coordOf(AGO_EPOCH_YEAR) - coord) / YEAR_MS;
    if (years >= DEEP_SPAN_YEARS && ago >= step) {
      return formatAgo(Math.round(ago / step) * step, step, locale, options.words);
    }
    if (span > 3 * 365 * MS_PER_DAY) return formatYear(fieldsOf(coord).year, locale);
    const day = span > 90 * MS_PER_DAY ? undefined : 'numeric';
    return formatCoord(coord, locale, { day, month: 'short', year: 'numeric' });
  };
  // The end is exclusive: a span up to midnight ends on the day before.
  const a = end(from);
  const b = end(Math.max(from, to - 1));
  return a === b ? a : `${a} – ${b}`;
}
