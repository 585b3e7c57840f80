/**
 * The count table's edge arithmetic (bins.ts): which bin's middle is the last before an edge, and
 * which ranges of the table's resolutions hold every bin up to it. The counts these feed are
 * compared with a model of the events in source.test.ts; these pin the ranges themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN_LEVELS, BIN_STEP, crossingRanges, lastBinBefore } from '../src/bins.js';

describe('the count table at a view edge', () => {
  it('finds the last bin whose middle is before the edge, a middle on the edge excluded', () => {
    // Bin i of width 4 is [4i, 4i + 4), its middle 4i + 2.
    expect(lastBinBefore(6, 4)).toBe(0);
    expect(lastBinBefore(6.5, 4)).toBe(1);
    expect(lastBinBefore(2, 4)).toBe(-1);
    expect(lastBinBefore(-2, 4)).toBe(-2);
    fc.assert(
      fc.property(fc.double({ min: -1e13, max: 1e13, noNaN: true }), fc.integer({ min: 0, max: 40 }), (x, power) => {
        const bin = 2 ** power;
        const k = lastBinBefore(x, bin);
        expect(k * bin + bin / 2).toBeLessThan(x);
        expect((k + 1) * bin + bin / 2).toBeGreaterThanOrEqual(x);
      }),
      { numRuns: 500, seed: 18 },
    );
  });

  it('covers every bin up to k once: the coarsest resolution from the start, at most 7 bins of each finer one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: BIN_LEVELS - 1 }), (k, level) => {
        const ranges = crossingRanges(k, level);
        // In units of the view's resolution: each range as [first, last + 1), consecutive, ending at k + 1.
        const spans = ranges.map(([lvl, lo, hi]) => {
          const scale = BIN_STEP ** (lvl - level);
          return [lo * scale, (hi + 1) * scale, hi - lo + 1, lvl] as const;
        });
        expect(spans.map(([, , , lvl]) => lvl)).toEqual(
          Array.from({ length: BIN_LEVELS - level }, (_, i) => level + i),
        );
        expect(spans[0]![1]).toBe(k + 1);
        for (let i = 1; i < spans.length; i++) expect(spans[i]![1]).toBe(spans[i - 1]![0]);
        for (const [, , bins] of spans.slice(0, -1)) expect(bins).toBeGreaterThanOrEqual(0);
        for (const [, , bins] of spans.slice(0, -1)) expect(bins).toBeLessThan(BIN_STEP);
        expect(ranges.at(-1)![1]).toBeLessThanOrEqual(-(2 ** 50));
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});
