/**
 * A small HTTP endpoint answering a timeline's questions from DuckDB in Node, for data larger
 * than a browser holds: `GET /info`, `/window`, `/counts`, `/event` and `/page`, JSON in and out, every
 * number checked before it reaches SQL (and passed to it as a parameter). Bad input is a 400 with
 * a message; a missing event a 404.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Backend } from './backend.js';
import { SqlSourceError } from './errors.js';

/** Options for {@link createDuckDbServer}. */
export interface ServerOptions {
  /** `Access-Control-Allow-Origin` (default `*`: the data is public to whoever can reach the port). */
  readonly allowOrigin?: string;
}

/** A Node HTTP server answering for `backend`; call `listen` on it. */
export function createDuckDbServer(backend: Backend, options: ServerOptions = {}): Server {
  return createServer((request, response) => {
    void answer(backend, request, response, options);
  });
}

async function answer(
  backend: Backend,
  request: IncomingMessage,
  response: ServerResponse,
  options: ServerOptions,
): Promise<void> {
  response.setHeader('Access-Control-Allow-Origin', options.allowOrigin ?? '*');
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  try {
    if (request.method !== 'GET') throw new HttpError(405, 'bad-request', 'Only GET is answered');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = url.searchParams;
    const allowed = PARAMETERS[url.pathname.replace(/\/+$/, '')] ?? [];
    for (const key of query.keys())
      if (!allowed.includes(key))
        throw new HttpError(400, 'bad-request', `"${key.slice(0, 40)}" is not a parameter of ${url.pathname}`);
    let body: unknown;
    switch (url.pathname.replace(/\/+$/, '')) {
      case '/info':
        body = await backend.info();
        break;
      case '/window':
        body = await backend.window({
          from: number(query, 'from'),
          to: number(query, 'to'),
          lanes: lanes(query),
          cell: number(query, 'cell'),
          perCell: number(query, 'perCell'),
          limit: number(query, 'limit'),
        });
        break;
      case '/counts':
        body = await backend.counts({
          from: number(query, 'from'),
          to: number(query, 'to'),
          buckets: number(query, 'buckets'),
          lanes: lanes(query),
        });
        break;
      case '/event': {
        const id = query.get('id');
        body = id !== null ? await backend.byId(id) : await backend.byPosition(number(query, 'position'));
        if (body === null) throw new HttpError(404, 'bad-request', 'No such event');
        break;
      }
      case '/page':
        if (!backend.page) throw new HttpError(404, 'bad-request', 'This server does not list its events');
        body = await backend.page({ from: number(query, 'from'), limit: number(query, 'limit') });
        break;
      default:
        throw new HttpError(
          404,
          'bad-request',
          `Nothing at ${url.pathname}: ask /info, /window, /counts, /event or /page`,
        );
    }
    response.statusCode = 200;
    response.end(JSON.stringify(body));
  } catch (error) {
    const status =
      error instanceof HttpError
        ? error.status
        : error instanceof SqlSourceError && error.code !== 'query-failed' && error.code !== 'bad-file'
          ? 400
          : 500;
    const code = error instanceof SqlSourceError || error instanceof HttpError ? error.code : 'query-failed';
    const message = error instanceof Error ? error.message : String(error);
    response.statusCode = status;
    response.end(JSON.stringify({ error: { code, message } }));
  }
}

/** The parameters each path takes: nothing else (no column names, no SQL) is accepted. */
const PARAMETERS: Record<string, readonly string[]> = {
  '/info': [],
  '/window': ['from', 'to', 'lanes', 'cell', 'perCell', 'limit'],
  '/counts': ['from', 'to', 'buckets', 'lanes'],
  '/event': ['id', 'position'],
  '/page': ['from', 'limit'],
};

class HttpError extends Error {
  readonly status: number;
  readonly code: 'bad-request';
  constructor(status: number, code: 'bad-request', message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A query-string number: digits, sign, point and exponent only (no `Infinity`, no hex, no text). */
function number(query: URLSearchParams, name: string): number {
  const text = query.get(name);
  if (text === null) throw new HttpError(400, 'bad-request', `"${name}" is missing`);
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) || text.length > 32)
    throw new HttpError(400, 'bad-request', `"${name}" must be a number, not "${text.slice(0, 40)}"`);
  return Number(text);
}

/** `lanes=0,2,3`: lane indices, or undefined for all. */
function lanes(query: URLSearchParams): number[] | undefined {
  const text = query.get('lanes');
  if (text === null) return undefined;
  if (text === '') return [];
  if (!/^\d{1,5}(,\d{1,5}){0,1023}$/.test(text))
    throw new HttpError(400, 'bad-request', '"lanes" must be lane indices separated by commas');
  return text.split(',').map(Number);
}
