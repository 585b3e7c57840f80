/**
 * What can go wrong between a timeline and a database, as one error type with a code the element
 * and the server can act on.
 *
 * @module
 */

/** Why a SQL source failed. */
export const SQL_SOURCE_ERROR_CODES = [
  'bad-column',
  'missing-column',
  'bad-file',
  'bad-request',
  'unreachable',
  'query-failed',
  'too-large',
] as const;
/** Why a SQL source failed. */
export type SqlSourceErrorCode = (typeof SQL_SOURCE_ERROR_CODES)[number];

/** An error of a SQL source, with a readable message and a code. */
export class SqlSourceError extends Error {
  readonly code: SqlSourceErrorCode;
  constructor(code: SqlSourceErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SqlSourceError';
    this.code = code;
  }
}

/** The error for a whole-record question (`page`) asked of a backend that cannot list its rows. */
export const cannotList = () =>
  new SqlSourceError('bad-request', 'This backend cannot list its events (it has no page())');

/** The error thrown by a question asked after the view moved on. */
export class AbortedError extends Error {
  constructor() {
    super('The view moved on before the answer came');
    this.name = 'AbortError';
  }
}
