/**
 * Opening a file already in display order skips the sort of the narrow table: the same 100,000
 * events as they are generated (unsorted), written in display order (presorted), and in display
 * order but for two records swapped after the rows the opening probes (looks presorted, is not)
 * give the same windows, counts and records. So does the unsorted file opened as DuckDB-WASM opens
 * it (settled): into a compressed database, checkpointed after each table, the narrow table sorted
 * in parts by ranges of its start.
 */
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlBackend, type EventRow } from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import { PROBE_ROWS } from '../src/tables.js';
import { writeFixture } from './fixture.js';

let engine: NodeDuckDbEngine;
let compressed: NodeDuckDbEngine;
let unsorted: SqlBackend;
let presorted: SqlBackend;
let swapped: SqlBackend;
let settled: SqlBackend;

beforeAll(async () => {
  const fixture = await writeFixture(100_000);
  engine = await NodeDuckDbEngine.create();
  unsorted = new SqlBackend(engine, { input: { file: fixture.file, format: 'parquet' }, name: 'unsorted' });
  await unsorted.info();
  const dir = mkdtempSync(join(tmpdir(), 'reeltime-presorted-'));
  const write = async (name: string, order: string) => {
    const file = join(dir, `${name}.parquet`);
    // The records in display order (a COPY takes no parameters: the paths are the test's own).
    await engine.all(`COPY (SELECT o.* EXCLUDE (file_row_number)
      FROM read_parquet('${fixture.file}', file_row_number = true) AS o JOIN unsorted AS n ON n.input = o.file_row_number
      ORDER BY ${order}) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
    return new SqlBackend(engine, { input: { file, format: 'parquet' }, name });
  };
  presorted = await write('presorted', 'n.rowid');
  // Two records far apart swapped, after the probed rows: only the full check finds them.
  const [a, b] = [PROBE_ROWS + 1000, 99_000];
  swapped = await write('swapped', `CASE n.rowid WHEN ${a} THEN ${b} WHEN ${b} THEN ${a} ELSE n.rowid END`);
  await Promise.all([presorted.info(), swapped.info()]);
  compressed = await NodeDuckDbEngine.create();
  await compressed.all(`ATTACH ':memory:' AS reel_compressed (COMPRESS)`);
  await compressed.all('USE reel_compressed');
  const input = { file: fixture.file, format: 'parquet' } as const;
  settled = new SqlBackend(compressed, { input, name: 'settled', checkpoint: true });
  await settled.info();
}, 120_000);

afterAll(() => {
  engine?.close();
  compressed?.close();
});

/**
 * A row as drawn, without its input position and lane index: both differ between the files (lanes
 * are numbered in order of first appearance in the input).
 */
const drawn = ({ input: _, li: __, ...row }: EventRow) => row;

/** What a backend knows once opened, with lanes by name. */
async function known(backend: SqlBackend) {
  const { lanes, depth, ...info } = await backend.info();
  return { ...info, lanes: new Map(lanes.map((lane, i) => [lane.id, depth[i]])) };
}

/** Counts as `lane:bucket` → count maps, lanes by name. */
async function countsOf(backend: SqlBackend, request: { from: number; to: number; buckets: number }) {
  const { lanes } = await backend.info();
  const { starts, ends, total } = await backend.counts(request);
  const byName = (triples: readonly number[]) => {
    const out = new Map<string, number>();
    for (let i = 0; i < triples.length; i += 3) {
      const key = `${lanes[triples[i]!]!.id}:${triples[i + 1]}`;
      out.set(key, (out.get(key) ?? 0) + triples[i + 2]!);
    }
    return out;
  };
  return { starts: byName(starts), ends: byName(ends), total };
}

describe('opening presorted input', () => {
  it('skips the sort only where the input is in display order', () => {
    expect(unsorted.presorted).toBe(false);
    expect(presorted.presorted).toBe(true);
    expect(swapped.presorted).toBe(false);
    expect(settled.presorted).toBe(false);
  });

  it('answers the same windows, counts and records from all four', async () => {
    const [lo, hi] = (await unsorted.info()).extent!;
    for (const backend of [presorted, swapped, settled]) expect(await known(backend)).toEqual(await known(unsorted));
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: Math.log(3_600_000), max: Math.log(hi - lo), noNaN: true }),
        fc.integer({ min: 40, max: 1600 }),
        fc.integer({ min: 0, max: 99_999 }),
        async (at, logSpan, buckets, position) => {
          const span = Math.exp(logSpan);
          const from = lo + at * (hi - lo) - span / 2;
          const window = { from, to: from + span, cell: (span / buckets) * 32, perCell: 16, limit: 5000 };
          const counts = { from, to: from + span, buckets };
          const expected = {
            rows: (await unsorted.window(window)).map(drawn),
            counts: await countsOf(unsorted, counts),
            record: drawn((await unsorted.byPosition(position))!),
          };
          for (const backend of [presorted, swapped, settled]) {
            expect((await backend.window(window)).map(drawn)).toEqual(expected.rows);
            expect(await countsOf(backend, counts)).toEqual(expected.counts);
            expect(drawn((await backend.byPosition(position))!)).toEqual(expected.record);
          }
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  }, 120_000);
});
