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
import { SQL_SOURCE_ERROR_CODES, SqlSourceError, type SqlSourceErrorCode } from './errors.js';

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

  page(request: PageRequest): Promise<EventRow[]> {
    return this.#get('page', { from: request.from, limit: request.limit });
  }

  async #get<T>(path: string, params: Record<string, string | number | undefined>): Promise<T> {
    const url = new URL(path, this.url);
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(key, String(value));
    let response: Response;
    try {
      response = await this.#fetch(url);
    } catch (error) {
      throw new SqlSourceError('unreachable', `The DuckDB server at ${this.url} could not be reached`, {
        cause: error,
      });
    }
    const body = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
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
