import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEvents, EventIndex, type TimelineEvent } from '../src/index.js';
import { sortOrder } from '../src/layout/sort-order.js';

/** Numbers that make ties, cross zero, carry fractions and use every bit of a float64. */
const key = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, 1e-300, -1e-300, 1.5, -1.5, 2 ** 52 + 1, -(2 ** 40), 1.7e12, 8.64e15, -8.64e15, 1e300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function comparatorOrder(keys: number[][]): number[] {
  const n = keys[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (const k of keys) {
      const d = k[a]! - k[b]!;
      if (d !== 0) return d;
    }
    return 0;
  });
}

describe('sortOrder', () => {
  it('orders as a stable comparator sort does, by every key in turn (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.array(key, { minLength: 3, maxLength: 3 })),
        fc.boolean(),
        (k, rows, offset) => {
          const keys = Array.from({ length: k }, (_, j) => rows.map((row) => row[j]!));
          // The keys are read in place: their own bytes, from their offset in the buffer.
          const given = keys.map((values) => {
            if (!offset) return Float64Array.from(values);
            const buffer = new Float64Array(values.length + 2).fill(-1);
            buffer.set(values, 1);
            return buffer.subarray(1, values.length + 1);
          });
          expect([...sortOrder(...given)]).toEqual(comparatorOrder(keys));
        },
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('leaves sorted input as it is, and handles no or one element', () => {
    const f = (...values: number[]) => Float64Array.from(values);
    expect([...sortOrder(f(1, 2, 2, 3), f(0, 1, 2, 0))]).toEqual([0, 1, 2, 3]);
    expect([...sortOrder(f())]).toEqual([]);
    expect([...sortOrder(f(5))]).toEqual([0]);
    expect([...sortOrder(f(3, 1, 2))]).toEqual([1, 2, 0]);
  });

  it('sorts a large shuffled run (16-bit digits) the way the comparator does', () => {
    const n = 70_000;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 1000;
    const froms = Array.from({ length: n }, () => Math.floor(random()) * 86_400_000 + 1.5e12);
    const tos = froms.map((from, i) => from + (i % 3) * 86_400_000);
    expect([...sortOrder(Float64Array.from(froms), Float64Array.from(tos))]).toEqual(comparatorOrder([froms, tos]));
  });
});

describe('EventIndex order', () => {
  it('is the order of compareEvents, even for events not in input order (fast-check)', () => {
    const span = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.nat(20));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (spans) => {
        const events = spans.map(([from, length, index], i) => ({
          id: `e${i}`,
          from: from * 1000,
          to: (from + length) * 1000,
          index,
        })) as unknown as TimelineEvent[];
        const index = new EventIndex(events);
        expect(index.sorted).toEqual([...events].sort(compareEvents));
        expect([...index.intervals.froms]).toEqual(index.sorted.map((event) => event.from));
        expect([...index.intervals.tos]).toEqual(index.sorted.map((event) => event.to));
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
