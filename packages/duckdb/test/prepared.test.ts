/**
 * A prepared database (prepareFile, `pnpm prepare:duckdb`): the tables built once into a DuckDB
 * file, opened read-only without building anything. It answers exactly as the same events built
 * from the Parquet file in memory (random windows and counts, records, pages); the server opens it;
 * a file that is no DuckDB database, a DuckDB database not prepared for reeltime and one of
 * another format version are refused with a clear message.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpBackend, SqlBackend, SqlSource, SqlSourceError, type CountsAnswer } from '../src/index.js';
import {
  isPreparedFrom,
  NodeDuckDbEngine,
  openFile,
  openPreparedFile,
  prepareFile,
  preparedPathOf,
  PREPARED_VERSION,
} from '../src/node.js';
import { createDuckDbServer } from '../src/server.js';
import { randomWindows, writeFixture, type Fixture } from './fixture.js';

let fixture: Fixture;
let dir: string;
let prepared: string;
let built: { engine: NodeDuckDbEngine; backend: SqlBackend };
let opened: Awaited<ReturnType<typeof openPreparedFile>>;

beforeAll(async () => {
  fixture = await writeFixture(25_000);
  dir = mkdtempSync(join(tmpdir(), 'reeltime-prepared-'));
  prepared = join(dir, 'events.reeltime.duckdb');
  await prepareFile(fixture.file, { out: prepared });
  opened = await openPreparedFile(prepared);
  const engine = await NodeDuckDbEngine.create();
  built = { engine, backend: new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' } }) };
  await built.backend.info();
}, 120_000);

afterAll(() => {
  opened?.engine.close();
  built?.engine.close();
});

/** `bin/serve.mjs` started with `args` on a free port, once it listens: its URL and what it printed. */
async function serve(args: readonly string[]) {
  const bin = fileURLToPath(new URL('../bin/serve.mjs', import.meta.url));
  const child = spawn(process.execPath, [bin, ...args, '--port', '0'], { stdio: 'pipe' });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const match = /Answering on (http:\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.on('exit', (code) => reject(new Error(`serve.mjs exited (${code}): ${out}`)));
  });
  return { base, output: () => out, stop: () => child.kill() };
}

/** Counts with their `[lane, bucket, count]` triples in order (a GROUP BY gives them in any). */
function sorted({ starts, ends, total }: CountsAnswer) {
  const triples = (flat: readonly number[]) =>
    Array.from({ length: flat.length / 3 }, (_, i) => flat.slice(3 * i, 3 * i + 3)).sort(
      (a, b) => a[0]! - b[0]! || a[1]! - b[1]!,
    );
  return { starts: triples(starts), ends: triples(ends), total };
}

describe('a prepared database', () => {
  it('says what it was built from, and opens without building (no statement but its metadata)', async () => {
    expect(opened.meta).toMatchObject({
      version: PREPARED_VERSION,
      name: 'reel_events',
      source: { name: 'events.parquet' },
      columns: {},
    });
    expect(await opened.backend.info()).toEqual(await built.backend.info());
    expect(opened.backend.presorted).toBe(built.backend.presorted);
    // Opened again through an engine that notes every statement: one read of the metadata.
    const statements: string[] = [];
    const { engine } = opened;
    const spy = {
      all: (sql: string, params?: readonly (string | number | null)[]) => (
        statements.push(sql),
        engine.all(sql, params)
      ),
      names: (sql: string, params?: readonly (string | number | null)[]) => engine.names(sql, params),
    };
    const { openPrepared } = await import('../src/prepared.js');
    const again = await openPrepared(spy, prepared);
    await again.backend.info();
    expect(statements).toEqual(['SELECT key, value FROM reeltime_prepared']);
  });

  it('answers random windows and counts as the same events built from the Parquet file', async () => {
    const [lo, hi] = (await built.backend.info()).extent!;
    await fc.assert(
      fc.asyncProperty(randomWindows(lo, hi), async ({ from, to, pixels, lanes }) => {
        const cell = (32 * (to - from)) / pixels;
        const window = { from, to, lanes, cell, perCell: 16, limit: 5000 };
        expect(await opened.backend.window(window)).toEqual(await built.backend.window(window));
        const counts = { from, to, buckets: pixels, lanes };
        expect(sorted(await opened.backend.counts(counts))).toEqual(sorted(await built.backend.counts(counts)));
      }),
      { numRuns: 40, seed: 18 },
    );
  }, 120_000);

  it("runs a view's window and counts side by side, on its two connections", async () => {
    const { engine, backend } = opened;
    expect(engine.connections).toHaveLength(2);
    const calls = engine.connections.map(() => 0);
    engine.connections.forEach((connection, i) => {
      const run = connection.runAndReadAll.bind(connection);
      connection.runAndReadAll = (...args) => (calls[i]!++, run(...args));
    });
    try {
      const [lo, hi] = (await backend.info()).extent!;
      const [from, to] = [lo + (hi - lo) / 3, lo + (hi - lo) / 2];
      const window = { from, to, cell: (32 * (to - from)) / 960, perCell: 16, limit: 5000 };
      const counts = { from, to, buckets: 960 };
      // Asked together, as SqlSource asks them: one statement on each connection.
      const [rows, answer] = await Promise.all([backend.window(window), backend.counts(counts)]);
      expect(calls).toEqual([1, 1]);
      expect(rows).toEqual(await built.backend.window(window));
      expect(sorted(answer)).toEqual(sorted(await built.backend.counts(counts)));
    } finally {
      for (const connection of engine.connections) Reflect.deleteProperty(connection, 'runAndReadAll');
    }
  });

  it('holds the same records at the same positions (details, the table view, an export)', async () => {
    for (const position of [0, 1, 12_345, 24_999]) {
      const row = await built.backend.byPosition(position);
      expect(await opened.backend.byPosition(position)).toEqual(row);
      expect(await opened.backend.byId(row!.id)).toEqual(row);
    }
    expect(await opened.backend.byPosition(25_000)).toBeNull();
    const page = { from: 9_990, limit: 30 };
    expect(await opened.backend.page(page)).toEqual(await built.backend.page(page));
    const [a, b] = await Promise.all([
      SqlSource.open(opened.backend).then((source) => source.all()),
      SqlSource.open(built.backend).then((source) => source.all()),
    ]);
    expect(a).toHaveLength(25_000);
    expect(a).toEqual(b);
  });

  it('is served over HTTP as it is', async () => {
    const server = createDuckDbServer(opened.backend);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const remote = new HttpBackend(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(await remote.info()).toEqual(await built.backend.info());
      const [lo, hi] = (await remote.info()).extent!;
      const request = { from: lo, to: hi, cell: (hi - lo) / 30, perCell: 16, limit: 5000 };
      expect(await remote.window(request)).toEqual(await built.backend.window(request));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is opened by `pnpm serve:duckdb --file x.reeltime.duckdb` without building, and answers', async () => {
    const { base, output, stop } = await serve(['--file', prepared]);
    try {
      expect(output()).not.toContain('Preparing');
      expect((await new HttpBackend(base).info()).size).toBe(25_000);
    } finally {
      stop();
    }
  });

  it('is prepared by `serve:duckdb --file x.parquet --cache` once, and reused while the file is unchanged', async () => {
    const copy = join(dir, 'cached.parquet');
    copyFileSync(fixture.file, copy);
    const first = await serve(['--file', copy, '--cache']);
    first.stop();
    expect(first.output()).toContain(`Preparing ${join(dir, 'cached.reeltime.duckdb')} from ${copy}`);
    expect(await isPreparedFrom(join(dir, 'cached.reeltime.duckdb'), copy)).toBe(true);
    const second = await serve(['--file', copy, '--cache']);
    try {
      expect(second.output()).not.toContain('Preparing');
      expect(second.output()).toContain('25,000 events from');
      expect((await new HttpBackend(second.base).info()).size).toBe(25_000);
    } finally {
      second.stop();
    }
  });

  it('knows whether it was built from a file as it is now, and with the same columns', async () => {
    const copy = join(dir, 'copy.parquet');
    copyFileSync(fixture.file, copy);
    const out = preparedPathOf(copy);
    expect(out).toBe(join(dir, 'copy.reeltime.duckdb'));
    expect(await isPreparedFrom(out, copy)).toBe(false);
    await prepareFile(copy);
    expect(await isPreparedFrom(out, copy)).toBe(true);
    expect(await isPreparedFrom(out, copy, { title: 'title' })).toBe(false);
    utimesSync(copy, new Date(), new Date(Date.now() + 60_000));
    expect(await isPreparedFrom(out, copy)).toBe(false);
  });

  it('refuses a file that is no DuckDB database, one not prepared for reeltime, one of another version, and one read as Parquet', async () => {
    const text = join(dir, 'notes.duckdb');
    writeFileSync(text, 'not a database\n'.repeat(1000));
    await expect(openPreparedFile(text)).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringMatching(/"[^"]*notes\.duckdb" is not a DuckDB database this version reads/),
    });
    const foreign = join(dir, 'foreign.duckdb');
    const engine = await NodeDuckDbEngine.create(foreign);
    await engine.all('CREATE TABLE t AS SELECT 1 AS x');
    engine.close();
    await expect(openPreparedFile(foreign)).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringContaining('is a DuckDB database but not one prepared for reeltime'),
    });
    // A later format, and format 2 (before the ends table): prepare it again.
    for (const version of ['999', '2']) {
      const other = join(dir, `format-${version}.duckdb`);
      copyFileSync(prepared, other);
      const writer = await NodeDuckDbEngine.create(other);
      await writer.all(`UPDATE reeltime_prepared SET value = ? WHERE key = 'version'`, [version]);
      writer.close();
      await expect(openPreparedFile(other)).rejects.toMatchObject({
        code: 'bad-file',
        message: expect.stringContaining(
          `was prepared in format ${version}, and this version of @reeltime/duckdb reads format ${PREPARED_VERSION}: ` +
            'prepare it again',
        ),
      });
    }
    expect(PREPARED_VERSION).toBe(3);
    // A prepared database given where a Parquet or CSV file is read: named, not read as Parquet.
    await expect(openFile(prepared)).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringContaining('is a prepared database: open it with openPreparedFile'),
    });
    await expect(openPreparedFile(join(dir, 'missing.duckdb'))).rejects.toThrow(SqlSourceError);
    await expect(openPreparedFile(join(dir, 'missing.duckdb'))).rejects.toMatchObject({ code: 'unreachable' });
  });
});
