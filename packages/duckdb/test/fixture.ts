/**
 * The tests' data: 100,000 seeded events written to a Parquet file by DuckDB, and the same rows
 * read back as a reeltime dataset for the in-memory source.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDataset, type Dataset, type TimelineEventInput } from '@reeltime/core';
import fc from 'fast-check';
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

/** A view window over `[lo, hi]`, as the properties ask them: from an hour to the whole extent wide. */
export interface RandomWindow {
  readonly from: number;
  readonly to: number;
  readonly pixels: number;
  /** Some of the six lanes, or all when absent. */
  readonly lanes: number[] | undefined;
}

/** Random windows over `[lo, hi]`: anywhere, an hour to the whole extent wide (log-uniform), 40–1600 px. */
export function randomWindows(lo: number, hi: number): fc.Arbitrary<RandomWindow> {
  return fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: Math.log(3_600_000), max: Math.log(hi - lo), noNaN: true }),
      fc.integer({ min: 40, max: 1600 }),
      fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }), { nil: undefined }),
    )
    .map(([at, logSpan, pixels, lanes]) => {
      const span = Math.exp(logSpan);
      const from = lo + at * (hi - lo) - span / 2;
      return { from, to: from + span, pixels, lanes };
    });
}
