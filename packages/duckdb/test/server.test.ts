/**
 * The DuckDB server: answers the questions a timeline asks as JSON (the same answers as the
 * backend it wraps, through HttpBackend and SqlSource) and rejects bad input with a 4xx and a
 * message: SQL in values and parameter names, numbers that are not numbers, absurd windows.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { HttpBackend, SqlBackend, SqlSource } from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import { createDuckDbServer } from '../src/server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixture } from './fixture.js';

let engine: NodeDuckDbEngine;
let backend: SqlBackend;
let server: Server;
let base: string;

beforeAll(async () => {
  const { file } = await writeFixture(5_000);
  engine = await NodeDuckDbEngine.create();
  backend = new SqlBackend(engine, { input: { file, format: 'parquet' } });
  server = createDuckDbServer(backend);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  engine?.close();
});

const get = async (path: string) => {
  const response = await fetch(new URL(path, base));
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
};

describe('the DuckDB server', () => {
  it('answers a timeline through HttpBackend as the backend itself does', async () => {
    const layout = { measure: (text: string) => text.length * 7 };
    const remote = await SqlSource.open(new HttpBackend(base), { debounce: 0 });
    const local = await SqlSource.open(backend, { debounce: 0 });
    expect(remote.size).toBe(5_000);
    expect(remote.dataset.lanes).toEqual(local.dataset.lanes);
    const [lo, hi] = local.extent!;
    const query = { from: lo + (hi - lo) * 0.3, to: lo + (hi - lo) * 0.35, pixels: 900, layout };
    const [a, b] = [await remote.query(query), await local.query(query)];
    expect(a.total).toBe(b.total);
    expect(a.items.map((item) => [item.event.id, item.row, item.position])).toEqual(
      b.items.map((item) => [item.event.id, item.row, item.position]),
    );
    expect(a.density.map((d) => Array.from(d.counts))).toEqual(b.density.map((d) => Array.from(d.counts)));
    const id = a.items[0]!.event.id;
    expect((await get(`event?id=${encodeURIComponent(id)}`)).body).toMatchObject({ id });
  });

  it.each([
    ['window?from=0&to=1e12&cell=1e9&perCell=16&limit=100;DROP TABLE reel_events', /"limit" must be a number/],
    ['window?from=0 OR 1=1&to=1&cell=1&perCell=1&limit=1', /"from" must be a number/],
    ['window?from=0&to=1&cell=1&perCell=1&limit=1&lanes=0) OR (1=1', /"lanes" must be lane indices/],
    ['window?from=0&to=1&cell=1&perCell=1&limit=1&orderBy=title;DROP TABLE x', /"orderBy" is not a parameter/],
    ['counts?from=0&to=1&buckets=10&"start"; DROP TABLE reel_events; --=1', /is not a parameter/],
    ['window?from=Infinity&to=1&cell=1&perCell=1&limit=1', /"from" must be a number/],
    ['counts?from=-1e300&to=1e300&buckets=100', /outside the dates/],
    ['counts?from=10&to=1&buckets=100', /"from" \(10\) is after "to" \(1\)/],
    ['counts?from=0&to=1&buckets=100000000', /"buckets" must be a whole number/],
    ['window?from=0&to=1&cell=1&perCell=1&limit=99999999', /"limit" must be a whole number/],
    ['window?from=0&to=1&cell=0&perCell=1&limit=1', /"cell" must be a positive number/],
    ['counts?from=0&to=1', /"buckets" is missing/],
  ])('rejects %s with a 400 and a message', async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(message);
  });

  it('lists every event a page at a time through HttpBackend, as the backend does (an export)', async () => {
    const remote = await SqlSource.open(new HttpBackend(base));
    const local = await SqlSource.open(backend);
    const [a, b] = [await remote.all(), await local.all()];
    expect(a).toHaveLength(5_000);
    expect(a).toEqual(b);
    expect((await get('page?from=0&limit=1;DROP TABLE reel_events')).body.error?.message).toMatch(
      /"limit" must be a number/,
    );
    expect((await get('page?from=0&limit=2')).body).toHaveLength(2);
  });

  it('answers an id carrying SQL as the string it is (no such event), and unknown paths with a 404', async () => {
    expect((await get(`event?id=${encodeURIComponent("e1' OR '1'='1")}`)).status).toBe(404);
    expect((await get('event?id=e1')).body).toMatchObject({ id: 'e1' });
    expect((await get('tables')).status).toBe(404);
    // Still all there after every attempt.
    expect((await get('info')).body).toMatchObject({ size: 5_000 });
  });

  it('is unreachable through HttpBackend when nothing listens, with a clear error', async () => {
    await expect(SqlSource.open(new HttpBackend('http://127.0.0.1:9/'))).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('could not be reached'),
    });
  });
});
