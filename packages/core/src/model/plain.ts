/**
 * The plain path of parsing: the common, valid dataset (events with an id, a title, `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD` dates, a lane, a status, tags, places, people, a description and a
 * link; declared lanes) read without any of the reporting machinery. {@link parsePlainDataset}
 * answers only when it is sure that {@link parseDataset} would give the same dataset and report
 * nothing; on any doubt (sources, eras, markers, media, other date forms, an unknown field,
 * anything invalid) it answers undefined, and the careful path (parse.ts) reads the data and words
 * what is wrong.
 *
 * This is the one module boundary of the parse: `<reel-timeline>` keeps this module in its entry
 * chunk and loads parse.ts (and its messages) as a chunk only for data that needs it
 * (docs/decisions/bundle-size.md, "The eighth round"). parse.ts uses the same event reader
 * ({@link fastEvent}) for every event it can, so the two paths cannot drift apart.
 *
 * @module
 */
import { parseCalendarDate, type TimePoint } from './date.js';
import { StringSet } from './string-set.js';
import {
  EVENT_STATUSES,
  type Dataset,
  type EventStatus,
  type Lane,
  type ParseResult,
  type Source,
  type Media,
  type TimelineEvent,
} from './types.js';

/** The id of the lane that events without a `lane` share. */
export const DEFAULT_LANE = 'default';

/** Every field an event may have, in the order exports write them. */
export const EVENT_FIELD_NAMES = [
  'id',
  'title',
  'start',
  'end',
  'description',
  'lane',
  'tags',
  'locations',
  'people',
  'status',
  'sources',
  'url',
  'displayDate',
  'media',
  'descriptionHtml',
] as const;
/** An event field's name. */
export type EventFieldName = (typeof EVENT_FIELD_NAMES)[number];
export const EVENT_FIELDS: ReadonlySet<string> = new Set(EVENT_FIELD_NAMES);
export const LANE_FIELDS = new Set(['id', 'label', 'description']);
/** Dataset fields the plain path reads (eras and markers only when empty). */
const PLAIN_DATASET_FIELDS = new Set(['$schema', 'title', 'description', 'lanes', 'eras', 'markers', 'events']);

/**
 * The one empty list every event without tags, locations, people or sources shares: a million
 * events would otherwise hold four million empty arrays. Frozen, as the model is read-only.
 */
export const NONE: readonly never[] = Object.freeze([]);
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object literal or `JSON.parse` result (or a null-prototype object): nothing inherited to trip over. */
export function isPlain(value: Json): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** What an event is made of, before its object is built. */
export interface EventParts {
  id: string;
  title: string;
  start: TimePoint;
  end: TimePoint | undefined;
  description: string | undefined;
  lane: string;
  tags: readonly string[];
  locations: readonly string[];
  people: readonly string[];
  /** Only what the data says: unmarked events have none (the dates carry their own flags). */
  status: EventStatus | undefined;
  sources: readonly Source[];
  url: string | undefined;
  displayDate?: string | undefined;
  media?: Media | undefined;
  descriptionHtml?: string | undefined;
  index: number;
}

/**
 * Builds an event object: always the same fields in the same order (optional ones only when
 * present), and no temporary objects. The common shapes are written as whole literals, so their
 * fields live inside the object (one allocation, not an object plus a property store) and a
 * million events share two hidden classes.
 */
export function createEvent(parts: EventParts): TimelineEvent {
  const { id, title, start, end, description, lane, tags, locations, people, status, sources, url, index } = parts;
  const { displayDate, media, descriptionHtml } = parts;
  const from = start.start;
  if (
    description === undefined &&
    url === undefined &&
    displayDate === undefined &&
    media === undefined &&
    descriptionHtml === undefined
  ) {
    return end === undefined
      ? { id, title, start, lane, tags, locations, people, status, sources, from, to: start.end, index }
      : { id, title, start, end, lane, tags, locations, people, status, sources, from, to: end.end, index };
  }
  const event: Record<string, unknown> = { id, title, start };
  if (end !== undefined) event['end'] = end;
  if (description !== undefined) event['description'] = description;
  event['lane'] = lane;
  event['tags'] = tags;
  event['locations'] = locations;
  event['people'] = people;
  event['status'] = status;
  event['sources'] = sources;
  if (url !== undefined) event['url'] = url;
  if (displayDate !== undefined) event['displayDate'] = displayDate;
  if (media !== undefined) event['media'] = media;
  if (descriptionHtml !== undefined) event['descriptionHtml'] = descriptionHtml;
  event['from'] = from;
  event['to'] = end ? end.end : start.end;
  event['index'] = index;
  return event as unknown as TimelineEvent;
}

/**
 * Whether `Object.prototype` has an enumerable property or one named like an event field (someone
 * patched or polluted it): then plain reads are not own reads, and every event takes the careful path.
 */
export function prototypeInTheWay(): boolean {
  for (const _ in {}) return true;
  for (const field of EVENT_FIELDS) if (field in Object.prototype) return true;
  return false;
}

/** A trimmed, non-empty string, or undefined. */
function trimmedText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** A list of non-empty strings, trimmed; `null` when anything in it would be reported. */
function fastStringList(value: unknown): readonly string[] | null {
  if (value === undefined) return NONE;
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return NONE;
  const out = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const text = trimmedText(value[i]);
    if (text === undefined) return null;
    out[i] = text;
  }
  return out;
}

/** A date string the fast path reads, from this parse's cache of date-only values. */
export type DateCache = Map<string, TimePoint>;
/** Distinct date-only values a parse remembers (a day precision dataset has a few thousand). */
const DATE_CACHE_LIMIT = 65_536;

export function fastDate(value: string, cache: DateCache): TimePoint | undefined {
  let point = cache.get(value);
  if (point === undefined) {
    point = parseCalendarDate(value);
    if (point !== undefined && cache.size < DATE_CACHE_LIMIT) cache.set(value, point);
  }
  return point;
}

/**
 * The common, valid event, read without making anything that a valid event does not need: every
 * field known (or unknown fields not reported), id, title and dates in the plain forms, optional
 * fields well formed, no sources unless `readSources` reads them. Returns undefined for anything
 * else, and {@link parseEvent} then reads the event again, reporting what is wrong. For an event it
 * accepts, the result is the one {@link parseEvent} gives and {@link parseEvent} would report nothing.
 *
 * Events that share a date string share its {@link TimePoint} (the value is immutable): a million
 * events over a few years hold a few thousand dates, not two million.
 */
export function fastEvent(
  raw: Json,
  index: number,
  cache: DateCache,
  reportUnknown: boolean,
  readSources?: (value: unknown) => readonly Source[] | null,
): TimelineEvent | undefined {
  if (reportUnknown) {
    // The keys Object.keys would list (nothing enumerable is inherited: see prototypeInTheWay).
    for (const key in raw) if (!EVENT_FIELDS.has(key)) return undefined;
  }
  // Plain reads are own reads here: the prototype is Object.prototype or null and holds no field name.
  if (raw['media'] !== undefined || raw['displayDate'] !== undefined || raw['descriptionHtml'] !== undefined)
    return undefined;
  // Sources only where the caller reads them (parse.ts's fastSources; null: not plain, read again).
  const sources = raw['sources'] === undefined ? NONE : (readSources?.(raw['sources']) ?? null);
  if (sources === null) return undefined;
  const id = raw['id'];
  const title = raw['title'];
  const start = raw['start'];
  const end = raw['end'];
  const description = raw['description'];
  const lane = raw['lane'];
  const status = raw['status'];
  const url = raw['url'];
  const idText = trimmedText(id);
  const titleText = trimmedText(title);
  if (idText === undefined || titleText === undefined || typeof start !== 'string') return undefined;
  const startPoint = fastDate(start, cache);
  if (startPoint === undefined) return undefined;
  let endPoint: TimePoint | undefined;
  if (end !== undefined) {
    if (typeof end !== 'string') return undefined;
    endPoint = fastDate(end, cache);
    if (endPoint === undefined || endPoint.end <= startPoint.start) return undefined;
  }
  if (description !== undefined && typeof description !== 'string') return undefined;
  if (lane !== undefined && typeof lane !== 'string') return undefined;
  const tagList = fastStringList(raw['tags']);
  const locationList = fastStringList(raw['locations']);
  const peopleList = fastStringList(raw['people']);
  if (tagList === null || locationList === null || peopleList === null) return undefined;
  if (status !== undefined && !(EVENT_STATUSES as readonly unknown[]).includes(status)) return undefined;
  let href: string | undefined;
  if (url !== undefined) {
    if (typeof url !== 'string') return undefined;
    href = url.trim();
    if (!/^https?:\/\//i.test(href)) return undefined;
  }
  return createEvent({
    id: idText,
    title: titleText,
    start: startPoint,
    end: endPoint,
    description: description as string | undefined,
    lane: (lane as string | undefined)?.trim() || DEFAULT_LANE,
    tags: tagList,
    locations: locationList,
    people: peopleList,
    status: status as EventStatus | undefined,
    sources,
    url: href,
    index,
  });
}

/** Start years far outside the rest, with the range of the rest: see parse.ts, `reportOutliers`. */
export interface Outliers {
  readonly events: readonly TimelineEvent[];
  readonly from: number;
  readonly to: number;
}

/**
 * Finds a start year far outside the rest (a typo such as 11841 among 1800–2000 data): more than
 * 20 interquartile ranges (at least 20 years) beyond the middle half, and only when a handful of
 * events (at most 1 in 100) are that far, so a timeline that spans deep time on purpose is left alone.
 */
export function findOutliers(events: readonly TimelineEvent[]): Outliers | undefined {
  const n = events.length;
  if (n < 20) return undefined;
  const years = new Float64Array(n);
  for (let i = 0; i < n; i++) years[i] = events[i]!.start.year;
  years.sort();
  const q1 = years[Math.floor((n - 1) / 4)]!;
  const q3 = years[Math.ceil(((n - 1) * 3) / 4)]!;
  const reach = 20 * Math.max(q3 - q1, 1);
  const low = q1 - reach;
  const high = q3 + reach;
  const outliers = events.filter((event) => event.start.year < low || event.start.year > high);
  if (outliers.length === 0 || outliers.length > Math.max(1, Math.floor(n / 100))) return undefined;
  const inside = events.filter((event) => event.start.year >= low && event.start.year <= high);
  const from = Math.min(...inside.map((event) => event.start.year));
  const to = Math.max(...inside.map((event) => event.start.year));
  return { events: outliers, from, to };
}

/** Declared lanes, when every one is well formed and declared once; otherwise undefined. */
function plainLanes(raw: unknown): Lane[] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return undefined;
  const lanes: Lane[] = [];
  for (const item of raw as unknown[]) {
    if (!isObject(item) || !isPlain(item)) return undefined;
    for (const key in item) if (!LANE_FIELDS.has(key)) return undefined;
    const id = trimmedText(item['id']);
    const label = trimmedText(item['label']);
    const description = item['description'];
    if (id === undefined || label === undefined || (description !== undefined && typeof description !== 'string'))
      return undefined;
    if (lanes.some((lane) => lane.id === id)) return undefined;
    lanes.push({ id, label, index: lanes.length, ...(description === undefined ? {} : { description }) });
  }
  return lanes;
}

/** Whether an optional list the plain path does not read (`eras`, `markers`) is absent or empty. */
const absent = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * Parses the common, valid dataset (see the module) without reporting anything: the result is the
 * one {@link parseDataset} gives, with no problems. Undefined on any doubt, for the careful path
 * to read (and explain). Never throws.
 */
export function parsePlainDataset(input: unknown): ParseResult | undefined {
  try {
    return plainDataset(input);
  } catch {
    // A getter or a Proxy trap that throws: the careful path reads it again and says so.
    return undefined;
  }
}

function plainDataset(input: unknown): ParseResult | undefined {
  if (prototypeInTheWay()) return undefined;
  let root: Json;
  if (Array.isArray(input)) root = { events: input };
  else if (isObject(input) && isPlain(input)) root = input;
  else return undefined;
  if (!Array.isArray(input)) for (const key in root) if (!PLAIN_DATASET_FIELDS.has(key)) return undefined;
  const { title, description, eras, markers, events: rawEvents } = root;
  if (title !== undefined && typeof title !== 'string') return undefined;
  if (description !== undefined && typeof description !== 'string') return undefined;
  if (!absent(eras) || !absent(markers) || !Array.isArray(rawEvents)) return undefined;
  const lanes = plainLanes(root['lanes']);
  if (!lanes) return undefined;
  const laneIds = new Set(lanes.map((lane) => lane.id));
  const ids = new StringSet(rawEvents.length);
  const dates: DateCache = new Map();
  const events: TimelineEvent[] = [];
  for (let index = 0; index < rawEvents.length; index++) {
    const raw: unknown = rawEvents[index];
    const event = isObject(raw) && isPlain(raw) ? fastEvent(raw, index, dates, true) : undefined;
    // A duplicate id is reported (and renamed) by the careful path.
    if (!event || !ids.add(event.id)) return undefined;
    if (!laneIds.has(event.lane)) {
      laneIds.add(event.lane);
      lanes.push({ id: event.lane, label: event.lane === DEFAULT_LANE ? '' : event.lane, index: lanes.length });
    }
    events.push(event);
  }
  if (findOutliers(events)) return undefined;
  const dataset: Dataset = {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    lanes,
    eras: [],
    markers: [],
    events,
  };
  return { dataset, problems: [] };
}

/** Orders events by start, then end, then input order: the one order that focus, table and marks share. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.from - b.from || a.to - b.to || a.index - b.index;
}
