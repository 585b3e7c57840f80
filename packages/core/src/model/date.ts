/**
 * Precision-aware dates.
 *
 * A date in reeltime is what the source says and no more: `"2019"` is the whole of 2019, `"2020-02"`
 * the whole of February 2020, `"2023-07-12"` one calendar day (the same day in every time zone),
 * `"2020-09-01T10:00Z"` an instant. Fuzzy forms (`"late 2020"`, `"2020-Q3"`, `"summer 2020"`) and
 * qualifiers (`"c. 2019"`, `"2020-03?"`) are spans with flags. Every parsed value keeps the text it
 * came from, its precision and the span `[start, end)` it denotes on the {@link TimeCoord} axis.
 *
 * @module
 */
import { coordOf, daysFromCivil, daysInMonth, MS_PER_DAY, MS_PER_MINUTE, type TimeCoord } from './calendar.js';
import {
  AGO_EPOCH_YEAR,
  agoPrecision,
  MAX_YEAR_MAGNITUDE,
  parseAgoObject,
  parseAgoText,
  parseEraYear,
  type AgoValue,
} from './deep.js';
import { YEAR_MS } from './date-format.js';

/**
 * How finely a date is known, coarsest first. The first three are "years ago" dates known to the
 * nearest billion, million or thousand years (see {@link TimePoint.ago}).
 */
export const DATE_PRECISIONS = [
  'billion-years',
  'million-years',
  'thousand-years',
  'year',
  'season',
  'quarter',
  'month',
  'day',
  'minute',
  'second',
  'millisecond',
] as const;
/** How finely a date is known. */
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Part of a year or month named by `early`, `mid` or `late`. */
export const DATE_PARTS = ['early', 'mid', 'late'] as const;
/** Part of a year or month named by `early`, `mid` or `late`. */
export type DatePart = (typeof DATE_PARTS)[number];

/**
 * Seasons, northern-hemisphere meteorological: spring is March–May, summer June–August, autumn
 * September–November and winter December of the named year to February of the next.
 */
export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
/** A meteorological season. */
export type Season = (typeof SEASONS)[number];

/** A parsed, precision-aware date. Immutable; crosses package boundaries as plain data. */
export interface TimePoint {
  /** The text it was parsed from, trimmed. */
  readonly input: string;
  /** How finely the date is known. */
  readonly precision: DatePrecision;
  /** Astronomical year: 0 is 1 BC, -43 is 44 BC (for a "years ago" date, the year of its middle). */
  readonly year: number;
  /**
   * For dates written as "years ago": years before 1950 as written, and `agoStep`, the unit of the
   * last written digit (13.8 billion: 1e8). The span is `agoStep` years wide around the value.
   */
  readonly ago?: number;
  /** The unit of the last written digit of {@link TimePoint.ago}, in years. */
  readonly agoStep?: number;
  /** Month 1–12, when the precision is month or finer. */
  readonly month?: number;
  /** Day of the month, when the precision is day or finer. */
  readonly day?: number;
  /** Quarter 1–4, for quarter precision. */
  readonly quarter?: number;
  /** Season, for season precision. */
  readonly season?: Season;
  /** `early`/`mid`/`late` narrowing of a year or month. */
  readonly part?: DatePart;
  /** Marked approximate (`c.`, `circa`, `~`). */
  readonly approximate: boolean;
  /** Marked uncertain (`?`). */
  readonly uncertain: boolean;
  /** First instant of the span the value denotes. */
  readonly start: TimeCoord;
  /** First instant after the span the value denotes (exclusive). */
  readonly end: TimeCoord;
  /** For instants: the UTC offset in minutes that the input was written with. */
  readonly offsetMinutes?: number;
}

/** The outcome of parsing a date: a value, or a message that says what is wrong and what would do. */
export type DateParseResult = { ok: true; value: TimePoint } | { ok: false; message: string };

const ACCEPTED =
  'use a year ("2019", "44 BC"), month ("2020-02"), day ("2023-07-12"), instant with zone ("2020-09-01T10:00Z"), ' +
  '"early/mid/late 2020", "2020-Q3", "summer 2020", optionally with "c. " or a trailing "?"';

const YEAR = '([+-]?\\d{1,})';
const RE_YEAR = new RegExp(`^${YEAR}$`);
const RE_MONTH = new RegExp(`^${YEAR}-(\\d{2})$`);
const RE_DAY = new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`);
const RE_INSTANT = new RegExp(
  `^${YEAR}-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:?\\d{2})?$`,
  'i',
);
const RE_QUARTER_A = new RegExp(`^${YEAR}-?Q([1-4])$`, 'i');
const RE_QUARTER_B = new RegExp(`^Q([1-4])\\s+${YEAR}$`, 'i');
const RE_SEASON_A = new RegExp(`^(spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?${YEAR}$`, 'i');
const RE_SEASON_B = new RegExp(`^${YEAR}-(spring|summer|autumn|fall|winter)$`, 'i');
const RE_APPROX_PREFIX = /^(?:c\.|ca\.|circa\b|approx\.?|about\b|~)\s*/i;
const RE_PART_PREFIX = /^(early|mid|late)[\s-]+/i;

function toYear(text: string): number {
  return Number.parseInt(text, 10);
}

/**
 * Parses a date string at its precision. Never throws: a malformed value returns `ok: false` with a
 * message that names what is wrong.
 *
 * @example parseDate('2020-02') // February 2020, precision 'month'
 * @example parseDate('late 2020') // September–December 2020, precision 'year', part 'late'
 */
export function parseDate(raw: unknown): DateParseResult {
  if (typeof raw === 'string') {
    const value = parseCalendarDate(raw);
    if (value) return { ok: true, value };
  }
  const ago = parseAgoObject(raw);
  if (ago) return agoPoint({ input: `${ago.years} years ago`, approximate: false, uncertain: false }, ago);
  return parseDateForms(raw);
}

/** A "years ago" date: `step` years wide around its value, at the precision of its last digit. */
function agoPoint(flags: Flags, { years, step }: AgoValue): DateParseResult {
  const year = Math.round(AGO_EPOCH_YEAR - years);
  const middle = coordOf(AGO_EPOCH_YEAR) - years * YEAR_MS;
  const half = (step * YEAR_MS) / 2;
  return point(flags, { precision: agoPrecision(step), year, ago: years, agoStep: step }, middle - half, middle + half);
}

const DIGIT_0 = 48;
const HYPHEN = 45;

/** The digit at `i` of `text` as a number, or -1 when it is not an ASCII digit. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * The common case by character codes: a valid `YYYY`, `YYYY-MM` or `YYYY-MM-DD` exactly as written
 * (four-digit year, nothing around it). Anything else, valid or not, is undefined and left to
 * {@link parseDateForms}, which also words every error; for what it accepts, this returns the same
 * value as {@link parseDateForms} (same fields in the same order), only without regular expressions.
 */
export function parseCalendarDate(text: string): TimePoint | undefined {
  const length = text.length;
  if (length !== 4 && length !== 7 && length !== 10) return undefined;
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  if ((y0 | y1 | y2 | y3) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  if (length === 4) {
    return {
      input: text,
      approximate: false,
      uncertain: false,
      precision: 'year',
      year,
      start: daysFromCivil(year, 1, 1) * MS_PER_DAY,
      end: daysFromCivil(year + 1, 1, 1) * MS_PER_DAY,
    };
  }
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  if (text.charCodeAt(4) !== HYPHEN || (m0 | m1) < 0) return undefined;
  const month = m0 * 10 + m1;
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  const first = daysFromCivil(year, month, 1);
  if (length === 7) {
    return {
      input: text,
      approximate: false,
      uncertain: false,
      precision: 'month',
      year,
      month,
      start: first * MS_PER_DAY,
      end: (first + last) * MS_PER_DAY,
    };
  }
  const d0 = digitAt(text, 8);
  const d1 = digitAt(text, 9);
  if (text.charCodeAt(7) !== HYPHEN || (d0 | d1) < 0) return undefined;
  const day = d0 * 10 + d1;
  if (day < 1 || day > last) return undefined;
  const start = (first + day - 1) * MS_PER_DAY;
  return {
    input: text,
    approximate: false,
    uncertain: false,
    precision: 'day',
    year,
    month,
    day,
    start,
    end: start + MS_PER_DAY,
  };
}

/**
 * Every date form, by regular expressions, with a message for what is wrong. {@link parseDate}
 * tries {@link parseCalendarDate} first; exported for the tests that hold the two to the same answers.
 */
export function parseDateForms(raw: unknown): DateParseResult {
  if (typeof raw !== 'string') {
    return { ok: false, message: `expected a date string, got ${describeValue(raw)}; ${ACCEPTED}` };
  }
  const input = raw.trim().replace(/\s+/g, ' ');
  if (input === '') return { ok: false, message: `the date is empty; ${ACCEPTED}` };
  let text = input;
  let approximate = false;
  let uncertain = false;
  const prefix = RE_APPROX_PREFIX.exec(text);
  if (prefix) {
    approximate = true;
    text = text.slice(prefix[0].length);
  }
  // EDTF qualifiers at the end: ~ approximate, ? uncertain, % both.
  for (;;) {
    const last = text.at(-1);
    if (last === '~') approximate = true;
    else if (last === '?') uncertain = true;
    else if (last === '%') approximate = uncertain = true;
    else break;
    text = text.slice(0, -1).trimEnd();
  }
  let part: DatePart | undefined;
  const partMatch = RE_PART_PREFIX.exec(text);
  if (partMatch) {
    part = partMatch[1]!.toLowerCase() as DatePart;
    text = text.slice(partMatch[0].length);
  }
  const flags = { input, approximate, uncertain };
  const body = parseBody(text, flags);
  if (!body.ok) return body;
  if (part === undefined) return body;
  return narrowToPart(body.value, part);
}

interface Flags {
  input: string;
  approximate: boolean;
  uncertain: boolean;
}

function parseBody(text: string, flags: Flags): DateParseResult {
  let m: RegExpExecArray | null;
  const era = parseEraYear(text);
  if (era === null) return fail(flags.input, 'there is no year 0: 1 BC is followed by AD 1');
  if (era !== undefined) return point(flags, { precision: 'year', year: era }, coordOf(era), coordOf(era + 1));
  const ago = parseAgoText(text);
  if (ago) return agoPoint(flags, ago);
  if ((m = RE_YEAR.exec(text))) {
    const year = toYear(m[1]!);
    return point(flags, { precision: 'year', year }, coordOf(year), coordOf(year + 1));
  }
  if ((m = RE_MONTH.exec(text))) {
    const year = toYear(m[1]!);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return fail(flags.input, `month ${m[2]} is out of range 01–12`);
    return point(flags, { precision: 'month', year, month }, coordOf(year, month), coordOf(year, month + 1));
  }
  if ((m = RE_DAY.exec(text))) {
    const year = toYear(m[1]!);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const bad = checkDay(year, month, day);
    if (bad) return fail(flags.input, bad);
    const start = coordOf(year, month, day);
    return point(flags, { precision: 'day', year, month, day }, start, coordOf(year, month, day + 1));
  }
  if ((m = RE_INSTANT.exec(text))) {
    const year = toYear(m[1]!);
    const [month, day, hour, minute] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
    const bad = checkDay(year, month, day);
    if (bad) return fail(flags.input, bad);
    if (hour > 23 || minute > 59) return fail(flags.input, `time ${m[4]}:${m[5]} is out of range`);
    const second = m[6] === undefined ? undefined : Number(m[6]);
    if (second !== undefined && second > 59) return fail(flags.input, `second ${m[6]} is out of range`);
    if (m[8] === undefined) {
      return fail(
        flags.input,
        'a date with a time needs a time zone: add "Z" for UTC or an offset such as "+02:00", ' +
          'or drop the time to mean the calendar day',
      );
    }
    const offsetMinutes = parseOffset(m[8]);
    if (offsetMinutes === undefined) return fail(flags.input, `offset ${m[8]} is out of range`);
    const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
    const local = coordOf(year, month, day, hour, minute, second ?? 0, fraction);
    const start = local - offsetMinutes * MS_PER_MINUTE;
    const precision: DatePrecision = m[7] !== undefined ? 'millisecond' : second !== undefined ? 'second' : 'minute';
    const unit = precision === 'minute' ? MS_PER_MINUTE : precision === 'second' ? 1000 : 1;
    return point(flags, { precision, year, month, day, offsetMinutes }, start, start + unit);
  }
  if ((m = RE_QUARTER_A.exec(text) ?? RE_QUARTER_B.exec(text))) {
    const aFirst = RE_QUARTER_A.test(text);
    const year = toYear(aFirst ? m[1]! : m[2]!);
    const quarter = Number(aFirst ? m[2] : m[1]);
    const month = (quarter - 1) * 3 + 1;
    return point(flags, { precision: 'quarter', year, quarter }, coordOf(year, month), coordOf(year, month + 3));
  }
  if ((m = RE_SEASON_A.exec(text) ?? RE_SEASON_B.exec(text))) {
    const aFirst = RE_SEASON_A.test(text);
    const year = toYear(aFirst ? m[2]! : m[1]!);
    const name = (aFirst ? m[1]! : m[2]!).toLowerCase();
    const season: Season = name === 'fall' ? 'autumn' : (name as Season);
    const first = { spring: 3, summer: 6, autumn: 9, winter: 12 }[season];
    return point(flags, { precision: 'season', year, season }, coordOf(year, first), coordOf(year, first + 3));
  }
  return fail(flags.input, 'it is not a date form reeltime knows');
}

function narrowToPart(value: TimePoint, part: DatePart): DateParseResult {
  if (value.precision === 'year') {
    // Early: January–April, mid: May–August, late: September–December.
    const first = { early: 1, mid: 5, late: 9 }[part];
    return {
      ok: true,
      value: { ...value, part, start: coordOf(value.year, first), end: coordOf(value.year, first + 4) },
    };
  }
  if (value.precision === 'month') {
    // Early: days 1–10, mid: 11–20, late: 21 to the end of the month.
    const month = value.month!;
    const [from, to] = { early: [1, 11], mid: [11, 21], late: [21, daysInMonth(value.year, month) + 1] }[part] as [
      number,
      number,
    ];
    return {
      ok: true,
      value: { ...value, part, start: coordOf(value.year, month, from), end: coordOf(value.year, month, to) },
    };
  }
  return fail(value.input, `"${part}" narrows only a year ("${part} 2020") or a month ("${part} 2020-02")`);
}

function point(
  flags: Flags,
  fields: Pick<TimePoint, 'precision' | 'year'> & Partial<TimePoint>,
  start: TimeCoord,
  end: TimeCoord,
): DateParseResult {
  if (!Number.isFinite(start) || !Number.isFinite(end) || Math.abs(fields.year) > MAX_YEAR_MAGNITUDE)
    return fail(flags.input, 'the year is too large');
  return { ok: true, value: { ...flags, ...fields, start, end } };
}

function checkDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${String(month).padStart(2, '0')} is out of range 01–12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `day ${String(day).padStart(2, '0')} is out of range 01–${last} for that month`;
  return undefined;
}

function parseOffset(text: string): number | undefined {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

function fail(input: string, why: string): DateParseResult {
  return { ok: false, message: `"${input}" is not a valid date: ${why}; ${ACCEPTED}` };
}

/** A short, safe description of any value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `the number ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

export {
  isDateSafe,
  ENGLISH_DATE_WORDS,
  fillTemplate,
  formatDate,
  formatYear,
  formatAgo,
  formatInteger,
  formatCompactYears,
  formatCoord,
  formatterFor,
  formatDateRange,
  formatSpan,
} from './date-format.js';
export type { DateFormatOptions, DateWords } from './date-format.js';
