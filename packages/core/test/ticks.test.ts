import { describe, expect, it } from 'vitest';
import { axisTicks, coordOf, createTimeScale, extentOf, viewDomain } from '../src/index.js';

const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('axisTicks', () => {
  it('picks quarters with years for context over a few years at 1000 px', () => {
    const ticks = axisTicks([coordOf(2019), coordOf(2024)], 1000, { locale: 'en-US' });
    expect(ticks.unit).toBe('month');
    expect(ticks.step).toBe(3);
    expect(ticks.minor.slice(0, 5).map((t) => t.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q1']);
    expect(ticks.major.map((t) => t.label)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
  });

  it('goes to quarters, years and decades as space shrinks', () => {
    const domain = [coordOf(2019), coordOf(2024)] as const;
    expect(axisTicks(domain, 4000, { locale: 'en-US' })).toMatchObject({ unit: 'month', step: 1 });
    expect(axisTicks(domain, 400, { locale: 'en-US' })).toMatchObject({ unit: 'month', step: 6 });
    const years = axisTicks(domain, 260, { locale: 'en-US' });
    expect(years).toMatchObject({ unit: 'year', step: 1 });
    expect(years.minor.map((t) => t.label)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(axisTicks([coordOf(1900), coordOf(2020)], 600, { locale: 'en-US' })).toMatchObject({
      unit: 'year',
      step: 10,
    });
  });

  it('goes down to days and hours', () => {
    const days = axisTicks([coordOf(2023, 7, 1), coordOf(2023, 7, 15)], 1000, { locale: 'en-US' });
    expect(days.unit).toBe('day');
    expect(days.minor.slice(0, 3).map((t) => t.label)).toEqual(['1', '2', '3']);
    expect(days.major.map((t) => t.label)).toEqual(['July 2023']);
    const hours = axisTicks([coordOf(2023, 7, 12, 6), coordOf(2023, 7, 12, 18)], 1000, { locale: 'en-GB' });
    expect(hours.unit).toBe('hour');
    expect(hours.minor.map((t) => t.label)).toContain('12:00');
    expect(hours.major[0]!.label).toBe('12 Jul 2023');
  });

  it('labels in the requested locale', () => {
    const de = axisTicks([coordOf(2020), coordOf(2021)], 1200, { locale: 'de-DE' });
    expect(de.unit).toBe('month');
    expect(de.minor.map((t) => t.label)).toContain('Mär');
  });

  it('puts ticks on UTC calendar boundaries inside the domain, with the first major at or before it', () => {
    const domain = [coordOf(2020, 3, 15), coordOf(2020, 11, 2)] as const;
    const ticks = axisTicks(domain, 900, { locale: 'en-US' });
    expect(ticks.minor.every((t) => t.value >= domain[0] && t.value <= domain[1])).toBe(true);
    expect(ticks.minor.map((t) => iso(t.value))[0]).toBe('2020-04-01T00:00');
    expect(ticks.major[0]!.value).toBeLessThanOrEqual(domain[0]);
  });

  it('keeps labels apart: spacing never smaller than the widest label', () => {
    for (const width of [120, 300, 640, 1280, 3000]) {
      const domain = [coordOf(2018, 5), coordOf(2024, 2)] as const;
      const ticks = axisTicks(domain, width, { locale: 'en-US' });
      const scale = createTimeScale(domain, [0, width]);
      const xs = ticks.minor.map((t) => scale(t.value));
      for (let i = 1; i < xs.length; i++) {
        expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(ticks.minor[i - 1]!.label.length * 7 * 0.9);
      }
    }
  });

  it('handles empty, reversed and zero-width input', () => {
    expect(axisTicks([0, 0], 500).minor).toEqual([]);
    expect(axisTicks([0, 1e12], 0).minor).toEqual([]);
    expect(axisTicks([coordOf(2021), coordOf(2020)], 500).minor.length).toBeGreaterThan(0);
  });

  it('ticks deep time by year arithmetic', () => {
    const ticks = axisTicks([coordOf(-13_800_000_000), coordOf(2020)], 1200, { locale: 'en-US' });
    expect(ticks.unit).toBe('year');
    expect(ticks.minor.map((t) => t.label)).toEqual([
      '12 billion years ago',
      '10 billion years ago',
      '8 billion years ago',
      '6 billion years ago',
      '4 billion years ago',
      '2 billion years ago',
    ]);
  });
});

describe('scale and domain', () => {
  it('maps coordinates linearly and inverts', () => {
    const scale = createTimeScale([coordOf(2020), coordOf(2021)], [0, 366]);
    expect(scale(coordOf(2020, 1, 2))).toBeCloseTo(1);
    expect(scale.invert(366)).toBe(coordOf(2021));
  });

  it('pads the data extent and never returns an empty domain', () => {
    expect(extentOf([])).toBeUndefined();
    expect(
      extentOf([
        { from: 5, to: 9 },
        { from: 1, to: 3 },
      ]),
    ).toEqual([1, 9]);
    expect(viewDomain([0, 100], { padding: 0.1, minSpan: 1 })).toEqual([-10, 110]);
    const one = viewDomain([coordOf(2023, 7, 12), coordOf(2023, 7, 12)]);
    expect(one[1] - one[0]).toBeGreaterThan(0);
    expect(viewDomain(undefined, { now: coordOf(2026, 11, 23) })).toEqual([coordOf(2026), coordOf(2027)]);
  });

  it('never ticks finer than minUnit: a dataset of days has no hour ticks', () => {
    const day = Date.UTC(2023, 6, 12);
    expect(axisTicks([day, day + 86_400_000], 1200).unit).not.toBe('day');
    expect(axisTicks([day, day + 86_400_000], 1200, { minUnit: 'day' }).unit).toBe('day');
    expect(axisTicks([day, day + 90 * 86_400_000], 1200, { minUnit: 'month' }).unit).toBe('month');
  });
});
