/**
 * A {@link Backend} that asks a server (see `@reeltime/duckdb/server`) over HTTP: the same
 * questions, as `GET` requests with their numbers in the query string, answered in JSON.
 *
 * @module
 */
import type {
  Backend,
  CountsAnswer,
  CountsRequest,
  EventRow,
  PageRequest,
  SourceInfo,
  WindowRequest,
} from './backend.js';
import type { AbortSignalLike } from '@reeltime/core';
import { AbortedError, SQL_SOURCE_ERROR_CODES, SqlSourceError, type SqlSourceErrorCode } from './errors.js';

/** Asks a reeltime DuckDB server at a base URL (`http://localhost:8787/`). */
export class HttpBackend implements Backend {
  readonly url: string;
  readonly #fetch: typeof fetch;

  constructor(url: string, options: { fetch?: typeof fetch } = {}) {
    this.url = url.endsWith('/') ? url : `${url}/`;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  info(): Promise<SourceInfo> {
    return this.#get('info', {});
  }

  window(request: WindowRequest): Promise<EventRow[]> {
    return this.#get('window', { ...request, lanes: request.lanes?.join(',') });
  }

  counts(request: CountsRequest): Promise<CountsAnswer> {
    return this.#get('counts', { ...request, lanes: request.lanes?.join(',') });
  }

  byId(id: string): Promise<EventRow | null> {
    return this.#get('event', { id });
  }

  byPosition(position: number): Promise<EventRow | null> {
    return this.#get('event', { position });
  }

  /** Aborting `signal` aborts the request: it rejects with an {@link AbortedError}. */
  page(request: PageRequest, options: { readonly signal?: AbortSignalLike } = {}): Promise<EventRow[]> {
    return this.#get('page', { from: request.from, limit: request.limit }, options.signal);
  }

  async #get<T>(
    path: string,
    params: Record<string, string | number | undefined>,
    signal?: AbortSignalLike,
  ): Promise<T> {
    const url = new URL(path, this.url);
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(key, String(value));
    if (signal?.aborted) throw new AbortedError();
    // `fetch` takes a DOM AbortSignal: one of its own follows the signal given.
    const controller = signal && new AbortController();
    const abort = () => controller?.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let response: Response;
    try {
      response = await this.#fetch(url, controller && { signal: controller.signal });
    } catch (error) {
      signal?.removeEventListener('abort', abort);
      if (signal?.aborted) throw new AbortedError();
      throw new SqlSourceError('unreachable', `The DuckDB server at ${this.url} could not be reached`, {
        cause: error,
      });
    }
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
    signal?.removeEventListener('abort', abort);
    if (signal?.aborted) throw new AbortedError();
    if (!response.ok) {
      const code = (SQL_SOURCE_ERROR_CODES as readonly string[]).includes(body?.error?.code ?? '')
        ? (body!.error!.code as SqlSourceErrorCode)
        : 'query-failed';
      throw new SqlSourceError(code, body?.error?.message ?? `The DuckDB server answered ${response.status}`);
    }
    if (body === undefined) throw new SqlSourceError('query-failed', `The DuckDB server sent no JSON for ${path}`);
    return body as T;
  }
}
