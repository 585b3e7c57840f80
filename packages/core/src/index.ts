/**
 * `@reeltime/core`: the event model, precision-aware dates, the dataset JSON Schema and parser,
 * time scales, adaptive ticks and layout. Pure TypeScript: no DOM, no Lit.
 *
 * @packageDocumentation
 */
export {
  civilFromDays,
  coordOf,
  coordToIso,
  DATE_COORD_LIMIT,
  daysFromCivil,
  daysInMonth,
  fieldsOf,
  isLeapYear,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
} from './model/calendar.js';
export type { CivilFields, TimeCoord } from './model/calendar.js';
export { AGO_EPOCH_YEAR, AGO_PRECISIONS, MAX_YEAR_MAGNITUDE, parseAgoText, parseEraYear } from './model/deep.js';
export type { AgoPrecision, AgoValue } from './model/deep.js';
export {
  DATE_PARTS,
  DATE_PRECISIONS,
  describeValue,
  ENGLISH_DATE_WORDS,
  fillTemplate,
  formatAgo,
  formatCompactYears,
  formatDate,
  formatDateRange,
  formatSpan,
  formatterFor,
  formatInteger,
  formatYear,
  isDateSafe,
  parseDate,
  SEASONS,
} from './model/date.js';
export type {
  DateFormatOptions,
  DateParseResult,
  DateWords,
  DatePart,
  DatePrecision,
  Season,
  TimePoint,
} from './model/date.js';
export { EVENT_STATUSES, PROBLEM_SEVERITIES } from './model/types.js';
export type {
  Dataset,
  DatasetInput,
  DatasetMarker,
  Era,
  EraInput,
  EventStatus,
  Lane,
  LaneInput,
  Media,
  MediaInput,
  MarkerInput,
  ParseResult,
  Problem,
  ProblemSeverity,
  Source,
  SourceInput,
  TimelineEvent,
  TimelineEventInput,
} from './model/types.js';
export { parseDataset } from './model/parse.js';
export { compareEvents, DEFAULT_LANE, parsePlainDataset } from './model/plain.js';
export type { ParseOptions } from './model/parse.js';
export { DATE_PATTERN, datasetSchema } from './model/schema.js';
export { createTimeScale, extentOf, LINEAR, viewDomain } from './scale.js';
export type { Spanned, TimeScale, TimeWarp, ViewDomainOptions } from './scale.js';
export { logAgoTicks, logAgoWarp, warpedDomain, warpedMaxZoom } from './log-time.js';
export type { LogAgoWarp } from './log-time.js';
export { axisTicks, TICK_UNITS } from './ticks.js';
export type { AxisTickOptions, AxisTicks, Tick, TickUnit } from './ticks.js';
export { EventIndex } from './layout/event-index.js';
export { bisect, IntervalIndex } from './layout/interval-index.js';
export { createTextMeasurer } from './layout/measure.js';
export type { GlyphMeasure, TextMeasurer, TextMeasurerOptions } from './layout/measure.js';
export {
  itemGeometry,
  labelText,
  LevelBuilder,
  levelFor,
  overlapDepth,
  PLACED_BAR,
  PLACED_LABEL_BEFORE,
  PLACED_LABEL_INSIDE,
  shortenLabel,
} from './layout/levels.js';
export type {
  LabelWords,
  LaneLevel,
  LayoutSpec,
  LevelInput,
  LevelPlacement,
  MarkGeometry,
  PlacedMark,
} from './layout/levels.js';
export { countBuckets, denseRegions } from './source/buckets.js';
export { MemorySource } from './source/memory-source.js';
export type { MemorySourceOptions } from './source/memory-source.js';
export { WarpedSource } from './source/warped-source.js';
export { emptyAnswer } from './source/types.js';
export type {
  AbortSignalLike,
  DenseRegion,
  LaneDensity,
  TimelineSource,
  ViewAnswer,
  ViewItem,
  ViewQuery,
} from './source/types.js';
