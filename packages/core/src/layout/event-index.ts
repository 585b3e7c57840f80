/**
 * An index over events, built once per data change: events in the one shared order (start, end,
 * input order) and a window query in O(log n + k) that answers "which events touch [from, to]?".
 * Every view (marks, keyboard focus, table) reads this order; a database-backed source can answer
 * the same question later.
 *
 * @module
 */
import { bisector } from 'd3-array';
import type { TimeCoord } from '../model/calendar.js';
import { compareEvents } from '../model/parse.js';
import type { TimelineEvent } from '../model/types.js';

const byFrom = bisector<TimelineEvent, TimeCoord>((event) => event.from);

/** Events sorted once, with a visible-window query. */
export class EventIndex {
  /** All events in display order. */
  readonly sorted: readonly TimelineEvent[];
  /** The longest `to - from` of any event: how far left of a window an overlapping event can start. */
  readonly #maxSpan: number;
  readonly #position = new Map<string, number>();

  constructor(events: readonly TimelineEvent[]) {
    this.sorted = [...events].sort(compareEvents);
    let maxSpan = 0;
    this.sorted.forEach((event, i) => {
      maxSpan = Math.max(maxSpan, event.to - event.from);
      this.#position.set(event.id, i);
    });
    this.#maxSpan = maxSpan;
  }

  /** Number of events. */
  get size(): number {
    return this.sorted.length;
  }

  /** Position of an event in {@link sorted}, or -1. */
  positionOf(id: string): number {
    return this.#position.get(id) ?? -1;
  }

  /** The event with this id. */
  get(id: string): TimelineEvent | undefined {
    const i = this.#position.get(id);
    return i === undefined ? undefined : this.sorted[i];
  }

  /**
   * Events whose `[from, to)` span touches `[from, to]`, in display order. Binary search bounds
   * the candidates to those starting in `[from - longest span, to]`.
   */
  query(from: TimeCoord, to: TimeCoord): TimelineEvent[] {
    const lo = byFrom.left(this.sorted, from - this.#maxSpan);
    const hi = byFrom.right(this.sorted, to);
    const out: TimelineEvent[] = [];
    for (let i = lo; i < hi; i++) {
      const event = this.sorted[i]!;
      if (event.to >= from) out.push(event);
    }
    return out;
  }
}
