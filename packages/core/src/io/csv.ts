/**
 * CSV into the model, parsed by d3-dsv. A sheet made from TimelineJS3's Google Sheets template
 * (columns Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline,
 * Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background) is recognised
 * by its header and read as TimelineJS3 reads it (`Type` `title` is the title slide, `era` an era).
 * Any other CSV is read through a column mapping: which column holds each event field; by default
 * the columns named like the fields (`id`, `title`, `start`…, any case).
 *
 * Problems name the spreadsheet row (the header is row 1) and the column.
 *
 * @module
 */
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { EVENT_FIELD_NAMES, type EventFieldName } from '../model/plain.js';
import type { DatasetInput, TimelineEventInput } from '../model/types.js';
import { convertTimelineJS } from './timelinejs.js';
import {
  ConvertProblems,
  parseConverted,
  resolveZone,
  withZone,
  type ImportOptions,
  type ImportResult,
} from './shared.js';

/** Event fields that are not one cell: lists of objects (`sources`, `media`) and sanitised HTML. */
const NOT_TABULAR = ['sources', 'media', 'descriptionHtml'] as const;
/** An event field a column can hold. */
export type CsvField = Exclude<EventFieldName, (typeof NOT_TABULAR)[number]>;
const isTabular = (field: EventFieldName): field is CsvField => !(NOT_TABULAR as readonly string[]).includes(field);

/**
 * The event fields a column can hold: every event field (core's one list) but the non-tabular
 * ones. Lists (`tags`, `locations`, `people`) are split on `;`.
 */
export const CSV_FIELDS: readonly CsvField[] = EVENT_FIELD_NAMES.filter(isTabular);

/** Options for {@link fromCsv}. */
export interface CsvOptions extends ImportOptions {
  /**
   * Which column (by its header) holds each event field, e.g. `{ title: 'Name', start: 'Date' }`.
   * Fields not given are looked for under their own name, in any case. Ignored for a TimelineJS3
   * template sheet.
   */
  columns?: Partial<Record<CsvField, string>>;
  /** The separator: `,` (default) or a tab. */
  delimiter?: ',' | '\t';
}

/** The TimelineJS3 template's columns; a sheet with Year and Headline is read as one. */
export const TIMELINEJS_COLUMNS = [
  'Year',
  'Month',
  'Day',
  'Time',
  'End Year',
  'End Month',
  'End Day',
  'End Time',
  'Display Date',
  'Headline',
  'Text',
  'Media',
  'Media Credit',
  'Media Caption',
  'Media Thumbnail',
  'Type',
  'Group',
  'Background',
] as const;

/** Whether a header row is TimelineJS3's template (at least Year and Headline, any case). */
export function isTimelineJSHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((name) => name.trim().toLowerCase()));
  return names.has('year') && names.has('headline');
}

/** A clock time as TimelineJS3's sheets write it: `14:30`, `2:30 PM`, `1430`, `14:30:15.250`. */
function parseTime(text: string): Record<string, number> | string {
  let value = text.trim();
  let period: string | undefined;
  const match = /\s*([AaPp])\.?[Mm]\.?\s*$/.exec(value);
  if (match) {
    period = match[1]!.toLowerCase();
    value = value.slice(0, match.index).trim();
  }
  const parts = /^\d{3,4}$/.test(value) ? [value.slice(0, -2), value.slice(-2)] : value.split(/[:.]/);
  if (parts.length > 4 || parts.some((part) => !/^\d{1,3}$/.test(part))) {
    return `"${text}" is not a time; write it as 14:30, 2:30 PM or 14:30:15`;
  }
  let hour = Number(parts[0]);
  if (period === 'p' && hour !== 12) hour += 12;
  else if (period === 'a' && hour === 12) hour = 0;
  const out: Record<string, number> = { hour };
  if (parts[1] !== undefined) out['minute'] = Number(parts[1]);
  if (parts[2] !== undefined) out['second'] = Number(parts[2]);
  if (parts[3] !== undefined) out['millisecond'] = Number(parts[3].padEnd(3, '0'));
  return out;
}

function cell(row: readonly string[], columns: ReadonlyMap<string, number>, name: string): string {
  const index = columns.get(name.toLowerCase());
  return index === undefined ? '' : (row[index] ?? '').trim();
}

/** Reads a TimelineJS3 template sheet the way TimelineJS3 does, into its JSON form, then the model. */
function fromTemplate(rows: string[][], options: ImportOptions, problems: ConvertProblems): ImportResult {
  const columns = new Map(rows[0]!.map((name, i) => [name.trim().toLowerCase(), i]));
  const events: unknown[] = [];
  const eras: unknown[] = [];
  const eventRows: number[] = [];
  const eraRows: number[] = [];
  let title: unknown;
  rows.slice(1).forEach((row, i) => {
    const number = i + 2;
    if (row.every((value) => value.trim() === '')) return;
    const get = (name: string) => cell(row, columns, name);
    const date = (prefix: string) => {
      const out: Record<string, unknown> = {
        year: get(`${prefix}Year`),
        month: get(`${prefix}Month`),
        day: get(`${prefix}Day`),
      };
      const time = get(`${prefix}Time`);
      if (time) {
        const parsed = parseTime(time);
        if (typeof parsed === 'string') {
          problems.add({
            severity: 'warning',
            path: ['rows', number, `${prefix}Time`],
            name: `Row ${number}`,
            detail: `"${prefix}Time": ${parsed}; the date is read without it`,
            field: `${prefix}Time`,
          });
        } else Object.assign(out, parsed);
      }
      return out;
    };
    const slide: Record<string, unknown> = {
      text: { headline: get('Headline'), text: get('Text') },
      media: {
        url: get('Media'),
        credit: get('Media Credit'),
        caption: get('Media Caption'),
        thumbnail: get('Media Thumbnail'),
      },
      display_date: get('Display Date'),
      group: get('Group') || get('Tag'),
    };
    if (get('Year')) slide['start_date'] = date('');
    if (get('End Year')) slide['end_date'] = date('End ');
    const type = get('Type').toLowerCase();
    if (type === 'title' && title === undefined) title = slide;
    else if (type === 'era') {
      eras.push(slide);
      eraRows.push(number);
    } else {
      events.push(slide);
      eventRows.push(number);
    }
  });
  const rowOf = (collection: 'events' | 'eras', index: number) =>
    (collection === 'events' ? eventRows : eraRows)[index] ?? index;
  const { input, origins } = convertTimelineJS(
    { title, events, eras },
    options,
    { label: (collection, index) => `row ${rowOf(collection, index)}`, path: (c, index) => ['rows', rowOf(c, index)] },
    problems,
  );
  // The converter names rows "row 5"; a sentence starts with "Row 5".
  for (const problem of problems.list) problem.name = problem.name.replace(/^(Event|Era) row /, 'Row ');
  return parseConverted(input, problems, 'csv', options, {
    indexes: origins.map((index) => eventRows[index] ?? index),
    label: (number) => `row ${number}`,
    path: (number) => ['rows', number],
  });
}

/** Reads any CSV through a column mapping. */
function fromColumns(rows: string[][], options: CsvOptions, problems: ConvertProblems): ImportResult {
  const header = rows[0]!.map((name) => name.trim());
  const columns = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  const mapping = new Map<CsvField, number>();
  for (const field of CSV_FIELDS) {
    const name = options.columns?.[field] ?? field;
    const index = columns.get(name.toLowerCase());
    if (index !== undefined) mapping.set(field, index);
    else if (options.columns?.[field] !== undefined) {
      problems.add({
        severity: 'error',
        path: ['rows', 1],
        name: 'Row 1 (the header)',
        detail: `there is no column "${name}" for ${field}; the columns are ${header.map((h) => `"${h}"`).join(', ')}`,
      });
    }
  }
  for (const field of ['title', 'start'] as const) {
    if (!mapping.has(field)) {
      problems.add({
        severity: 'error',
        path: ['rows', 1],
        name: 'Row 1 (the header)',
        detail: `no column holds the event's ${field}: name one "${field}", or map it with columns: { ${field}: "…" }`,
      });
    }
  }
  const zone = resolveZone(options, problems);
  const events: TimelineEventInput[] = [];
  const numbers: number[] = [];
  rows.slice(1).forEach((row, i) => {
    const number = i + 2;
    if (row.every((value) => value.trim() === '')) return;
    const event: Record<string, unknown> = {};
    for (const [field, index] of mapping) {
      const value = (row[index] ?? '').trim();
      if (value === '') continue;
      if (field === 'tags' || field === 'locations' || field === 'people') {
        event[field] = value
          .split(';')
          .map((part) => part.trim())
          .filter(Boolean);
      } else if (field === 'start' || field === 'end') {
        event[field] = withZone(value, zone).text;
      } else event[field] = value;
    }
    if (event['id'] === undefined) event['id'] = `row-${number}`;
    events.push(event as unknown as TimelineEventInput);
    numbers.push(number);
  });
  const input: DatasetInput = { events };
  return parseConverted(input, problems, 'csv', options, {
    indexes: numbers,
    label: (number) => `row ${number}`,
    path: (number) => ['rows', number],
  });
}

/**
 * Reads CSV text into the model. Never throws: every valid row becomes an event, and every
 * problem names its row (the header is row 1), its column and what was expected.
 */
export function fromCsv(text: string, options: CsvOptions = {}): ImportResult {
  const problems = new ConvertProblems();
  const source = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const rows = (options.delimiter === '\t' ? tsvParseRows : csvParseRows)(source);
  if (!rows.length || rows[0]!.every((name) => name.trim() === '')) {
    problems.add({
      severity: 'error',
      path: [],
      name: 'CSV',
      detail: 'it is empty; the first row must name the columns',
    });
    return parseConverted({ events: [] }, problems, 'csv', options, { indexes: [], label: String, path: (n) => [n] });
  }
  return isTimelineJSHeader(rows[0]!) && !options.columns
    ? fromTemplate(rows, options, problems)
    : fromColumns(rows, options, problems);
}
