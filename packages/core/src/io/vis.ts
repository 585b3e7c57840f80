/**
 * vis-timeline items and groups into the model. Items (`id`, `content`, `start`, `end`, `group`,
 * `type`, `title`, `className`, `style`) become events; `type: 'background'` items become eras;
 * groups (`id`, `content`, `title`, `nestedGroups`) become lanes, a nested group labelled under its
 * parent ("Parent › Child"). Dates may be `Date` objects, numbers (ms since 1970) or strings: an ISO
 * string without a zone is read in the given time zone, as vis-timeline reads it in the page's,
 * and never rejected. `content` and `title` are HTML and become plain text; `className` and
 * `style` only style vis-timeline's boxes and are not read.
 *
 * @module
 */
import { describeValue } from '../model/date.js';
import type { DatasetInput, EraInput, LaneInput, TimelineEventInput } from '../model/types.js';
import {
  ConvertProblems,
  htmlToText,
  isRecord,
  own,
  parseConverted,
  resolveZone,
  textOf,
  thrownText,
  withZone,
  yearText,
  pad,
  type ImportOptions,
  type ImportResult,
} from './shared.js';

/** A vis-timeline dataset: items, and optionally groups. */
export interface VisData {
  items: unknown;
  groups?: unknown;
}

/** A `Date` (or ms number) as a model instant in UTC, at the precision its fields need. */
function instantOf(time: number): string | undefined {
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return undefined;
  const date = new Date(time);
  const ms = date.getUTCMilliseconds();
  const s = date.getUTCSeconds();
  let clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (s || ms) clock += `:${pad(s)}`;
  if (ms) clock += `.${pad(ms, 3)}`;
  return `${yearText(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${clock}Z`;
}

/** A vis date as a model date string; undefined (with why) when it cannot be one. */
function dateOf(value: unknown, zone: string): { text?: string; why?: string } {
  if (value instanceof Date) {
    const text = instantOf(value.getTime());
    return text === undefined ? { why: 'it is an invalid Date' } : { text };
  }
  if (typeof value === 'number') {
    const text = instantOf(value);
    return text === undefined ? { why: `${describeValue(value)} is not a time in milliseconds since 1970` } : { text };
  }
  if (typeof value === 'string') return { text: withZone(value.trim(), zone).text };
  return { why: `expected a Date, a number or a date string, got ${describeValue(value)}` };
}

/** An id from a vis id (a string or a number). */
function idOf(value: unknown): string | undefined {
  return textOf(value);
}

function lanesOf(groups: unknown, problems: ConvertProblems): LaneInput[] {
  if (groups === undefined || groups === null) return [];
  if (!Array.isArray(groups)) {
    problems.add({
      severity: 'warning',
      path: ['groups'],
      name: 'Groups',
      detail: `must be an array, got ${describeValue(groups)}; they are ignored`,
    });
    return [];
  }
  const byId = new Map<string, { label: string; description?: string; children: string[] }>();
  const order: string[] = [];
  groups.forEach((raw: unknown, i) => {
    try {
      if (!isRecord(raw)) throw new TypeError(`expected an object, got ${describeValue(raw)}`);
      const id = idOf(own(raw, 'id'));
      if (id === undefined) throw new TypeError('"id" is missing');
      const content = own(raw, 'content');
      const label = (typeof content === 'string' ? htmlToText(content) : textOf(content)) || id;
      const title = own(raw, 'title');
      const description = typeof title === 'string' ? htmlToText(title) : undefined;
      const nested = own(raw, 'nestedGroups');
      const children = Array.isArray(nested) ? nested.map(idOf).filter((c): c is string => c !== undefined) : [];
      if (byId.has(id)) throw new TypeError(`id "${id}" is declared twice; the first declaration is used`);
      byId.set(id, { label, ...(description ? { description } : {}), children });
      order.push(id);
    } catch (error) {
      problems.add({
        severity: 'warning',
        path: ['groups', i],
        name: `Group groups[${i}]`,
        detail: `${error instanceof TypeError ? error.message : `it could not be read (${thrownText(error)})`}; it is ignored`,
      });
    }
  });
  // A nested group is labelled under its parent: the model's lanes are flat.
  const parentOf = new Map<string, string>();
  for (const [id, group] of byId) for (const child of group.children) if (!parentOf.has(child)) parentOf.set(child, id);
  const labelOf = (id: string, depth = 0): string => {
    const parent = parentOf.get(id);
    const label = byId.get(id)?.label ?? id;
    return parent === undefined || depth > 16 ? label : `${labelOf(parent, depth + 1)} › ${label}`;
  };
  return order.map((id) => {
    const description = byId.get(id)?.description;
    return { id, label: labelOf(id), ...(description === undefined ? {} : { description }) };
  });
}

/**
 * Reads vis-timeline items (an array, or `{ items, groups }`) into the model. Never throws: every
 * valid item is kept, and every problem names the item (`items[3]`, or its id) and field.
 */
export function fromVis(value: unknown, options: ImportOptions & { groups?: unknown } = {}): ImportResult {
  const problems = new ConvertProblems();
  const zone = resolveZone(options, problems);
  let items: unknown = value;
  let groups: unknown = options.groups;
  if (typeof value === 'string') {
    try {
      items = JSON.parse(value);
    } catch (error) {
      problems.add({ severity: 'error', path: [], name: 'Items', detail: `not valid JSON (${thrownText(error)})` });
      items = [];
    }
  }
  if (isRecord(items)) {
    groups ??= own(items, 'groups');
    items = own(items, 'items');
  }
  if (!Array.isArray(items)) {
    problems.add({
      severity: 'error',
      path: ['items'],
      name: 'Items',
      detail: `must be an array of items, got ${describeValue(items)}`,
    });
    items = [];
  }
  const lanes = lanesOf(groups, problems);
  const events: TimelineEventInput[] = [];
  const eras: EraInput[] = [];
  const indexes: number[] = [];
  (items as unknown[]).forEach((raw, index) => {
    const place = `items[${index}]`;
    try {
      if (!isRecord(raw)) {
        problems.add({
          severity: 'error',
          path: ['items', index],
          name: `Item ${place}`,
          detail: `must be an object with "start", got ${describeValue(raw)}; it is not shown`,
          index,
        });
        return;
      }
      const id = idOf(own(raw, 'id'));
      const name = id === undefined ? `Item ${place}` : `Item "${id}" (${place})`;
      const dates: Record<string, string> = {};
      for (const field of ['start', 'end'] as const) {
        const written = own(raw, field);
        if (written === undefined || written === null || written === '') continue;
        const { text, why } = dateOf(written, zone);
        if (text !== undefined) dates[field] = text;
        else {
          const start = field === 'start';
          problems.add({
            severity: start ? 'error' : 'warning',
            path: ['items', index, field],
            name,
            detail: `"${field}": ${why}; ${start ? 'it is not shown' : 'it is shown without an end'}`,
            index,
            field,
            ...(id === undefined ? {} : { eventId: id }),
          });
          if (start) return;
        }
      }
      const content = own(raw, 'content');
      const title = typeof content === 'string' ? htmlToText(content) : textOf(content);
      const tooltip = own(raw, 'title');
      const description = typeof tooltip === 'string' ? htmlToText(tooltip) || undefined : undefined;
      const group = idOf(own(raw, 'group'));
      if (own(raw, 'type') === 'background' && dates['start'] !== undefined && dates['end'] !== undefined) {
        eras.push({
          id: id ?? `item-${index + 1}`,
          title: title || dates['start'],
          start: dates['start'],
          end: dates['end'],
          ...(description === undefined ? {} : { description }),
        });
        return;
      }
      events.push({
        id: id ?? `item-${index + 1}`,
        title: title || (id ?? dates['start'] ?? ''),
        ...(dates['start'] === undefined ? {} : { start: dates['start'] }),
        ...(dates['end'] === undefined ? {} : { end: dates['end'] }),
        ...(description === undefined ? {} : { description }),
        ...(group === undefined ? {} : { lane: group }),
      } as TimelineEventInput);
      indexes.push(index);
    } catch (error) {
      problems.add({
        severity: 'error',
        path: ['items', index],
        name: `Item ${place}`,
        detail: `it could not be read (${thrownText(error)}); it is not shown`,
        index,
      });
    }
  });
  const input: DatasetInput = {
    ...(lanes.length ? { lanes } : {}),
    ...(eras.length ? { eras } : {}),
    events,
  };
  const result = parseConverted(input, problems, 'vis', options, {
    indexes,
    label: (index) => `items[${index}]`,
    path: (index) => ['items', index],
  });
  // The model calls them events; in a vis file they are items.
  return {
    ...result,
    problems: result.problems.map((problem) =>
      problem.message.startsWith('Event ') ? { ...problem, message: `Item ${problem.message.slice(6)}` } : problem,
    ),
  };
}
