/**
 * The pre-sampled table (first 16 events per lane and bin at the count table's coarser
 * resolutions): wide windows read it, and answer what the documented sample stands for — per lane
 * and cell, the first events in display order, events of whole bins inside the window counted in
 * the cell holding their bin's middle, the others by their start — checked against a model over
 * the events themselves for random windows.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlBackend, type SqlEngine } from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import { writeFixture } from './fixture.js';

let engine: NodeDuckDbEngine;
let backend: SqlBackend;
const statements: string[] = [];
/** The narrow table as it is: display position, span and lane index of every event. */
let events: { f: number; t: number; li: number }[];
let levels: number[];

beforeAll(async () => {
  const fixture = await writeFixture(100_000);
  engine = await NodeDuckDbEngine.create();
  const spy: SqlEngine = {
    all: (sql, params) => (statements.push(sql), engine.all(sql, params)),
    names: (sql, params) => engine.names(sql, params),
  };
  backend = new SqlBackend(spy, { input: { file: fixture.file, format: 'parquet' }, name: 'sampled' });
  await backend.info();
  const rows = await engine.all(`SELECT f, t, CAST(li AS DOUBLE) AS li FROM sampled ORDER BY rowid`);
  events = rows.map((row) => ({ f: Number(row['f']), t: Number(row['t']), li: Number(row['li']) }));
  const built = await engine.all(`SELECT DISTINCT CAST(lvl AS DOUBLE) AS lvl FROM sampled_sample ORDER BY lvl`);
  levels = built.map((row) => Number(row['lvl']));
}, 120_000);

afterAll(() => engine?.close());

describe('the pre-sampled table', () => {
  it('is built at the resolutions whose sample is at most half the events', async () => {
    expect(levels.length).toBeGreaterThan(0);
    const sizes = await engine.all(`SELECT CAST(count(*) AS DOUBLE) AS n FROM sampled_sample GROUP BY lvl`);
    for (const row of sizes) expect(Number(row['n'])).toBeLessThanOrEqual(events.length / 2);
  });

  it('answers wide windows with the first events per lane and cell, cells moved to bin edges', async () => {
    const info = await backend.info();
    const [lo, hi] = info.extent!;
    const fine = 2 ** Math.ceil(Math.log2((hi - lo) / 2 ** 20));
    /** The documented sample, from the events themselves. */
    const model = (from: number, to: number, cell: number, perCell: number, limit: number, lanes?: number[]) => {
      const level = Math.max(...levels.filter((l) => fine * 8 ** l * 8 <= cell));
      const bin = fine * 8 ** level;
      const first = Math.ceil(from / bin);
      const last = Math.floor(to / bin) - 1;
      const taken = new Map<string, number>();
      const picked: number[] = [];
      events.forEach(({ f, t, li }, pos) => {
        if (f > to || t < from || (lanes && !lanes.includes(li))) return;
        const whole = first <= last && f >= first * bin && f < (last + 1) * bin;
        const c = whole ? Math.floor(((Math.floor(f / bin) + 0.5) * bin - from) / cell) : Math.floor((f - from) / cell);
        const key = `${li}:${c}`;
        const n = taken.get(key) ?? 0;
        if (n < perCell) picked.push(pos);
        taken.set(key, n + 1);
      });
      return picked.slice(0, limit);
    };
    let used = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 1.5, noNaN: true }),
        fc.integer({ min: 8, max: 40 }),
        fc.constantFrom(1, 5, 16),
        fc.constantFrom(200, 5000),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), { nil: undefined }),
        async (at, share, cells, perCell, limit, lanes) => {
          const span = share * (hi - lo);
          const from = lo + at * (hi - lo) - span / 2;
          const to = from + span;
          const cell = span / cells;
          statements.length = 0;
          const rows = await backend.window({ from, to, cell, perCell, limit, lanes });
          if (!statements.some((sql) => sql.includes('"sampled_sample"'))) return;
          used++;
          expect(rows.map((row) => row.pos)).toEqual(model(from, to, cell, perCell, limit, lanes));
          for (const row of rows) expect(row.from <= to && row.to >= from).toBe(true);
        },
      ),
      { numRuns: 40, seed: 4 },
    );
    // The property reached the sample, not only the exact query.
    expect(used).toBeGreaterThan(20);
  }, 120_000);

  it('answers narrow windows exactly, a crowd of equal spans included, with the first events per lane and cell', async () => {
    const [lo, hi] = (await backend.info()).extent!;
    const hour = 3_600_000;
    /** The first `perCell` events per lane and cell (by start), in display order, from the events themselves. */
    const model = (from: number, to: number, cell: number, perCell: number, limit: number, lanes?: number[]) => {
      const taken = new Map<string, number>();
      const picked: number[] = [];
      events.forEach(({ f, t, li }, pos) => {
        if (f > to || t < from || (lanes && !lanes.includes(li))) return;
        const key = `${li}:${Math.floor((f - from) / cell)}`;
        const n = taken.get(key) ?? 0;
        if (n < perCell) picked.push(pos);
        taken.set(key, n + 1);
      });
      return picked.slice(0, limit);
    };
    // The generated data's year-long events start on the extent's first day and share their span:
    // windows in its first two years start inside that crowd.
    const crowd = events.filter(({ f }) => f === lo).length;
    expect(crowd).toBeGreaterThan(1000);
    let used = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: Math.log(hour), max: Math.log(60 * 24 * hour), noNaN: true }),
        fc.integer({ min: 8, max: 40 }),
        fc.constantFrom(1, 5, 16, 17),
        fc.constantFrom(200, 5000),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), { nil: undefined }),
        async (at, logSpan, cells, perCell, limit, lanes) => {
          const span = Math.exp(logSpan);
          const from = lo + at * Math.min(2 * 365 * 24 * hour, hi - lo) - span / 2;
          const to = from + span;
          const cell = span / cells;
          statements.length = 0;
          const rows = await backend.window({ from, to, cell, perCell, limit, lanes });
          if (statements.some((sql) => sql.includes('"sampled_sample"'))) return;
          used++;
          expect(rows.map((row) => row.pos)).toEqual(model(from, to, cell, perCell, limit, lanes));
        },
      ),
      { numRuns: 40, seed: 4 },
    );
    expect(used).toBeGreaterThan(20);
  }, 120_000);

  it('leaves narrow windows to the exact query', async () => {
    const [lo] = (await backend.info()).extent!;
    statements.length = 0;
    // A cell of one minute holds less than 8 of the finest bins (2^20 across the extent: 1/8 hour here).
    await backend.window({ from: lo, to: lo + 86_400_000, cell: 60_000, perCell: 16, limit: 5000 });
    expect(statements.some((sql) => sql.includes('"sampled_sample"'))).toBe(false);
  });
});
