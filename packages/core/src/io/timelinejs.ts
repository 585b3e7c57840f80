/**
 * TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) into the model: the
 * `title` slide becomes the dataset's title and description, `events` become events, `eras` eras
 * and `group`s lanes. Dates are objects of fields (`year`, `month`, `day`, `hour`, `minute`,
 * `second`, `millisecond`); the precision is the finest field present, and a time (an `hour`) is
 * read in the given time zone, as TimelineJS3 reads it in the page's. Negative years are
 * TimelineJS3's: `-44` is 44 BCE (the model's astronomical year -43).
 *
 * HTML in `text` and `headline` becomes plain text; `media` are kept (http(s) URLs only; embed
 * HTML such as a quoted `<blockquote>` becomes text of the description). `background`, `type`,
 * `autolink` and `scale` only style TimelineJS3's slides and are not read.
 *
 * @module
 */
import { describeValue } from '../model/date.js';
import type { DatasetInput, EraInput, TimelineEventInput } from '../model/types.js';
import {
  ConvertProblems,
  excerpt,
  htmlToText,
  isRecord,
  own,
  parseConverted,
  resolveZone,
  textOf,
  thrownText,
  type ImportOptions,
  type ImportResult,
} from './shared.js';
import {
  dateOf,
  IdMaker,
  integerOf,
  mediaOf,
  problem,
  slug,
  textsOf,
  type Context,
  type Item,
  type Json,
  type Path,
} from './timelinejs-items.js';

/** How a TimelineJS3 file's items are named: `events[3]` (JSON) or `row 5` (a spreadsheet). */
export interface TimelineJSOrigin {
  label(collection: 'events' | 'eras', index: number): string;
  path(collection: 'events' | 'eras', index: number): Path;
}

const JSON_ORIGIN: TimelineJSOrigin = {
  label: (collection, index) => `${collection}[${index}]`,
  path: (collection, index) => [collection, index],
};

function eventOf(
  ctx: Context,
  raw: unknown,
  index: number,
  ids: IdMaker,
  origin: TimelineJSOrigin,
): TimelineEventInput | undefined {
  const place = origin.label('events', index);
  const item: Item = { name: `Event ${place}`, path: origin.path('events', index), index };
  if (!isRecord(raw)) {
    ctx.problems.add({
      severity: 'error',
      path: item.path,
      name: item.name,
      detail: `an event must be an object with a "start_date", got ${describeValue(raw)}; it is not shown`,
      index,
    });
    return undefined;
  }
  const uniqueId = textOf(own(raw, 'unique_id'));
  if (uniqueId !== undefined) {
    item.eventId = uniqueId;
    item.name = `Event "${uniqueId}" (${place})`;
  }
  const { headline, text, html } = textsOf(own(raw, 'text'));
  const { media, text: embedText } = mediaOf(ctx, item, own(raw, 'media'));
  const rawStart = own(raw, 'start_date');
  if (rawStart === undefined) {
    problem(ctx, item, 'error', 'start_date', '"start_date" is missing; every event needs one; it is not shown');
    return undefined;
  }
  const start = dateOf(ctx, item, 'start_date', rawStart, 'the event is not shown');
  const rawEnd = own(raw, 'end_date');
  const end =
    rawEnd === undefined || rawEnd === null || (isRecord(rawEnd) && integerOf(own(rawEnd, 'year')) === undefined)
      ? undefined
      : dateOf(ctx, item, 'end_date', rawEnd, 'the event is shown without an end', 'warning');
  if (start === undefined) return undefined;
  const description = [text, embedText].filter(Boolean).join('\n\n') || undefined;
  const displayDate = displayDateOf(raw, rawStart, rawEnd);
  const title = headline ?? (description && excerpt(description)) ?? media?.caption ?? displayDate ?? start;
  const id = uniqueId ?? ids.make(slug(headline ?? '') || `event-${index + 1}`);
  const group = textOf(own(raw, 'group'));
  const lane = group === undefined ? undefined : htmlToText(group) || undefined;
  const location = locationOf(own(raw, 'location'));
  return {
    id,
    title,
    start,
    ...(end === undefined ? {} : { end }),
    ...(description === undefined ? {} : { description }),
    ...(lane === undefined ? {} : { lane }),
    ...(location === undefined ? {} : { locations: [location] }),
    ...(displayDate === undefined ? {} : { displayDate }),
    ...(media === undefined ? {} : { media }),
    // The HTML is the description only while no embed's words were added to the plain text.
    ...(html === undefined || embedText ? {} : { descriptionHtml: html }),
  };
}

/** The event's `display_date`, else its dates' own (`start – end`). */
function displayDateOf(raw: Json, start: unknown, end: unknown): string | undefined {
  const own_ = textOf(own(raw, 'display_date'));
  if (own_ !== undefined) return htmlToText(own_) || undefined;
  const from = isRecord(start) ? textOf(own(start, 'display_date')) : undefined;
  const to = isRecord(end) ? textOf(own(end, 'display_date')) : undefined;
  if (from === undefined && to === undefined) return undefined;
  return htmlToText([from, to].filter(Boolean).join(' – ')) || undefined;
}

/** A map location (`{ lat, lon, name }`) as a place name, or its coordinates. */
function locationOf(raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  const name = textOf(own(raw, 'name'));
  if (name !== undefined) return htmlToText(name) || undefined;
  const lat = own(raw, 'lat');
  const lon = own(raw, 'lon');
  return typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)
    ? `${lat}, ${lon}`
    : undefined;
}

function eraOf(ctx: Context, raw: unknown, index: number, origin: TimelineJSOrigin): EraInput | undefined {
  const item: Item = { name: `Era ${origin.label('eras', index)}`, path: origin.path('eras', index) };
  if (!isRecord(raw)) {
    ctx.problems.add({
      severity: 'error',
      path: item.path,
      name: item.name,
      detail: `an era must be an object with "start_date" and "end_date", got ${describeValue(raw)}; it is not shown`,
    });
    return undefined;
  }
  const start = dateOf(ctx, item, 'start_date', own(raw, 'start_date'), 'the era is not shown');
  const end = dateOf(ctx, item, 'end_date', own(raw, 'end_date'), 'the era is not shown');
  if (start === undefined || end === undefined) return undefined;
  const { headline, text } = textsOf(own(raw, 'text'));
  return {
    id: `era-${index + 1}`,
    title: headline ?? `${start} – ${end}`,
    start,
    end,
    ...(text === undefined ? {} : { description: text }),
  };
}

/** A TimelineJS3 document converted to model input, with where each event came from. */
export interface TimelineJSConversion {
  input: DatasetInput;
  origins: number[];
  problems: ConvertProblems;
}

/**
 * Converts a TimelineJS3 document (an object with `events`, optionally `title` and `eras`) to
 * model input. Never throws: an item whose reads throw (a getter, a Proxy) is reported.
 */
export function convertTimelineJS(
  value: unknown,
  options: ImportOptions = {},
  origin: TimelineJSOrigin = JSON_ORIGIN,
  problems = new ConvertProblems(),
): TimelineJSConversion {
  const ctx: Context = { problems, zone: resolveZone(options, problems), baseUrl: options.baseUrl };
  const input: DatasetInput = { events: [] };
  const origins: number[] = [];
  const root: Item = { name: 'Timeline', path: [] };
  try {
    if (!isRecord(value)) {
      problems.add({
        severity: 'error',
        path: [],
        name: 'Timeline',
        detail: `a TimelineJS3 file must be an object with "events", got ${describeValue(value)}`,
      });
      return { input, origins, problems };
    }
    const title = own(value, 'title');
    if (title !== undefined) {
      const { headline, text } = isRecord(title) ? textsOf(own(title, 'text')) : {};
      if (headline !== undefined) input.title = headline;
      if (text !== undefined) input.description = text;
    }
    const events = own(value, 'events');
    if (events !== undefined && !Array.isArray(events)) {
      problem(ctx, root, 'error', 'events', `"events" must be an array, got ${describeValue(events)}`);
    }
    const list: unknown[] = Array.isArray(events) ? events : [];
    const ids = new IdMaker();
    for (const raw of list) {
      try {
        const id = isRecord(raw) ? textOf(own(raw, 'unique_id')) : undefined;
        if (id !== undefined) ids.reserve(id);
      } catch {
        // Reported when the event itself is read below.
      }
    }
    list.forEach((raw, index) => {
      try {
        const event = eventOf(ctx, raw, index, ids, origin);
        if (event === undefined) return;
        input.events.push(event);
        origins.push(index);
      } catch (error) {
        problems.add({
          severity: 'error',
          path: origin.path('events', index),
          name: `Event ${origin.label('events', index)}`,
          detail: `it could not be read (${thrownText(error)}); it is not shown`,
          index,
        });
      }
    });
    const eras = own(value, 'eras');
    if (Array.isArray(eras)) {
      const converted: EraInput[] = [];
      eras.forEach((raw: unknown, index) => {
        try {
          const era = eraOf(ctx, raw, index, origin);
          if (era) converted.push(era);
        } catch (error) {
          problems.add({
            severity: 'error',
            path: origin.path('eras', index),
            name: `Era ${origin.label('eras', index)}`,
            detail: `it could not be read (${thrownText(error)}); it is not shown`,
          });
        }
      });
      if (converted.length) input.eras = converted;
    } else if (eras !== undefined) {
      problem(ctx, root, 'warning', 'eras', `"eras" must be an array, got ${describeValue(eras)}; it is ignored`);
    }
  } catch (error) {
    problems.add({
      severity: 'error',
      path: [],
      name: 'Timeline',
      detail: `it could not be read (${thrownText(error)})`,
    });
  }
  return { input, origins, problems };
}

/**
 * Reads a TimelineJS3 JSON document (parsed, or as text) into the model. Never throws: the result
 * holds every valid event and a problem for everything else, each naming the event
 * (`events[3]`, or its `unique_id`), the field and what was expected.
 */
export function fromTimelineJS(value: unknown, options: ImportOptions = {}): ImportResult {
  const problems = new ConvertProblems();
  let document = value;
  if (typeof value === 'string') {
    try {
      document = JSON.parse(value);
    } catch (error) {
      problems.add({
        severity: 'error',
        path: [],
        name: 'Timeline',
        detail: `it is not valid JSON (${thrownText(error)})`,
      });
      return parseConverted({ events: [] }, problems, 'timelinejs', options, noOrigins);
    }
  }
  const { input, origins } = convertTimelineJS(document, options, JSON_ORIGIN, problems);
  return parseConverted(input, problems, 'timelinejs', options, {
    indexes: origins,
    label: (index) => `events[${index}]`,
    path: (index) => ['events', index],
  });
}

const noOrigins = { indexes: [], label: String, path: (index: number) => [index] };
