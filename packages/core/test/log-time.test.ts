/**
 * The log "years ago" axis (issue 17): the warp is strictly increasing and invertible over the
 * whole range, the warped scale rescales like a d3 scale, ticks are unique, increasing, readable and
 * fit at every zoom, and the warped source places events on the warped axis but hands out the
 * originals (fast-check properties, then examples).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coordOf,
  ENGLISH_DATE_WORDS,
  logAgoTicks,
  logAgoWarp,
  MS_PER_DAY,
  parseDataset,
  warpedDomain,
  warpedMaxZoom,
  createTimeScale,
  WarpedSource,
  type LayoutSpec,
} from '../src/index.js';

const YEAR_MS = 365.2425 * MS_PER_DAY;
const REF = coordOf(2026);
const warp = logAgoWarp(REF);
/** Years ago from 1e15 years in the past to 1,000 years in the future of `REF`, log-distributed. */
const yearsAgo = fc
  .tuple(fc.double({ min: -3, max: 15, noNaN: true }), fc.boolean())
  .map(([p, future]) => (future ? -Math.min(1000, 10 ** p) : 10 ** p));
const coord = yearsAgo.map((a) => REF - a * YEAR_MS);
const measure = (label: string) => label.length * 7 + 14;

describe('log years-ago warp', () => {
  it('is increasing over the whole range (strictly where the coordinates differ by more than rounding)', () => {
    fc.assert(
      fc.property(coord, coord, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(warp.forward(lo)).toBeLessThanOrEqual(warp.forward(hi));
        // Distinct to a part in 1e12 of their age: distinct when warped.
        if (hi - lo > 1e-12 * Math.max(Math.abs(REF - lo), YEAR_MS))
          expect(warp.forward(lo)).toBeLessThan(warp.forward(hi));
      }),
      { numRuns: 2000 },
    );
  });

  it('is inverted to a part in 1e12 of the age (to a millisecond at the reference)', () => {
    fc.assert(
      fc.property(coord, (t) => {
        const back = warp.inverse(warp.forward(t));
        expect(Math.abs(back - t)).toBeLessThanOrEqual(Math.max(1, 1e-12 * Math.abs(REF - t)));
      }),
      { numRuns: 2000 },
    );
    expect(Math.abs(warp.forward(REF))).toBe(0);
    expect(warp.inverse(0)).toBe(REF);
  });

  it('gives every power of ten of years ago the same width, beyond the floor', () => {
    const w = (years: number) => warp.forward(REF - years * YEAR_MS);
    const decade = w(1e3) - w(1e4);
    for (const p of [4, 6, 9]) expect((w(10 ** p) - w(10 ** (p + 1))) / decade).toBeCloseTo(1, 3);
  });
});

describe('warped scale', () => {
  it('maps, inverts, copies and rescales as d3 scales do (what d3-zoom calls)', () => {
    const domain = warpedDomain(warp, [REF - 13.8e9 * YEAR_MS, REF])!;
    const scale = createTimeScale(domain, [0, 1000], warp);
    expect(scale(domain[0])).toBeCloseTo(0, 6);
    expect(scale(domain[1])).toBeCloseTo(1000, 6);
    const t = REF - 100 * YEAR_MS;
    const before = scale(t);
    expect(scale.invert(scale(t)) / t).toBeCloseTo(1, 12);
    // d3-zoom's rescaleX: x.copy().domain(x.range().map(transform.invertX).map(x.invert))
    const zoomed = scale.copy().domain([200, 400].map((x) => scale.invert(x)));
    expect(zoomed(scale.invert(300))).toBeCloseTo(500, 6);
    expect(scale(t)).toBe(before); // the copy left the original alone
    expect(zoomed.warp).toBe(warp);
    expect(scale.range()).toEqual([0, 1000]);
    // Human history is not crushed: 1000 years ago and 100 years ago are far apart.
    expect(scale(REF - 100 * YEAR_MS) - scale(REF - 1000 * YEAR_MS)).toBeGreaterThan(50);
  });

  it('limits the zoom so that the narrowest view at the present is the minimum span', () => {
    const domain = warpedDomain(warp, [REF - 13.8e9 * YEAR_MS, REF])!;
    const k = warpedMaxZoom(warp, domain, MS_PER_DAY);
    const scale = createTimeScale(domain, [0, 1000], warp);
    const dayPx = (scale(REF + MS_PER_DAY / 2) - scale(REF - MS_PER_DAY / 2)) * k;
    expect(dayPx).toBeCloseTo(1000, 3);
  });
});

describe('log years-ago ticks', () => {
  const whole = warpedDomain(warp, [REF - 13.8e9 * YEAR_MS, REF])!;

  it('are unique, increasing, fit and never read NaN or Invalid at every zoom', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer({ min: 200, max: 1600 }),
        fc.constantFrom('en-US', 'de', 'fr', 'ja', 'ar'),
        (centre, zoomLog2, width, locale) => {
          const base = createTimeScale(whole, [0, width], warp);
          const k = 2 ** zoomLog2;
          const mid = centre * width;
          const view = base.copy().domain([mid - width / (2 * k), mid + width / (2 * k)].map((x) => base.invert(x)));
          const domain = view.domain() as [number, number];
          const ticks = logAgoTicks(domain, width, warp, { locale, measure });
          const values = ticks.minor.map((tick) => tick.value);
          expect(new Set(values).size).toBe(values.length);
          for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
          const labels = ticks.minor.map((tick) => tick.label);
          // Log ticks are unique; calendar ones ("Jan" under 1969 and 1970) are under their major row.
          const unique = ticks.step === 0 ? labels : ticks.major.map((tick) => tick.label);
          expect(new Set(unique).size).toBe(unique.length);
          for (const label of [...labels, ...ticks.major.map((tick) => tick.label)])
            expect(label).not.toMatch(/NaN|Invalid|undefined|Infinity/);
          for (const tick of ticks.minor) {
            expect(tick.value).toBeGreaterThanOrEqual(domain[0] - 1);
            expect(tick.value).toBeLessThanOrEqual(domain[1] + 1);
          }
          if (ticks.step === 0) {
            // Log ticks: each label fits before the next tick.
            const xs = values.map((v) => view(v));
            for (let i = 1; i < xs.length; i++)
              expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(measure(labels[i - 1]!) - 1e-6);
            // The last label ends inside the view.
            if (xs.length) expect(xs.at(-1)! + measure(labels.at(-1)!)).toBeLessThanOrEqual(width + 1e-6);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('read in powers of ten of years ago over the whole span, localised through Intl', () => {
    const labels = logAgoTicks(whole, 2400, warp, { locale: 'en-US', measure }).minor.map((tick) => tick.label);
    expect(labels).toContain('10 billion years ago');
    expect(labels).toContain('1 million years ago');
    expect(labels).toContain('1,000 years ago');
    expect(labels).toContain('100 years ago');
    const narrow = logAgoTicks(whole, 800, warp, { locale: 'en-US', measure }).minor.map((tick) => tick.label);
    expect(narrow.length).toBeGreaterThanOrEqual(3);
    expect(narrow.length).toBeLessThan(labels.length);
    const jaWords = { ...ENGLISH_DATE_WORDS, ago: '{n}年前', agoLarge: '{n}年前' };
    const ja = logAgoTicks(whole, 2400, warp, { locale: 'ja', measure, words: jaWords }).minor.map(
      (tick) => tick.label,
    );
    expect(ja).toContain('100億年前');
    const de = logAgoTicks([REF - 20 * YEAR_MS, REF], 800, warp, { locale: 'de', measure }).minor.map((t) => t.label);
    expect(de).toContain('vor 1 Jahr');
  });

  it('turn into calendar ticks where the view is nearly linear', () => {
    const ticks = logAgoTicks([coordOf(1920), coordOf(1930)], 800, warp, { locale: 'en-US', measure });
    expect(ticks.step).not.toBe(0);
    expect(ticks.minor.map((tick) => tick.label)).toContain('1925');
  });
});

describe('warped source', () => {
  const dataset = parseDataset({
    title: 'cosmos',
    events: [
      { id: 'bang', title: 'Big Bang', start: { ago: 13.8e9 } },
      { id: 'earth', title: 'Earth forms', start: '4.54 billion years ago' },
      { id: 'rome', title: 'Rome founded', start: '753 BC' },
      { id: 'moon', title: 'Moon landing', start: '1969-07-20' },
      { id: 'web', title: 'The web', start: '1991-08-06' },
      { id: 'war', title: 'Second World War', start: '1939-09-01', end: '1945-09-02' },
    ],
  }).dataset!;
  const layout: LayoutSpec = { measure: (text) => text.length * 7 };

  it('places events where the log axis draws them, and hands out the originals', () => {
    const source = new WarpedSource(dataset, warp);
    const domain = warpedDomain(warp, source.extent!)!;
    const answer = source.query({ from: domain[0], to: domain[1], pixels: 1000, layout });
    expect(answer.from).toBe(domain[0]);
    expect(answer.to).toBe(domain[1]);
    // Linear, the last four would share a pixel; here each is drawn one by one.
    expect(answer.items.map((item) => item.event.id).sort()).toEqual(['bang', 'earth', 'moon', 'rome', 'war', 'web']);
    for (const item of answer.items) expect(item.event).toBe(dataset.events.find((e) => e.id === item.event.id));
    expect(source.get('moon')).toBe(dataset.events.find((e) => e.id === 'moon'));
    expect(source.at(source.positionOf('rome'))?.id).toBe('rome');
    expect(source.extent).toEqual([
      Math.min(...dataset.events.map((e) => e.from)),
      Math.max(...dataset.events.map((e) => e.to)),
    ]);
    const war = answer.items.find((item) => item.event.id === 'war')!;
    expect(war.event.to).toBeGreaterThan(war.event.from);
  });
});

describe('createTimeScale, linear', () => {
  it('gives the same pixels and times as d3-scale’s scaleLinear, left to right and right to left', async () => {
    const { scaleLinear } = await import('d3-scale');
    const finite = fc.double({ min: -1e21, max: 1e21, noNaN: true });
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 0, max: 4000 }), fc.boolean(), finite, (a, b, width, rtl, t) => {
        const domain = [a, b] as [number, number];
        const range = (rtl ? [width, 0] : [0, width]) as [number, number];
        const ours = createTimeScale(domain, range);
        const d3 = scaleLinear().domain(domain).range(range);
        expect(ours(t)).toBe(d3(t));
        expect(ours.invert(width / 3)).toBe(d3.invert(width / 3));
        const k = 7;
        const zoomed = ours.copy().domain([0, width / k].map((x) => ours.invert(x)));
        const d3Zoomed = d3.copy().domain([0, width / k].map((x) => d3.invert(x)));
        expect(zoomed(t)).toBe(d3Zoomed(t));
        expect(ours.domain()).toEqual(d3.domain());
        expect(ours.range()).toEqual(d3.range());
      }),
      { numRuns: 1000 },
    );
  });
});
