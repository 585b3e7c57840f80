/**
 * The warm-up (warm.ts): the views it asks (the whole extent, then zoomed in about its middle),
 * asked as the element asks them (a window and its counts each), stopped when aborted, nothing
 * asked of an empty source; and what the source answers afterwards is what it answered before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlBackend, SqlSource, WARM_CENTRES, WARM_ZOOMS, warmUp, warmViews, type Backend } from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import type { CountsRequest, WindowRequest } from '../src/protocol.js';
import { writeFixture } from './fixture.js';

let engine: NodeDuckDbEngine;
let backend: SqlBackend;

beforeAll(async () => {
  const fixture = await writeFixture(3_000);
  engine = await NodeDuckDbEngine.create();
  backend = new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' } });
  await backend.info();
}, 60_000);

afterAll(() => engine?.close());

/** `backend` with the window and counts requests it was asked recorded. */
function recorded(inner: Backend) {
  const windows: WindowRequest[] = [];
  const counts: CountsRequest[] = [];
  const backend: Backend = {
    info: () => inner.info(),
    window: (request) => (windows.push(request), inner.window(request)),
    counts: (request) => (counts.push(request), inner.counts(request)),
    byId: (id) => inner.byId(id),
    byPosition: (position) => inner.byPosition(position),
  };
  return { backend, windows, counts };
}

describe('warmViews', () => {
  it('is the whole extent, then views zoomed in 4, 32 and 256 times about its middle and its quarters', () => {
    const views = warmViews([1_000, 9_000]);
    expect(views).toHaveLength(1 + WARM_CENTRES.length * WARM_ZOOMS.length);
    expect(views[0]).toEqual([1_000, 9_000]);
    const zoomed = views.slice(1).map(([from, to]) => [(from + to) / 2, 8_000 / (to - from)]);
    expect(zoomed).toEqual(WARM_CENTRES.flatMap((centre) => WARM_ZOOMS.map((zoom) => [1_000 + 8_000 * centre, zoom])));
  });
});

describe('warmUp', () => {
  it('asks each view once, a window and its counts, as wide as the views and as many buckets as pixels', async () => {
    const { backend: watched, windows, counts } = recorded(backend);
    expect(await warmUp(watched, { pixels: 800 })).toBe(warmViews([0, 1]).length);
    const { extent } = await backend.info();
    expect(counts.map(({ from, to }) => [from, to])).toEqual(warmViews(extent!));
    expect(counts.every((request) => request.buckets === 800)).toBe(true);
    expect(windows).toHaveLength(warmViews([0, 1]).length);
    // Each window holds its view (the source asks a margin and whole tiles around it).
    windows.forEach((window, i) => {
      expect(window.from).toBeLessThanOrEqual(counts[i]!.from);
      expect(window.to).toBeGreaterThanOrEqual(counts[i]!.to);
    });
  });

  it("asks what the element's source asks for the same views (the same statements, kept prepared)", async () => {
    const warm = recorded(backend);
    await warmUp(warm.backend, { pixels: 640 });
    const viewed = recorded(backend);
    const source = await SqlSource.open(viewed.backend, { debounce: 0 });
    const layout = { measure: (text: string) => text.length * 7 };
    for (const [from, to] of warmViews(source.extent!)) await source.query({ from, to, pixels: 640, layout });
    expect(warm.windows).toEqual(viewed.windows);
    expect(warm.counts).toEqual(viewed.counts);
  });

  it('stops before the next view once aborted, and asks nothing of an empty source', async () => {
    const { backend: watched, counts } = recorded(backend);
    const signal = { aborted: false };
    const asked = warmUp(
      {
        ...watched,
        counts: async (request) => {
          signal.aborted = true;
          return watched.counts(request);
        },
      },
      { signal },
    );
    expect(await asked).toBe(1);
    expect(counts).toHaveLength(1);
    const empty = recorded({
      info: async () => ({ ...(await backend.info()), size: 0 }),
      window: (request) => backend.window(request),
      counts: (request) => backend.counts(request),
      byId: (id) => backend.byId(id),
      byPosition: (position) => backend.byPosition(position),
    });
    expect(await warmUp(empty.backend)).toBe(0);
    expect(empty.windows.length + empty.counts.length).toBe(0);
  });

  it('leaves the answers as they were: a source asks the same view and gets the same events and counts', async () => {
    const source = await SqlSource.open(backend, { debounce: 0 });
    const [lo, hi] = source.extent!;
    const layout = { measure: (text: string) => text.length * 7 };
    const ask = async () => {
      const fresh = await SqlSource.open(backend, { debounce: 0 });
      const { items, density, total } = await fresh.query({ from: lo + (hi - lo) / 3, to: hi, pixels: 640, layout });
      return { ids: items.map((item) => item.event.id), density, total };
    };
    const before = await ask();
    await warmUp(backend);
    expect(await ask()).toEqual(before);
    expect(before.ids.length).toBeGreaterThan(0);
  });
});
