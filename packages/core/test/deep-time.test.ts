/**
 * Deep time: signed and era years, "years ago" with their own precision, labels through Intl, and
 * ticks from the Big Bang to an hour (examples, then fast-check properties).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  coordOf,
  formatDate,
  formatSpan,
  formatYear,
  MS_PER_DAY,
  parseDate,
  parseDataset,
  type TimePoint,
  viewDomain,
} from '../src/index.js';
import { fromTimelineJS } from '../src/io/index.js';

function parsed(raw: unknown): TimePoint {
  const result = parseDate(raw);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const en = { locale: 'en-US' };
const YEAR_MS = 365.2425 * MS_PER_DAY;

describe('deep time: reading years', () => {
  it('reads signed ISO years astronomically, of any length', () => {
    expect(parsed('-0043-03-15')).toMatchObject({ year: -43, precision: 'day' });
    expect(formatDate(parsed('-0043-03-15'), en)).toBe('Mar 15, 44 BC');
    expect(parsed('+012000')).toMatchObject({ year: 12000, precision: 'year', start: coordOf(12000) });
    expect(parsed('-13800000000')).toMatchObject({ year: -13_800_000_000, precision: 'year' });
    expect(formatDate(parsed('0000'), en)).toBe('1 BC');
    // A bare negative year is ISO 8601's: -3200 is 3201 BC; the era spelling says 3200 BC.
    expect(formatDate(parsed('-3200'), en)).toBe('3201 BC');
  });

  it('reads era spellings, with no year 0', () => {
    expect(parsed('3200 BC').year).toBe(-3199);
    expect(parsed('3200 BCE').year).toBe(-3199);
    expect(parsed('44 B.C.').year).toBe(-43);
    expect(parsed('AD 79')).toMatchObject({ year: 79, precision: 'year' });
    expect(parsed('79 CE').year).toBe(79);
    expect(parsed('c. 13,800,000,001 BC')).toMatchObject({ year: -13_800_000_000, approximate: true });
    expect(parseDate('0 BC').ok).toBe(false);
    expect(formatDate(parsed('3200 BC'), en)).toBe('3200 BC');
  });

  it('reads years ago at the precision they are written with', () => {
    const bigBang = parsed('13.8 billion years ago');
    expect(bigBang).toMatchObject({ precision: 'million-years', ago: 13.8e9, agoStep: 1e8 });
    // ±50 million years around the value, counted back from 1950.
    expect((bigBang.end - bigBang.start) / YEAR_MS).toBeCloseTo(1e8, -3);
    expect(((bigBang.start + bigBang.end) / 2 - coordOf(1950)) / YEAR_MS).toBeCloseTo(-13.8e9, -3);
    expect(parsed({ ago: 13.8e9 })).toMatchObject({ precision: 'million-years', ago: 13.8e9, agoStep: 1e8 });
    expect(parsed('4.54 Ga')).toMatchObject({ ago: 4.54e9, agoStep: 1e7 });
    expect(parsed('66 Ma')).toMatchObject({ precision: 'million-years', ago: 66e6, agoStep: 1e6 });
    expect(parsed('12,000 years BP')).toMatchObject({ precision: 'thousand-years', ago: 12000, agoStep: 1000 });
    expect(parsed('1 billion years ago')).toMatchObject({ precision: 'billion-years', ago: 1e9 });
    expect(parseDate({ ago: -5 }).ok).toBe(false);
    expect(parseDate('1e30 years ago').ok).toBe(false);
  });

  it('keeps TimelineJS3 negative years historical: -44 is 44 BCE', () => {
    const { dataset } = fromTimelineJS({
      events: [{ start_date: { year: -44, month: 3, day: 15 }, text: { headline: 'Ides of March' } }],
    });
    expect(formatDate(dataset.events[0]!.start, en)).toBe('Mar 15, 44 BC');
  });

  it('accepts years ago in the native format, as a string or an object', () => {
    const { dataset, problems } = parseDataset({
      events: [
        { id: 'a', title: 'Big Bang', start: { ago: 13.8e9 } },
        { id: 'b', title: 'Chicxulub', start: '66 million years ago' },
      ],
    });
    expect(problems).toEqual([]);
    expect(dataset.events.map((e) => formatDate(e.start, en))).toEqual([
      '13.8 billion years ago',
      '66 million years ago',
    ]);
  });
});

describe('deep time: labels through Intl', () => {
  it('writes years ago in compact notation, in the locale', () => {
    const value = parsed('13.8 billion years ago');
    expect(formatDate(value, en)).toBe('13.8 billion years ago');
    const ja = { ...JAPANESE_WORDS_ONLY_AGO };
    expect(formatDate(value, { locale: 'ja-JP', words: ja })).toBe('138億年前');
    expect(formatDate(parsed('1.0 billion years ago'), en)).toBe('1.0 billion years ago');
  });

  it('never goes through Date beyond its range and has no year 0', () => {
    expect(formatYear(300000, 'en-US')).toBe('300000');
    expect(formatYear(1e12, 'en-US')).toBe('1000000000000');
    expect(formatYear(-299999, 'en-US')).toBe('300,000 BC');
    expect(formatYear(0, 'fr-FR')).toBe('1 av. J.-C.');
    expect(formatYear(-43, 'de-DE')).toBe('44 v. Chr.');
  });

  it('writes deep spans in years ago and shorter ones in years', () => {
    expect(formatSpan(coordOf(-13.8e9), coordOf(2024), en)).toBe('13.8 billion years ago – 2023');
    expect(formatSpan(coordOf(-3000), coordOf(2000), en)).toBe('3001 BC – 1999');
  });

  it('labels ticks and the range in the same count: years ago from 10,000 years across', () => {
    // 60,000 to 10,000 years ago: once ticked "45,000 BC" under a range in years ago.
    const deep: [number, number] = [coordOf(1950 - 60000), coordOf(1950 - 10000)];
    expect(formatSpan(...deep, en)).toBe('60.0 thousand years ago – 10.0 thousand years ago');
    const ticks = axisTicks(deep, 1200, en).minor.map((t) => t.label);
    expect(ticks.length).toBeGreaterThan(2);
    for (const label of ticks) expect(label).toMatch(/years ago$/);
    // 9,000 years across: era years in both.
    const short: [number, number] = [coordOf(-20000), coordOf(-11000)];
    expect(formatSpan(...short, en)).toBe('20,001 BC – 11,002 BC');
    for (const tick of axisTicks(short, 1200, en).minor) expect(tick.label).toMatch(/BC$/);
  });

  it('pads a deep view no further right than the present', () => {
    const now = coordOf(2026);
    const [left, right] = viewDomain([coordOf(-13.8e9), coordOf(2023)], { now });
    expect(right).toBe(now);
    expect(formatSpan(left, right, en)).toBe('14.4 billion years ago – 2025');
    // A plain span keeps its padding, into the future too.
    const [, recent] = viewDomain([coordOf(2000), coordOf(2026)], { now: coordOf(2010) });
    expect(recent).toBeGreaterThan(coordOf(2026) + 365 * MS_PER_DAY);
  });
});

const JAPANESE_WORDS_ONLY_AGO = {
  parts: { early: '{date}', mid: '{date}', late: '{date}' },
  seasons: { spring: '{year}', summer: '{year}', autumn: '{year}', winter: '{year}' },
  quarter: '{year}',
  quarterShort: '{q}',
  approximate: '{date}',
  uncertain: '{date}',
  ago: '{n}年前',
};

const eraText = (year: number): string => (year <= 0 ? `${(1 - year).toLocaleString('en-US')} BC` : `AD ${year}`);
const isoText = (year: number): string =>
  year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : `${year < 0 ? '-' : '+'}${String(Math.abs(year))}`;
const anyYear = fc.oneof(
  fc.integer({ min: -3000, max: 3000 }),
  fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
);
/** A "years ago" value as written: 1–4 significant digits times a power of ten. */
const anyAgo = fc
  .record({ digits: fc.integer({ min: 1, max: 9999 }), power: fc.integer({ min: 0, max: 10 }) })
  .map(({ digits, power }) => digits * 10 ** power);

describe('deep time: properties (fast-check)', () => {
  it('any two dates keep their order, whatever form they are written in', () => {
    fc.assert(
      fc.property(anyYear, anyYear, fc.boolean(), fc.boolean(), (a, b, eraA, eraB) => {
        const pa = parsed(eraA ? eraText(a) : isoText(a));
        const pb = parsed(eraB ? eraText(b) : isoText(b));
        expect(pa.year).toBe(a);
        expect(pb.year).toBe(b);
        expect(Math.sign(pa.start - pb.start)).toBe(Math.sign(a - b));
      }),
    );
    fc.assert(
      fc.property(anyAgo, anyAgo, (a, b) => {
        // Spans are as wide as their precision, so a vaguer date starts earlier: compare middles.
        const middle = (p: TimePoint) => (p.start + p.end) / 2;
        expect(Math.sign(middle(parsed({ ago: b })) - middle(parsed({ ago: a })))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('parse → format → parse keeps the year and the precision', () => {
    fc.assert(
      fc.property(anyYear, fc.boolean(), (year, era) => {
        const first = parsed(era ? eraText(year) : isoText(year));
        const again = parsed(formatDate(first, en));
        expect(again.year).toBe(year);
        expect(again.precision).toBe('year');
      }),
    );
    fc.assert(
      fc.property(anyAgo, (ago) => {
        const first = parsed({ ago });
        const text = formatDate(first, en);
        const again = parsed(text);
        expect({ ago: again.ago, step: again.agoStep, precision: again.precision, year: again.year }).toEqual({
          ago: first.ago,
          step: first.agoStep,
          precision: first.precision,
          year: first.year,
        });
      }),
    );
  });

  it('tick labels are unique and increasing at every zoom, from the Big Bang to an hour', () => {
    const now = coordOf(2023, 7, 12);
    const bigBang = coordOf(-13.8e9);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: Math.log10(6 * 3600e3), max: Math.log10(now - bigBang), noNaN: true }),
        fc.integer({ min: 200, max: 1600 }),
        fc.constantFrom('en-US', 'de-DE', 'ja-JP', 'ar-EG', 'fr-FR'),
        (where, logSpan, width, locale) => {
          const span = 10 ** logSpan;
          const from = bigBang + where * (now - bigBang - span);
          const ticks = axisTicks([from, from + span], width, { locale });
          // A minor label reads under its major one ("12" under "July 2023"): the pair is unique.
          const labels = ticks.minor.map((t) => {
            const major = ticks.major.findLast((m) => m.value <= t.value);
            return `${major?.label ?? ''} ${t.label}`;
          });
          expect(new Set(labels).size).toBe(labels.length);
          expect(labels.join(' ')).not.toMatch(/NaN|Invalid|undefined|-\d/);
          for (let i = 1; i < ticks.minor.length; i++) {
            expect(ticks.minor[i]!.value).toBeGreaterThan(ticks.minor[i - 1]!.value);
          }
          for (const tick of ticks.minor) {
            expect(tick.value).toBeGreaterThanOrEqual(from - 1);
            expect(tick.value).toBeLessThanOrEqual(from + span + 1);
          }
          expect(new Set(ticks.major.map((t) => t.label)).size).toBe(ticks.major.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('deep time: datasets', () => {
  it('reads the deep-time and ancient stories with no problem, every event citing a source', async () => {
    for (const name of ['deep-time', 'ancient']) {
      const file = (await import(`../../../stories/data/${name}.json`)) as { default: unknown };
      const { dataset, problems } = parseDataset(file.default);
      expect(problems, name).toEqual([]);
      expect(dataset.events.every((event) => event.sources.length > 0 && event.sources[0]!.url)).toBe(true);
    }
  });

  it('never takes a years-ago date for a typo among recent years', () => {
    const recent = Array.from({ length: 30 }, (_, i) => ({ id: `y${i}`, title: `Y ${i}`, start: String(1990 + i) }));
    const deep = parseDataset({ events: [...recent, { id: 'bang', title: 'Big Bang', start: { ago: 13.8e9 } }] });
    expect(deep.problems).toEqual([]);
    // A bare far year is still worth a look.
    const typo = parseDataset({ events: [...recent, { id: 'typo', title: 'Typo', start: '11990' }] });
    expect(typo.problems.map((p) => p.detail)).toEqual([expect.stringMatching(/far outside/)]);
  });

  it("imports TimelineJS3's cosmology sample with every event and no problem", async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('./fixtures/timelinejs3/cosmo.json', import.meta.url), 'utf8');
    const { dataset, problems } = fromTimelineJS(text);
    expect(problems).toEqual([]);
    expect(dataset.events).toHaveLength(7);
    expect(formatDate(dataset.events[0]!.start, en)).toBe('13,800,000,000 BC');
    expect(formatDate(dataset.events.at(-1)!.start, en)).toBe('3500 BC');
  });
});
