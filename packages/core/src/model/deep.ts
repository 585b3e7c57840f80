/**
 * Deep time: dates written as "years ago" and years written with an era, on the same
 * {@link TimeCoord} axis as every other date.
 *
 * How a year is read, format by format:
 * - ISO forms in the native format and in CSV date columns (`"-0043-03-15"`, `"-0043"`, `"-3200"`,
 *   `"-13800000000"`, `"+012000"`) are ISO 8601 years, counted astronomically: year 0 is 1 BC,
 *   `-0043` is 44 BC and a bare `-3200` is 3201 BC. Write `"3200 BC"` to mean 3200 BC.
 * - Era spellings are unambiguous: `"3200 BC"`, `"3200 BCE"`, `"44 B.C."`, `"AD 79"`, `"79 CE"`.
 *   There is no year 0 in them.
 * - TimelineJS3 (JSON, and its spreadsheet template in CSV) counts like historians: `-44` is 44 BCE.
 * - "Years ago" (`"13.8 billion years ago"`, `"66 Ma"`, `"12,000 years BP"`, or the object
 *   `{ "ago": 13.8e9 }`) counts back from the start of 1950, the "present" of radiocarbon and
 *   geology, and keeps the precision it is written with: `13.8 billion` is known to the nearest
 *   100 million years, and spans ±50 million years around its value.
 *
 * @module
 */

/** The "present" that years ago count back from (as "before present" does in geology). */
export const AGO_EPOCH_YEAR = 1950;

/**
 * The one rule for which count a view is labelled in: a view at least this many years long is
 * written in years ago (its ticks, and the ends of its range at least this old), a shorter one in
 * years of its era ("45,000 BC"). The axis and the header's range read it from here, so they agree.
 */
export const DEEP_SPAN_YEARS = 10000;

/** Precisions of "years ago" dates, coarsest first (finer ones are plain `year`). */
export const AGO_PRECISIONS = ['billion-years', 'million-years', 'thousand-years'] as const;
/** How finely a "years ago" date is known. */
export type AgoPrecision = (typeof AGO_PRECISIONS)[number] | 'year';

/** The largest magnitude of year reeltime reads (beyond it a year has no exact integer coordinate). */
export const MAX_YEAR_MAGNITUDE = 1e15;

/** A "years ago" value as written: how many years, and the unit of its last significant digit. */
export interface AgoValue {
  /** Years before {@link AGO_EPOCH_YEAR}. */
  readonly years: number;
  /** The unit of the last written digit, a power of ten of at least 1 year. */
  readonly step: number;
}

/** Words and geologic letters for powers of a thousand years (`Ma`, `Gya`, `bya`). */
const UNIT_WORDS = ['thousand', 'million', 'billion', 'trillion'];
const RE_AGO =
  /^(\d[\d,]*(?:\.\d+)?(?:e\+?\d+)?) ?(?:(?:(thousand|million|billion|trillion) )?(?:years? )?(?:ago|BP)|([kmgb])y?a)$/i;
const RE_ERA = /^(?:(AD|A\.D\.) ?)?(\d[\d,]*)(?: ?(BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE|C\.E\.))?$/i;

/**
 * Reads a written number of years ago, keeping its precision: the mantissa's last digit (trailing
 * zeros of a whole number are not significant) times the unit.
 */
export function agoFromText(mantissa: string, unitPower = 0): AgoValue | undefined {
  const [digits = '', exponent = '0'] = mantissa.replace(/,/g, '').toLowerCase().split('e');
  const power = unitPower + Number(exponent);
  const years = Number(digits) * 10 ** power;
  if (!(years >= 0) || !/^\d+(\.\d+)?$/.test(digits)) return undefined;
  const dot = digits.indexOf('.');
  const zeros = /0*$/.exec(digits)![0].length;
  const last = dot >= 0 ? dot + 1 - digits.length : zeros < digits.length ? zeros : 0;
  return { years: Math.round(years), step: 10 ** Math.max(0, power + last) };
}

/** Reads `"13.8 billion years ago"`, `"66 Ma"`, `"12,000 years BP"`; undefined for other text. */
export function parseAgoText(text: string): AgoValue | undefined {
  const m = RE_AGO.exec(text);
  if (!m) return undefined;
  const unit = m[3] ? Math.min(2, 'kmgb'.indexOf(m[3].toLowerCase())) : UNIT_WORDS.indexOf(m[2]?.toLowerCase() ?? '');
  return agoFromText(m[1]!, (unit + 1) * 3);
}

/** Reads `{ "ago": 13.8e9 }`: the number's own digits give its precision. */
export function parseAgoObject(value: unknown): AgoValue | undefined {
  const years = (value as { ago?: unknown } | null)?.ago;
  if (typeof years !== 'number') return undefined;
  return agoFromText(String(years));
}

/**
 * Reads a year with an era (`"3200 BC"`, `"AD 79"`, `"79 CE"`) as an astronomical year; `null`
 * for year 0 (no era has one), undefined for other text.
 */
export function parseEraYear(text: string): number | null | undefined {
  const m = RE_ERA.exec(text);
  if (!m || !m[1] === !m[3]) return undefined;
  const number = Number(m[2]!.replace(/,/g, ''));
  if (number === 0) return null;
  return /^b/i.test(m[3] ?? '') ? 1 - number : number;
}

/** The precision a "years ago" value is known to, from the unit of its last digit. */
export function agoPrecision(step: number): AgoPrecision {
  return step >= 1e9 ? 'billion-years' : step >= 1e6 ? 'million-years' : step >= 1e3 ? 'thousand-years' : 'year';
}

/** Significant digits that show `years` down to `step` (at least one). */
export function significantDigits(years: number, step: number): number {
  // log10(0) is -Infinity: no years at all still take one digit. At most 16 below 1e15 years.
  return Math.max(1, Math.floor(Math.log10(years) + 1e-9) - Math.floor(Math.log10(step) + 1e-9) + 1);
}
