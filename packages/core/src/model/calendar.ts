/**
 * Calendar arithmetic on reeltime's time coordinate.
 *
 * A {@link TimeCoord} is a count of milliseconds since 1970-01-01T00:00:00Z on the proleptic
 * Gregorian calendar in UTC. It is a plain number, not a `Date`: the conversions below work for
 * any integer year (Hinnant's `days_from_civil`), so the model is not bounded by `Date`'s
 * ±273,790 years and deep time is an extension of the same coordinate.
 *
 * @module
 */

/** Milliseconds since 1970-01-01T00:00:00Z, proleptic Gregorian, UTC. */
export type TimeCoord = number;

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

/** Days from 1970-01-01 to the given civil date (month 1–12). Valid for every integer year. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count from 1970-01-01 (inverse of {@link daysFromCivil}). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * The coordinate of a civil date and time in UTC. Months outside 1–12 roll into neighbouring years,
 * so `coordOf(2020, 13)` is 2021-01-01.
 */
export function coordOf(year: number, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0): TimeCoord {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return (
    daysFromCivil(y, m, 1) * MS_PER_DAY +
    (day - 1) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * MS_PER_MINUTE +
    second * MS_PER_SECOND +
    ms
  );
}

/** Civil UTC fields of a coordinate. */
export interface CivilFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Splits a coordinate into its civil UTC fields. */
export function fieldsOf(coord: TimeCoord): CivilFields {
  const days = Math.floor(coord / MS_PER_DAY);
  let rest = coord - days * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / MS_PER_SECOND);
  const millisecond = Math.round(rest - second * MS_PER_SECOND);
  return { ...civilFromDays(days), hour, minute, second, millisecond };
}

/** The range of coordinates that a JavaScript `Date` can represent (±8.64e15 ms). */
export const DATE_COORD_LIMIT = 8.64e15;

/**
 * Formats a coordinate as an ISO 8601 string (`YYYY-MM-DDTHH:mm:ss.sssZ`), with signed six-digit
 * years outside 0000–9999 as ISO 8601 extended years do.
 */
export function coordToIso(coord: TimeCoord): string {
  const f = fieldsOf(coord);
  const year =
    f.year >= 0 && f.year <= 9999
      ? String(f.year).padStart(4, '0')
      : (f.year < 0 ? '-' : '+') + String(Math.abs(f.year)).padStart(6, '0');
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${year}-${p2(f.month)}-${p2(f.day)}T${p2(f.hour)}:${p2(f.minute)}:${p2(f.second)}.${String(f.millisecond).padStart(3, '0')}Z`;
}
