/**
 * `SqlSource.load`, what a table view pages through: the events at a range of display positions,
 * read whole (with descriptions) in pages of 10,000 and the same as the memory source's,
 * positions already known at either end of a range not asked again, and a read stopped when its
 * signal aborts (between pages, and the request on its way over HTTP).
 */
import { MemorySource } from '@reeltime/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  HttpBackend,
  SqlBackend,
  SqlSource,
  SqlSourceError,
  type Backend,
  type PageRequest,
} from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import { writeFixture, type Fixture } from './fixture.js';

let fixture: Fixture;
let engine: NodeDuckDbEngine;
let backend: SqlBackend;
let memory: MemorySource;

beforeAll(async () => {
  fixture = await writeFixture(25_000);
  engine = await NodeDuckDbEngine.create();
  backend = new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' } });
  await backend.info();
  memory = new MemorySource(fixture.dataset);
}, 120_000);

afterAll(() => engine?.close());

/** A source over the fixture whose backend notes every page and record it is asked for. */
async function counted() {
  const pages: PageRequest[] = [];
  const ids: string[] = [];
  const spy: Backend = {
    info: () => backend.info(),
    window: (request) => backend.window(request),
    counts: (request) => backend.counts(request),
    byId: (id) => (ids.push(id), backend.byId(id)),
    byPosition: (position) => backend.byPosition(position),
    page: (request) => (pages.push(request), backend.page(request)),
  };
  return { source: await SqlSource.open(spy), pages, ids };
}

const whole = (event: ReturnType<MemorySource['at']>) =>
  event && {
    id: event.id,
    title: event.title,
    lane: event.lane,
    from: event.from,
    to: event.to,
    status: event.status,
    description: event.description,
  };

describe('SqlSource.load', () => {
  it('reads the events at a range of positions, whole, in pages of 10,000', async () => {
    const { source, pages, ids } = await counted();
    expect(source.at(12_345)).toBeUndefined();
    await source.load(12_345, 15_000);
    // Clipped at the table's end (25,000 events), in two pages.
    expect(pages).toEqual([
      { from: 12_345, limit: 10_000 },
      { from: 22_345, limit: 2_655 },
    ]);
    expect(source.at(12_344)).toBeUndefined();
    for (const position of [12_345, 12_346, 20_000, 22_344, 22_345, 24_999])
      expect(whole(source.at(position)), `position ${position}`).toEqual(whole(memory.at(position)));
    // Whole records: selecting one of them asks the database nothing more.
    const id = source.at(20_000)!.id;
    expect(source.positionOf(id)).toBe(20_000);
    expect(source.isPartial(id)).toBe(false);
    expect((await source.fetch(id))?.description).toBe(memory.at(20_000)!.description);
    expect(ids).toEqual([]);
  });

  it('skips the positions it knows at either end of a range', async () => {
    const { source, pages } = await counted();
    await source.load(5_000, 5_000);
    await source.load(5_000, 10_000);
    await source.load(0, 10_000);
    // Every position of this range is known now: nothing is asked.
    await source.load(4_000, 7_000);
    expect(pages).toEqual([
      { from: 5_000, limit: 5_000 },
      { from: 10_000, limit: 5_000 },
      { from: 0, limit: 5_000 },
    ]);
    for (const position of [0, 4_999, 5_000, 9_999, 10_000, 14_999])
      expect(source.at(position)?.id, `position ${position}`).toBe(memory.at(position)!.id);
    expect(source.at(15_000)).toBeUndefined();
    // A record fetched on its own (a selection) is known too.
    const id = memory.at(15_000)!.id;
    await source.fetch(id);
    await source.load(15_000, 10);
    expect(pages.at(-1)).toEqual({ from: 15_001, limit: 9 });
  });

  it('stops between its pages when its signal aborts, keeping the pages read', async () => {
    const { source, pages } = await counted();
    const controller = new AbortController();
    // Aborted while the first of three pages is on its way (the table scrolled past the rows).
    const spied = source.backend.page!.bind(source.backend);
    source.backend.page = (request, options) => {
      const rows = spied(request, options);
      controller.abort();
      return rows;
    };
    const load = source.load(0, 25_000, { signal: controller.signal });
    await expect(load).rejects.toThrow(AbortedError);
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    expect(pages).toEqual([{ from: 0, limit: 10_000 }]);
    expect(source.at(9_999)?.id).toBe(memory.at(9_999)!.id);
    expect(source.at(10_000)).toBeUndefined();
    // Read again later, only what it had not read; an aborted signal reads nothing.
    source.backend.page = spied;
    await expect(source.load(0, 25_000, { signal: controller.signal })).rejects.toThrow(AbortedError);
    expect(pages).toHaveLength(1);
    await source.load(0, 25_000);
    expect(pages.slice(1)).toEqual([
      { from: 10_000, limit: 10_000 },
      { from: 20_000, limit: 5_000 },
    ]);
    expect(source.at(24_999)?.id).toBe(memory.at(24_999)!.id);
  });

  it('aborts the request on its way over HTTP', async () => {
    const { source } = await counted();
    const asked: { url: string; signal: AbortSignal | undefined }[] = [];
    // A server that never answers: only the abort ends the request, as fetch does.
    const hanging = (url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        asked.push({ url: String(url), signal: init?.signal ?? undefined });
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    const http = new HttpBackend('http://reeltime.invalid/', { fetch: hanging });
    source.backend.page = (request, options) => http.page(request, options);
    const controller = new AbortController();
    const load = source.load(0, 100, { signal: controller.signal });
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]!.url).toBe('http://reeltime.invalid/page?from=0&limit=100');
    controller.abort();
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    await expect(load).rejects.toThrow(AbortedError);
    expect(asked[0]!.signal?.aborted).toBe(true);
    expect(source.at(0)).toBeUndefined();
  });

  it('rejects when the backend cannot list its events', async () => {
    const { page: _, ...unpaged } = {
      info: () => backend.info(),
      window: backend.window.bind(backend),
      counts: backend.counts.bind(backend),
      byId: backend.byId.bind(backend),
      byPosition: backend.byPosition.bind(backend),
      page: backend.page.bind(backend),
    };
    const source = await SqlSource.open(unpaged);
    await expect(source.load(0, 10)).rejects.toThrow(SqlSourceError);
    await expect(source.load(0, 10)).rejects.toThrow('This backend cannot list its events');
  });
});
