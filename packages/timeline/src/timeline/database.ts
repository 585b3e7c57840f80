/**
 * `source="duckdb"`: opens the file at `src` with DuckDB-WASM. Its own chunk, loaded by the data
 * controller only when a page asks for a database, and importing `@reeltime/duckdb/wasm` (which
 * a page resolves: a bundler, or an import map beside the self-contained bundle) only then.
 *
 * @module
 */
import type { TimelineSource } from '@reeltime/core';
import type { LoadHost } from './load.js';

/** The file formats `format` may name for a database; otherwise the file name tells. */
const FILE_FORMATS = ['parquet', 'csv', 'arrow', 'duckdb'] as const;

/**
 * The source (as the `value` a load gives), or why there is none (a sentence); undefined when
 * aborted for a new `src` or a disconnect. `host.source` names the database (`duckdb`) and
 * `host.format` the file's format. A `.duckdb` file (or `format="duckdb"`) is a database prepared
 * with `pnpm prepare:duckdb`, attached and read by pages rather than downloaded; with the
 * `local-copy` attribute, a copy of it is kept in the origin's private file system.
 */
export async function openDatabase(
  host: Pick<LoadHost, 'source' | 'format' | 'hasAttribute'>,
  src: string,
  signal: AbortSignal,
): Promise<{ value: TimelineSource; url: string } | { problem: string } | undefined> {
  const name = String(host.source);
  try {
    if (name !== 'duckdb') return { problem: `source="${name}" is not a database this element reads (use "duckdb")` };
    const { openUrl } = await import('@reeltime/duckdb/wasm');
    const known = FILE_FORMATS.find((known) => known === host.format);
    const source = await openUrl(src, {
      signal,
      ...(known ? { format: known } : {}),
      ...(host.hasAttribute?.('local-copy') ? { localCopy: true } : {}),
    });
    return signal.aborted ? undefined : { value: source, url: new URL(src, document.baseURI).href };
  } catch (error) {
    if (signal.aborted) return undefined;
    return { problem: `DuckDB could not read it: ${error instanceof Error ? error.message : String(error)}` };
  }
}
