/**
 * `<reel-timeline source="duckdb" src="…parquet">` in Chromium: DuckDB-WASM (its worker and wasm
 * served from @reeltime/duckdb) reads a Parquet file generated in the page, and the element draws
 * it, zooms (asking DuckDB again) and selects; its table view reads the rows it shows. A file that is not there, and a database that stops
 * answering, give a notice and `reel-invalid`, the last view kept. The same events prepared into a
 * DuckDB database (`pnpm prepare:duckdb`, by test/duckdb-prepared.setup.ts) are opened (downloaded
 * whole, or read by HTTP ranges past a size) and drawn, the first view from the database's overview
 * before DuckDB has it attached (and the same without an overview); a file that is no prepared
 * database is named in a notice, and so is a database that fails after the overview's first view.
 */
import { SqlSource, type Backend, type PageRequest } from '@reeltime/duckdb';
import { forgetLocalCopies, openUrl, sharedDatabase, WasmDuckDbEngine } from '@reeltime/duckdb/wasm';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const marks = (el: ReelTimeline) => [...el.shadowRoot!.querySelectorAll<SVGElement>('[part~="event"]')];
const part = (el: ReelTimeline, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const POLL = { timeout: 60_000 };
/** This project's time zone: a local copy's URL of its own, should the projects share a browser's storage. */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The detail's `key` of each `reel-duckdb:<step>` mark about `url` (wasm.ts's marks). */
const marksAbout = (step: string, url: string, key: string) =>
  performance
    .getEntriesByName(`reel-duckdb:${step}`)
    .filter((entry) => (entry as PerformanceMark).detail?.url === url)
    .map((entry) => (entry as PerformanceMark).detail[key] as unknown);

/** What `source` answers for [from, to] at 960 px: the ids drawn one by one, the density, the total. */
async function answerOf(source: SqlSource, from: number, to: number) {
  const layout = { measure: (text: string) => text.length * 7 };
  const { items, density, total } = await source.query({ from, to, pixels: 960, layout });
  return { ids: items.map((item) => item.event.id), density, total };
}

/**
 * 2,000 events in 3 lanes over 2 years (`generateEventsSql({ count: 2000, seed: 3, lanes: 3,
 * years: 2 })`, written by DuckDB in Node: DuckDB-WASM writes no Parquet without its extension).
 */
const parquetUrl = async () => new URL('/test/fixtures/duckdb-events.parquet', location.href).href;

/** The Parquet fixture prepared into a DuckDB database, and a DuckDB database not prepared (test/duckdb-prepared.setup.ts). */
const generatedUrl = (name: string) => new URL(`/test/fixtures/generated/${name}`, location.href).href;

/** A timeline over `src` with `attributes`, and the problems it reports. */
async function mountProblems(src: string, attributes = '') {
  const problems: string[] = [];
  const el = await mount(
    (el) => el.addEventListener('reel-invalid', (e) => problems.push(...e.detail.problems.map((p) => p.message))),
    960,
    '',
    `lang="en-US" source="duckdb" src="${src}" ${attributes}`,
  );
  return { el, problems };
}

/**
 * The element over the 2,000 fixture events (a Parquet file or its prepared database) draws them in
 * 3 lanes, zooms (DuckDB answers the narrower view: other events drawn one by one) and selects
 * (the description read from the records on demand, as a mark is drawn without it).
 */
async function drawsZoomsSelects(el: ReelTimeline) {
  await expect.poll(() => marks(el).length, POLL).toBeGreaterThan(10);
  expect(el.shadowRoot!.querySelectorAll('[part~="lane"]').length).toBe(3);
  const before = el.visibleRange;
  const drawn = new Set(marks(el).map((mark) => mark.dataset['id']));

  el.zoomBy(16);
  await settle(el);
  await expect.poll(() => marks(el).some((mark) => !drawn.has(mark.dataset['id'])), POLL).toBe(true);
  const after = el.visibleRange;
  expect(after.to - after.from).toBeLessThan((before.to - before.from) / 8);

  const selected: (string | null)[] = [];
  el.addEventListener('reel-select', (e) => selected.push(e.detail.event?.id ?? null));
  const mark = marks(el)[0]!;
  const id = mark.dataset['id']!;
  await userEvent.click(mark);
  await settle(el);
  expect(selected).toEqual([id]);
  expect(el.selected).toBe(id);
  // The generated titles end with the event's number (id `e123`: "Harbour vote 123").
  expect(part(el, 'details')!.querySelector('h2')!.textContent).toMatch(new RegExp(` ${id.slice(1)}$`));
  await expect
    .poll(() => part(el, 'details')!.querySelector('p:not(.when)')?.textContent, POLL)
    .toBe(`Synthetic event ${id.slice(1)}`);
  expect(part(el, 'details')!.getAttribute('aria-busy')).toBe('false');
}

describe('<reel-timeline source="duckdb">', () => {
  it('draws a Parquet file read by DuckDB-WASM, zooms and selects', async () => {
    const url = await parquetUrl();
    await drawsZoomsSelects(await mount(() => {}, 960, '', `lang="en-US" source="duckdb" src="${url}"`));
  });

  it('exports every event of the table (exportData), not only those drawn, and refuses a table over the limit', async () => {
    const url = await parquetUrl();
    const el = await mount(() => {}, 960, '', `lang="en-US" source="duckdb" src="${url}"`);
    await expect.poll(() => marks(el).length, POLL).toBeGreaterThan(10);
    const json = JSON.parse((await el.exportData('json')) as string) as {
      events: { id: string; lane: string; description?: string }[];
    };
    expect(json.events).toHaveLength(2000);
    expect(new Set(json.events.map((e) => e.id)).size).toBe(2000);
    expect(new Set(json.events.map((e) => e.lane)).size).toBe(3);
    // Whole records: the descriptions a window answer leaves out are in the file.
    expect(json.events.every((e) => /^Synthetic event \d+$/.test(e.description ?? ''))).toBe(true);
    const csv = (await el.exportData('csv')) as string;
    expect(csv.trim().split('\n')).toHaveLength(2001);

    // A source that would read more than its limit: a clear error naming the limit, no file.
    const opened = await openUrl(url);
    const small = await SqlSource.open(opened.backend, { exportLimit: 1000 });
    const limited = await mount((el) => (el.source = small));
    await expect(limited.exportData('json')).rejects.toThrow(
      'The table holds 2,000 events, more than the 1,000 an export reads (SqlSource option exportLimit)',
    );
  });

  it('shows the table view from DuckDB, reading the rows in view as they come into view, by date only', async () => {
    const opened = await openUrl(await parquetUrl());
    const inner = opened.backend;
    const pages: PageRequest[] = [];
    const spy: Backend = {
      info: () => inner.info(),
      window: (request) => inner.window(request),
      counts: (request) => inner.counts(request),
      byId: (id) => inner.byId(id),
      byPosition: (position) => inner.byPosition(position),
      page: (request) => (pages.push(request), inner.page!(request)),
    };
    const source = await SqlSource.open(spy);
    const el = await mount((el) => {
      el.source = source;
      el.view = 'table';
    });
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.spacer)')];
    const read = () => rows().filter((row) => row.dataset['id']);
    await expect.poll(() => read().length, POLL).toBeGreaterThan(5);
    await settle(el);
    expect(rows().filter((row) => row.classList.contains('loading'))).toEqual([]);
    const table = el.shadowRoot!.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toContain('2,000 events');
    expect(table.getAttribute('aria-rowcount')).toBe('2001');
    // Sorting 2,000 (or 20 million) rows by title is the database's work: the date order only.
    const headers = [...table.querySelectorAll('th')];
    expect(headers.map((th) => th.textContent!.trim())).toEqual(['Date▲', 'Title', 'Lane', 'Status']);
    expect(headers.map((th) => th.querySelector<HTMLButtonElement>('button.sort')?.dataset['sort'] ?? null)).toEqual([
      'date',
      null,
      null,
      null,
    ]);
    // The rows are the database's, in display order, with their titles and lanes.
    const first = await inner.page!({ from: 0, limit: rows().length });
    expect(read().map((row) => row.dataset['id'])).toEqual(first.map((row) => row.id));
    expect(read()[0]!.cells[1]!.textContent!.trim()).toBe(first[0]!.title);
    expect(read()[0]!.cells[2]!.textContent!.trim()).toBe(first[0]!.lane);

    // Scrolled to row 1,500: those rows are read, not the whole table.
    part(el, 'table')!.scrollTop = 1500 * 32;
    await expect.poll(() => Number(rows()[0]!.getAttribute('aria-rowindex')), POLL).toBeGreaterThan(1490);
    await expect.poll(() => rows().filter((row) => row.classList.contains('loading')).length, POLL).toBe(0);
    const at = Number(read()[0]!.getAttribute('aria-rowindex')) - 2;
    expect(read()[0]!.dataset['id']).toBe((await inner.byPosition(at))!.id);
    const asked = pages.reduce((sum, page) => sum + page.limit, 0);
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(1000);
  });

  it('names a file DuckDB cannot read in a notice and reel-invalid', async () => {
    const problems: string[] = [];
    const el = await mount(
      (el) => el.addEventListener('reel-invalid', (e) => problems.push(...e.detail.problems.map((p) => p.message))),
      960,
      '',
      `lang="en-US" source="duckdb" src="${new URL('/no-such-file.parquet', location.href).href}"`,
    );
    await expect.poll(() => problems.length, POLL).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/no-such-file\.parquet/);
    await settle(el);
    expect(part(el, 'notice')!.textContent).toContain('no-such-file.parquet');
    expect(marks(el)).toEqual([]);
  });

  it('keeps the last view when the database stops answering, with a notice', async () => {
    const opened = await openUrl(await parquetUrl());
    let down = false;
    /** Every event an answer held before the database went down. */
    const answered = new Set<string>();
    const inner = opened.backend;
    const flaky: Backend = {
      info: () => inner.info(),
      window: async (request) => {
        if (down) throw new Error('The DuckDB server could not be reached');
        const rows = await inner.window(request);
        for (const row of rows) answered.add(row.id);
        return rows;
      },
      counts: (request) =>
        down ? Promise.reject(new Error('The DuckDB server could not be reached')) : inner.counts(request),
      byId: (id) => inner.byId(id),
      byPosition: (position) => inner.byPosition(position),
    };
    const source = await SqlSource.open(flaky);
    const problems: string[] = [];
    const el = await mount((el) => {
      el.source = source;
      el.addEventListener('reel-invalid', (e) => problems.push(...e.detail.problems.map((p) => p.message)));
    });
    await expect.poll(() => marks(el).length, POLL).toBeGreaterThan(10);
    down = true;
    el.zoomBy(2);
    await expect.poll(() => problems.join(' '), POLL).toContain('could not be reached');
    await settle(el);
    expect(part(el, 'notice')!.textContent).toContain('could not be reached');
    // The last answer is still drawn, under the new scale: marks, all from answers before the failure.
    const kept = marks(el).map((mark) => mark.dataset['id']!);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((id) => !answered.has(id))).toEqual([]);
  });
});

/**
 * Holds the page's whole download of `url` (what DuckDB's attach of a small prepared database
 * waits for; the first bytes, asked by range, pass) until `release()`, or answers it 404 with
 * `release(true)`. `restore()` puts the page's fetch back.
 */
function holdDownload(url: string) {
  const original = globalThis.fetch;
  let release!: (fail?: boolean) => void;
  const gate = new Promise<boolean>((resolve) => (release = (fail = false) => resolve(fail)));
  let held = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (target === url && !new Headers(init?.headers).has('Range')) {
      held++;
      if (await gate) return new Response('', { status: 404 });
    }
    return original(input, init);
  };
  return { release, held: () => held, restore: () => (globalThis.fetch = original) };
}

/** How many prepared databases DuckDB-WASM has attached and read in this page (`reel-duckdb:ready` marks). */
const readyMarks = () => performance.getEntriesByName('reel-duckdb:ready').length;

describe('<reel-timeline source="duckdb"> over a prepared database (.duckdb)', () => {
  it("draws the first view from the database's overview before DuckDB has it, then zooms and selects through DuckDB", async () => {
    const url = generatedUrl('duckdb-events.reeltime.duckdb');
    const hold = holdDownload(url);
    try {
      const ready = readyMarks();
      const { el, problems } = await mountProblems(url);
      await expect.poll(() => marks(el).length, POLL).toBeGreaterThan(10);
      // Drawn while DuckDB waits for the file: from the overview.
      expect(hold.held()).toBe(1);
      expect(readyMarks()).toBe(ready);
      expect(el.shadowRoot!.querySelectorAll('[part~="lane"]').length).toBe(3);
      const first = marks(el).map((mark) => mark.dataset['id']);
      hold.release();
      await drawsZoomsSelects(el);
      expect(readyMarks()).toBe(ready + 1);
      expect(problems).toEqual([]);
      // The same first view as DuckDB's own (the same database without its overview).
      const bare = await mountProblems(generatedUrl('duckdb-events-bare.reeltime.duckdb'));
      await expect.poll(() => marks(bare.el).length, POLL).toBeGreaterThan(10);
      await settle(bare.el);
      expect(marks(bare.el).map((mark) => mark.dataset['id'])).toEqual(first);
    } finally {
      hold.restore();
    }
  });

  it('opens a prepared database without an overview (an older prepare) as before', async () => {
    const url = generatedUrl('duckdb-events-bare.reeltime.duckdb');
    const ready = readyMarks();
    const { el, problems } = await mountProblems(url);
    await drawsZoomsSelects(el);
    expect(readyMarks()).toBe(ready + 1);
    expect(problems).toEqual([]);
  });

  it('keeps the first view and names the database in a notice when it fails after the overview answered', async () => {
    const url = generatedUrl('duckdb-events.reeltime.duckdb');
    const hold = holdDownload(url);
    try {
      const { el, problems } = await mountProblems(url);
      await expect.poll(() => marks(el).length, POLL).toBeGreaterThan(10);
      const drawn = marks(el).map((mark) => mark.dataset['id']);
      // No question asked: the element hears of the failure from the source and asks again.
      hold.release(true);
      await expect.poll(() => problems.join(' '), POLL).toMatch(/duckdb-events\.reeltime\.duckdb" answered 404/);
      await settle(el);
      expect(part(el, 'notice')!.textContent).toContain('answered 404');
      expect(marks(el).map((mark) => mark.dataset['id'])).toEqual(drawn);
    } finally {
      hold.restore();
    }
  });

  it('opens it and draws, zooms, selects and exports as over the Parquet file', async () => {
    const { el, problems } = await mountProblems(generatedUrl('duckdb-events.reeltime.duckdb'));
    await drawsZoomsSelects(el);
    expect(problems).toEqual([]);
    // Every event is there, with the same records as in the Parquet file.
    const events = (json: string) => (JSON.parse(json) as { events: { id: string }[] }).events;
    const fromParquet = await mount(() => {}, 960, '', `lang="en-US" source="duckdb" src="${await parquetUrl()}"`);
    await expect.poll(() => marks(fromParquet).length, POLL).toBeGreaterThan(10);
    const prepared = events((await el.exportData('json')) as string);
    expect(prepared).toHaveLength(2000);
    expect(prepared).toEqual(events((await fromParquet.exportData('json')) as string));
  });

  it('downloads a small prepared database whole, reads a larger one by ranges, and answers the same', async () => {
    const url = generatedUrl('duckdb-events.reeltime.duckdb');
    /** The page's own requests for the file (DuckDB's worker makes the range requests). */
    const fetched = () => performance.getEntriesByType('resource').filter((entry) => entry.name === url).length;
    const before = fetched();
    // Without the overview, which would answer before the database is read.
    const whole = await openUrl(url, { overview: false });
    // Its first bytes, then the whole file (under DOWNLOAD_LIMIT).
    expect(fetched() - before).toBe(2);
    const ranged = await openUrl(url, { downloadLimit: 0, overview: false });
    // Its first bytes only: DuckDB reads the rest by ranges from its worker.
    expect(fetched() - before).toBe(3);
    expect(ranged.extent).toEqual(whole.extent);
    const [lo, hi] = whole.extent!;
    const layout = { measure: (text: string) => text.length * 7 };
    for (const [from, to] of [
      [lo, hi],
      [lo + (hi - lo) / 3, lo + (hi - lo) / 2],
    ]) {
      const answer = async (source: typeof whole) => {
        const { items, density, total } = await source.query({ from: from!, to: to!, pixels: 960, layout });
        return { ids: items.map((item) => item.event.id), density, total };
      };
      expect(await answer(ranged)).toEqual(await answer(whole));
    }
  });

  it('warms DuckDB up in the background once it has the database, and answers as without', async () => {
    // A URL of this test's own: the marks of other tests' warm-ups name theirs.
    const url = `${generatedUrl('duckdb-events.reeltime.duckdb')}?warm`;
    const warmed = () => marksAbout('warm', url, 'views');
    const cold = await openUrl(url, { overview: false, downloadLimit: 0, warm: false });
    const warm = await openUrl(url, { overview: false, downloadLimit: 0 });
    // The whole extent and three views zoomed in about its middle and each of its quarters.
    await expect.poll(warmed, POLL).toEqual([10]);
    const [lo, hi] = warm.extent!;
    for (const [from, to] of [
      [lo, hi],
      [lo + (hi - lo) * 0.49, lo + (hi - lo) * 0.51],
    ] as const)
      expect(await answerOf(warm, from, to)).toEqual(await answerOf(cold, from, to));
  });

  it('keeps a local copy (localCopy): downloaded while it answers by ranges, read once complete, and on the next open', async () => {
    // A URL of this test's own: the copy is named by it, and the marks carry it.
    const url = `${generatedUrl('duckdb-events.reeltime.duckdb')}?local&zone=${ZONE}`;
    await forgetLocalCopies(url);
    const local = () => marksAbout('local', url, 'kept');
    const options = { overview: false, downloadLimit: 0, warm: false } as const;
    const byRanges = await openUrl(url, options);
    const copying = await openUrl(url, { ...options, localCopy: true });
    // Copied in the background, then read: `kept: false`, made on this open.
    await expect.poll(local, POLL).toEqual([false]);
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('reeltime-local');
    const files = new Map<string, File>();
    for await (const [name, handle] of folder as unknown as AsyncIterable<[string, FileSystemFileHandle]>)
      files.set(name, await handle.getFile());
    const size = Number((await fetch(url, { method: 'HEAD' })).headers.get('content-length'));
    const json = [...files].find(([name, file]) => name.endsWith('.json') && file.size > 0);
    expect(json).toBeDefined();
    expect(JSON.parse(await json![1].text())).toMatchObject({ href: url, size });
    expect(files.get(json![0].replace(/json$/, 'duckdb'))?.size).toBe(size);
    // The next open reads the copy from the start (`kept: true`), before it resolves.
    const reopened = await openUrl(url, { ...options, localCopy: true });
    expect(local()).toEqual([false, true]);
    const [lo, hi] = byRanges.extent!;
    for (const [from, to] of [
      [lo, hi],
      [lo + (hi - lo) * 0.3, lo + (hi - lo) * 0.32],
    ] as const) {
      const expected = await answerOf(byRanges, from, to);
      expect(expected.ids.length).toBeGreaterThan(0);
      expect(await answerOf(copying, from, to)).toEqual(expected);
      expect(await answerOf(reopened, from, to)).toEqual(expected);
    }
    // A copy whose server now sends another file (its ETag changed) is not read.
    const writable = await (await folder.getFileHandle(json![0])).createWritable();
    await writable.write(JSON.stringify({ href: url, size, tag: 'W/"another"' }));
    await writable.close();
    await openUrl(url, { ...options, localCopy: true });
    expect(local()).toEqual([false, true]);
  });

  it('keeps a local copy with the local-copy attribute (a small database: written from the download), and reads it on the next visit', async () => {
    const url = `${generatedUrl('duckdb-events.reeltime.duckdb')}?element-local&zone=${ZONE}`;
    await forgetLocalCopies(url);
    const local = () => marksAbout('local', url, 'kept');
    const first = await mountProblems(url, 'local-copy');
    await expect.poll(local, POLL).toEqual([false]);
    first.el.remove();
    // The next visit attaches the copy: nothing downloaded.
    const { el, problems } = await mountProblems(url, 'local-copy');
    await expect.poll(local, POLL).toEqual([false, true]);
    await drawsZoomsSelects(el);
    expect(problems).toEqual([]);
  });

  it('runs background statements once its own have left it alone, after those asked meanwhile', async () => {
    const connection = await (await sharedDatabase()).connect();
    try {
      const engine = new WasmDuckDbEngine(connection);
      const order: string[] = [];
      const slow = `SELECT count(*) AS n FROM range(CAST(? AS BIGINT))`;
      const first = engine.all(slow, [2e7]);
      const background = engine
        .background(50)
        .all('SELECT CAST(? AS INTEGER) AS n', [1])
        .then((rows) => (order.push('background'), rows));
      // Asked once the first has ended, while the background one waits for quiet.
      const second = first.then(() => (order.push('first'), engine.all(slow, [1e6]))).then(() => order.push('second'));
      await Promise.all([background, second]);
      expect(order).toEqual(['first', 'second', 'background']);
      expect(await background).toEqual([{ n: 1 }]);
    } finally {
      await connection.close();
    }
  });

  it('names a file that is no prepared database, or not there, in a notice and reel-invalid', async () => {
    const cases: [string, string, RegExp][] = [
      // format="duckdb" says what the file name does not: here wrongly, a Parquet file.
      [await parquetUrl(), 'format="duckdb"', /duckdb-events\.parquet" is not a DuckDB database/],
      [generatedUrl('not-prepared.duckdb'), '', /is a DuckDB database but not one prepared for reeltime/],
      [generatedUrl('no-such-file.duckdb'), '', /no-such-file\.duckdb" answered 404/],
    ];
    for (const [src, attributes, message] of cases) {
      const { el, problems } = await mountProblems(src, attributes);
      await expect.poll(() => problems.length, POLL).toBeGreaterThan(0);
      expect(problems[0]).toMatch(message);
      await settle(el);
      expect(part(el, 'notice')!.textContent).toMatch(message);
      expect(marks(el)).toEqual([]);
    }
  });
  it('gives rows column by column with the values Arrow gives row by row (nulls, integers, text, dates)', async () => {
    const connection = await (await sharedDatabase()).connect();
    try {
      const engine = new WasmDuckDbEngine(connection);
      const sql = `SELECT * FROM (VALUES (1.5, 'a', NULL, CAST(2 AS BIGINT), TIMESTAMP '2020-02-03 04:05:06', 7),
        (NULL, NULL, 'x', NULL, NULL, 8), (-0.25, 'é ✓', 'y', CAST(-3 AS BIGINT), TIMESTAMP '1969-12-31 23:59:59', ?))
        AS t(d, s, n, b, ts, i)`;
      const statement = await connection.prepare(sql);
      const expected = (await statement.query(9)).toArray().map((row: { toJSON(): object }) => row.toJSON());
      await statement.close();
      const rows = await engine.all(sql, [9]);
      expect(rows).toHaveLength(3);
      expect(rows).toEqual(expected);
      expect(rows[1]).toEqual({ d: null, s: null, n: 'x', b: null, ts: null, i: 8 });
      expect(await engine.all(`SELECT 1 AS one WHERE false`)).toEqual([]);
    } finally {
      await connection.close();
    }
  });

  it("prepares a statement once and runs it with each step's parameters; a bad one is not kept", async () => {
    const connection = await (await sharedDatabase()).connect();
    try {
      const prepare = vi.spyOn(connection, 'prepare');
      const engine = new WasmDuckDbEngine(connection);
      const sql = `SELECT CAST(? AS INTEGER) * 2 AS twice, CAST(? AS VARCHAR) AS word`;
      expect(await engine.all(sql, [2, 'a'])).toEqual([{ twice: 4, word: 'a' }]);
      expect(await engine.all(sql, [5, 'b'])).toEqual([{ twice: 10, word: 'b' }]);
      const [first, second] = await Promise.all([engine.all(sql, [7, 'c']), engine.all(sql, [8, 'd'])]);
      expect([first, second]).toEqual([[{ twice: 14, word: 'c' }], [{ twice: 16, word: 'd' }]]);
      expect(prepare).toHaveBeenCalledTimes(1);
      // More texts than are kept: the first is closed, and prepared again when asked again.
      for (let i = 0; i < 70; i++)
        expect(await engine.all(`SELECT CAST(? AS INTEGER) + ${i} AS n`, [1])).toEqual([{ n: 1 + i }]);
      expect(await engine.all(sql, [1, 'e'])).toEqual([{ twice: 2, word: 'e' }]);
      expect(prepare).toHaveBeenCalledTimes(72);
      // A statement that does not prepare is asked again (and fails again), not kept as a rejection.
      const bad = `SELECT * FROM no_such_table WHERE x = ?`;
      await expect(engine.all(bad, [1])).rejects.toThrow(/no_such_table/);
      await expect(engine.all(bad, [1])).rejects.toThrow(/no_such_table/);
      expect(prepare).toHaveBeenCalledTimes(74);
    } finally {
      await connection.close();
    }
  });
});
