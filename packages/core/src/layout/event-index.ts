/**
 * An index over events, built once per data change: events in the one shared order (start, end,
 * input order, as `compareEvents` orders them) and a window query in O(log n + k log n) that
 * answers "which events touch [from, to]?", not slowed down by a few very long events. Every view
 * (marks, keyboard focus, table) reads this order.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';
import type { TimelineEvent } from '../model/types.js';
import { IntervalIndex } from './interval-index.js';
import { sortOrder } from './sort-order.js';

/** Events sorted once, with a visible-window query. */
export class EventIndex {
  /** All events in display order. */
  readonly sorted: readonly TimelineEvent[];
  /** The spans of {@link sorted}, indexed. */
  readonly intervals: IntervalIndex;
  /**
   * Where each event of {@link sorted} was in the array given: `sorted[i] === events[order[i]]`.
   * Per-event facts can be computed walking the given array (in memory order) and then permuted.
   */
  readonly order: Uint32Array;
  #position: Map<string, number> | undefined;

  constructor(events: readonly TimelineEvent[]) {
    const n = events.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const inputOrder = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const event = events[i]!;
      starts[i] = event.from;
      ends[i] = event.to;
      inputOrder[i] = event.index;
    }
    // The order of compareEvents, as a permutation sorted over typed arrays: no comparator calls.
    const order = sortOrder(starts, ends, inputOrder);
    const sorted = new Array<TimelineEvent>(n);
    // Input order's array is done with: it takes the sorted starts (a fresh typed array costs its
    // first touch of memory, 8 MB at a million events).
    const froms = inputOrder;
    const tos = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const position = order[i]!;
      sorted[i] = events[position]!;
      froms[i] = starts[position]!;
      tos[i] = ends[position]!;
    }
    this.sorted = sorted;
    this.order = order;
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
