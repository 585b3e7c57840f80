import { describe, expect, it } from 'vitest';
import { coordOf, formatDate, formatDateRange, parseDate, type TimePoint } from '../src/index.js';

function parsed(text: string): TimePoint {
  const result = parseDate(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function span(text: string): [string, string] {
  const value = parsed(text);
  return [new Date(value.start).toISOString(), new Date(value.end).toISOString()];
}

describe('parseDate: precision', () => {
  it('reads a year as the whole year', () => {
    expect(parsed('2019')).toMatchObject({ precision: 'year', year: 2019, approximate: false, uncertain: false });
    expect(span('2019')).toEqual(['2019-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z']);
  });

  it('reads a month as the whole month', () => {
    expect(parsed('2020-02')).toMatchObject({ precision: 'month', year: 2020, month: 2 });
    expect(span('2020-02')).toEqual(['2020-02-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z']);
  });

  it('reads a date-only value as one calendar day, the same in every zone', () => {
    const day = parsed('2023-07-12');
    expect(day).toMatchObject({ precision: 'day', year: 2023, month: 7, day: 12 });
    expect(day.start).toBe(Date.UTC(2023, 6, 12));
    expect(day.end - day.start).toBe(86_400_000);
    // Not the zone-dependent reading that `new Date(y, m, d)` would give.
    expect(formatDate(day, { locale: 'en-GB' })).toBe('12 Jul 2023');
    expect(formatDate(day, { locale: 'en-US' })).toBe('Jul 12, 2023');
  });

  it('reads instants with Z or an offset', () => {
    expect(parsed('2020-09-01T10:00Z')).toMatchObject({ precision: 'minute', start: Date.UTC(2020, 8, 1, 10) });
    expect(parsed('2020-09-01T12:00+02:00').start).toBe(Date.UTC(2020, 8, 1, 10));
    expect(parsed('2020-09-01T10:00:30Z').precision).toBe('second');
    expect(parsed('2020-09-01T10:00:30.5Z')).toMatchObject({
      precision: 'millisecond',
      start: Date.UTC(2020, 8, 1, 10, 0, 30, 500),
    });
  });

  it('refuses a time without a zone, and says what to do', () => {
    const result = parseDate('2020-09-01T10:00');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/needs a time zone: add "Z"/);
  });

  it('reads early / mid / late years and months as thirds', () => {
    expect(span('late 2020')).toEqual(['2020-09-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z']);
    expect(span('early 2020')).toEqual(['2020-01-01T00:00:00.000Z', '2020-05-01T00:00:00.000Z']);
    expect(span('mid-2021')).toEqual(['2021-05-01T00:00:00.000Z', '2021-09-01T00:00:00.000Z']);
    expect(span('late 2020-02')).toEqual(['2020-02-21T00:00:00.000Z', '2020-03-01T00:00:00.000Z']);
    expect(parsed('Late 2020')).toMatchObject({ precision: 'year', part: 'late' });
  });

  it('reads quarters and seasons', () => {
    expect(span('2020-Q3')).toEqual(['2020-07-01T00:00:00.000Z', '2020-10-01T00:00:00.000Z']);
    expect(span('Q4 2020')).toEqual(['2020-10-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z']);
    expect(span('summer 2020')).toEqual(['2020-06-01T00:00:00.000Z', '2020-09-01T00:00:00.000Z']);
    expect(span('winter 2020')).toEqual(['2020-12-01T00:00:00.000Z', '2021-03-01T00:00:00.000Z']);
    expect(parsed('fall 2021').season).toBe('autumn');
  });

  it('reads approximate and uncertain markers', () => {
    expect(parsed('c. 2019')).toMatchObject({ approximate: true, uncertain: false, precision: 'year' });
    expect(parsed('circa 2020-02')).toMatchObject({ approximate: true, precision: 'month' });
    expect(parsed('2020-03?')).toMatchObject({ uncertain: true, approximate: false });
    expect(parsed('2020~')).toMatchObject({ approximate: true });
    expect(parsed('2020%')).toMatchObject({ approximate: true, uncertain: true });
  });

  it('reads signed astronomical years beyond Date', () => {
    expect(parsed('-0043-03-15')).toMatchObject({ year: -43, precision: 'day', start: coordOf(-43, 3, 15) });
    expect(parsed('-13800000000').start).toBeLessThan(-8.64e15);
  });
});

describe('parseDate: problems', () => {
  it.each([
    ['2020-13', /month 13 is out of range/],
    ['2021-02-29', /day 29 is out of range 01–28/],
    ['2020-09-01T25:00Z', /out of range/],
    ['yesterday', /not a date form/],
    ['', /empty/],
    ['late 2020-Q3', /narrows only a year/],
  ])('%j is refused with a reason', (text, why) => {
    const result = parseDate(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(why);
    expect(!result.ok && result.message).toMatch(/use a year/);
  });

  it('refuses values that are not strings without throwing', () => {
    for (const value of [undefined, null, 2020, {}, [], Symbol('x')]) {
      const result = parseDate(value);
      expect(result.ok).toBe(false);
    }
  });
});

describe('formatDate', () => {
  it('formats at the precision the value carries', () => {
    const en = { locale: 'en-US' };
    expect(formatDate(parsed('2019'), en)).toBe('2019');
    expect(formatDate(parsed('2020-02'), en)).toBe('Feb 2020');
    expect(formatDate(parsed('late 2020'), en)).toBe('late 2020');
    expect(formatDate(parsed('2020-Q3'), en)).toBe('Q3 2020');
    expect(formatDate(parsed('summer 2020'), en)).toBe('summer 2020');
    expect(formatDate(parsed('c. 2019'), en)).toBe('c. 2019');
    expect(formatDate(parsed('2020-03?'), en)).toBe('Mar 2020?');
    expect(formatDate(parsed('2020-09-01T10:00Z'), en)).toBe('Sep 1, 2020, 10:00 AM UTC');
    expect(formatDate(parsed('-0043-03-15'), en)).toBe('Mar 15, 44 BC');
    expect(formatDate(parsed('-13800000000'), en)).toBe('13,800,000,001 BC');
  });

  it('uses the locale', () => {
    expect(formatDate(parsed('2020-02'), { locale: 'de-DE' })).toBe('Feb. 2020');
    expect(formatDate(parsed('2023-07-12'), { locale: 'de-DE' })).toBe('12. Juli 2023');
  });

  it("writes years before year 1 with the locale's era and digits", () => {
    expect(formatDate(parsed('-0043'), { locale: 'de-DE' })).toBe('44 v. Chr.');
    expect(formatDate(parsed('-0043-03-15'), { locale: 'de-DE' })).toBe('15. März 44 v. Chr.');
    expect(formatDate(parsed('-0043-03-15'), { locale: 'ja-JP' })).toBe('紀元前44年3月15日');
    expect(formatDate(parsed('-0043'), { locale: 'ar-EG' })).toBe('٤٤ ق.م');
    expect(formatDate(parsed('-0043'), { locale: 'fr-FR' })).toBe('44 av. J.-C.');
    // Beyond Date's range: the same era, the number grouped.
    expect(formatDate(parsed('-13800000000'), { locale: 'de-DE' })).toBe('13.800.000.001 v. Chr.');
    // The year number is Gregorian whatever the locale's calendar.
    expect(formatDate(parsed('-0043'), { locale: 'th-TH' })).toMatch(/ 44$/);
  });

  it('shows instants in a chosen zone but never shifts calendar days', () => {
    const instant = parsed('2020-09-01T23:30Z');
    expect(formatDate(instant, { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Sep 2, 2020, 8:30 AM');
    expect(formatDate(parsed('2023-07-12'), { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Jul 12, 2023');
  });

  it('formats ranges', () => {
    expect(formatDateRange(parsed('2020-02'), parsed('2021-09'), { locale: 'en-US' })).toBe('Feb 2020 – Sep 2021');
    expect(formatDateRange(parsed('2019'), undefined)).toBe('2019');
    // A range inside one period at its precision is that one date.
    expect(formatDateRange(parsed('2023-07-12'), parsed('2023-07-12'), { locale: 'en-US' })).toBe('Jul 12, 2023');
    expect(formatDateRange(parsed('2020-02'), parsed('2020-02'), { locale: 'en-US' })).toBe('Feb 2020');
  });
});
