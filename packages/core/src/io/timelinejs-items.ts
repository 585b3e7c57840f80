/**
 * The parts of a TimelineJS3 item (timelinejs.ts converts whole files): its date objects read at
 * their finest field, its headline and text as plain text, its media, problems named after the
 * item, and readable ids made from headlines.
 *
 * @module
 */
import { describeValue } from '../model/date.js';
import type { MediaInput } from '../model/types.js';
import {
  htmlToText,
  httpUrlOf,
  isRecord,
  own,
  pad,
  textOf,
  yearText,
  zonedInstant,
  type ConvertProblems,
} from './shared.js';

export type Json = Record<string, unknown>;
export type Path = (string | number)[];

/** How a converted item is named in problems and where it is. */
export interface Item {
  name: string;
  path: Path;
  index?: number;
  eventId?: string;
}

/** The converter's state for one file. */
export interface Context {
  problems: ConvertProblems;
  zone: string;
  baseUrl: string | undefined;
}

const DATE_FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const LIMITS: Record<Exclude<DateField, 'year'>, [number, number]> = {
  month: [1, 12],
  day: [1, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
  millisecond: [0, 999],
};

export function problem(ctx: Context, item: Item, severity: 'error' | 'warning', field: string, detail: string): void {
  ctx.problems.add({
    severity,
    path: [...item.path, ...field.split('.')],
    name: item.name,
    detail,
    field,
    ...(item.index === undefined ? {} : { index: item.index }),
    ...(item.eventId === undefined ? {} : { eventId: item.eventId }),
  });
}

/** A whole number from a TimelineJS3 field (`"1,815"`, `" 07 "`, `7`); undefined when absent. */
export function integerOf(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.replace(/[\s,]+/g, '');
  if (text === '') return undefined;
  if (!/^[+-]?\d+$/.test(text)) return null;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : null;
}

/**
 * A TimelineJS3 date object as a model date string at the precision of the fields present, or
 * undefined (reported) when it cannot be read.
 */
export function dateOf(
  ctx: Context,
  item: Item,
  field: string,
  raw: unknown,
  outcome: string,
  severity: 'error' | 'warning' = 'error',
): string | undefined {
  if (!isRecord(raw)) {
    problem(
      ctx,
      item,
      severity,
      field,
      `"${field}" must be an object with at least a "year", got ${describeValue(raw)}; ${outcome}`,
    );
    return undefined;
  }
  const values: Partial<Record<DateField, number>> = {};
  let gap: DateField | undefined;
  for (const name of DATE_FIELDS) {
    const value = integerOf(own(raw, name));
    if (value === null) {
      problem(
        ctx,
        item,
        severity,
        `${field}.${name}`,
        `"${field}.${name}" must be a whole number, got ${describeValue(own(raw, name))}; ${outcome}`,
      );
      return undefined;
    }
    if (value === undefined) {
      gap ??= name;
      continue;
    }
    if (name !== 'year') {
      const [min, max] = LIMITS[name];
      if (value < min || value > max) {
        problem(
          ctx,
          item,
          severity,
          `${field}.${name}`,
          `"${field}.${name}" ${value} is out of range ${min}–${max}; ${outcome}`,
        );
        return undefined;
      }
    }
    if (gap !== undefined) {
      // TimelineJS3 needs the coarser fields for a finer one to mean anything.
      problem(ctx, item, 'warning', `${field}.${name}`, `"${field}.${name}" is ignored: there is no "${field}.${gap}"`);
      continue;
    }
    values[name] = value;
  }
  const { year: written, month, day, hour } = values;
  if (written === undefined) {
    problem(
      ctx,
      item,
      severity,
      `${field}.year`,
      `"${field}.year" is missing; every date needs at least a year; ${outcome}`,
    );
    return undefined;
  }
  // TimelineJS3's -44 is 44 BCE; the model counts astronomically (0 is 1 BCE, -43 is 44 BCE).
  const year = written < 0 ? written + 1 : written;
  if (month === undefined) return yearText(year);
  if (day === undefined) return `${yearText(year)}-${pad(month)}`;
  if (hour === undefined) return `${yearText(year)}-${pad(month)}-${pad(day)}`;
  return zonedInstant(
    { year, month, day, hour, minute: values.minute, second: values.second, millisecond: values.millisecond },
    ctx.zone,
  );
}

/** A tag (`<p>`, `<a href>`, `<br/>`…): text with one is HTML, kept beside its plain text. */
const TAG = /<\/?[a-z][^>]*>/i;

/** `{ headline, text }` as plain text, and the text as written when it is HTML. */
export function textsOf(raw: unknown): { headline?: string; text?: string; html?: string } {
  if (!isRecord(raw)) return {};
  const headline = textOf(own(raw, 'headline'));
  const text = textOf(own(raw, 'text'));
  const plainHeadline = headline === undefined ? undefined : htmlToText(headline);
  const plainText = text === undefined ? undefined : htmlToText(text);
  return {
    ...(plainHeadline ? { headline: plainHeadline } : {}),
    ...(plainText ? { text: plainText } : {}),
    ...(plainText && TAG.test(text!) ? { html: text!.trim() } : {}),
  };
}

/** Media as the model keeps them; embedded HTML that is not a URL comes back as `text`. */
export function mediaOf(ctx: Context, item: Item, raw: unknown): { media?: MediaInput; text?: string } {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) {
    problem(
      ctx,
      item,
      'warning',
      'media',
      `"media" must be an object with a "url", got ${describeValue(raw)}; it is ignored`,
    );
    return {};
  }
  const written = textOf(own(raw, 'url'));
  if (written === undefined) return {};
  const caption = htmlToText(textOf(own(raw, 'caption')) ?? '');
  const credit = htmlToText(textOf(own(raw, 'credit')) ?? '');
  const thumbnailText = textOf(own(raw, 'thumbnail'));
  const thumbnail = thumbnailText === undefined ? undefined : httpUrlOf(thumbnailText, ctx.baseUrl);
  let url = httpUrlOf(written, ctx.baseUrl);
  if (url === undefined && written.startsWith('<')) {
    // An embed (<iframe src>, a quoted <blockquote>): its source is the media, its words are text.
    const src = /<iframe\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/i.exec(written)?.[1];
    url = src === undefined ? undefined : httpUrlOf(src, ctx.baseUrl);
    if (url === undefined) {
      const text = htmlToText(written);
      return text ? { text } : {};
    }
  }
  if (url === undefined) {
    problem(
      ctx,
      item,
      'warning',
      'media.url',
      `"media.url" must be an http(s) URL, got ${describeValue(written)}; the media are ignored`,
    );
    return {};
  }
  return {
    media: {
      url,
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      ...(thumbnail === undefined ? {} : { thumbnail }),
    },
  };
}

/** A readable id from a headline: lower case words joined by hyphens, at most 40 characters. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** Hands out ids that no explicit id and no earlier generated id uses. */
export class IdMaker {
  readonly #taken = new Set<string>();

  reserve(id: string): void {
    this.#taken.add(id);
  }

  make(base: string): string {
    let id = base;
    for (let n = 2; this.#taken.has(id); n++) id = `${base}-${n}`;
    this.#taken.add(id);
    return id;
  }
}
