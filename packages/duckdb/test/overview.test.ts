/**
 * A prepared database's overview (overview.ts): written beside the database by prepareFile, it
 * answers the whole-extent counts and windows a first view asks exactly as the database does (row
 * for row, over random data and random requests, SqlSource-shaped windows among them), hands
 * everything else to the database once attached, and turns the database failing to attach, or
 * having been written by another prepare, into an error every later call rejects with and that
 * subscribers hear of.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { levelFor } from '@reeltime/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateEventsSql,
  SqlSource,
  SqlSourceError,
  type Backend,
  type CountsAnswer,
  type CountsRequest,
  type WindowRequest,
} from '../src/index.js';
import { NodeDuckDbEngine, openPreparedFile, overviewPathOf, prepareFile } from '../src/node.js';
import { binnedLevel } from '../src/bins.js';
import { OVERVIEW_PIXELS, OVERVIEW_VERSION, readOverview, type Overview } from '../src/overview-file.js';
import { OverviewBackend, type AttachedPrepared } from '../src/overview.js';
import { writeFixture } from './fixture.js';

interface Prepared {
  readonly name: string;
  /** Whether its overview's count rows were capped below the default. */
  readonly capped: boolean;
  readonly opened: Awaited<ReturnType<typeof openPreparedFile>>;
  readonly overview: Overview;
}

const prepared: Prepared[] = [];
let dir: string;

/** Prepares `file` into the test folder under `name` (with `limits` for its overview) and opens it. */
async function prepare(name: string, file: string, limits?: { countRows?: number; sampleRows?: number }) {
  const out = join(dir, `${name}.reeltime.duckdb`);
  const result = await prepareFile(file, { out, ...(limits ? { overview: limits } : {}) });
  expect(result.overview?.out).toBe(overviewPathOf(out));
  const overview = readOverview(JSON.parse(readFileSync(overviewPathOf(out), 'utf8')))!;
  expect(overview).toBeDefined();
  return { name, capped: limits?.countRows !== undefined, opened: await openPreparedFile(out), overview, out };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reeltime-overview-'));
  const fixture = await writeFixture(25_000);
  prepared.push(await prepare('fixture', fixture.file));
  // Random data (seeded): sizes, lanes, years and caps small enough that the overview keeps only
  // the coarser levels of the count table and a coarser sample cell than the smallest.
  const datasets = fc.sample(
    fc.record({
      count: fc.integer({ min: 50, max: 4000 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      lanes: fc.integer({ min: 1, max: 9 }),
      years: fc.integer({ min: 1, max: 40 }),
      countRows: fc.option(fc.integer({ min: 10, max: 3000 }), { nil: undefined }),
      sampleRows: fc.option(fc.integer({ min: 20, max: 2000 }), { nil: undefined }),
    }),
    { numRuns: 4, seed: 18 },
  );
  // And the smallest: one event, and a few in one year.
  datasets.push(
    { count: 1, seed: 1, lanes: 1, years: 1, countRows: undefined, sampleRows: undefined },
    { count: 7, seed: 2, lanes: 3, years: 1, countRows: undefined, sampleRows: 20 },
  );
  const engine = await NodeDuckDbEngine.create();
  for (const [i, { count, seed, lanes, years, countRows, sampleRows }] of datasets.entries()) {
    const file = join(dir, `random-${i}.parquet`);
    await engine.all(`COPY (${generateEventsSql({ count, seed, lanes, years })}) TO '${file}' (FORMAT parquet)`);
    const limits = { ...(countRows ? { countRows } : {}), ...(sampleRows ? { sampleRows } : {}) };
    prepared.push(await prepare(`random-${i}`, file, limits));
  }
  engine.close();
}, 180_000);

afterAll(() => {
  for (const { opened } of prepared) opened.engine.close();
});

/** A backend that notes every call and answers from `inner`. */
function spy(inner: Backend) {
  const calls: string[] = [];
  const backend: Backend = {
    info: () => (calls.push('info'), inner.info()),
    window: (request) => (calls.push('window'), inner.window(request)),
    counts: (request) => (calls.push('counts'), inner.counts(request)),
    byId: (id) => (calls.push('byId'), inner.byId(id)),
    byPosition: (position) => (calls.push('byPosition'), inner.byPosition(position)),
    page: (request) => (calls.push('page'), inner.page!(request)),
  };
  return { calls, backend };
}

/** The overview's backend over a prepared database whose DuckDB backend is `inner` (spied on). */
function overviewOver({ opened, overview }: Prepared) {
  const { calls, backend } = spy(opened.backend);
  const attached: Promise<AttachedPrepared> = Promise.resolve({ backend, meta: opened.meta });
  return { calls, overview: new OverviewBackend(overview, attached, 'test.duckdb') };
}

/** Counts with their `[lane, bucket, count]` triples in order (a GROUP BY gives them in any). */
function sorted({ starts, ends, total }: CountsAnswer) {
  const triples = (flat: readonly number[]) =>
    Array.from({ length: flat.length / 3 }, (_, i) => flat.slice(3 * i, 3 * i + 3)).sort(
      (a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!,
    );
  return { starts: triples(starts), ends: triples(ends), total };
}

/** A view over the whole extent `[lo, hi]` (and up to half as much again on each side), 100–3000 px. */
const wholeViews = (lo: number, hi: number, lanes: number) =>
  fc
    .tuple(
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.integer({ min: 100, max: 3000 }),
      fc.option(fc.uniqueArray(fc.integer({ min: 0, max: lanes - 1 }), { maxLength: lanes }), { nil: undefined }),
      fc.integer({ min: 1, max: 16 }),
      fc.oneof(fc.constant(5000), fc.integer({ min: 1, max: 400 })),
    )
    .map(([before, after, pixels, lanes, perCell, limit]) => {
      const span = Math.max(hi - lo, 1);
      return { from: lo - before * span, to: hi + after * span, pixels, lanes, perCell, limit };
    });

/** The window request SqlSource asks for a view (its start on a grid of 1,024 px at the level, a margin of 320 px). */
function sourceWindow(view: { from: number; to: number; pixels: number; lanes: number[] | undefined }) {
  const msPerPixel = (view.to - view.from) / view.pixels;
  const unit = 2 ** levelFor(msPerPixel);
  const margin = 320 * msPerPixel;
  const tile = 1024 * unit;
  const start = Math.floor((view.from - margin) / tile) * tile - tile;
  return { from: start, to: view.to + margin, lanes: view.lanes, cell: 32 * unit, perCell: 16, limit: 5000 };
}

describe("a prepared database's overview", () => {
  it('is written beside the database (or removed with overview: false) and names its build', async () => {
    const { opened, overview } = prepared[0]!;
    expect(overview.built).toBe(opened.meta.built);
    expect(overview.source).toEqual(opened.meta.source);
    expect(overview.state).toEqual(opened.meta.state);
    // The finest level a view of the whole extent up to OVERVIEW_PIXELS wide reads, and no finer.
    const { binWidth, info } = overview.state;
    const narrowest = (info.extent![1] - info.extent![0]) / OVERVIEW_PIXELS;
    expect(overview.countLevel).toBe(binnedLevel(narrowest, binWidth));
    expect(overview.levels.has(overview.countLevel - 1)).toBe(false);
    expect(overview.rows.length).toBeGreaterThan(100);
    // Another version (or format) is no overview: the reader waits for the database.
    const file = JSON.parse(readFileSync(overviewPathOf(join(dir, 'fixture.reeltime.duckdb')), 'utf8'));
    expect(readOverview({ ...file, version: OVERVIEW_VERSION + 1 })).toBeUndefined();
    expect(readOverview({ ...file, format: 'something-else' })).toBeUndefined();
    expect(readOverview({ ...file, sample: null })).toBeUndefined();
    // Prepared again without one: a stale overview beside it goes.
    const out = join(dir, 'bare.reeltime.duckdb');
    copyFileSync(overviewPathOf(join(dir, 'fixture.reeltime.duckdb')), overviewPathOf(out));
    const parquet = join(dir, 'random-0.parquet');
    const result = await prepareFile(parquet, { out, overview: false });
    expect(result.overview).toBeUndefined();
    expect(existsSync(overviewPathOf(out))).toBe(false);
    // The random datasets' caps: some keep only coarser levels.
    expect(prepared.some((p) => p.overview.countLevel > 0)).toBe(true);
  });

  it('answers whole-extent counts and windows as the database does, row for row, without asking it', async () => {
    let answered = { counts: 0, windows: 0, sourceWindows: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: prepared.length - 1 }).chain((i) => {
          const { extent, lanes } = prepared[i]!.overview.state.info;
          return fc.tuple(fc.constant(i), wholeViews(extent![0], extent![1], lanes.length), fc.nat(4));
        }),
        async ([i, view, shift]) => {
          const { opened } = prepared[i]!;
          const { calls, overview } = overviewOver(prepared[i]!);
          const database = opened.backend;
          const counts: CountsRequest = { from: view.from, to: view.to, buckets: view.pixels, lanes: view.lanes };
          expect(sorted(await overview.counts(counts))).toEqual(sorted(await database.counts(counts)));
          if (overview.answersCounts(counts)) answered.counts++;
          // Without a cap on its rows, it answers every view up to OVERVIEW_PIXELS that reads the count table.
          const { binWidth } = prepared[i]!.overview.state;
          if (!prepared[i]!.capped && binWidth * 8 <= (view.to - view.from) / view.pixels)
            expect(overview.answersCounts(counts)).toBe(true);
          // As SqlSource asks it, and with cells 2^shift times the sample's, fewer per cell, a lower limit.
          const asked = sourceWindow(view);
          expect(await overview.window(asked)).toEqual(await database.window(asked));
          if (overview.answersWindow(asked)) answered.sourceWindows++;
          const cell = prepared[i]!.overview.cell * 2 ** shift;
          const window: WindowRequest = {
            from: Math.floor(view.from / cell) * cell,
            to: view.to,
            lanes: view.lanes,
            cell,
            perCell: view.perCell,
            limit: view.limit,
          };
          expect(overview.answersWindow(window)).toBe(true);
          expect(await overview.window(window)).toEqual(await database.window(window));
          answered.windows++;
          // Only what the overview could not answer reached the database.
          const expected = [
            ...(overview.answersCounts(counts) ? [] : ['counts']),
            ...(overview.answersWindow(asked) ? [] : ['window']),
          ];
          expect(calls).toEqual(expected);
        },
      ),
      { numRuns: 150, seed: 18 },
    );
    // Most whole-extent views are answered from the overview, SqlSource's among them.
    expect(answered.counts).toBeGreaterThan(75);
    expect(answered.sourceWindows).toBeGreaterThan(75);
    answered = { counts: 0, windows: 0, sourceWindows: 0 };
  }, 120_000);

  it('hands what it cannot answer to the database, and answers the first view of a source', async () => {
    const { calls, overview } = overviewOver(prepared[0]!);
    const { opened } = prepared[0]!;
    const [lo, hi] = overview.overview.state.info.extent!;
    // Narrower than the extent: the database's.
    const narrow = { from: lo + (hi - lo) / 3, to: lo + (hi - lo) / 2, buckets: 960 };
    expect(overview.answersCounts(narrow)).toBe(false);
    expect(sorted(await overview.counts(narrow))).toEqual(sorted(await opened.backend.counts(narrow)));
    const window = { from: narrow.from, to: narrow.to, cell: 2 ** 35, perCell: 16, limit: 5000 };
    expect(await overview.window(window)).toEqual(await opened.backend.window(window));
    // More per cell than the sample keeps, or cells finer than its own: the database's too.
    const whole = { from: -(2 ** 45), to: hi + 1, cell: 2 ** 40, perCell: 17, limit: 5000 };
    expect(overview.answersWindow(whole)).toBe(false);
    expect(await overview.window(whole)).toEqual(await opened.backend.window(whole));
    const fine = { ...whole, perCell: 16, cell: overview.overview.cell / 2 };
    expect(overview.answersWindow(fine)).toBe(false);
    expect(await overview.window(fine)).toEqual(await opened.backend.window(fine));
    const row = await overview.byPosition(1234);
    expect(row).toEqual(await opened.backend.byPosition(1234));
    expect(await overview.byId(row!.id)).toEqual(row);
    expect(await overview.page({ from: 10, limit: 5 })).toEqual(await opened.backend.page({ from: 10, limit: 5 }));
    expect(calls).toEqual(['counts', 'window', 'window', 'window', 'byPosition', 'byId', 'page']);
    // A source's first view of the whole extent: nothing asked of the database.
    calls.length = 0;
    const source = await SqlSource.open(overview);
    const layout = { measure: (text: string) => text.length * 7 };
    const answer = await source.query({ from: lo, to: hi, pixels: 1200, layout });
    expect(calls).toEqual([]);
    const direct = await (await SqlSource.open(opened.backend)).query({ from: lo, to: hi, pixels: 1200, layout });
    expect(answer.items.map((item) => item.event.id)).toEqual(direct.items.map((item) => item.event.id));
    expect(answer.density).toEqual(direct.density);
    expect(answer.total).toBe(direct.total);
  });

  it('rejects every later call with the error of a database that failed to attach, and says so to subscribers', async () => {
    const { overview } = prepared[0]!;
    let fail!: (error: unknown) => void;
    const backend = new OverviewBackend(
      overview,
      new Promise<AttachedPrepared>((_, reject) => (fail = reject)),
      'gone.duckdb',
    );
    const source = await SqlSource.open(backend);
    const [lo, hi] = overview.state.info.extent!;
    // Before: the overview answers; a record waits for the database.
    const whole = { from: lo, to: hi, buckets: 1000 };
    expect((await backend.counts(whole)).total).toBe(overview.state.info.size);
    const waiting = backend.byId('e1');
    let heard = 0;
    source.subscribe(() => heard++);
    const error = new SqlSourceError('unreachable', '"gone.duckdb" answered 404');
    fail(error);
    await expect(waiting).rejects.toBe(error);
    expect(heard).toBe(1);
    await expect(backend.counts(whole)).rejects.toBe(error);
    await expect(backend.info()).rejects.toBe(error);
    const layout = { measure: (text: string) => text.length * 7 };
    await expect(source.query({ from: lo, to: hi, pixels: 1000, layout })).rejects.toBe(error);
    // Another error (DuckDB's worker failing to start): a SqlSourceError all the same, its cause kept.
    const cause = new Error('worker failed\nat line 1');
    const other = new OverviewBackend(overview, Promise.reject(cause), 'gone.duckdb');
    await expect(other.info()).resolves.toBeDefined();
    await expect(other.ready).rejects.toMatchObject({
      name: 'SqlSourceError',
      code: 'query-failed',
      message: 'DuckDB could not open "gone.duckdb": worker failed',
      cause,
    });
    await expect(other.byId('e1')).rejects.toMatchObject({ code: 'query-failed' });
  });

  it('refuses a database written by another prepare than the overview (bad-file), never mixing the two', async () => {
    const [a, b] = prepared;
    const backend = new OverviewBackend(
      a!.overview,
      Promise.resolve({ backend: b!.opened.backend, meta: b!.opened.meta }),
      'events.reeltime.duckdb',
    );
    let heard = 0;
    backend.subscribe(() => heard++);
    const failure = backend.byPosition(0);
    await expect(failure).rejects.toThrow(SqlSourceError);
    await expect(failure).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringMatching(/overview of "events\.reeltime\.duckdb" was written by another prepare/),
    });
    expect(heard).toBe(1);
    // The same file prepared again (same source, another build) is another prepare too.
    const again = new OverviewBackend(
      a!.overview,
      Promise.resolve({ backend: a!.opened.backend, meta: { ...a!.opened.meta, built: new Date(0).toISOString() } }),
    );
    await expect(again.ready).rejects.toMatchObject({ code: 'bad-file' });
    const [lo, hi] = a!.overview.state.info.extent!;
    await expect(again.counts({ from: lo, to: hi, buckets: 100 })).rejects.toMatchObject({ code: 'bad-file' });
  });
});
