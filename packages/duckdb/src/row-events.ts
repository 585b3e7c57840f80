/**
 * A database's rows as reeltime events: each row's dates written as text at their precision and
 * parsed by core, as a file's would be, so that an event from a database is the event the same
 * data in a file gives.
 *
 * @module
 */
import { fieldsOf, parseDataset, type TimelineEvent, type TimelineEventInput } from '@reeltime/core';
import type { EventRow } from './protocol.js';

/** An event from a row: its dates written at their precision and parsed by core, as a file's would be. */
export function eventOf(row: EventRow): TimelineEvent {
  const input = inputOf(row);
  const event = parseDataset({ events: [input] }).dataset.events[0];
  if (event) return { ...event, index: row.input };
  // A row core would not accept (an empty title): drawn under its id rather than dropped.
  const fallback = parseDataset({ events: [{ ...input, title: row.id }] }).dataset.events[0]!;
  return { ...fallback, title: row.title, index: row.input };
}

/**
 * Events from many rows (a page of an export), parsed as one dataset: the same events as
 * {@link eventOf} row by row, without a dataset per row. A row the batch would not take as it is
 * (an empty title, a duplicate id) goes through `eventOf` alone.
 */
export function eventsOf(rows: readonly EventRow[]): TimelineEvent[] {
  const parsed: (TimelineEvent | undefined)[] = new Array(rows.length);
  for (const event of parseDataset({ events: rows.map(inputOf) }).dataset.events) parsed[event.index] = event;
  return rows.map((row, i) => {
    const event = parsed[i];
    // A duplicate id is renamed by the batch (`x~2`): the row keeps its own, as eventOf does.
    return event && event.id === row.id ? { ...event, index: row.input } : eventOf(row);
  });
}

/** A row as the event input a file would hold. */
function inputOf(row: EventRow): TimelineEventInput {
  return {
    id: row.id,
    title: row.title,
    start: dateText(row.start, row.precision),
    lane: row.lane,
    ...(row.end === null ? {} : { end: dateText(row.end, row.precision) }),
    ...(row.status === null ? {} : { status: row.status as TimelineEventInput['status'] & string }),
    ...(row.description === null || row.description === undefined ? {} : { description: row.description }),
  };
}

/** An epoch-ms date as reeltime date text at a precision (`2020`, `2020-02`, `2020-02-03T04:05Z`…). */
export function dateText(ms: number, precision: string): string {
  const f = fieldsOf(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const year = f.year >= 0 ? String(f.year).padStart(4, '0') : `-${String(-f.year).padStart(4, '0')}`;
  if (precision === 'year') return year;
  if (precision === 'month') return `${year}-${p2(f.month)}`;
  const day = `${year}-${p2(f.month)}-${p2(f.day)}`;
  if (precision === 'day') return day;
  const minute = `${day}T${p2(f.hour)}:${p2(f.minute)}`;
  if (precision === 'minute') return `${minute}Z`;
  if (precision === 'second') return `${minute}:${p2(f.second)}Z`;
  return `${minute}:${p2(f.second)}.${String(f.millisecond).padStart(3, '0')}Z`;
}
