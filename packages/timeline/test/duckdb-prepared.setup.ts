/**
 * Global setup of the elements' tests: the DuckDB test data prepared for `source="duckdb"` over a
 * `.duckdb` file (duckdb.test.ts), from the committed Parquet fixture by `@reeltime/duckdb/node`'s
 * prepareFile, as `pnpm prepare:duckdb` does, into `test/fixtures/generated/` (git-ignored) with its
 * overview, a copy of it without overview (as an older prepare wrote it), and a DuckDB database
 * that is not a prepared one. Rebuilt only when the Parquet file or the format
 * version changed, so a run that does not need it pays ~0.1 s.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default async function setup(): Promise<void> {
  const { isPreparedFrom, NodeDuckDbEngine, overviewPathOf, prepareFile } = await import('@reeltime/duckdb/node');
  const parquet = fileURLToPath(new URL('./fixtures/duckdb-events.parquet', import.meta.url));
  const dir = fileURLToPath(new URL('./fixtures/generated/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const prepared = `${dir}duckdb-events.reeltime.duckdb`;
  if (!(await isPreparedFrom(prepared, parquet)) || !existsSync(overviewPathOf(prepared)))
    await prepareFile(parquet, { out: prepared });
  // The same database without its overview (as an older prepare wrote it): renamed when whole.
  const bare = `${dir}duckdb-events-bare.reeltime.duckdb`;
  const copy = `${bare}.${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  copyFileSync(prepared, copy);
  renameSync(copy, bare);
  const foreign = `${dir}not-prepared.duckdb`;
  if (!existsSync(foreign)) {
    // A name of its own, renamed when whole: two projects' setups may run at once.
    const partial = `${foreign}.${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const engine = await NodeDuckDbEngine.create(partial);
    await engine.all('CREATE TABLE t AS SELECT 1 AS x');
    engine.close();
    renameSync(partial, foreign);
  }
}
