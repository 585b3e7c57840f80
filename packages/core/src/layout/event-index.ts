/**
 * An index over events, built once per data change: events in the one shared order (start, end,
 * input order) and a window query in O(log n + k log n) that answers "which events touch
 * [from, to]?", not slowed down by a few very long events. Every view (marks, keyboard focus,
 * table) reads this order.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';
import { compareEvents } from '../model/parse.js';
import type { TimelineEvent } from '../model/types.js';
import { IntervalIndex } from './interval-index.js';

/** Events sorted once, with a visible-window query. */
export class EventIndex {
  /** All events in display order. */
  readonly sorted: readonly TimelineEvent[];
  /** The spans of {@link sorted}, indexed. */
  readonly intervals: IntervalIndex;
  #position: Map<string, number> | undefined;

  constructor(events: readonly TimelineEvent[]) {
    this.sorted = [...events].sort(compareEvents);
    const froms = new Float64Array(this.sorted.length);
    const tos = new Float64Array(this.sorted.length);
    this.sorted.forEach((event, i) => {
      froms[i] = event.from;
      tos[i] = event.to;
    });
    this.intervals = new IntervalIndex(froms, tos);
  }

  /** Number of events. */
  get size(): number {
    return this.sorted.length;
  }

  /** Position of an event in {@link sorted}, or -1. */
  positionOf(id: string): number {
    // Built on first use: a million-event dataset pays for the map only when ids are looked up.
    if (!this.#position) {
      this.#position = new Map();
      this.sorted.forEach((event, i) => this.#position!.set(event.id, i));
    }
    return this.#position.get(id) ?? -1;
  }

  /** The event with this id. */
  get(id: string): TimelineEvent | undefined {
    const i = this.positionOf(id);
    return i < 0 ? undefined : this.sorted[i];
  }

  /** Events whose `[from, to)` span touches `[from, to]`, in display order. */
  query(from: TimeCoord, to: TimeCoord): TimelineEvent[] {
    const out: TimelineEvent[] = [];
    this.intervals.forEach(from, to, (i) => out.push(this.sorted[i]!));
    return out;
  }
}
