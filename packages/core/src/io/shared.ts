/**
 * What the importers share: reading foreign values safely (getters and Proxies may throw), HTML to
 * plain text, dates from fields in a time zone, and problems that name the row or item in the
 * file they came from rather than in the converted dataset.
 *
 * @module
 */
import { describeValue } from '../model/date.js';
import { parseDataset, type ParseOptions } from '../model/parse.js';
import type { DatasetInput, ParseResult, Problem, ProblemSeverity } from '../model/types.js';

/** The formats the importers read. */
export const IMPORT_FORMATS = ['reeltime', 'timelinejs', 'csv', 'vis'] as const;
/** A format the importers read. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Options every importer takes. */
export interface ImportOptions extends ParseOptions {
  /**
   * IANA time zone that times written without a zone are read in (TimelineJS3 hours, vis-timeline
   * ISO strings without an offset), as those libraries read them in the page's zone. Default `UTC`;
   * an unknown zone is reported and UTC used.
   */
  timeZone?: string | undefined;
  /** URL that relative media URLs are resolved against (the file's own URL). */
  baseUrl?: string | undefined;
}

/** The result of an import: the parsed dataset, every problem, and the format that was read. */
export interface ImportResult extends ParseResult {
  readonly format: ImportFormat;
}

type Json = Record<string, unknown>;

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property read that never walks the prototype chain (`__proto__` is data, not a prototype). */
export function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** What a thrown value said, for a problem message. Never throws itself. */
export function thrownText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'a value was thrown';
  } catch {
    return 'a value was thrown';
  }
}

/** A problem found while converting, before the model's own parse. */
export interface ConvertProblem {
  severity: ProblemSeverity;
  /** Where in the original file, e.g. `['events', 3, 'start_date', 'year']` or `['rows', 5, 'Year']`. */
  path: (string | number)[];
  /** How the item is named in messages: `Event "id" (events[3])`, `Row 5`. */
  name: string;
  /** What is wrong and what was expected. */
  detail: string;
  eventId?: string;
  index?: number;
  field?: string;
}

/** Collects conversion problems. */
export class ConvertProblems {
  readonly list: ConvertProblem[] = [];

  add(problem: ConvertProblem): void {
    this.list.push(problem);
  }

  toProblems(): Problem[] {
    return this.list.map(({ severity, path, name, detail, eventId, index, field }) => ({
      severity,
      message: `${name}: ${detail}`,
      path,
      pointer: pointerOf(path),
      detail,
      ...(eventId === undefined ? {} : { eventId }),
      ...(index === undefined ? {} : { index }),
      ...(field === undefined ? {} : { field }),
    }));
  }
}

/** Where the converted dataset's events came from in the original file. */
export interface Origins {
  /** `origins[i]` is the original index of converted event `i`. */
  readonly indexes: readonly number[];
  /** How the original item is named in messages (`events[3]`, `row 5`, `items[3]`). */
  label(index: number): string;
  /** The original item's path. */
  path(index: number): (string | number)[];
}

/**
 * Parses converted input with the model's one parser, then renames what its problems point at:
 * `events[3]` in the converted dataset is `origins.label(origins.indexes[3])` in the original
 * (`row 5`, `items[3]`), so every problem names the row or item the user can find in their file.
 */
export function parseConverted(
  input: DatasetInput,
  convert: ConvertProblems,
  format: ImportFormat,
  options: ImportOptions,
  origins: Origins,
): ImportResult {
  const { timeZone: _zone, baseUrl: _base, ...parseOptions } = options;
  const result = parseDataset(input, parseOptions);
  const problems: Problem[] = convert.toProblems();
  for (const problem of result.problems) {
    const index = problem.index;
    const original = index === undefined ? undefined : origins.indexes[index];
    if (index === undefined || original === undefined || problem.path[0] !== 'events') {
      problems.push(problem);
      continue;
    }
    const path = [...origins.path(original), ...problem.path.slice(2)];
    problems.push({
      ...problem,
      message: problem.message.replaceAll(`events[${index}]`, origins.label(original)),
      path,
      pointer: pointerOf(path),
      index: original,
    });
  }
  return { dataset: result.dataset, problems, format };
}

function pointerOf(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  eacute: 'é',
};

/** Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * HTML (TimelineJS3 `text`, vis-timeline `content`) as plain text: tags dropped, paragraphs and line
 * breaks kept as line breaks, character references decoded, the contents of `<script>` and
 * `<style>` dropped. The result is text for the model (which renders it as text), so nothing in it
 * can run; core has no DOM to parse HTML with, and needs none for this.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.trim();
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/<(script|style|template|iframe|object|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
      .replace(/<br\b[^>]*>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '• ')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/<\/?[a-z][^>]*$/i, ''),
  )
    .replace(/[ \t\f\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first `max` characters of one line of text, with an ellipsis when cut. */
export function excerpt(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Whether `timeZone` is an IANA zone `Intl` knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone to read zone-less times in: the option when valid, else UTC with a problem. */
export function resolveZone(options: ImportOptions, problems: ConvertProblems): string {
  const zone = options.timeZone;
  if (zone === undefined || zone === '' || zone === 'UTC') return 'UTC';
  if (isTimeZone(zone)) return zone;
  problems.add({
    severity: 'warning',
    path: [],
    name: 'Import',
    detail: `time zone ${describeValue(zone)} is not an IANA time zone (such as "Europe/Paris"); times without a zone are read as UTC`,
  });
  return 'UTC';
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset of `timeZone` from UTC at the instant `utc` (ms), in minutes. */
function offsetAt(timeZone: string, utc: number): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(utc))) parts[part.type] = part.value;
  let year = Number(parts['year']);
  if (parts['era'] === 'BC' || parts['era'] === 'B') year = 1 - year;
  // Built in 2000, a leap year (so 29 February exists), then moved to its year: Date.UTC reads
  // years 0–99 as 1900–1999, and 1900 has no 29 February (it became 1 March, a day off).
  const wall = Date.UTC(
    2000,
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  const wallDate = new Date(wall);
  wallDate.setUTCFullYear(year);
  const seconds = Math.floor(utc / 1000) * 1000;
  return Math.round((wallDate.getTime() - seconds) / 60_000);
}

/** Zero-padded digits. */
export function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** An astronomical year as the model writes it: `2020`, `0000` (1 BC), `-0043` (44 BC). */
export function yearText(year: number): string {
  return year < 0 ? `-${pad(year, 4)}` : pad(year, 4);
}

/** Clock fields of a time written without a zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute?: number | undefined;
  second?: number | undefined;
  millisecond?: number | undefined;
}

/**
 * A wall-clock time read in `timeZone`, as a model instant string with its offset
 * (`2020-09-01T10:00+02:00`); precision follows the fields given (minute, second or millisecond).
 * Outside the years `Date` covers, the offset is UTC's.
 */
export function zonedInstant(time: WallTime, timeZone: string): string {
  const { year, month, day, hour } = time;
  const minute = time.minute ?? 0;
  const second = time.second ?? 0;
  const millisecond = time.millisecond ?? 0;
  let offset = 0;
  if (timeZone !== 'UTC' && year > -270_000 && year < 270_000) {
    const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millisecond));
    wall.setUTCFullYear(year);
    const local = wall.getTime();
    // The offset at the guess, then at the corrected instant (right across DST changes).
    offset = offsetAt(timeZone, local);
    offset = offsetAt(timeZone, local - offset * 60_000);
  }
  const sign = offset < 0 ? '-' : '+';
  const zone = offset === 0 ? 'Z' : `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  let clock = `${pad(hour)}:${pad(minute)}`;
  if (time.second !== undefined || time.millisecond !== undefined) clock += `:${pad(second)}`;
  if (time.millisecond !== undefined) clock += `.${pad(millisecond, 3)}`;
  return `${yearText(year)}-${pad(month)}-${pad(day)}T${clock}${zone}`;
}

/** Reads a field of a foreign item, reporting (not throwing) when its getter throws. */
export function safeGet(object: Json, key: string, onThrow: (error: unknown) => void): unknown {
  try {
    return own(object, key);
  } catch (error) {
    onThrow(error);
    return undefined;
  }
}

/** Text of a string or number cell; anything else is undefined. Empty and blank strings too. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/**
 * An http(s) URL from a foreign value: `//host/x` and relative paths resolved against `baseUrl`;
 * undefined for anything else (`javascript:`, `data:`, embed HTML).
 */
export function httpUrlOf(value: string, baseUrl: string | undefined): string | undefined {
  const text = value.trim();
  if (/^https?:\/\//i.test(text)) return text;
  if (/^[a-z][a-z\d+.-]*:/i.test(text) || text.startsWith('<') || text === '') return undefined;
  const base = baseUrl ?? (text.startsWith('//') ? 'https://example.invalid/' : undefined);
  if (base === undefined) return undefined;
  // Core's lib has no DOM types; URL is in every runtime it runs in (browsers, Node, Deno).
  const URLClass = (globalThis as { URL?: new (url: string, base: string) => { href: string; protocol: string } }).URL;
  if (URLClass === undefined) return undefined;
  try {
    const url = new URLClass(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const ZONELESS = /^([+-]?\d{4,})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/i;

/**
 * A date string as the model reads it: an ISO date-time without a zone (`2014-04-20T10:00`, as
 * vis-timeline and spreadsheets write them) is read in `timeZone` and given its offset; anything
 * else is returned as it is, for the model to parse or report. `zoneless` says whether it was one.
 */
export function withZone(text: string, timeZone: string): { text: string; zoneless: boolean } {
  const m = ZONELESS.exec(text.trim());
  if (!m) return { text, zoneless: false };
  const [, year, month, day, hour, minute, second, fraction] = m;
  const millisecond = fraction === undefined ? undefined : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const numbers = [month, day, hour, minute].map(Number) as [number, number, number, number];
  if (numbers[0] < 1 || numbers[0] > 12 || numbers[1] < 1 || numbers[1] > 31 || numbers[2] > 23 || numbers[3] > 59) {
    return { text, zoneless: false };
  }
  return {
    text: zonedInstant(
      {
        year: Number(year),
        month: numbers[0],
        day: numbers[1],
        hour: numbers[2],
        minute: numbers[3],
        second: second === undefined ? undefined : Number(second),
        millisecond,
      },
      timeZone,
    ),
    zoneless: true,
  };
}
