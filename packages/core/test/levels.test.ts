import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bisect,
  coordOf,
  countBuckets,
  createTextMeasurer,
  IntervalIndex,
  itemGeometry,
  LevelBuilder,
  levelFor,
  MemorySource,
  MS_PER_DAY,
  overlapDepth,
  shortenLabel,
  labelText,
  parseDataset,
  type DatasetInput,
  type LayoutSpec,
  type LevelInput,
  type LevelPlacement,
  type TimelineEvent,
  type ViewItem,
} from '../src/index.js';

function source(input: DatasetInput, options?: ConstructorParameters<typeof MemorySource>[1]): MemorySource {
  const { dataset, problems } = parseDataset(input);
  expect(problems).toEqual([]);
  return new MemorySource(dataset, options);
}

/** A seeded dataset: `n` events over 2000–2020 in three lanes, a fifth of them ranges. */
function randomDataset(n: number, seed = 11): DatasetInput {
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pad = (v: number) => String(v).padStart(2, '0');
  return {
    lanes: ['l0', 'l1', 'l2'].map((id) => ({ id, label: id })),
    events: Array.from({ length: n }, (_, i) => {
      const y = 2000 + Math.floor(random() * 20);
      const start = `${y}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
      const range = random() < 0.2;
      return {
        id: `e${i}`,
        title: `Event ${i}${'x'.repeat(Math.floor(random() * 12))}`,
        start,
        ...(range ? { end: `${y + Math.floor(random() * 3)}-12` } : {}),
        lane: `l${i % 3}`,
      };
    }),
  };
}

const measure = (text: string) => text.length * 7;
const full = (s: MemorySource) => ({ from: s.extent![0], to: s.extent![1] });

/** Horizontal extents of an item's mark and label at a scale. */
function boxes(item: ViewItem, scale: (t: number) => number, spec: LayoutSpec): [number, number][] {
  const { x0, x1, labelX } = itemGeometry(item, scale, spec);
  return item.labelInside
    ? [[x0, x1]]
    : [
        [x0, x1],
        [labelX, labelX + item.labelWidth],
      ];
}

function expectNoOverlap(items: readonly ViewItem[], scale: (t: number) => number, spec: LayoutSpec): void {
  const rows = new Map<string, [number, number, string][]>();
  for (const item of items) {
    const key = `${item.lane}/${item.row}`;
    const list = rows.get(key) ?? [];
    for (const [a, b] of boxes(item, scale, spec)) list.push([a, b, item.event.id]);
    rows.set(key, list);
  }
  for (const list of rows.values()) {
    list.sort((p, q) => p[0] - q[0]);
    for (let i = 1; i < list.length; i++) {
      const [a, , id] = list[i]!;
      const [, b, prev] = list[i - 1]!;
      if (id === prev) continue;
      expect(a, `${prev} and ${id} overlap`).toBeGreaterThanOrEqual(b - 1e-6);
    }
  }
}

describe('IntervalIndex', () => {
  it('returns exactly what a linear scan returns, with long and short spans (fast-check)', () => {
    const span = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), span), { maxLength: 300 }),
        fc.double({ min: -2e4, max: 2e4, noNaN: true }),
        fc.double({ min: 0, max: 5e3, noNaN: true }),
        (spans, a, width) => {
          spans.sort((p, q) => p[0] - q[0]);
          const froms = Float64Array.from(spans, (s) => s[0]);
          const tos = Float64Array.from(spans, (s) => s[0] + s[1]);
          const index = new IntervalIndex(froms, tos);
          const b = a + width;
          const expected = spans.flatMap(([f, d], i) => (f <= b && f + d >= a ? [i] : []));
          expect(index.query(a, b)).toEqual(expected);
        },
      ),
    );
  });

  it('is not slowed down by a few very long spans: a small window examines few nodes', () => {
    const n = 100_000;
    const froms = Float64Array.from({ length: n }, (_, i) => i);
    const tos = Float64Array.from(froms, (f, i) => (i < 3 ? n * 2 : f + 1));
    const index = new IntervalIndex(froms, tos);
    const hits: number[] = [];
    const examined = index.forEach(50_000, 50_010, (i) => hits.push(i));
    expect(hits).toEqual([0, 1, 2, ...Array.from({ length: 12 }, (_, i) => 49_999 + i)]);
    // Three long spans plus a dozen short ones: a few paths through a 17-level tree, not a scan.
    expect(examined).toBeLessThan(600);
  });
});

describe('createTextMeasurer', () => {
  it('measures each distinct glyph once and sums them', () => {
    const glyph = vi.fn((g: string) => (g === 'W' ? 11 : g.length * 5));
    const m = createTextMeasurer(glyph);
    expect(m('Wow')).toBe(21);
    expect(m('WoW')).toBe(27);
    expect(glyph).toHaveBeenCalledTimes(3); // W, o, w
    expect(m('😀')).toBe(10); // a surrogate pair is one glyph
    expect(m.glyphs).toBe(4);
  });

  it('stays bounded over many distinct labels', () => {
    const m = createTextMeasurer(() => 6, { maxGlyphs: 64 });
    for (let i = 0; i < 1000; i++) m(`Title ${String.fromCodePoint(0x4e00 + i)} ${i}`);
    expect(m.glyphs).toBeLessThanOrEqual(1000 + 128);
  });
});

describe('overlapDepth', () => {
  it('counts the most events of a lane that overlap at one instant', () => {
    const froms = [0, 1, 2, 10, 10, 10, 0];
    const tos = [5, 3, 4, 11, 11, 12, 100];
    const lanes = [0, 0, 0, 0, 0, 0, 1];
    expect([...overlapDepth(froms, tos, lanes, 3)]).toEqual([3, 1, 0]);
  });

  it('answers as a bisection per start does, sorted starts or not, lanes out of range skipped (fast-check)', () => {
    // The definition: at each start, the events of its lane started so far minus those ended by then.
    const reference = (froms: number[], tos: number[], lanes: number[], laneCount: number) => {
      const byLane: number[][] = Array.from({ length: laneCount }, () => []);
      froms.forEach((_, i) => byLane[lanes[i]!]?.push(i));
      return byLane.map((indices) => {
        const ends = indices.map((i) => tos[i]!).sort((a, b) => a - b);
        let depth = 0;
        indices.forEach((i, started) => {
          depth = Math.max(depth, started + 1 - ends.filter((end) => end <= froms[i]!).length);
        });
        return depth;
      });
    };
    const span = fc.tuple(
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(span, { maxLength: 80 }), fc.boolean(), (spans, sorted) => {
        if (sorted) spans.sort((a, b) => a[0] - b[0]);
        const froms = spans.map(([from]) => from);
        const tos = spans.map(([from, length]) => from + length);
        const lanes = spans.map(([, , lane]) => lane);
        expect([...overlapDepth(froms, tos, lanes, 3)]).toEqual(reference(froms, tos, lanes, 3));
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('lets a lane grow past maxRows for events that overlap, so each can be drawn one by one', () => {
    const s = source({
      events: Array.from({ length: 9 }, (_, i) => ({
        id: `r${i}`,
        title: `Range ${i}`,
        start: '2020-02',
        end: '2021-09',
      })),
    });
    const { from, to } = full(s);
    const answer = s.query({ from, to, pixels: 1000, layout: { measure, maxRows: 8 } });
    expect(answer.items).toHaveLength(9);
    expect(answer.rows[0]).toBe(9);
  });
});

describe('levelFor', () => {
  it('picks the finest power-of-two level at least as coarse as the view', () => {
    expect(levelFor(1024)).toBe(10);
    expect(levelFor(1025)).toBe(11);
    expect(levelFor(1000)).toBe(10);
    expect(levelFor(0.5)).toBe(-1);
  });
});

describe('LevelBuilder', () => {
  /** A level input over sorted spans given as (start, length, lane, range?) tuples. */
  function inputOf(spans: [number, number, number, boolean][], laneCount: number): LevelInput {
    const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const froms = Float64Array.from(sorted, ([start]) => start * MS_PER_DAY);
    const tos = Float64Array.from(sorted, ([start, length]) => (start + length) * MS_PER_DAY);
    const lanes = Uint16Array.from(sorted, ([, , lane]) => lane);
    return {
      events: sorted.map(([start], i) => ({ title: `E${i}${'x'.repeat(start % 9)}` }) as TimelineEvent),
      lanes,
      laneCount,
      rangeLike: Uint8Array.from(sorted, ([, , , range]) => (range ? 1 : 0)),
      depth: overlapDepth(froms, tos, lanes, laneCount),
      extent: [froms[0] ?? 0, Math.max(0, ...tos)],
      froms,
      tos,
    };
  }

  it('places the same in slices of any size as at once, dense ends sorted without a sort (fast-check)', () => {
    const spec: LayoutSpec = { measure, maxRows: 3 };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(400), fc.nat(30), fc.nat(2), fc.boolean()), { maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 26, max: 34 }),
        (spans, budget, level) => {
          const input = inputOf(spans, 3);
          const whole = new LevelBuilder(level, input, spec, new Float32Array(spans.length).fill(NaN)).step()!;
          const builder = new LevelBuilder(level, input, spec, new Float32Array(spans.length).fill(NaN));
          let steps = 0;
          let sliced: LevelPlacement | undefined;
          while (!(sliced = builder.step(budget))) steps++;
          // Three passes over the events and one over each lane's placed events, in slices of `budget`.
          expect(steps).toBeLessThanOrEqual(Math.ceil((4 * spans.length + 3) / budget) + 3);
          expect(sliced.rows).toEqual(whole.rows);
          expect(sliced.flags).toEqual(whole.flags);
          expect(sliced.lanes).toEqual(whole.lanes);
          for (const lane of sliced.lanes) {
            expect([...lane.denseTos]).toEqual([...lane.denseTos].sort((a, b) => a - b));
            expect([...lane.denseFroms]).toEqual([...lane.denseFroms].sort((a, b) => a - b));
          }
        },
      ),
    );
  });
});

describe('countBuckets', () => {
  /** The counts as two full bisections per bucket give them. */
  function bisected(froms: Float64Array, tos: Float64Array, from: number, to: number, n: number): number[] {
    const width = (to - from) / n;
    return Array.from({ length: n }, (_, b) => {
      const start = from + b * width;
      const end = b === n - 1 ? to : start + width;
      return Math.max(0, bisect(froms, end) - bisect(tos, start, true));
    });
  }

  it('counts what two bisections per bucket count, and what a scan of the spans counts (fast-check)', () => {
    // Coarse grids as well as fine values: many spans share a start or an end, or fall on a bound.
    const coord = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
    const length = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 20 }),
      fc.double({ min: 0, max: 2e3, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coord, length), { maxLength: 200 }),
        coord,
        fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 1e-3, max: 3e3, noNaN: true })),
        fc.integer({ min: 1, max: 300 }),
        (spans, from, span, n) => {
          const froms = Float64Array.from(spans, ([f]) => f).sort();
          const tos = Float64Array.from(spans, ([f, d]) => f + d).sort();
          const to = from + span;
          const counts = [...countBuckets(froms, tos, from, to, n)];
          expect(counts).toEqual(bisected(froms, tos, from, to, n));
          const width = (to - from) / n;
          const scanned = Array.from({ length: n }, (_, b) => {
            const start = from + b * width;
            const end = b === n - 1 ? to : start + width;
            return spans.filter(([f, d]) => f < end && f + d > start).length;
          });
          expect(counts).toEqual(scanned);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('MemorySource', () => {
  const spec: LayoutSpec = { measure, maxRows: 5 };
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('accounts for every event in view: drawn one by one, or counted as dense', () => {
    const s = source(randomDataset(2000));
    const { from, to } = full(s);
    const answer = s.query({ from, to, pixels: 1000, layout: spec });
    expect(answer.exact).toBe(true);
    const drawn = new Set(answer.items.map((item) => item.position));
    expect(answer.items.length).toBeGreaterThan(20);
    expect(answer.items.length).toBeLessThan(2000);
    const placement = answer.level;
    expect(placement).toBe(levelFor((to - from) / 1000));
    // Each dense event is in some lane's counts; counts equal a brute-force count per bucket.
    const width = (to - from) / 1000;
    const events = s.index.sorted;
    const dense = events.flatMap((e, i) => (drawn.has(i) ? [] : [{ ...e, laneIndex: Number(e.lane.slice(1)) }]));
    expect(drawn.size + dense.length).toBe(2000);
    for (const { lane, counts } of answer.density) {
      for (const b of [0, 17, 250, 499, 999]) {
        const a = from + b * width;
        const z = b === 999 ? to : a + width;
        const expected = dense.filter((e) => e.laneIndex === lane && e.from < z && e.to > a).length;
        expect(counts[b], `lane ${lane} bucket ${b}`).toBe(expected);
      }
    }
    // Regions name how many distinct events they stand for; together, every dense event.
    const named = answer.regions.reduce((sum, r) => sum + r.count, 0);
    expect(named).toBeGreaterThanOrEqual(dense.length);
    expect(answer.total).toBe(2000);
  });

  it('never overlaps what it draws, at the level and at every finer zoom within it (fast-check)', () => {
    const s = source(randomDataset(1500, 5));
    const [lo, hi] = s.extent!;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (at, zoom, within) => {
          const span = (hi - lo) / 2 ** zoom / within;
          const from = lo + (hi - lo - span) * at;
          const to = from + span;
          const answer = s.query({ from, to, pixels: 900, layout: spec });
          const scale = (t: number) => ((t - from) / (to - from)) * 900;
          expectNoOverlap(answer.items, scale, spec);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps what a level placed in the same rows at each finer level, never overlapping', () => {
    for (const seed of [5, 17, 29]) {
      const s = source(randomDataset(2000, seed));
      const { from, to } = full(s);
      const top = levelFor((to - from) / 900);
      let before: Map<string, string> | undefined;
      for (let level = top; level >= top - 6; level--) {
        // The whole data at exactly this level's resolution (zooming in from the coarsest, as a reader does).
        const pixels = Math.ceil((to - from) / 2 ** level);
        const answer = s.query({ from, to, pixels, layout: spec });
        expect(answer.level).toBe(level);
        expectNoOverlap(answer.items, (t) => ((t - from) / (to - from)) * pixels, spec);
        const rows = new Map(answer.items.map((item) => [item.event.id, `${item.lane}:${item.row}`]));
        if (before) {
          const moved = [...before].filter(([id, row]) => rows.get(id) !== row);
          // Only a label at the very end of the data may have to move (it goes before its mark there).
          expect(moved.length, `level ${level}, seed ${seed}`).toBeLessThanOrEqual(2);
          expect(rows.size).toBeGreaterThan(before.size);
        }
        before = rows;
      }
    }
  });

  it('still draws every event at some level where a lane has a row for each overlap, rows kept or not', () => {
    // Days and ranges of up to two months in three lanes: no lane overlaps more deeply than it has rows.
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const first = Date.UTC(2019, 0, 1);
    const s = source({
      lanes: ['a', 'b', 'c'].map((id) => ({ id, label: id })),
      events: Array.from({ length: 2000 }, (_, i) => {
        const t = first + Math.floor(random() * 5 * 365) * 86_400_000;
        const range = random() < 0.33;
        const end = range ? { end: day(t + (1 + Math.floor(random() * 60)) * 86_400_000) } : {};
        return { id: `e${i}`, title: `Event ${i}`, start: day(t), ...end, lane: ['a', 'b', 'c'][i % 3]! };
      }),
    });
    const deep: LayoutSpec = { measure, maxRows: 8 };
    const { from, to } = full(s);
    const coarse = levelFor((to - from) / 900);
    s.query({ from, to, pixels: 900, layout: deep });
    const finest = levelFor((7 * 86_400_000) / 900);
    const held = s.index.sorted.filter((_, i) => s.revealLevel(i, deep, coarse, finest) === undefined);
    expect(held.map((event) => event.id)).toEqual([]);
  });

  it('measures each label at most once, and a zoom frame within a level measures and places nothing', () => {
    const m = vi.fn(measure);
    const spy: LayoutSpec = { measure: m, maxRows: 5 };
    const s = source(randomDataset(3000));
    const { from, to } = full(s);
    const level = levelFor((to - from) / 1000);
    // A view at exactly the level's resolution, then frames zoomed in within it.
    const span = 2 ** level * 1000;
    const mid = (from + to) / 2;
    s.query({ from: mid - span / 2, to: mid + span / 2, pixels: 1000, layout: spy });
    const calls = m.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(3000);
    for (const f of [1.1, 1.3, 1.6, 1.9]) {
      const answer = s.query({ from: mid - span / f / 2, to: mid + span / f / 2, pixels: 1000, layout: spy });
      expect(answer.level).toBe(level);
    }
    expect(m.mock.calls.length).toBe(calls);
    // Other levels measure only events never measured before.
    s.query({ from: mid - span / 8, to: mid + span / 8, pixels: 1000, layout: spy });
    s.query({ from, to, pixels: 1000, layout: spy });
    const titles = m.mock.calls.map((c) => c[0]);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('keeps lane heights stable: rows never shrink while zooming', () => {
    const s = source(randomDataset(800));
    const { from, to } = full(s);
    const first = [...s.query({ from, to, pixels: 800, layout: spec }).rows];
    for (let z = 1; z < 8; z++) {
      const span = (to - from) / 2 ** z;
      const rows = s.query({ from, to: from + span, pixels: 800, layout: spec }).rows;
      rows.forEach((r, lane) => expect(r).toBeGreaterThanOrEqual(first[lane]!));
    }
  });

  it('finds the level that reveals a dense event, and none for more events at one instant than rows', () => {
    const s = source({
      events: [
        ...Array.from({ length: 20 }, (_, i) => ({ id: `same${i}`, title: 'Same day', start: '2020-05-05' })),
        ...Array.from({ length: 200 }, (_, i) => ({
          id: `d${i}`,
          title: `Day ${i}`,
          start: new Date(Date.UTC(2020, 5, 1 + i)).toISOString().slice(0, 10),
        })),
      ],
    });
    const { from, to } = full(s);
    const coarse = levelFor((to - from) / 600);
    const answer = s.query({ from, to, pixels: 600, layout: spec });
    const drawn = new Set(answer.items.map((i) => i.position));
    const hidden = s.index.sorted.findIndex((e, i) => e.id.startsWith('d') && !drawn.has(i));
    expect(hidden).toBeGreaterThan(0);
    const level = s.revealLevel(hidden, spec, coarse, coarse - 40)!;
    expect(level).toBeLessThan(coarse);
    const t = s.at(hidden)!.from;
    const span = 2 ** level * 600;
    const revealed = s.query({ from: t - span / 2, to: t + span / 2, pixels: 600, layout: spec });
    expect(revealed.items.some((i) => i.position === hidden)).toBe(true);
    // Twenty events on one day, more than 16: the lane keeps its 5 rows, and 15 stay dense at every zoom.
    const stuck = s.index.sorted.findIndex(
      (e, i) => e.id.startsWith('same') && s.revealLevel(i, spec, coarse, coarse - 40) === undefined,
    );
    expect(stuck).toBeGreaterThanOrEqual(0);
  });

  it('places large data in background slices, standing in with a coarser level meanwhile', () => {
    const tasks: (() => void)[] = [];
    const s = source(randomDataset(3000), { schedule: (task) => tasks.push(task), syncLimit: 100, sliceSize: 500 });
    const notified = vi.fn();
    s.subscribe(notified);
    const { from, to } = full(s);
    const coarse = s.query({ from, to, pixels: 1000, layout: spec });
    expect(coarse.exact).toBe(true);
    const span = (to - from) / 16;
    const fine = s.query({ from, to: from + span, pixels: 1000, layout: spec });
    expect(fine.exact).toBe(false);
    expect(fine.level).toBeGreaterThan(levelFor(span / 1000));
    let guard = 0;
    while (tasks.length && guard++ < 1000) tasks.shift()!();
    expect(notified).toHaveBeenCalled();
    const after = s.query({ from, to: from + span, pixels: 1000, layout: spec });
    expect(after).toMatchObject({ exact: true, level: levelFor(span / 1000) });
  });

  /** A view of `pixels` at level `level`, centred in the data. */
  const viewAt = (s: MemorySource, level: number, pixels = 1000) => {
    const { from, to } = full(s);
    const span = 2 ** level * pixels * 0.99;
    return { from: (from + to - span) / 2, to: (from + to + span) / 2, pixels, layout: spec };
  };
  /** Levels whose placement was completed so far (by the spied step). */
  const completed = (step: { mock: { contexts: unknown[]; results: { value: unknown }[] } }) => [
    ...new Set(step.mock.contexts.filter((_, i) => step.mock.results[i]!.value).map((b) => (b as LevelBuilder).level)),
  ];

  it('places in the background only the level in view and the next finer one, however many it zooms past', () => {
    const tasks: (() => void)[] = [];
    const s = source(randomDataset(3000), { schedule: (task) => tasks.push(task), syncLimit: 100, sliceSize: 50 });
    const step = vi.spyOn(LevelBuilder.prototype, 'step');
    const coarse = s.query({ ...full(s), pixels: 1000, layout: spec }).level;
    // Eight levels finer, one slice of background work between levels: none of them lands.
    for (let level = coarse - 1; level >= coarse - 8; level--) {
      expect(s.query(viewAt(s, level)).exact).toBe(false);
      tasks.shift()?.();
    }
    const drain = () => {
      for (let guard = 0; tasks.length && guard < 10_000; guard++) tasks.shift()!();
    };
    drain();
    expect(s.query(viewAt(s, coarse - 8))).toMatchObject({ exact: true, level: coarse - 8 });
    drain();
    expect(completed(step).sort()).toEqual([coarse, coarse - 8, coarse - 9].sort());
    // Builders that did any work: the coarse one, the eight passed (one slice each), the finer one.
    expect(new Set(step.mock.contexts).size).toBe(10);
  });

  /**
   * Placement steps under a fake clock: each costs 1 ms per 100 units of budget it is given. Returns
   * idle deadlines on that clock and what each step was given and had left when it began and ended.
   */
  function fakeIdleClock() {
    let now = 0;
    let end = 0;
    const steps: { budget: number; left: number; after: number }[] = [];
    const step = LevelBuilder.prototype.step;
    vi.spyOn(LevelBuilder.prototype, 'step').mockImplementation(function (this: LevelBuilder, budget = Infinity) {
      const left = end - now;
      now += budget / 100;
      steps.push({ budget, left, after: end - now });
      return step.call(this, budget);
    });
    const deadline = (ms: number, didTimeout = false) => {
      end = now + ms;
      return { timeRemaining: () => Math.max(0, end - now), didTimeout };
    };
    return { steps, deadline };
  }

  it('steps in idle time only while more than a margin is left, sized to it, going on in the next idle period', () => {
    const tasks: ((deadline?: { timeRemaining(): number; didTimeout?: boolean }) => void)[] = [];
    const s = source(randomDataset(3000), { schedule: (task) => tasks.push(task), syncLimit: 100, sliceSize: 500 });
    const coarse = s.query({ ...full(s), pixels: 1000, layout: spec }).level;
    expect(s.query(viewAt(s, coarse - 2)).exact).toBe(false);
    const { steps, deadline } = fakeIdleClock();
    // An idle period with no time to spare does no step, and the work waits for the next one.
    tasks.shift()!(deadline(2));
    tasks.shift()!(deadline(0));
    expect(steps).toEqual([]);
    expect(tasks).toHaveLength(1);
    // Periods of 6 ms: the first step is sized by a guess, the next by the rate it showed.
    let periods = 0;
    for (; tasks.length && periods < 1000; periods++) tasks.shift()!(deadline(6));
    expect(tasks).toEqual([]);
    expect(s.query(viewAt(s, coarse - 2))).toMatchObject({ exact: true, level: coarse - 2 });
    expect(periods).toBeGreaterThan(5);
    for (const { left } of steps) expect(left).toBeGreaterThan(2);
    // Once the rate is known, no step runs into the margin (the frame after the idle period).
    for (const { after } of steps.slice(1)) expect(after).toBeGreaterThanOrEqual(2 - 1e-9);
    expect(Math.max(...steps.map((step) => step.budget))).toBeLessThanOrEqual(500);
  });

  it('does one step of sliceSize without a deadline, or past its timeout on a busy page', () => {
    const tasks: ((deadline?: { timeRemaining(): number; didTimeout?: boolean }) => void)[] = [];
    const s = source(randomDataset(3000), { schedule: (task) => tasks.push(task), syncLimit: 100, sliceSize: 50 });
    const coarse = s.query({ ...full(s), pixels: 1000, layout: spec }).level;
    s.query(viewAt(s, coarse - 2));
    const { steps, deadline } = fakeIdleClock();
    tasks.shift()!();
    tasks.shift()!(deadline(0, true));
    expect(steps.map((step) => step.budget)).toEqual([50, 50]);
    expect(tasks).toHaveLength(1);
  });

  it('places a level at once when the view reaches it before its background placement is done', () => {
    const tasks: ((deadline?: { timeRemaining(): number; didTimeout?: boolean }) => void)[] = [];
    const s = source(randomDataset(3000), { schedule: (task) => tasks.push(task), sliceSize: 50 });
    const coarse = s.query({ ...full(s), pixels: 1000, layout: spec }).level;
    const { steps, deadline } = fakeIdleClock();
    tasks.shift()!(deadline(4));
    expect(steps.length).toBeGreaterThan(0);
    expect(tasks).toHaveLength(1);
    expect(s.query(viewAt(s, coarse - 1))).toMatchObject({ exact: true, level: coarse - 1 });
    // The rest of that level's placement was done by that query, in one step.
    expect(steps.at(-1)!.budget).toBe(Infinity);
  });

  it('keeps a bounded number of levels, the coarsest and those nearest the view', () => {
    const tasks: (() => void)[] = [];
    const n = 3000;
    const s = source(randomDataset(n), {
      schedule: (task) => tasks.push(task),
      syncLimit: 100,
      cacheEvents: 4 * n,
    });
    const coarse = s.query({ ...full(s), pixels: 1000, layout: spec }).level;
    for (let level = coarse - 1; level >= coarse - 8; level--) {
      s.query(viewAt(s, level));
      for (let guard = 0; tasks.length && guard < 10_000; guard++) tasks.shift()!();
    }
    const step = vi.spyOn(LevelBuilder.prototype, 'step');
    const cached = [];
    for (let level = coarse; level >= coarse - 9; level--) if (s.query(viewAt(s, level)).exact) cached.push(level);
    expect(step).not.toHaveBeenCalled();
    // cacheEvents allows four levels: the coarsest and the three last placed, nearest the view.
    expect(cached).toEqual([coarse, coarse - 6, coarse - 7, coarse - 8]);
  });

  it('puts a label before its mark at the end of the data, and shortens one that fits neither side', () => {
    const s = source({
      events: [
        { id: 'start', title: 'Start', start: '2020-01-01' },
        { id: 'end', title: 'Near the end', start: '2020-12-20' },
        { id: 'tight', title: 'A title far too long to fit on either side of this mark', start: '2020-07-01' },
      ],
    });
    const { from, to } = full(s);
    const answer = s.query({ from, to, pixels: 300, layout: spec });
    const byId = Object.fromEntries(answer.items.map((item) => [item.event.id, item]));
    const scale = (t: number) => ((t - from) / (to - from)) * 300;
    const end = byId['end']!;
    expect(end).toMatchObject({ label: 'Near the end', labelBefore: true });
    expect(itemGeometry(end, scale, spec).labelX + end.labelWidth).toBeLessThanOrEqual(
      itemGeometry(end, scale, spec).x0,
    );
    const tight = byId['tight']!;
    expect(tight.label).toContain('…');
    const { labelX } = itemGeometry(tight, scale, spec);
    expect(labelX).toBeGreaterThanOrEqual(0);
    expect(labelX + tight.labelWidth).toBeLessThanOrEqual(300 + 1e-6);
  });

  it('draws the mirror image when time flows right to left (a reversed range)', () => {
    const s = source(randomDataset(60, 7));
    const { from, to } = full(s);
    const width = 400;
    const answer = s.query({ from, to, pixels: width, layout: spec });
    const ltr = (t: number) => ((t - from) / (to - from)) * width;
    const rtl = (t: number) => width - ltr(t);
    expect(answer.items.length).toBeGreaterThan(10);
    for (const item of answer.items) {
      const a = itemGeometry(item, ltr, spec, 0);
      const b = itemGeometry(item, rtl, spec, width, true);
      expect(b.x0).toBeCloseTo(width - a.x1, 6);
      expect(b.x1).toBeCloseTo(width - a.x0, 6);
      expect(b.labelX).toBeCloseTo(width - (a.labelX + item.labelWidth), 6);
      expect(b.labelLeft).toBe(!a.labelLeft);
    }
  });

  it('answers an empty dataset and a zero-width view without throwing', () => {
    const empty = source({ events: [] });
    expect(empty.query({ from: 0, to: 1, pixels: 100, layout: spec }).items).toEqual([]);
    const one = source({ events: [{ id: 'a', title: 'A', start: '2020-01-01' }] });
    expect(one.query({ from: 5, to: 5, pixels: 100, layout: spec }).items).toEqual([]);
    const answer = one.query({ from: coordOf(2019), to: coordOf(2021), pixels: 100, layout: spec });
    expect(answer.items.map((i) => i.event.id)).toEqual(['a']);
    expect(answer.items[0]!.bar).toBe(false);
    expect(s(one).count(coordOf(2020, 1, 1), coordOf(2020, 1, 1) + MS_PER_DAY)).toBe(1);
  });
});

const s = (x: MemorySource) => x;

describe('shortenLabel', () => {
  const measure = (text: string) => text.length * 7;
  it('drops the middle first, so titles that share their opening stay apart', () => {
    const titles = ['Filming in Malta', 'Filming in South Africa', 'Filming in Norway', 'Filming in the UK'];
    expect(titles.map((title) => shortenLabel(title, 15 * 7, measure))).toEqual([
      'Filming… Malta',
      'Filming… Africa',
      'Filming… Norway',
      'Filming in… UK',
    ]);
    // Whole titles that fit stay whole.
    expect(shortenLabel('Filming in Malta', 16 * 7, measure)).toBe('Filming in Malta');
  });

  it('cuts the first word before the last, then falls back to a prefix, then to nothing', () => {
    const long = 'Motorcycle cliff jump, shot on the first day of filming';
    expect(shortenLabel(long, 12 * 7, measure)).toBe('Mot… filming');
    expect(shortenLabel(long, 8 * 7, measure)).toBe('Motorcy…');
    expect(shortenLabel('Two words', 6 * 7, measure)).toBe('Two w…');
    expect(shortenLabel('Filming', 7, measure)).toBe('');
  });

  it('keeps the words around a title whole, shortening only the title between them', () => {
    const around = ['', ' (مخطَّط له)'] as const;
    const full = 'US theatrical release (مخطَّط له)';
    expect(shortenLabel('US theatrical release', full.length * 7, measure, around)).toBe(full);
    expect(shortenLabel('US theatrical release', (full.length - 1) * 7, measure, around)).toBe('US… release (مخطَّط له)');
    expect(shortenLabel('Sequel', 13 * 7, measure, ['Planned: ', ''])).toBe('Planned: Seq…');
    // Not even the words fit with a letter of the title: no label, never the words cut.
    expect(shortenLabel('Sequel', 10 * 7, measure, ['', ' (planned)'])).toBe('');
  });

  it("words a label with the spec's words, only for the events it names", () => {
    const spec: LayoutSpec = {
      measure,
      labelWords: (event) => (event.status === 'planned' ? ['', ' (planned)'] : undefined),
    };
    const { dataset } = parseDataset({
      events: [
        { id: 'a', title: 'Sequel', start: '2024-06-28', status: 'planned' },
        { id: 'b', title: 'Release', start: '2023-07-12' },
      ],
    });
    expect(dataset.events.map((event) => labelText(event, spec))).toEqual(['Sequel (planned)', 'Release']);
  });
});
