import { describe, expect, it } from 'vitest';
import { coordOf, EventIndex, parseDataset, type TimelineEvent } from '../src/index.js';

function events(input: unknown[]): readonly TimelineEvent[] {
  const { dataset, problems } = parseDataset(input);
  expect(problems).toEqual([]);
  return dataset.events;
}

describe('EventIndex', () => {
  const list = events([
    { id: 'late', title: 'Late', start: '2023-07-12' },
    { id: 'long', title: 'Long', start: '2020-02', end: '2021-09' },
    { id: 'early', title: 'Early', start: '2019' },
    { id: 'mid', title: 'Mid', start: '2020-06-01' },
  ]);
  const index = new EventIndex(list);

  it('sorts once by start, end, input order', () => {
    expect(index.sorted.map((e) => e.id)).toEqual(['early', 'long', 'mid', 'late']);
    expect(index.positionOf('mid')).toBe(2);
    expect(index.get('late')?.title).toBe('Late');
  });

  it('answers window queries, including ranges that start before the window', () => {
    expect(index.query(coordOf(2021, 1), coordOf(2021, 2)).map((e) => e.id)).toEqual(['long']);
    expect(index.query(coordOf(2019, 6), coordOf(2020, 6, 1)).map((e) => e.id)).toEqual(['early', 'long', 'mid']);
    expect(index.query(coordOf(2024), coordOf(2025))).toEqual([]);
  });

  it('agrees with a brute-force scan on random data', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const input = Array.from({ length: 500 }, (_, i) => {
      const y = 1990 + Math.floor(random() * 30);
      return random() < 0.3
        ? { id: `e${i}`, title: 't', start: `${y}`, end: `${y + Math.floor(random() * 5)}` }
        : { id: `e${i}`, title: 't', start: `${y}-0${1 + Math.floor(random() * 9)}` };
    });
    const all = events(input);
    const big = new EventIndex(all);
    for (let q = 0; q < 50; q++) {
      const a = coordOf(1990 + random() * 35);
      const b = a + random() * 3e11;
      const expected = big.sorted.filter((e) => e.to >= a && e.from <= b).map((e) => e.id);
      expect(big.query(a, b).map((e) => e.id)).toEqual(expected);
    }
  });
});
