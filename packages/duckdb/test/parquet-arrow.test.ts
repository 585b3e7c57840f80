/**
 * The Parquet reader DuckDB-WASM is fed from (hyparquet into Arrow IPC, in a worker in the page):
 * the Arrow table holds the values DuckDB itself reads from the same file, column by column,
 * nulls included, over the generator's events and a file of the other column types.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEventsSql } from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import { parquetToArrowIpc } from '../src/parquet-arrow.js';

let engine: NodeDuckDbEngine;
const dir = mkdtempSync(join(tmpdir(), 'reeltime-parquet-'));

beforeAll(async () => {
  engine = await NodeDuckDbEngine.create();
});
afterAll(() => engine?.close());

/** Writes `select` to a Parquet file (row groups of `group` rows) and reads it as Arrow, as the worker does. */
async function roundTrip(name: string, select: string, group: number) {
  const file = join(dir, `${name}.parquet`);
  await engine.all(`COPY (${select}) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE ${group})`);
  const bytes = readFileSync(file);
  const ipc = await parquetToArrowIpc(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { file, table: tableFromIPC(ipc) };
}

/** A value as JSON would carry it: timestamps and dates as epoch milliseconds, 64-bit integers as numbers. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return value;
}

describe('parquetToArrowIpc', () => {
  it('holds the events DuckDB reads from the same file, over several row groups', async () => {
    const { file, table } = await roundTrip('events', generateEventsSql({ count: 5000, seed: 3 }), 1000);
    const expected = await engine.all(
      `SELECT id, title, CAST(epoch_ms(start) AS DOUBLE) AS start, CAST(epoch_ms("end") AS DOUBLE) AS "end", lane,
        precision, status, description FROM read_parquet(?) ORDER BY file_row_number`,
      [file],
    );
    expect(table.numRows).toBe(5000);
    expect(table.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
      'id:Utf8',
      'title:Utf8',
      'start:Timestamp<MICROSECOND>',
      'end:Timestamp<MICROSECOND>',
      'lane:Utf8',
      'precision:Utf8',
      'status:Utf8',
      'description:Utf8',
    ]);
    const rows = table
      .toArray()
      .map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, plain(v)])));
    expect(rows).toEqual(expected);
    // Nulls survive: a third of the events are ranges, the rest have no end.
    expect(rows.some((row) => row['end'] === null) && rows.some((row) => row['status'] === null)).toBe(true);
  });

  it('keeps integers, doubles, booleans, dates and text with nulls and non-ASCII characters', async () => {
    const { table } = await roundTrip(
      'types',
      `SELECT CAST(i AS INTEGER) AS n, CAST(i AS BIGINT) * 1000000007 AS big, i / 7 AS x,
        i % 3 = 0 AS flag, DATE '2020-02-28' + CAST(i AS INTEGER) AS d,
        CASE WHEN i % 4 = 0 THEN NULL ELSE 'Zürich ' || CAST(i AS VARCHAR) || ' 東京' END AS t
      FROM range(300) AS r(i)`,
      100,
    );
    const rows = table.toArray().map((row) => row.toJSON());
    expect(rows).toHaveLength(300);
    for (const [i, row] of rows.entries()) {
      expect(row['n']).toBe(i);
      expect(plain(row['big'])).toBe(i * 1000000007);
      expect(row['x']).toBeCloseTo(i / 7, 12);
      expect(row['flag']).toBe(i % 3 === 0);
      expect(plain(row['d'])).toBe(Date.UTC(2020, 1, 28) + i * 86_400_000);
      expect(row['t']).toBe(i % 4 === 0 ? null : `Zürich ${i} 東京`);
    }
  });

  it('rejects bytes that are not a Parquet file', async () => {
    await expect(parquetToArrowIpc(new TextEncoder().encode('id,title\n1,x\n').buffer)).rejects.toThrow(/parquet/i);
  });
});
