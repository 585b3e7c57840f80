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
import { describeValue, type TimePoint } from './date.js';
import {
  createEvent,
  DEFAULT_LANE,
  EVENT_FIELDS,
  fastEvent,
  findOutliers,
  isObject,
  isPlain,
  LANE_FIELDS,
  prototypeInTheWay,
  type DateCache,
  type Json,
} from './plain.js';
import {
  DATASET_FIELDS,
  date,
  ERA_FIELDS,
  fastSources,
  httpUrl,
  itemName,
  MARKER_FIELDS,
  optionalString,
  own,
  parseMedia,
  parseSources,
  pathText,
  Problems,
  report,
  requiredString,
  stringList,
  unknownFields,
  type ItemContext,
  type Path,
} from './parse-fields.js';
import { StringSet } from './string-set.js';
import {
  EVENT_STATUSES,
  type Dataset,
  type DatasetMarker,
  type Era,
  type EventStatus,
  type Lane,
  type ParseResult,
  type ProblemSeverity,
  type TimelineEvent,
} from './types.js';

/** Options for {@link parseDataset}. */
export interface ParseOptions {
  /** Report fields the schema does not know (default true). */
  reportUnknownFields?: boolean;
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
    const readSources = (value: unknown) => fastSources(value, dates, reportUnknown);
    for (let index = 0; index < rawEvents.length; index++) {
      let event: TimelineEvent | undefined;
      try {
        const raw: unknown = rawEvents[index];
        event =
          fast && isObject(raw) && isPlain(raw) ? fastEvent(raw, index, dates, reportUnknown, readSources) : undefined;
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
