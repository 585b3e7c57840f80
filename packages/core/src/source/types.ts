/**
 * The one data question a timeline view asks: "what do I draw in this range at this resolution?"
 * The answer is the events to draw one by one (placed in rows, labels decided) and, for every
 * lane, how many of the rest fall in each pixel bucket. An in-memory source answers it from an
 * index ({@link MemorySource}); a database can answer the same question.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';
import type { Dataset, TimelineEvent } from '../model/types.js';
import type { LayoutSpec } from '../layout/levels.js';

/** The question. */
export interface ViewQuery {
  /** The visible range. */
  readonly from: TimeCoord;
  readonly to: TimeCoord;
  /** How many pixels `[from, to]` spans (and how many density buckets to count). */
  readonly pixels: number;
  /** Lane indices to answer for (those in view); all lanes when omitted. */
  readonly lanes?: readonly number[];
  /** Geometry placement depends on; the same object reuses the same cache. */
  readonly layout: LayoutSpec;
  /** Cancels an asynchronous answer when the view has moved on. */
  readonly signal?: { readonly aborted: boolean };
}

/** An event drawn one by one: its row and where its label goes. Positions on screen follow from the scale. */
export interface ViewItem {
  readonly event: TimelineEvent;
  /** Position in the display order. */
  readonly position: number;
  readonly lane: number;
  /** Row within the lane, 0 at the top. */
  readonly row: number;
  /** Drawn as a bar (a range wide enough), else as a point mark. */
  readonly bar: boolean;
  /** The label sits inside the bar. */
  readonly labelInside: boolean;
  /** The label sits before the mark (it would run past the end of the data otherwise). */
  readonly labelBefore: boolean;
  /** The label: the title, or shortened with "…" where it fits neither side (empty: none). */
  readonly label: string;
  /** The label's width in pixels. */
  readonly labelWidth: number;
}

/** A run of dense buckets in one lane, named for assistive technology and opened by zooming in. */
export interface DenseRegion {
  readonly lane: number;
  /** First and last bucket (inclusive) of the run. */
  readonly first: number;
  readonly last: number;
  /** The time span of those buckets. */
  readonly from: TimeCoord;
  readonly to: TimeCoord;
  /** Distinct events the region stands for. */
  readonly count: number;
}

/** Counts of the events not drawn one by one, per pixel bucket. */
export interface LaneDensity {
  readonly lane: number;
  /** `counts[b]`: events overlapping `[from + b·w, from + (b+1)·w)`, `w = (to - from) / pixels`. */
  readonly counts: Uint32Array;
}

/** The answer. */
export interface ViewAnswer {
  /** The level of detail used (`2^level` ms per pixel). */
  readonly level: number;
  /** `false` while a coarser level stands in for one still being computed (then subscribers hear of it). */
  readonly exact: boolean;
  /**
   * The range the density buckets divide (the query's `from` and `to`). A view drawing this answer
   * under another range, while a newer answer is on its way, maps buckets to time through it.
   */
  readonly from: TimeCoord;
  readonly to: TimeCoord;
  /** Events drawn one by one, in display order within each lane. */
  readonly items: readonly ViewItem[];
  /** Per requested lane. */
  readonly density: readonly LaneDensity[];
  /** Dense runs, per requested lane, left to right. */
  readonly regions: readonly DenseRegion[];
  /** Labelled rows per lane (by lane index); stable while the data stays the same. */
  readonly rows: readonly number[];
  /** Whether each lane (by index) needs a density row. */
  readonly dense: readonly boolean[];
  /** Events touching `[from, to]`, drawn or dense. */
  readonly total: number;
}

/**
 * An answer with nothing in it, for `[from, to]`: what a source answers for an empty range or no
 * events, and what a view draws before a source's first answer (`exact: false`). `rows` and
 * `dense` default to none; a source passes copies of its own, since they change as levels finish.
 * A fresh object each call, so no two answers share arrays.
 */
export function emptyAnswer(
  { from, to }: Pick<ViewQuery, 'from' | 'to'>,
  { exact = true, rows = [], dense = [] }: Partial<Pick<ViewAnswer, 'exact' | 'rows' | 'dense'>> = {},
): ViewAnswer {
  return { level: 0, exact, from, to, items: [], density: [], regions: [], rows, dense, total: 0 };
}

/**
 * Stops a read the view no longer wants: an `AbortSignal` (written out here because core is typed
 * without the DOM library), which a source may poll between steps or hand on to `fetch`.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What a timeline reads its data from. */
export interface TimelineSource {
  /** Title, lanes and eras (events may be absent when the source holds more than a page can). */
  readonly dataset: Pick<Dataset, 'title' | 'description' | 'lanes' | 'eras'>;
  /** Number of events. */
  readonly size: number;
  /** `[from, to]` covering every event, or undefined when there are none. */
  readonly extent: readonly [TimeCoord, TimeCoord] | undefined;
  /** The question. May answer synchronously or with a promise. */
  query(query: ViewQuery): ViewAnswer | Promise<ViewAnswer>;
  /** The event at a display position (keyboard order). */
  at(position: number): TimelineEvent | undefined;
  /** The display position of an event, or -1. */
  positionOf(id: string): number;
  /** The event with this id. */
  get(id: string): TimelineEvent | undefined;
  /** Listens for better answers (a level finished, data arrived); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * The coarsest level in `[atLeast, atMost]` at which the event at `position` is drawn one by one
   * (where to zoom to reveal it), or undefined when it stays dense even at `atLeast` (events at
   * one instant, more than a lane has rows).
   */
  revealLevel(position: number, layout: LayoutSpec, atMost: number, atLeast: number): number | undefined;
  /**
   * Every event, whole (with descriptions), in display order: what an export writes when the
   * events are not in `dataset` (a database). Optional; rejects with a message naming its limit
   * when the source holds more than it reads in one go.
   */
  all?(options?: { readonly signal?: { readonly aborted: boolean } }): Promise<readonly TimelineEvent[]>;
  /**
   * Reads the events at display positions `[from, from + count)`, so that {@link at} gives them
   * from then on: for a source that does not hold every event (a database), which a table view
   * pages through. Optional: a source without it knows every position already. Aborting `signal`
   * (the table scrolled past the rows) stops the read: it rejects with an error named `AbortError`,
   * keeping what it had read.
   */
  load?(from: number, count: number, options?: { readonly signal?: AbortSignalLike }): Promise<void>;
}
