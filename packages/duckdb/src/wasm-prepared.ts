/**
 * A prepared database (`pnpm prepare:duckdb`) opened by URL in DuckDB-WASM: its overview first,
 * then the database attached read-only and read by HTTP ranges, downloaded whole when small, or
 * read from a local copy ({@link OpenUrlOptions.localCopy}); warmed up in the background.
 *
 * @module
 */
import { DuckDBDataProtocol, type AsyncDuckDB, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { SqlSourceError } from './errors.js';
import { findCopy, keepCopy, type Validator } from './local-copy.js';
import { overviewUrl, readOverview, type Overview } from './overview-file.js';
import { OverviewBackend, type AttachedPrepared } from './overview.js';
import { openPrepared, preparedBackend } from './prepared.js';
import { SqlSource } from './source.js';
import { warmUp } from './warm.js';
import { mark, nextFileId, sharedDatabase, WasmDuckDbEngine } from './wasm-engine.js';
import type { OpenUrlOptions } from './wasm.js';

/**
 * The size under which a prepared database is downloaded whole rather than read by ranges: 16 MiB
 * (about 350,000 events prepared). The download runs while DuckDB-WASM starts (its own 34 MB wasm
 * and seconds of start code) and spares the first view its range requests one after another
 * (1M events: 49, each a round trip from the worker, after a `HEAD`) and every later view its
 * cold reads; but it shares the network with the wasm, and a larger file costs more bytes than
 * the ranges a first view reads (1M: 44 MB whole against 8 MB by ranges, measured no faster on
 * a loaded 2-core machine over loopback). Pages on fast networks may raise it (`downloadLimit`).
 */
export const DOWNLOAD_LIMIT = 16 * 2 ** 20;

/** The bytes at `href` (`url` as the page gave it, for messages). */
export async function download(url: string, href: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(href, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SqlSourceError('unreachable', `"${url}" could not be fetched`, { cause: error });
  }
  if (!response.ok) throw new SqlSourceError('unreachable', `"${url}" answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * A timeline source over a prepared database at `url` (`pnpm prepare:duckdb`, see prepared.ts):
 * registered with DuckDB-WASM's HTTP file protocol and attached read-only, so DuckDB reads only the
 * pages its questions touch, by HTTP range requests to that URL (no extension, no other request),
 * and builds nothing. A `bad-file` error when it is no DuckDB database, not a reeltime prepared
 * one, or one of another format version; `unreachable` when the URL does not answer.
 */
export async function openPreparedUrl(url: string, options: OpenUrlOptions = {}): Promise<SqlSource> {
  const href = new URL(url, globalThis.location?.href).href;
  const started = sharedDatabase(options.bundles);
  started.catch(() => {});
  // Its overview, while DuckDB starts: when it comes, the source opens on it without waiting for
  // DuckDB, which attaches in the background and answers the rest.
  const overview = options.overview === false ? undefined : fetchOverview(href, options.signal);
  // Its first bytes first, while DuckDB starts: a clear error for a missing file or something else
  // than a database, before DuckDB's own (a range of 12 bytes; a server without ranges is stopped
  // after them), and the file's size.
  const head = await firstBytes(url, href, 12, options.signal);
  if (new TextDecoder().decode(head.bytes.subarray(8, 12)) !== 'DUCK')
    throw new SqlSourceError(
      'bad-file',
      `"${url}" is not a DuckDB database (prepare one with \`pnpm prepare:duckdb\`)`,
    );
  // A small file, or one from a server that answers no range, is downloaded whole while DuckDB
  // starts (see DOWNLOAD_LIMIT); a larger one is read by ranges.
  const validator: Validator = { size: head.size, tag: head.tag };
  // A local copy kept by an earlier visit, when the server still sends that file.
  const copy = options.localCopy ? await findCopy(href, validator) : undefined;
  const whole =
    !copy && (!head.ranges || (head.size !== undefined && head.size <= (options.downloadLimit ?? DOWNLOAD_LIMIT)))
      ? download(url, href, options.signal)
      : undefined;
  whole?.catch(() => {});
  const keep = options.localCopy && validator.tag !== undefined ? validator : undefined;
  const from: PreparedFrom = copy ? { copy } : { whole, keep };
  const attached = attachPrepared(url, href, started, from, {
    warm: options.warm !== false,
    signal: options.signal,
  });
  // Handled here or by the overview's backend, whichever comes: not an unhandled rejection meanwhile.
  attached.catch(() => {});
  const read = await overview;
  if (read) {
    return SqlSource.open(new OverviewBackend(read, attached, url), options);
  }
  return SqlSource.open((await attached).backend, options);
}

/**
 * Where a prepared database's pages come from: a local copy kept earlier, the whole file
 * downloaded (then, with `keep`, its bytes are also written to a local copy for the next visits),
 * or HTTP ranges (then, with `keep`, a local copy is made in the background and read
 * once complete).
 */
type PreparedFrom =
  | { readonly copy: FileSystemFileHandle }
  | { readonly whole: Promise<Uint8Array> | undefined; readonly keep: Validator | undefined };

/** The prepared database at `href` attached to the page's DuckDB once started (see {@link PreparedFrom}). */
async function attachPrepared(
  url: string,
  href: string,
  started: Promise<AsyncDuckDB>,
  from: PreparedFrom,
  { warm, signal }: { readonly warm: boolean; readonly signal: AbortSignal | undefined },
): Promise<AttachedPrepared> {
  const db = await started;
  const connection = await db.connect();
  try {
    // A local copy another source of the page opened, or this one: else by ranges (it may be
    // open in another tab, which holds DuckDB's only handle to it).
    const local =
      'copy' in from ? await attachLocal(db, connection, href, from.copy).catch(() => undefined) : undefined;
    const whole = 'whole' in from ? from.whole : undefined;
    const keep = 'keep' in from ? from.keep : undefined;
    // The whole file's bytes, for its local copy.
    let downloaded: Uint8Array<ArrayBuffer> | undefined;
    let alias = local;
    if (!alias) {
      const id = nextFileId();
      const name = `reel_prepared_${id}.duckdb`;
      alias = `reel_prepared_${id}`;
      if (whole) {
        const bytes = await whole;
        // DuckDB takes the bytes (transferred to its worker): the copy is written from others.
        if (keep) downloaded = bytes.slice();
        await db.registerFileBuffer(name, bytes);
      } else await db.registerFileURL(name, href, DuckDBDataProtocol.HTTP, false);
      try {
        await connection.query(`ATTACH '${name}' AS ${alias} (READ_ONLY)`);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new SqlSourceError('bad-file', `"${url}" could not be opened as a DuckDB database (${reason})`, {
          cause: error,
        });
      }
    }
    mark('attached');
    await connection.query(`USE ${alias}`);
    const engine = new WasmDuckDbEngine(connection);
    const prepared = await openPrepared(engine, url);
    mark('ready');
    if (local) mark('local', { url, kept: true });
    // The warm-up: the same tables and statements as the source's, on the same connection, when it
    // is idle. One that fails changes nothing: the view's own questions meet the error, if any.
    const background = preparedBackend(engine.background(), prepared.meta);
    const warming = warm ? warmUp(background, { signal }) : Promise.resolve(0);
    warming.then(
      (views) => warm && mark('warm', { url, views }),
      () => {},
    );
    if (keep && !signal?.aborted) {
      // Downloaded while the view answers by ranges, then attached, made the connection's default
      // and warmed up again (its statements are planned anew); or, for a file downloaded whole
      // (read from memory now), written for later visits.
      const began = performance.now();
      const kept = downloaded
        ? keepCopy(href, keep, { signal, bytes: downloaded })
        : keepCopy(href, keep, { signal })
            .then((handle) => attachLocal(db, connection, href, handle))
            .then((copy) => engine.use(copy))
            .then(() => (warm ? warming.catch(() => 0).then(() => warmUp(background, { signal })) : 0));
      kept.then(
        () => mark('local', { url, kept: false, ms: Math.round(performance.now() - began) }),
        () => {},
      );
    }
    return prepared;
  } catch (error) {
    await connection.close().catch(() => {});
    throw error;
  }
}

/** The local copies attached to the page's DuckDB, by URL, as their aliases. */
const localCopies = new Map<string, Promise<string>>();

/**
 * The local copy of `href` (`handle`) registered with DuckDB-WASM and attached (once per page:
 * DuckDB's worker holds the file's only sync access handle; every source's connection sees it).
 */
function attachLocal(
  db: AsyncDuckDB,
  connection: AsyncDuckDBConnection,
  href: string,
  handle: FileSystemFileHandle,
): Promise<string> {
  let alias = localCopies.get(href);
  if (!alias) {
    const id = nextFileId();
    const name = `reel_local_${id}.duckdb`;
    alias = (async () => {
      await db.registerFileHandle(name, handle, DuckDBDataProtocol.BROWSER_FSACCESS, true);
      await connection.query(`ATTACH '${name}' AS reel_local_${id} (READ_ONLY)`);
      return `reel_local_${id}`;
    })();
    const attaching = alias;
    attaching.catch(() => localCopies.get(href) === attaching && localCopies.delete(href));
    localCopies.set(href, attaching);
  }
  return alias;
}

/**
 * The overview of the prepared database at `href` ({@link overviewUrl}), or undefined when there
 * is none (404, an older prepare), it is of another format or version, or it cannot be read: the
 * database is then waited for, as before overviews. Revalidated when cached (`no-cache`): like the
 * database, it is one prepare's.
 */
async function fetchOverview(href: string, signal: AbortSignal | undefined): Promise<Overview | undefined> {
  try {
    const init: RequestInit = { cache: 'no-cache' };
    const response = await fetch(overviewUrl(href), signal ? { ...init, signal } : init);
    if (!response.ok) return undefined;
    const overview = readOverview(await response.json());
    if (overview) mark('overview');
    return overview;
  } catch {
    return undefined;
  }
}

/**
 * The first `count` bytes at `href`, by a range request (`url` as the page gave it, for messages),
 * whether the server answered the range (206) rather than with the whole file, and the file's size
 * when the server said it (`Content-Range: bytes 0-11/size`), and its `ETag` (else `Last-Modified`).
 */
async function firstBytes(
  url: string,
  href: string,
  count: number,
  signal: AbortSignal | undefined,
): Promise<{ bytes: Uint8Array; ranges: boolean; size: number | undefined; tag: string | undefined }> {
  let response: Response;
  try {
    // Not stored: a cached part of the file would turn DuckDB's own range requests into others.
    const init: RequestInit = { headers: { Range: `bytes=0-${count - 1}` }, cache: 'no-store' };
    response = await fetch(href, signal ? { ...init, signal } : init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SqlSourceError('unreachable', `"${url}" could not be fetched`, { cause: error });
  }
  if (!response.ok) throw new SqlSourceError('unreachable', `"${url}" answered ${response.status}`);
  const reader = response.body?.getReader();
  const bytes = new Uint8Array(count);
  let length = 0;
  while (reader && length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value.subarray(0, count - length), length);
    length += Math.min(value.length, count - length);
  }
  // The rest of a whole file, when the server sent one, is not read.
  await reader?.cancel().catch(() => {});
  const size = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? NaN);
  return {
    bytes: bytes.subarray(0, length),
    ranges: response.status === 206,
    size: Number.isFinite(size) ? size : undefined,
    tag: response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined,
  };
}
