import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringSet } from '../src/model/string-set.js';

describe('StringSet', () => {
  it('answers add and has as a Set does, across growth (fast-check)', () => {
    const word = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.nat(3000).map((n) => `e${n}`),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), word), { maxLength: 400 }), fc.nat(300), (ops, expected) => {
        const set = new StringSet(expected);
        const reference = new Set<string>();
        for (const [isAdd, key] of ops) {
          if (isAdd) {
            expect(set.add(key)).toBe(!reference.has(key));
            reference.add(key);
          } else {
            expect(set.has(key)).toBe(reference.has(key));
          }
        }
        expect(set.size).toBe(reference.size);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('tells apart strings that differ only in code units beyond ASCII, and the empty string', () => {
    const set = new StringSet();
    for (const key of ['', 'é', 'e\u0301', '😀', '\ud83d', 'a'.repeat(1000)]) expect(set.add(key)).toBe(true);
    expect(set.has('e\u0301')).toBe(true);
    expect(set.has('\ude00')).toBe(false);
    expect(set.add('😀')).toBe(false);
    expect(set.size).toBe(6);
  });
});
