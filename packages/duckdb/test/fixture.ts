/**
 * The tests' data: 100,000 seeded events written to a Parquet file by DuckDB, and the same rows
 * read back as a reeltime dataset for the in-memory source.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDataset, type Dataset, type TimelineEventInput } from '@reeltime/core';
import { dateText, generateEventsSql } from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';

export interface Fixture {
  readonly file: string;
  readonly dataset: Dataset;
}

/** Writes `count` events (seed 7) to a Parquet file in a temporary folder and reads them back. */
export async function writeFixture(count: number): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'reeltime-duckdb-'));
  const file = join(dir, 'events.parquet');
  const engine = await NodeDuckDbEngine.create();
  await engine.all(`COPY (${generateEventsSql({ count, seed: 7 })}) TO '${file}' (FORMAT parquet)`);
  const rows = await engine.all(
    `SELECT id, title, CAST(epoch_ms(start) AS DOUBLE) AS s, CAST(epoch_ms("end") AS DOUBLE) AS e, lane, precision,
      status, description FROM read_parquet(?)`,
    [file],
  );
  engine.close();
  const events: TimelineEventInput[] = rows.map((row) => ({
    id: String(row['id']),
    title: String(row['title']),
    start: dateText(Number(row['s']), String(row['precision'])),
    ...(row['e'] === null ? {} : { end: dateText(Number(row['e']), String(row['precision'])) }),
    lane: String(row['lane']),
    ...(row['status'] === null ? {} : { status: row['status'] as TimelineEventInput['status'] }),
    description: String(row['description']),
  }));
  const { dataset, problems } = parseDataset({ events });
  if (problems.some((problem) => problem.severity === 'error')) throw new Error(problems[0]!.message);
  return { file, dataset };
}
