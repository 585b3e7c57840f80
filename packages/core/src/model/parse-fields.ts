/**
 * Reading one field of an item, for the careful parser (parse.ts): each reader reports what is
 * wrong with the field (naming the item, its path and what happens to it) and returns the value,
 * or undefined when there is none to use. Also the nested parts of an event: sources and media.
 *
 * @module
 */
import { describeValue, parseDate, type TimePoint } from './date.js';
import type { ParseOptions } from './parse.js';
import { fastDate, isObject, isPlain, NONE, type DateCache, type Json } from './plain.js';
import type { Media, Problem, ProblemSeverity, Source } from './types.js';

export const DATASET_FIELDS = new Set(['$schema', 'title', 'description', 'lanes', 'eras', 'markers', 'events']);
const SOURCE_FIELDS = new Set(['title', 'publisher', 'published', 'file', 'url', 'quote']);
export const ERA_FIELDS = new Set(['id', 'title', 'start', 'end', 'description', 'sources']);
export const MARKER_FIELDS = new Set(['date', 'label']);
const MEDIA_FIELDS = new Set(['url', 'caption', 'credit', 'thumbnail']);

export type Path = readonly (string | number)[];

/** Own property read: never walks the prototype chain, so `__proto__` and friends are plain data. */
export function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function pathText(path: Path): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

function pointerOf(path: Path): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Collects problems with consistent wording. */
export class Problems {
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
export function itemName(kind: string, id: string | undefined, path: Path): string {
  return id === undefined ? `${kind} ${pathText(path)}` : `${kind} "${id}" (${pathText(path)})`;
}

export interface ItemContext {
  problems: Problems;
  path: Path;
  name: string;
  eventId?: string;
  index?: number;
  /** What an error in this item means for it, appended to error messages. */
  onError?: string;
}

export function report(ctx: ItemContext, severity: ProblemSeverity, field: string | number, message: string) {
  const outcome = severity === 'error' && ctx.onError ? ` (${ctx.onError})` : '';
  ctx.problems.add(severity, [...ctx.path, field], `${ctx.name}: ${message}${outcome}`, {
    ...(ctx.eventId === undefined ? {} : { eventId: ctx.eventId }),
    ...(ctx.index === undefined ? {} : { index: ctx.index }),
    detail: `${message}${outcome}`,
  });
}

export function requiredString(ctx: ItemContext, object: Json, field: string): string | undefined {
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

export function optionalString(ctx: ItemContext, object: Json, field: string): string | undefined {
  const value = own(object, field);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  report(ctx, 'warning', field, `"${field}" must be a string, got ${describeValue(value)}; it is ignored`);
  return undefined;
}

export function stringList(ctx: ItemContext, object: Json, field: string): readonly string[] {
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

export function date(ctx: ItemContext, object: Json, field: string, required: boolean): TimePoint | undefined | null {
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

/**
 * Whether trimmed text is an http(s) URL (what `url` fields hold). plain.ts's fastEvent tests the
 * same: importing this from the careful parse's chunk would take it into the element's entry.
 */
const isHttpUrl = (text: string) => /^https?:\/\//i.test(text);

/**
 * Whether trimmed text is a path relative to the dataset: not empty, no scheme (`javascript:`,
 * `data:`, even `https:`: those belong in `url`) and not protocol-relative (`//host`), so a viewer
 * can only resolve it beside the data.
 */
const isRelativePath = (path: string) => path !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[\\/]{2}/.test(path);

export function httpUrl(ctx: ItemContext, object: Json, field: string): string | undefined {
  const value = optionalString(ctx, object, field);
  if (value === undefined) return undefined;
  if (isHttpUrl(value.trim())) return value.trim();
  report(ctx, 'warning', field, `"${field}" must be an http(s) URL, got "${value.slice(0, 60)}"; it is ignored`);
  return undefined;
}

/** A path relative to the dataset ({@link isRelativePath}), trimmed. */
function relativePath(ctx: ItemContext, object: Json, field: string): string | undefined {
  const value = optionalString(ctx, object, field);
  if (value === undefined) return undefined;
  const path = value.trim();
  if (isRelativePath(path)) return path;
  report(
    ctx,
    'warning',
    field,
    `"${field}" must be a path relative to the dataset, got "${value.slice(0, 60)}"; it is ignored`,
  );
  return undefined;
}

export function unknownFields(ctx: ItemContext, object: Json, known: ReadonlySet<string>, options: ParseOptions) {
  if (options.reportUnknownFields === false) return;
  for (const key of Object.keys(object)) {
    if (!known.has(key)) report(ctx, 'warning', key, `unknown field "${key}" is ignored`);
  }
}

export function parseSources(ctx: ItemContext, object: Json, options: ParseOptions): readonly Source[] {
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

/**
 * An event's `sources` read as {@link parseSources} reads them, when it would report nothing: a list
 * of plain objects with known fields (or unknown ones not reported), each with a title and its
 * optional fields well formed, `published` a calendar date. `null` for anything else, which
 * parseSources then reads, reporting what is wrong. Read through `fastEvent`, so that a dataset whose
 * events cite their sources (the Dead Reckoning data, the bench's) keeps to the fast path.
 */
export function fastSources(value: unknown, dates: DateCache, reportUnknown: boolean): readonly Source[] | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return NONE;
  const out: Source[] = [];
  for (const raw of value as unknown[]) {
    if (!isObject(raw) || !isPlain(raw)) return null;
    if (reportUnknown) for (const key in raw) if (!SOURCE_FIELDS.has(key)) return null;
    const { title, publisher, published, file, url, quote } = raw;
    if (typeof title !== 'string' || title.trim() === '') return null;
    if (
      (publisher !== undefined && typeof publisher !== 'string') ||
      (quote !== undefined && typeof quote !== 'string')
    )
      return null;
    const point = typeof published === 'string' ? fastDate(published, dates) : undefined;
    if (published !== undefined && !point) return null;
    const path = typeof file === 'string' ? file.trim() : undefined;
    if (file !== undefined && !(path !== undefined && isRelativePath(path))) return null;
    const href = typeof url === 'string' ? url.trim() : undefined;
    if (url !== undefined && !(href !== undefined && isHttpUrl(href))) return null;
    out.push({
      title: title.trim(),
      ...(publisher === undefined ? {} : { publisher }),
      ...(point === undefined ? {} : { published: point }),
      ...(path === undefined ? {} : { file: path }),
      ...(href === undefined ? {} : { url: href }),
      ...(quote === undefined ? {} : { quote }),
    });
  }
  return out;
}

export function parseMedia(ctx: ItemContext, object: Json, options: ParseOptions): Media | undefined {
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
