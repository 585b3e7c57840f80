/**
 * Parsing user data into the model. Never throws: whatever the input, the result holds every valid
 * item and a {@link Problem} for everything that was wrong, so the valid rest can still render and
 * nothing is dropped silently.
 *
 * The common, valid case has its own path (plain.ts), which this one shares its event reader with;
 * `<reel-timeline>` loads this module as a chunk only for data that path does not take.
 *
 * @module
 */
import { describeValue, parseDate, type TimePoint } from './date.js';
import {
  createEvent,
  DEFAULT_LANE,
  EVENT_FIELDS,
  fastEvent,
  findOutliers,
  isObject,
  isPlain,
  LANE_FIELDS,
  NONE,
  prototypeInTheWay,
  type DateCache,
  type Json,
} from './plain.js';
import { StringSet } from './string-set.js';
import {
  EVENT_STATUSES,
  type Dataset,
  type DatasetMarker,
  type Era,
  type EventStatus,
  type Lane,
  type Media,
  type ParseResult,
  type Problem,
  type ProblemSeverity,
  type Source,
  type TimelineEvent,
} from './types.js';

const DATASET_FIELDS = new Set(['$schema', 'title', 'description', 'lanes', 'eras', 'markers', 'events']);
const SOURCE_FIELDS = new Set(['title', 'publisher', 'published', 'file', 'url', 'quote']);
const ERA_FIELDS = new Set(['id', 'title', 'start', 'end', 'description', 'sources']);
const MARKER_FIELDS = new Set(['date', 'label']);
const MEDIA_FIELDS = new Set(['url', 'caption', 'credit', 'thumbnail']);

type Path = readonly (string | number)[];

/** Options for {@link parseDataset}. */
export interface ParseOptions {
  /** Report fields the schema does not know (default true). */
  reportUnknownFields?: boolean;
}

/** Own property read: never walks the prototype chain, so `__proto__` and friends are plain data. */
function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function pathText(path: Path): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

function pointerOf(path: Path): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Collects problems with consistent wording. */
class Problems {
  readonly list: Problem[] = [];

  add(
    severity: ProblemSeverity,
    path: Path,
    message: string,
    context: { eventId?: string; index?: number; detail?: string } = {},
  ) {
    const field = path.length > 2 && path[0] === 'events' ? String(path[2]) : undefined;
    this.list.push({
      severity,
      message,
      path: [...path],
      pointer: pointerOf(path),
      ...(context.eventId === undefined ? {} : { eventId: context.eventId }),
      ...(context.index === undefined ? {} : { index: context.index }),
      ...(field === undefined ? {} : { field }),
      ...(context.detail === undefined ? {} : { detail: context.detail }),
    });
  }
}

/** Names an item for messages: `Event "wrap" (events[12])` or `Event events[12]`. */
function itemName(kind: string, id: string | undefined, path: Path): string {
  return id === undefined ? `${kind} ${pathText(path)}` : `${kind} "${id}" (${pathText(path)})`;
}

interface ItemContext {
  problems: Problems;
  path: Path;
  name: string;
  eventId?: string;
  index?: number;
  /** What an error in this item means for it, appended to error messages. */
  onError?: string;
}

function report(ctx: ItemContext, severity: ProblemSeverity, field: string | number, message: string) {
  const outcome = severity === 'error' && ctx.onError ? ` (${ctx.onError})` : '';
  ctx.problems.add(severity, [...ctx.path, field], `${ctx.name}: ${message}${outcome}`, {
    ...(ctx.eventId === undefined ? {} : { eventId: ctx.eventId }),
    ...(ctx.index === undefined ? {} : { index: ctx.index }),
    detail: `${message}${outcome}`,
  });
}

function requiredString(ctx: ItemContext, object: Json, field: string): string | undefined {
  const value = own(object, field);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  report(
    ctx,
    'error',
    field,
    value === undefined
      ? `"${field}" is missing; it is required`
      : `"${field}" must be a non-empty string, got ${describeValue(value)}`,
  );
  return undefined;
}

function optionalString(ctx: ItemContext, object: Json, field: string): string | undefined {
  const value = own(object, field);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  report(ctx, 'warning', field, `"${field}" must be a string, got ${describeValue(value)}; it is ignored`);
  return undefined;
}

function stringList(ctx: ItemContext, object: Json, field: string): readonly string[] {
  const value = own(object, field);
  if (value === undefined) return NONE;
  if (!Array.isArray(value)) {
    report(ctx, 'warning', field, `"${field}" must be an array of strings, got ${describeValue(value)}; it is ignored`);
    return NONE;
  }
  const out: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item === 'string' && item.trim() !== '') out.push(item.trim());
    else
      report(
        ctx,
        'warning',
        field,
        `${field}[${i}] must be a non-empty string, got ${describeValue(item)}; it is ignored`,
      );
  });
  return out.length ? out : NONE;
}

function date(ctx: ItemContext, object: Json, field: string, required: boolean): TimePoint | undefined | null {
  const value = own(object, field);
  if (value === undefined) {
    if (required) report(ctx, 'error', field, `"${field}" is missing; it is required`);
    return required ? null : undefined;
  }
  const parsed = parseDate(value);
  if (parsed.ok) return parsed.value;
  report(ctx, 'error', field, `${field}: ${parsed.message}`);
  return null;
}

function httpUrl(ctx: ItemContext, object: Json, field: string): string | undefined {
  const value = optionalString(ctx, object, field);
  if (value === undefined) return undefined;
  if (/^https?:\/\//i.test(value.trim())) return value.trim();
  report(ctx, 'warning', field, `"${field}" must be an http(s) URL, got "${value.slice(0, 60)}"; it is ignored`);
  return undefined;
}

/**
 * A path relative to the dataset: no scheme (`javascript:`, `data:`, even `https:`: those belong
 * in `url`) and not protocol-relative (`//host`), so a viewer can only resolve it beside the data.
 */
function relativePath(ctx: ItemContext, object: Json, field: string): string | undefined {
  const value = optionalString(ctx, object, field);
  if (value === undefined) return undefined;
  const path = value.trim();
  if (path !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[\\/]{2}/.test(path)) return path;
  report(
    ctx,
    'warning',
    field,
    `"${field}" must be a path relative to the dataset, got "${value.slice(0, 60)}"; it is ignored`,
  );
  return undefined;
}

function unknownFields(ctx: ItemContext, object: Json, known: ReadonlySet<string>, options: ParseOptions) {
  if (options.reportUnknownFields === false) return;
  for (const key of Object.keys(object)) {
    if (!known.has(key)) report(ctx, 'warning', key, `unknown field "${key}" is ignored`);
  }
}

function parseSources(ctx: ItemContext, object: Json, options: ParseOptions): readonly Source[] {
  const value = own(object, 'sources');
  if (value === undefined) return NONE;
  if (!Array.isArray(value)) {
    report(ctx, 'warning', 'sources', `"sources" must be an array, got ${describeValue(value)}; it is ignored`);
    return NONE;
  }
  const out: Source[] = [];
  value.forEach((raw: unknown, i) => {
    const sctx: ItemContext = {
      ...ctx,
      onError: 'the source is ignored',
      path: [...ctx.path, 'sources', i],
      name: `${ctx.name}, source ${i + 1}`,
    };
    if (!isObject(raw)) {
      report(ctx, 'warning', 'sources', `sources[${i}] must be an object, got ${describeValue(raw)}; it is ignored`);
      return;
    }
    unknownFields(sctx, raw, SOURCE_FIELDS, options);
    const title = requiredString(sctx, raw, 'title');
    const file = relativePath(sctx, raw, 'file');
    const url = httpUrl(sctx, raw, 'url');
    if (title === undefined) return;
    const published = date(sctx, raw, 'published', false) ?? undefined;
    const publisher = optionalString(sctx, raw, 'publisher');
    const quote = optionalString(sctx, raw, 'quote');
    out.push({
      title,
      ...(publisher === undefined ? {} : { publisher }),
      ...(published === undefined ? {} : { published }),
      ...(file === undefined ? {} : { file }),
      ...(url === undefined ? {} : { url }),
      ...(quote === undefined ? {} : { quote }),
    });
  });
  return out.length ? out : NONE;
}

function parseMedia(ctx: ItemContext, object: Json, options: ParseOptions): Media | undefined {
  const value = own(object, 'media');
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    report(
      ctx,
      'warning',
      'media',
      `"media" must be an object with a "url", got ${describeValue(value)}; it is ignored`,
    );
    return undefined;
  }
  const mctx: ItemContext = { ...ctx, onError: 'the media are ignored', path: [...ctx.path, 'media'] };
  unknownFields(mctx, value, MEDIA_FIELDS, options);
  if (own(value, 'url') === undefined) {
    report(ctx, 'warning', 'media', '"media.url" is missing; the media are ignored');
    return undefined;
  }
  const url = httpUrl(mctx, value, 'url');
  if (url === undefined) return undefined;
  const caption = optionalString(mctx, value, 'caption');
  const credit = optionalString(mctx, value, 'credit');
  const thumbnail = httpUrl(mctx, value, 'thumbnail');
  return {
    url,
    ...(caption === undefined ? {} : { caption }),
    ...(credit === undefined ? {} : { credit }),
    ...(thumbnail === undefined ? {} : { thumbnail }),
  };
}

function checkOrder(ctx: ItemContext, start: TimePoint, end: TimePoint | undefined): boolean {
  if (end === undefined || end.end > start.start) return true;
  report(ctx, 'error', 'end', `end "${end.input}" is before start "${start.input}"`);
  return false;
}

/** Reads any event, reporting everything that is wrong with it; undefined when it cannot be shown. */
function parseEvent(
  raw: unknown,
  index: number,
  path: Path,
  problems: Problems,
  options: ParseOptions,
): TimelineEvent | undefined {
  if (!isObject(raw)) {
    problems.add(
      'error',
      path,
      `Event ${pathText(path)} must be an object, got ${describeValue(raw)}; it is not shown`,
      {
        index,
      },
    );
    return undefined;
  }
  const rawId = own(raw, 'id');
  const idText = typeof rawId === 'string' && rawId.trim() !== '' ? rawId.trim() : undefined;
  const ctx: ItemContext = {
    problems,
    path,
    name: itemName('Event', idText, path),
    index,
    onError: 'the event is not shown until this is fixed',
    ...(idText === undefined ? {} : { eventId: idText }),
  };
  unknownFields(ctx, raw, EVENT_FIELDS, options);
  const id = requiredString(ctx, raw, 'id');
  const title = requiredString(ctx, raw, 'title');
  const start = date(ctx, raw, 'start', true);
  const end = date(ctx, raw, 'end', false);
  const description = optionalString(ctx, raw, 'description');
  const lane = optionalString(ctx, raw, 'lane')?.trim() || undefined;
  const tags = stringList(ctx, raw, 'tags');
  const locations = stringList(ctx, raw, 'locations');
  const people = stringList(ctx, raw, 'people');
  const sources = parseSources(ctx, raw, options);
  const url = httpUrl(ctx, raw, 'url');
  const displayDate = optionalString(ctx, raw, 'displayDate');
  const media = parseMedia(ctx, raw, options);
  const descriptionHtml = optionalString(ctx, raw, 'descriptionHtml');
  const rawStatus = own(raw, 'status');
  let status: EventStatus | undefined;
  if (rawStatus !== undefined) {
    if ((EVENT_STATUSES as readonly unknown[]).includes(rawStatus)) status = rawStatus as EventStatus;
    else
      report(
        ctx,
        'warning',
        'status',
        `"status" must be one of ${EVENT_STATUSES.join(', ')}, got ${describeValue(rawStatus)}; it is left unmarked`,
      );
  }
  if (id === undefined || title === undefined || !start || end === null || !checkOrder(ctx, start, end)) {
    return undefined;
  }
  return createEvent({
    id,
    title,
    start,
    end,
    description,
    lane: lane ?? DEFAULT_LANE,
    tags,
    locations,
    people,
    status,
    sources,
    url,
    displayDate,
    media,
    descriptionHtml,
    index,
  });
}

/** What a value that threw when read (a getter, a Proxy trap) said, for a problem message. */
function thrownText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'a value was thrown';
  } catch {
    return 'a value was thrown';
  }
}

/** Warns about a start year far outside the rest ({@link findOutliers}): valid, so drawn, but worth a look. */
function reportOutliers(events: readonly TimelineEvent[], problems: Problems): void {
  const outliers = findOutliers(events);
  if (!outliers) return;
  const { from, to } = outliers;
  for (const event of outliers.events) {
    const detail = `start year ${event.start.year} is far outside the other events (${from}–${to}); is it a typo?`;
    problems.add(
      'warning',
      ['events', event.index, 'start'],
      `Event "${event.id}" (events[${event.index}]): ${detail}`,
      {
        eventId: event.id,
        index: event.index,
        detail,
      },
    );
  }
}

/** Runs a part of the parse whose reads may throw (getters, Proxies); reports and falls back if they do. */
function guarded<T>(problems: Problems, field: string, fallback: T, read: () => T): T {
  try {
    return read();
  } catch (error) {
    problems.add('error', [field], `Dataset: "${field}" could not be read (${thrownText(error)}); it is ignored`);
    return fallback;
  }
}

/**
 * Walks a top-level array of items (`lanes`, `eras`): a value that is not an array, or an item
 * that is not an object, is reported; every object item is visited with its context.
 */
function eachItem(
  raw: unknown,
  field: string,
  kind: string,
  problems: Problems,
  itemSeverity: ProblemSeverity,
  visit: (item: Json, ctx: ItemContext) => void,
): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    problems.add('warning', [field], `"${field}" must be an array, got ${describeValue(raw)}; it is ignored`);
    return;
  }
  const outcome = itemSeverity === 'error' ? 'it is not shown' : 'it is ignored';
  raw.forEach((item: unknown, i) => {
    const path = [field, i];
    if (!isObject(item)) {
      problems.add(
        itemSeverity,
        path,
        `${kind} ${pathText(path)} must be an object, got ${describeValue(item)}; ${outcome}`,
      );
      return;
    }
    const rawId = own(item, 'id');
    visit(item, { problems, path, name: itemName(kind, typeof rawId === 'string' ? rawId : undefined, path) });
  });
}

function parseLanes(raw: unknown, problems: Problems, options: ParseOptions): Lane[] {
  const lanes: Lane[] = [];
  eachItem(raw, 'lanes', 'Lane', problems, 'warning', (item, ctx) => {
    unknownFields(ctx, item, LANE_FIELDS, options);
    const id = requiredString(ctx, item, 'id');
    const label = requiredString(ctx, item, 'label');
    const description = optionalString(ctx, item, 'description');
    if (id === undefined) return;
    if (lanes.some((lane) => lane.id === id)) {
      report(ctx, 'warning', 'id', `lane id "${id}" is declared twice; the first declaration is used`);
      return;
    }
    lanes.push({ id, label: label ?? id, index: lanes.length, ...(description === undefined ? {} : { description }) });
  });
  return lanes;
}

function parseEras(raw: unknown, problems: Problems, options: ParseOptions): Era[] {
  const eras: Era[] = [];
  eachItem(raw, 'eras', 'Era', problems, 'error', (item, itemCtx) => {
    const ctx: ItemContext = { ...itemCtx, onError: 'the era is not shown until this is fixed' };
    unknownFields(ctx, item, ERA_FIELDS, options);
    const id = requiredString(ctx, item, 'id');
    const title = requiredString(ctx, item, 'title');
    const start = date(ctx, item, 'start', true);
    const end = date(ctx, item, 'end', true);
    const description = optionalString(ctx, item, 'description');
    const sources = parseSources(ctx, item, options);
    if (id === undefined || title === undefined || !start || !end || !checkOrder(ctx, start, end)) return;
    eras.push({
      id,
      title,
      start,
      end,
      from: start.start,
      to: end.end,
      sources,
      ...(description === undefined ? {} : { description }),
    });
  });
  return eras;
}

function parseMarkers(raw: unknown, problems: Problems, options: ParseOptions): DatasetMarker[] {
  const markers: DatasetMarker[] = [];
  eachItem(raw, 'markers', 'Marker', problems, 'warning', (item, itemCtx) => {
    const ctx: ItemContext = { ...itemCtx, onError: 'the marker is not shown until this is fixed' };
    unknownFields(ctx, item, MARKER_FIELDS, options);
    const when = date(ctx, item, 'date', true);
    const label = requiredString(ctx, item, 'label');
    if (!when || label === undefined) return;
    markers.push({ date: when, label, at: when.start });
  });
  return markers;
}

/**
 * Parses a dataset (an object with `events`, or a bare array of events) into the model.
 * Never throws. Events keep their input order; lanes are the declared ones in order, then any lane
 * an event names that was not declared, then the default lane if some event has none.
 */
export function parseDataset(input: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseDatasetUnguarded(input, options);
  } catch (error) {
    // Events are guarded one by one; this is for a root, lanes or eras whose reads throw.
    const message = `The dataset could not be read (${thrownText(error)})`;
    return {
      dataset: { lanes: [], eras: [], events: [] },
      problems: [{ severity: 'error', message, path: [], pointer: '' }],
    };
  }
}

function parseDatasetUnguarded(input: unknown, options: ParseOptions): ParseResult {
  const problems = new Problems();
  let root: Json;
  if (Array.isArray(input)) root = { events: input };
  else if (isObject(input)) root = input;
  else {
    problems.add(
      'error',
      [],
      `The dataset must be an object with "events" or an array of events, got ${describeValue(input)}`,
    );
    return { dataset: { lanes: [], eras: [], markers: [], events: [] }, problems: problems.list };
  }
  const rootCtx: ItemContext = { problems, path: [], name: 'Dataset' };
  if (!Array.isArray(input)) unknownFields(rootCtx, root, DATASET_FIELDS, options);
  const title = optionalString(rootCtx, root, 'title');
  const description = optionalString(rootCtx, root, 'description');
  const lanes = guarded(problems, 'lanes', [], () => parseLanes(own(root, 'lanes'), problems, options));
  const eras = guarded(problems, 'eras', [], () => parseEras(own(root, 'eras'), problems, options));
  const markers = guarded(problems, 'markers', [], () => parseMarkers(own(root, 'markers'), problems, options));

  const rawEvents = own(root, 'events');
  const events: TimelineEvent[] = [];
  if (!Array.isArray(rawEvents)) {
    problems.add(
      'error',
      ['events'],
      rawEvents === undefined
        ? 'Dataset: "events" is missing; it must be an array of events'
        : `Dataset: "events" must be an array, got ${describeValue(rawEvents)}`,
    );
  } else {
    const ids = new StringSet(rawEvents.length);
    const uses = new Map<string, number>();
    const laneIds = new Set(lanes.map((lane) => lane.id));
    const fast = !prototypeInTheWay();
    const reportUnknown = options.reportUnknownFields !== false;
    const dates: DateCache = new Map();
    for (let index = 0; index < rawEvents.length; index++) {
      let event: TimelineEvent | undefined;
      try {
        const raw: unknown = rawEvents[index];
        event = fast && isObject(raw) && isPlain(raw) ? fastEvent(raw, index, dates, reportUnknown) : undefined;
        event ??= parseEvent(raw, index, ['events', index], problems, options);
      } catch (error) {
        // A getter or a Proxy trap that throws: the event cannot be read, the rest still can.
        const detail = `it could not be read (${thrownText(error)}); it is not shown`;
        problems.add('error', ['events', index], `Event events[${index}]: ${detail}`, { index, detail });
        event = undefined;
      }
      if (!event) continue;
      let id = event.id;
      if (!ids.add(id)) {
        // A duplicate is still an event the user gave: keep it under a derived id and say so.
        // `uses` counts the ids claimed more than once (the first claim is the set's).
        let count = (uses.get(id) ?? 1) + 1;
        while (ids.has((id = `${event.id}~${count}`))) count++;
        uses.set(event.id, count);
        ids.add(id);
        problems.add(
          'warning',
          ['events', index, 'id'],
          `Event "${event.id}" (events[${index}]): id is used by an earlier event; shown as "${id}"`,
          {
            eventId: event.id,
            index,
          },
        );
        event = { ...event, id };
      }
      const lane = event.lane;
      if (!laneIds.has(lane)) {
        laneIds.add(lane);
        lanes.push({ id: lane, label: lane === DEFAULT_LANE ? '' : lane, index: lanes.length });
      }
      events.push(event);
    }
  }
  // Years ago are deep time on purpose, never a typo among the other years.
  reportOutliers(
    events.filter((event) => event.start.ago === undefined),
    problems,
  );
  const dataset: Dataset = {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    lanes,
    eras,
    markers,
    events,
  };
  return { dataset, problems: problems.list };
}

export { compareEvents, DEFAULT_LANE } from './plain.js';
