/**
 * Fetching and reading `src`, loaded by the data controller on first use as its own chunk: a
 * timeout, a size limit, a clear sentence for a 404, bad JSON, a web page or a wrong content type;
 * a reeltime dataset is parsed here, any other format through the importers (`@reeltime/core/io`,
 * their own chunk too).
 *
 * @module
 */
import type { ParseResult, Problem } from '@reeltime/core';
import { Body } from './json-body.js';

/** The largest file `src` may load (bytes): past it the load stops with a message, not a frozen page. */
export const MAX_LOAD_BYTES = 200 * 1024 * 1024;

/** The formats `format` names. */
const FORMATS = ['reeltime', 'timelinejs', 'csv', 'vis'] as const;

/** Parsed JSON that is a reeltime dataset (read here; other formats load the importers first). */
function isReeltime(value: unknown): boolean {
  const events = Array.isArray(value) ? value : (value as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return false;
  const first: unknown = events[0];
  return typeof first !== 'object' || first === null || ('start' in first && !('content' in first));
}

/** What the data controller needs to know of a host. */
export interface LoadHost {
  /** A database to open `src` with (`duckdb`), when named. */
  source?: unknown;
  format: string;
  loadTimeout: number;
  timeZone: string;
  /** The element's attributes (`local-copy`, read by a database's open). */
  hasAttribute?(name: string): boolean;
}

/** A load that failed, with the sentence to show. */
class LoadError extends Error {}

/** What a load gave: a reeltime value, an imported result, or the sentence that says why not. */
/** What was read, and from where (the address after redirects: source links resolve against it). */
export type LoadOutcome =
  { value: unknown; url: string } | { imported: ParseResult; url: string } | { problem: string };

/** Fetches and reads `src`; undefined when aborted for a new `src` or a disconnect. */
/** Bytes read so far, and the whole size when the server said it (`content-length`). */
export type LoadProgress = (loaded: number, total: number | undefined) => void;

export async function loadSource(
  src: string,
  abort: AbortController,
  host: LoadHost,
  onProgress: LoadProgress = () => {},
): Promise<LoadOutcome | undefined> {
  if (typeof host.source === 'string') {
    const { openDatabase } = await import('./database.js');
    return openDatabase(host, src, abort.signal);
  }
  const timeout = Number(host.loadTimeout) > 0 ? Number(host.loadTimeout) : 30_000;
  const timer = setTimeout(() => abort.abort(new LoadError(`no answer within ${timeout / 1000} s`)), timeout);
  try {
    const response = await fetch(src, { signal: abort.signal });
    if (!response.ok) {
      throw new LoadError(
        response.status === 404
          ? 'the server answered 404: there is no file at that address'
          : `the server answered ${response.status} ${response.statusText}`.trim(),
      );
    }
    const type = response.headers.get('content-type') ?? '';
    const length = Number(response.headers.get('content-length'));
    if (length > MAX_LOAD_BYTES) throw new LoadError(tooLarge(length));
    if (/^(image|audio|video|font)\/|^application\/(pdf|zip|octet-stream)/i.test(type)) {
      throw new LoadError(`it is ${type.split(';')[0]}, not data (JSON or CSV)`);
    }
    const body = await readBody(response, length || undefined, onProgress);
    if (abort.signal.aborted) return undefined;
    const url = response.url || new URL(src, document.baseURI).href;
    const format = (FORMATS as readonly string[]).includes(host.format) ? host.format : '';
    const json = format === 'reeltime' || (format === '' && body.looksLikeJson) ? body.json() : undefined;
    if (format === 'reeltime' && json === undefined)
      throw new LoadError(`it is not valid JSON (${jsonError(body.text)})`);
    if (json !== undefined && (format === 'reeltime' || isReeltime(json.value))) {
      return { value: json.value, url };
    }
    // Another format: the importers load on first use, as their own chunk.
    const { importData } = await import('@reeltime/core/io');
    if (abort.signal.aborted) return undefined;
    const result = importData(json?.value ?? body.text, {
      format: format as '',
      contentType: type,
      url: new URL(src, document.baseURI).href,
      timeZone: host.timeZone,
    });
    const failed = result.dataset.events.length === 0 && result.problems.find((p) => p.path.length === 0);
    if (failed) throw new LoadError(failed.message.replace(/^The file: /, ''));
    return { imported: result, url };
  } catch (error) {
    const reason: unknown = abort.signal.aborted ? abort.signal.reason : error;
    // Aborted for a new src or a disconnect: that load is no longer wanted; say nothing.
    if (abort.signal.aborted && !(reason instanceof LoadError)) return undefined;
    return { problem: reason instanceof Error ? reason.message : String(reason) };
  } finally {
    clearTimeout(timer);
  }
}

/** What a load leaves the data controller with: the value read, or an importer's result, or the problem. */
export interface Loaded {
  readonly value?: unknown;
  readonly imported?: ParseResult;
  readonly url?: string;
  readonly problems: readonly Problem[];
}

/**
 * {@link loadSource} for the data controller: the percentage read goes to `state.progress` (the
 * host updated when it moves) while the load is still `current()`; undefined when it is no longer
 * (a new `src`, a disconnect).
 */
export async function loadInto(
  src: string,
  abort: AbortController,
  host: LoadHost & { requestUpdate(): void },
  state: { progress: number },
  current: () => boolean,
): Promise<Loaded | undefined> {
  const outcome = await loadSource(src, abort, host, (loaded, total) => {
    if (!current() || !total) return;
    const percent = Math.floor((loaded / total) * 100);
    if (percent === state.progress) return;
    state.progress = percent;
    host.requestUpdate();
  });
  if (!current() || outcome === undefined) return undefined;
  if (!('problem' in outcome)) return { ...outcome, problems: [] };
  const message = `Could not load the dataset from "${src}": ${outcome.problem}`;
  return { problems: [{ severity: 'error', message, path: [], pointer: '' }] };
}

/**
 * The body, read chunk by chunk so that progress can be shown (and a file past the size limit
 * stopped as it arrives, not after). `total` is `content-length`: the bytes on the wire, which for
 * a compressed response are fewer than those read, so progress never passes it.
 */
async function readBody(response: Response, total: number | undefined, onProgress: LoadProgress): Promise<Body> {
  const body = new Body();
  const reader = response.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_LOAD_BYTES) throw new LoadError(tooLarge(bytes.byteLength));
    body.push(bytes);
    body.end();
    return body;
  }
  let loaded = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (loaded > MAX_LOAD_BYTES) {
      void reader.cancel();
      throw new LoadError(tooLarge(loaded));
    }
    body.push(value);
    onProgress(total === undefined ? loaded : Math.min(loaded, total), total);
  }
  body.end();
  return body;
}

function tooLarge(bytes: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `it is ${mb(bytes)}, more than the ${mb(MAX_LOAD_BYTES)} a page can load; use a data source (the source property) for data this large`;
}

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
