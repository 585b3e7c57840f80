/**
 * The DuckDB source against the in-memory source on the same 100,000 events: for random windows
 * and resolutions, the same events touching the window, the same counts per bucket and lane, the
 * same records and display positions for what is drawn one by one, and the same events drawn
 * where a window is sparse enough to draw everything.
 */
import {
  bucketSpan,
  SqlBackend,
  type Backend,
  type EventRow,
  SqlSource,
  SqlSourceError,
  dateText,
  eventOf,
  eventsOf,
} from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import { MemorySource, parseDate, type LayoutSpec, type ViewAnswer } from '@reeltime/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomWindows, writeFixture, type Fixture } from './fixture.js';

const layout: LayoutSpec = { measure: (text) => text.length * 7 };
let fixture: Fixture;
let engine: NodeDuckDbEngine;
let duck: SqlSource;
let memory: MemorySource;

beforeAll(async () => {
  fixture = await writeFixture(100_000);
  engine = await NodeDuckDbEngine.create();
  // Exact counts everywhere (no count table): the property below holds them equal to the memory source's.
  duck = await SqlSource.open(
    new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' }, preaggregate: false }),
    { debounce: 0 },
  );
  memory = new MemorySource(fixture.dataset);
}, 120_000);

afterAll(() => engine?.close());

/** Events per bucket and lane: those drawn one by one that overlap the bucket, plus the counted rest. */
function perBucket(answer: ViewAnswer, pixels: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const width = (answer.to - answer.from) / pixels;
  for (const { lane, counts } of answer.density) out.set(lane, Array.from(counts));
  for (const item of answer.items) {
    const counts = out.get(item.lane);
    if (!counts) continue;
    const [first, last] = bucketSpan(item.event.from, item.event.to, answer.from, answer.to, width, pixels);
    for (let b = first; b <= last; b++) counts[b]!++;
  }
  return out;
}

const record = (event: NonNullable<ReturnType<MemorySource['get']>>) => ({
  id: event.id,
  title: event.title,
  lane: event.lane,
  from: event.from,
  to: event.to,
  start: event.start.input,
  end: event.end?.input,
  status: event.status,
  description: event.description,
  index: event.index,
});

describe('SqlSource over DuckDB', () => {
  it('knows the size, extent and lanes the memory source knows', () => {
    expect(duck.size).toBe(memory.size);
    expect(duck.extent).toEqual(memory.extent);
    expect(duck.dataset.lanes).toEqual(memory.dataset.lanes);
  });

  it('answers random windows with the events and counts of the memory source', async () => {
    const [lo, hi] = memory.extent!;
    let sparse = 0;
    await fc.assert(
      fc.asyncProperty(randomWindows(lo, hi), async ({ from, to, pixels, lanes }) => {
        const query = { from, to, pixels, layout, ...(lanes ? { lanes } : {}) };
        const expected = memory.query(query);
        const actual = await duck.query(query);
        expect(actual.total).toBe(expected.total);
        expect(actual.density.map((d) => d.lane)).toEqual(expected.density.map((d) => d.lane));
        expect(perBucket(actual, pixels)).toEqual(perBucket(expected, pixels));
        for (const item of actual.items) {
          const event = memory.get(item.event.id)!;
          // Drawn events come without their description (details on demand, tested below).
          expect(record(item.event)).toEqual({ ...record(event), description: undefined });
          expect(item.position).toBe(memory.positionOf(item.event.id));
        }
        // Where the memory source draws every event of the window one by one, so does DuckDB.
        const inView = (answer: ViewAnswer) =>
          answer.items
            .filter((item) => item.event.from <= to && item.event.to >= from)
            .map((item) => item.event.id)
            .sort();
        if (expected.density.every((d) => d.counts.every((c) => c === 0))) {
          sparse++;
          expect(inView(actual)).toEqual(inView(expected));
        }
      }),
      { numRuns: 80, seed: 18 },
    );
    // The property reached sparse windows too, not only crowds.
    expect(sparse).toBeGreaterThan(5);
  }, 120_000);

  it('counts every event in a window holding the whole extent without reading one, and only those touching a window at an edge', async () => {
    const [lo, hi] = memory.extent!;
    const hour = 3_600_000;
    const windows = [
      [lo, hi],
      [lo - hour, hi + hour],
      [lo, lo + hour],
      [hi - hour, hi],
      [lo + 30 * 24 * hour, hi],
      [lo, hi - 30 * 24 * hour],
    ] as const;
    for (const [from, to] of windows) {
      const query = { from, to, pixels: 960, layout };
      expect((await duck.query(query)).total).toBe(memory.query(query).total);
    }
    expect(memory.query({ from: lo, to: lo + hour, pixels: 960, layout }).total).toBeLessThan(memory.size);
  });

  it('answers the counts of wide views from the count table: the exact total, and each bin counted in the bucket holding its middle', async () => {
    const statements: string[] = [];
    const spy = {
      all: (sql: string, params?: readonly (string | number | null)[]) => (
        statements.push(sql),
        engine.all(sql, params)
      ),
      names: (sql: string, params?: readonly (string | number | null)[]) => engine.names(sql, params),
    };
    const binned = new SqlBackend(spy, { input: { file: fixture.file, format: 'parquet' }, name: 'binned' });
    const exact = duck.backend;
    await binned.info();
    const [lo, hi] = memory.extent!;
    const laneIndex = new Map(memory.dataset.lanes.map((lane) => [lane.id, lane.index]));
    // The count table's bins, as documented: 2^20 across the extent at the finest, each coarser
    // resolution 8 times wider; a view uses the widest bin at most 1/8 of its bucket.
    const fine = 2 ** Math.ceil(Math.log2((hi - lo) / 2 ** 20));
    /** The histograms the count table stands for, from the events themselves. */
    const model = (from: number, n: number, w: number, lanes: readonly number[] | undefined) => {
      const level = Math.min(4, Math.floor(Math.log(w / 8 / fine) / Math.log(8)));
      const W = fine * 8 ** level;
      const T = from + n * w;
      const starts = new Map<string, number>();
      const ends = new Map<string, number>();
      const bump = (map: Map<string, number>, li: number, b: number) =>
        map.set(`${li}:${b}`, (map.get(`${li}:${b}`) ?? 0) + 1);
      for (const event of memory.dataset.events) {
        const li = laneIndex.get(event.lane)!;
        if (lanes && !lanes.includes(li)) continue;
        const ms = Math.floor(event.from / W) * W + W / 2;
        const me = (Math.ceil(event.to / W) - 1) * W + W / 2;
        const bs = Math.floor((ms - from) / w);
        const be = Math.floor((me - from) / w);
        if (bs >= 0 && bs < n) bump(starts, li, bs);
        else if (ms < from && me >= from) bump(starts, li, 0);
        if (be >= 0 && be < n) bump(ends, li, be);
        else if (ms < T && me >= T) bump(ends, li, n - 1);
      }
      return { starts, ends };
    };
    const asMap = (triples: readonly number[]) => {
      const out = new Map<string, number>();
      for (let i = 0; i < triples.length; i += 3) {
        const key = `${triples[i]}:${triples[i + 1]}`;
        out.set(key, (out.get(key) ?? 0) + triples[i + 2]!);
      }
      return out;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.03, max: 1.5, noNaN: true }),
        fc.integer({ min: 40, max: 1600 }),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), { nil: undefined }),
        async (at, share, buckets, lanes) => {
          const span = share * (hi - lo);
          const from = lo + at * (hi - lo) - span / 2;
          const request = { from, to: from + span, buckets, lanes };
          statements.length = 0;
          const approximate = await binned.counts(request);
          // The wide view was answered from the count table, not from the events, in one statement
          // (buckets, edges and total: each statement costs a few ms however little it reads).
          expect(statements).toHaveLength(1);
          expect(statements[0]).toContain('"binned_bins"');
          expect(approximate.total).toBe((await exact.counts(request)).total);
          const expected = model(from, buckets, span / buckets, lanes);
          expect(asMap(approximate.starts)).toEqual(expected.starts);
          expect(asMap(approximate.ends)).toEqual(expected.ends);
        },
      ),
      { numRuns: 30, seed: 18 },
    );
  }, 120_000);

  it('fetches an event by id (details on demand) and then knows its position', async () => {
    const probe = memory.at(12_345)!;
    const fresh = await SqlSource.open(
      new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' }, name: 'fresh' }),
    );
    expect(fresh.get(probe.id)).toBeUndefined();
    const fetched = await fresh.fetch(probe.id);
    expect(record(fetched!)).toEqual(record(probe));
    expect(fresh.positionOf(probe.id)).toBe(12_345);
    expect(await fresh.fetch("' OR '1'='1")).toBeUndefined();
  });

  it('lists every event whole, in display order, a page at a time (an export)', async () => {
    const started = performance.now();
    const all = await duck.all();
    const ms = performance.now() - started;
    expect(all).toHaveLength(memory.size);
    const positions = Array.from({ length: memory.size }, (_, i) => i);
    expect(all.map(record)).toEqual(positions.map((i) => record(memory.at(i)!)));
    // Descriptions came along (a window answer has none).
    expect(all.every((event) => typeof event.description === 'string' && event.description.length > 0)).toBe(true);
    console.info(`all(): ${all.length} events in ${Math.round(ms)} ms`);
    // A page past the end is empty; a page is the range asked for.
    expect(await duck.backend.page!({ from: memory.size, limit: 10 })).toEqual([]);
    expect((await duck.backend.page!({ from: 5, limit: 3 })).map((row) => row.pos)).toEqual([5, 6, 7]);
    await expect(duck.backend.page!({ from: -1, limit: 3 })).rejects.toThrow(/"from" must be a whole number/);
    await expect(duck.backend.page!({ from: 0, limit: 10_000_000 })).rejects.toThrow(/"limit" must be a whole number/);
  }, 120_000);

  it('refuses to list a table larger than its export limit, naming the limit, and a backend that cannot page', async () => {
    const small = await SqlSource.open(duck.backend, { exportLimit: 50_000 });
    const refused = await small.all().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SqlSourceError);
    expect((refused as SqlSourceError).code).toBe('too-large');
    expect((refused as SqlSourceError).message).toBe(
      'The table holds 100,000 events, more than the 50,000 an export reads (SqlSource option exportLimit)',
    );
    const pageless: Backend = {
      info: () => duck.backend.info(),
      window: (request) => duck.backend.window(request),
      counts: (request) => duck.backend.counts(request),
      byId: (id) => duck.backend.byId(id),
      byPosition: (position) => duck.backend.byPosition(position),
    };
    await expect((await SqlSource.open(pageless)).all()).rejects.toThrow(
      /cannot list its events \(it has no page\(\)\)/,
    );
  });

  it('draws events without their description and reads it when one is fetched', async () => {
    const fresh = await SqlSource.open(
      new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' }, name: 'drawn' }),
      { debounce: 0 },
    );
    const [lo] = memory.extent!;
    const answer = await fresh.query({ from: lo, to: lo + 30 * 86_400_000, pixels: 800, layout });
    const described = answer.items.filter((item) => memory.get(item.event.id)!.description);
    expect(described.length).toBeGreaterThan(0);
    for (const { event, position } of described.slice(0, 5)) {
      expect(event.description).toBeUndefined();
      expect(fresh.isPartial(event.id)).toBe(true);
      const full = await fresh.fetch(event.id);
      expect(record(full!)).toEqual(record(memory.get(event.id)!));
      expect(fresh.get(event.id)).toBe(full);
      expect(fresh.at(position)).toBe(full);
      expect(fresh.isPartial(event.id)).toBe(false);
    }
    // By display position too (what the table view and the keyboard ask).
    const probe = memory.at(54_321)!;
    const row = await fresh.backend.byPosition(54_321);
    expect(row?.id).toBe(probe.id);
    expect(row?.description).toBe(probe.description ?? null);
  });

  it('stops a question whose view moved on, and waits during a gesture', async () => {
    const source = await SqlSource.open(
      new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' }, name: 'gesture' }),
      { debounce: 30 },
    );
    const [lo, hi] = source.extent!;
    const signal = { aborted: false };
    await source.query({ from: lo, to: hi, pixels: 100, layout });
    const moved = source.query({ from: lo, to: hi, pixels: 101, layout, signal });
    signal.aborted = true;
    await expect(moved).rejects.toThrow(/moved on/);
  });

  it('during a gesture of 20 steps, only the first and the last step reach the database', async () => {
    const inner = new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' }, name: 'counted' });
    const asked = { window: 0, counts: 0 };
    const counted: Backend = {
      info: () => inner.info(),
      window: (request) => (asked.window++, inner.window(request)),
      counts: (request) => (asked.counts++, inner.counts(request)),
      byId: (id) => inner.byId(id),
      byPosition: (position) => inner.byPosition(position),
    };
    const source = await SqlSource.open(counted, { debounce: 30 });
    const [lo, hi] = source.extent!;
    // A pan: each step supersedes the one before (as the element aborts a view that moved on).
    // The clock stands still while the steps are asked, as in a gesture faster than the debounce:
    // on a busy machine the loop itself could otherwise take longer than 30 ms between two steps.
    const steps: Promise<unknown>[] = [];
    let controller: AbortController | undefined;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let i = 0; i < 20; i++) {
        controller?.abort();
        controller = new AbortController();
        const shift = ((hi - lo) / 100) * i;
        steps.push(source.query({ from: lo + shift, to: hi + shift, pixels: 400, layout, signal: controller.signal }));
      }
    } finally {
      vi.useRealTimers();
    }
    const settled = await Promise.allSettled(steps);
    const answered = settled.filter((s) => s.status === 'fulfilled').length;
    // The first step was not part of a gesture yet and reached the database (its answer, come too
    // late, is dropped); 18 superseded steps stopped in the debounce before any SQL; the last one
    // was answered.
    expect(settled.at(-1)!.status).toBe('fulfilled');
    expect(answered).toBe(1);
    expect(asked).toEqual({ window: 2, counts: 2 });
  });
});

describe('columns and files', () => {
  it('maps differently named columns', async () => {
    await engine.all(
      `CREATE OR REPLACE TABLE renamed AS SELECT id AS "key", title AS "name", start AS "begin at",
      "end" AS finish, lane AS "group", precision AS grain FROM read_parquet(?) LIMIT 500`,
      [fixture.file],
    );
    const source = await SqlSource.open(
      new SqlBackend(engine, {
        input: { table: 'renamed' },
        name: 'renamed_events',
        columns: { id: 'key', title: 'name', start: 'begin at', end: 'finish', lane: 'group', precision: 'grain' },
      }),
    );
    expect(source.size).toBe(500);
    const answer = await source.query({ from: source.extent![0], to: source.extent![1], pixels: 800, layout });
    expect(answer.total).toBe(500);
  });

  it('rejects column and table names that are not identifiers, before any SQL runs', async () => {
    const attempts = ['start"; DROP TABLE renamed; --', "x' OR 1=1", 'a;b', 'a"b', '', '1abc'];
    for (const name of attempts) {
      const backend = new SqlBackend(engine, { input: { table: 'renamed' }, name: 'evil', columns: { start: name } });
      await expect(backend.info()).rejects.toMatchObject({ code: 'bad-column' });
      await expect(new SqlBackend(engine, { input: { table: name } }).info()).rejects.toBeInstanceOf(SqlSourceError);
    }
    // The table is still there.
    expect((await engine.all('SELECT count(*) AS n FROM renamed'))[0]!['n']).toBe(500n);
  });

  it('names a missing column and a bad file', async () => {
    await expect(
      new SqlBackend(engine, { input: { table: 'renamed' }, name: 'missing', columns: { id: 'key' } }).info(),
    ).rejects.toMatchObject({ code: 'missing-column', message: expect.stringContaining('"title"') });
    await expect(
      new SqlBackend(engine, { input: { file: '/nonexistent/events.parquet', format: 'parquet' } }).info(),
    ).rejects.toMatchObject({ code: 'bad-file' });
  });
});

describe('rows to events', () => {
  /** A day-long event's row as a window answers it (no description). */
  const row = (pos: number, id: string, title: string): EventRow => ({
    pos,
    input: pos + 100,
    id,
    title,
    start: Date.UTC(2020, 0, pos + 1),
    end: null,
    lane: 'a',
    li: 0,
    precision: 'day',
    status: null,
    from: Date.UTC(2020, 0, pos + 1),
    to: Date.UTC(2020, 0, pos + 2),
  });

  it('eventsOf parses a page as eventOf does row by row, a duplicate id and an empty title included', () => {
    const rows = [row(0, 'x', 'First'), row(1, 'y', ''), row(2, 'x', 'Again'), row(3, 'z', 'Last')].map((r) => ({
      ...r,
      description: `About ${r.id}`,
    }));
    const events = eventsOf(rows);
    expect(events).toEqual(rows.map(eventOf));
    expect(events.map((e) => [e.id, e.title, e.index])).toEqual([
      ['x', 'First', 100],
      ['y', '', 101],
      ['x', 'Again', 102],
      ['z', 'Last', 103],
    ]);
  });

  it("a view's answer parses its new rows together, as eventOf does, and keeps the events of rows seen before", async () => {
    let answer = [row(0, 'x', 'First'), row(1, 'y', ''), row(2, 'x', 'Again')];
    const backend: Backend = {
      info: async () => ({
        size: 4,
        extent: [Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 5)],
        lanes: [{ id: 'a', label: 'a' }],
        depth: [1],
        maxSpan: 86_400_000,
      }),
      window: async () => answer,
      counts: async () => ({ starts: [], ends: [], total: answer.length }),
      byId: async () => null,
      byPosition: async () => null,
    };
    const source = await SqlSource.open(backend, { debounce: 0 });
    const layout = { measure: (text: string) => text.length * 7 };
    const view = { from: Date.UTC(2019, 11, 1), to: Date.UTC(2020, 1, 1), pixels: 800, layout };
    await source.query(view);
    // The first row of an id stands for it (as before: one event per id), the others as eventOf parses them.
    expect(source.get('x')).toEqual(eventOf(answer[0]!));
    expect(source.get('y')).toEqual(eventOf(answer[1]!));
    expect(source.at(2)).toBeUndefined();
    expect(source.isPartial('y')).toBe(true);
    const kept = source.get('y');
    answer = [row(1, 'y', 'Renamed'), row(3, 'z', 'Last')];
    await source.query({ ...view, to: Date.UTC(2020, 1, 2) });
    expect(source.get('y')).toBe(kept);
    expect(source.get('z')).toEqual(eventOf(answer[1]!));
    expect(source.positionOf('z')).toBe(3);
  });
});

describe('dates', () => {
  it('writes each precision as reeltime date text that parses back to the same span', () => {
    const ms = Date.UTC(2021, 8, 14, 10, 30, 15, 250);
    expect(dateText(ms, 'year')).toBe('2021');
    expect(dateText(ms, 'month')).toBe('2021-09');
    expect(dateText(ms, 'day')).toBe('2021-09-14');
    expect(dateText(ms, 'minute')).toBe('2021-09-14T10:30Z');
    expect(dateText(ms, 'second')).toBe('2021-09-14T10:30:15Z');
    expect(dateText(ms, 'millisecond')).toBe('2021-09-14T10:30:15.250Z');
    const month = parseDate('2021-09');
    expect(month.ok && [month.value.start, month.value.end]).toEqual([Date.UTC(2021, 8, 1), Date.UTC(2021, 9, 1)]);
    const event = eventOf({
      pos: 3,
      input: 9,
      id: 'x',
      title: '',
      start: ms,
      end: null,
      lane: 'a',
      li: 0,
      precision: 'day',
      status: null,
      description: null,
      from: 0,
      to: 0,
    });
    // An empty title is kept empty, not dropped.
    expect([event.id, event.title, event.index, event.from]).toEqual(['x', '', 9, Date.UTC(2021, 8, 14)]);
  });
});
