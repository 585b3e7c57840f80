import { describe, expect, it } from 'vitest';
import { createTimeScale, coordOf, EventIndex, parseDataset, placeEvents, type TimelineEvent } from '../src/index.js';

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

describe('placeEvents', () => {
  const measure = (text: string) => text.length * 7;

  it('stacks overlapping labels into rows so that no two items overlap', () => {
    const list = new EventIndex(
      events(
        Array.from({ length: 12 }, (_, i) => ({
          id: `e${i}`,
          title: `Event number ${i}`,
          start: `2020-01-${String(i + 1).padStart(2, '0')}`,
        })),
      ),
    ).sorted;
    const scale = createTimeScale([coordOf(2020), coordOf(2020, 2)], [0, 800]);
    const { items, rows } = placeEvents(list, [{ id: 'default', label: '', index: 0 }], scale, {
      measure,
      maxRows: 20,
    });
    expect(rows[0]).toBeGreaterThan(1);
    const extent = (p: (typeof items)[number]) =>
      [p.x0, p.labelVisible ? p.labelX + measure(p.event.title) : p.x1] as const;
    for (const a of items) {
      for (const b of items) {
        if (a === b || a.row !== b.row) continue;
        const [a0, a1] = extent(a);
        const [b0, b1] = extent(b);
        expect(a1 <= b0 || b1 <= a0).toBe(true);
      }
    }
  });

  it('sends marks to an overflow row, clustered, when a lane runs out of rows', () => {
    const list = events(
      Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, title: 'A long enough title', start: '2020-01-15' })),
    );
    const scale = createTimeScale([coordOf(2020), coordOf(2021)], [0, 600]);
    const { items, clusters, rows } = placeEvents(list, [{ id: 'default', label: '', index: 0 }], scale, {
      measure,
      maxRows: 3,
    });
    expect(rows[0]).toBe(4);
    expect(items.map((p) => [p.row, p.labelVisible])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ row: 3, from: coordOf(2020, 1, 15), to: coordOf(2020, 1, 16) });
    expect(clusters[0]!.events).toHaveLength(27);
  });

  it('accounts for every event exactly once, and nothing drawn overlaps, on dense random data', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const list = new EventIndex(
      events(
        Array.from({ length: 2000 }, (_, i) => ({
          id: `e${i}`,
          title: `Event ${i}`,
          start: `${2000 + Math.floor(random() * 20)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-10`,
          lane: `l${i % 3}`,
        })),
      ),
    ).sorted;
    const lanes = ['l0', 'l1', 'l2'].map((id, index) => ({ id, label: id, index }));
    const scale = createTimeScale([coordOf(2000), coordOf(2020)], [0, 1000]);
    const { items, clusters } = placeEvents(list, lanes, scale, { measure, maxRows: 5 });
    const seen = [...items.map((p) => p.event.id), ...clusters.flatMap((c) => c.events.map((e) => e.id))];
    expect(seen.sort()).toEqual(list.map((e) => e.id).sort());
    expect(clusters.length).toBeGreaterThan(0);
    type Box = { lane: number; row: number; a: number; b: number };
    const boxes: Box[] = [
      ...items.map((p) => ({ lane: p.lane, row: p.row, a: p.x0, b: p.x1 })),
      ...items
        .filter((p) => p.labelVisible && !p.labelInside)
        .map((p) => ({ lane: p.lane, row: p.row, a: p.labelX, b: p.labelX + measure(p.label) })),
      ...clusters.map((c) => ({ lane: c.lane, row: c.row, a: c.x0, b: c.x1 })),
    ];
    const byRow = new Map<string, Box[]>();
    for (const box of boxes) byRow.set(`${box.lane}/${box.row}`, [...(byRow.get(`${box.lane}/${box.row}`) ?? []), box]);
    for (const row of byRow.values()) {
      row.sort((x, y) => x.a - y.a);
      for (let i = 1; i < row.length; i++) expect(row[i]!.a).toBeGreaterThanOrEqual(row[i - 1]!.b);
    }
  });

  it('draws ranges and coarse dates as bars, days as points', () => {
    const list = events([
      { id: 'range', title: 'Shoot', start: '2020-02', end: '2021-09' },
      { id: 'month', title: 'Month', start: '2022-02' },
      { id: 'day', title: 'Day', start: '2023-07-12' },
    ]);
    const scale = createTimeScale([coordOf(2020), coordOf(2024)], [0, 1000]);
    const lanes = [{ id: 'default', label: '', index: 0 }];
    const byId = Object.fromEntries(placeEvents(list, lanes, scale, { measure }).items.map((p) => [p.event.id, p]));
    expect(byId['range']).toMatchObject({ bar: true });
    expect(byId['range']!.x1 - byId['range']!.x0).toBeCloseTo(scale(coordOf(2021, 10)) - scale(coordOf(2020, 2)));
    expect(byId['month']!.bar).toBe(true);
    expect(byId['day']).toMatchObject({ bar: false });
    expect(byId['day']!.x1 - byId['day']!.x0).toBe(12);
  });
});

describe('placeEvents near the edges', () => {
  const measure = (text: string) => text.length * 7;
  const lanes = [{ id: 'default', label: '', index: 0 }];

  it('puts a label before its mark when the plot ends first, and shortens one that fits neither side', () => {
    const list = events([
      { id: 'end', title: 'Near the right edge', start: '2020-12-20' },
      { id: 'tight', title: 'A title far too long to fit on either side of this mark', start: '2020-07-01' },
    ]);
    const scale = createTimeScale([coordOf(2020, 6), coordOf(2021)], [0, 300]);
    const byId = Object.fromEntries(placeEvents(list, lanes, scale, { measure }).items.map((p) => [p.event.id, p]));
    const end = byId['end']!;
    expect(end.label).toBe('Near the right edge');
    expect(end.labelX + measure(end.label)).toBeLessThanOrEqual(end.x0);
    const tight = byId['tight']!;
    expect(tight.label.endsWith('…')).toBe(true);
    expect(tight.labelX + measure(tight.label)).toBeLessThanOrEqual(300);
    expect(tight.labelX).toBeGreaterThanOrEqual(0);
  });
});
