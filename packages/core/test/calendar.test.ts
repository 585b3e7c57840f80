import { describe, expect, it } from 'vitest';
import { civilFromDays, coordOf, coordToIso, daysFromCivil, daysInMonth, fieldsOf } from '../src/index.js';

describe('calendar arithmetic', () => {
  it('agrees with Date.UTC across four centuries, leap days included', () => {
    for (let year = 1800; year <= 2200; year += 7) {
      for (const [month, day] of [
        [1, 1],
        [2, 28],
        [2, daysInMonth(year, 2)],
        [7, 12],
        [12, 31],
      ] as const) {
        expect(coordOf(year, month, day)).toBe(Date.UTC(year, month - 1, day));
      }
    }
  });

  it('round-trips day counts, including before year 0 and beyond Date', () => {
    for (const days of [-1e9, -719468, -1, 0, 1, 18262, 2932896, 5e8]) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
  });

  it('knows the Gregorian leap rules', () => {
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it('rolls months into neighbouring years', () => {
    expect(coordOf(2020, 13)).toBe(coordOf(2021, 1));
    expect(coordOf(2020, 0)).toBe(coordOf(2019, 12));
  });

  it('splits and formats coordinates', () => {
    const t = Date.UTC(2020, 8, 1, 10, 5, 7, 250);
    expect(fieldsOf(t)).toEqual({ year: 2020, month: 9, day: 1, hour: 10, minute: 5, second: 7, millisecond: 250 });
    expect(coordToIso(t)).toBe('2020-09-01T10:05:07.250Z');
    expect(coordToIso(coordOf(-43, 3, 15))).toBe('-000043-03-15T00:00:00.000Z');
  });
});
