/**
 * `@reeltime/duckdb`: a reeltime {@link TimelineSource} over SQL. The view's one question is
 * answered by a database (DuckDB-WASM in the page from `@reeltime/duckdb/wasm`, or a DuckDB server
 * from `@reeltime/duckdb/server` through {@link HttpBackend}) and placed by `@reeltime/core`.
 *
 * @packageDocumentation
 */
export {
  checkWindow,
  FILE_FORMATS,
  formatOf,
  MAX_BUCKETS,
  MAX_COORD,
  MAX_LANES,
  MAX_LIMIT,
  SqlBackend,
} from './backend.js';
export type {
  Backend,
  CountsAnswer,
  CountsRequest,
  EventRow,
  FileFormat,
  PageRequest,
  PreparedState,
  SourceInfo,
  SqlBackendOptions,
  SqlEngine,
  SqlInput,
  WindowRequest,
} from './backend.js';
export { COLUMN_ROLES, isIdentifier, quoteIdentifier, REQUIRED_ROLES, resolveColumns } from './columns.js';
export type { ColumnMap, ColumnRole } from './columns.js';
export { AbortedError, SQL_SOURCE_ERROR_CODES, SqlSourceError } from './errors.js';
export type { SqlSourceErrorCode } from './errors.js';
export { HttpBackend } from './http.js';
export { openPrepared, PREPARED_FORMAT, PREPARED_TABLE, PREPARED_VERSION, readPreparedMeta } from './prepared.js';
export type { PreparedMeta, PreparedSource } from './prepared.js';
export { OVERVIEW_FORMAT, OVERVIEW_SUFFIX, OVERVIEW_VERSION, overviewUrl, readOverview } from './overview-file.js';
export type { Overview, OverviewFile } from './overview-file.js';
export { OverviewBackend } from './overview.js';
export type { AttachedPrepared } from './overview.js';
export { generateEventsSql } from './generate.js';
export type { GenerateOptions } from './generate.js';
export { bucketSpan, SqlSource } from './source.js';
export { dateText, eventOf, eventsOf } from './row-events.js';
export type { SqlSourceOptions } from './source.js';
export { WARM_CENTRES, WARM_ZOOMS, warmUp, warmViews } from './warm.js';
export type { WarmUpOptions } from './warm.js';
