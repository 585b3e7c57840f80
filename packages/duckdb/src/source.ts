/**
 * A {@link TimelineSource} over a database: the view's question ("what do I draw in this range at
 * this resolution?") answered by two SQL questions and core's own placement.
 *
 * - **Events drawn one by one:** a range query with a limit, sampled per lane and cell (in a crowd
 *   a cell gives its first few events, so the answer stays small however many rows the range holds).
 *   The rows are placed by core's {@link LevelBuilder}, as the in-memory source places its events,
 *   from a start aligned to a grid of the level (so a pan does not move marks between rows).
 * - **Counts:** a `GROUP BY` over pixel bucket and lane, as two histograms (first and last bucket
 *   of each event), from which counts per bucket and distinct events per run follow; the events
 *   placed are subtracted, so what is drawn one by one plus what is counted is every event.
 *
 * A question asked while another came less than `debounce` ms before waits that long first, and a
 * question whose view has moved on (its `signal` aborted) stops there, before it reaches the
 * database, and again before its answer is placed.
 *
 * @module
 */
import {
  labelText,
  LevelBuilder,
  levelFor,
  PLACED_BAR,
  PLACED_LABEL_BEFORE,
  PLACED_LABEL_INSIDE,
  emptyAnswer,
  type AbortSignalLike,
  type Dataset,
  type LayoutSpec,
  type TimelineEvent,
  type TimelineSource,
  type ViewAnswer,
  type ViewItem,
  type ViewQuery,
} from '@reeltime/core';
import type { Backend, CountsAnswer, CountsRequest, EventRow, SourceInfo, WindowRequest } from './backend.js';
import { add, bucketSpan, laneDensity } from './buckets.js';
import { AbortedError, cannotList, SqlSourceError } from './errors.js';
import { eventOf, eventsOf } from './row-events.js';

export { bucketSpan } from './buckets.js';

/** Options for {@link SqlSource}. */
export interface SqlSourceOptions {
  /** The dataset's title and description (a database has none to give). */
  readonly title?: string;
  readonly description?: string;
  /** A question asked within this many ms of the previous one waits this long first (default 60). */
  readonly debounce?: number;
  /** Width of a sampling cell in pixels at the level (default 32). */
  readonly cellPixels?: number;
  /** Events per lane and cell fetched to be placed (default 16). */
  readonly perCell?: number;
  /** Events fetched per question at most (default 5,000). */
  readonly limit?: number;
  /**
   * Most events {@link SqlSource.all} reads (an export, default 200,000): a larger table is
   * refused with a message naming this limit, rather than built into one file in the page.
   */
  readonly exportLimit?: number;
}

/** Records read per question by {@link SqlSource.all} and {@link SqlSource.load}. */
const PAGE_SIZE = 10_000;

/** Pixels beyond each side of the view whose events are still answered (as the memory source does). */
const MARGIN_PX = 320;
/** Placement starts on a grid of this many pixels at the level, one tile before the view. */
const TILE_PX = 1024;

/** A parse of an answer's new rows longer than this (ms) lets the page go on before they are placed. */
const YIELD_AFTER_MS = 8;

/** Lets the page handle input or draw a frame before going on (`scheduler.yield()` where there is one). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Whether a date of this precision is drawn as a point when there is no end (as core decides). */
function isPointPrecision(precision: string): boolean {
  return precision === 'day' || precision === 'minute' || precision === 'second' || precision === 'millisecond';
}

/** What a view asks a backend ({@link SqlSource.questions}), with what placing the answers needs. */
export interface ViewQuestions {
  readonly window: WindowRequest;
  readonly counts: CountsRequest;
  /** The level of detail the events are placed at. */
  readonly level: number;
  /** The margin beyond each side of the view whose events are answered (ms). */
  readonly margin: number;
  readonly lanes: readonly number[];
}

interface SpecState {
  readonly widths: Map<string, number>;
  readonly rows: number[];
  readonly dense: boolean[];
}

/** A {@link TimelineSource} answering from a database through a {@link Backend}. */
export class SqlSource implements TimelineSource {
  readonly dataset: Pick<Dataset, 'title' | 'description' | 'lanes' | 'eras'>;
  readonly size: number;
  readonly extent: readonly [number, number] | undefined;
  readonly backend: Backend;
  readonly #info: SourceInfo;
  readonly #options: Required<Omit<SqlSourceOptions, 'title' | 'description'>>;
  /** Events seen in answers, by id and by position (what the keyboard and details read). */
  readonly #byId = new Map<string, { event: TimelineEvent; position: number }>();
  readonly #byPosition = new Map<number, TimelineEvent>();
  /** Ids of events known from a window answer only (no description yet). */
  readonly #partial = new Set<string>();
  readonly #listeners = new Set<() => void>();
  readonly #specs = new WeakMap<LayoutSpec, SpecState>();
  #lastAsked = -Infinity;

  private constructor(backend: Backend, info: SourceInfo, options: SqlSourceOptions) {
    this.backend = backend;
    this.#info = info;
    this.size = info.size;
    this.extent = info.extent ? [info.extent[0], info.extent[1]] : undefined;
    this.dataset = {
      ...(options.title === undefined ? {} : { title: options.title }),
      ...(options.description === undefined ? {} : { description: options.description }),
      lanes: info.lanes.map((lane, index) => ({ id: lane.id, label: lane.label, index })),
      eras: [],
    };
    this.#options = { debounce: 60, cellPixels: 32, perCell: 16, limit: 5000, exportLimit: 200_000, ...options };
  }

  /** Opens a source: asks the backend what it holds (its size, extent and lanes). */
  static async open(backend: Backend, options: SqlSourceOptions = {}): Promise<SqlSource> {
    return new SqlSource(backend, await backend.info(), options);
  }

  at(position: number): TimelineEvent | undefined {
    return this.#byPosition.get(position);
  }

  positionOf(id: string): number {
    return this.#byId.get(id)?.position ?? -1;
  }

  get(id: string): TimelineEvent | undefined {
    return this.#byId.get(id)?.event;
  }

  /**
   * Details on demand: the full record of an event by id, from the database (and kept, so
   * {@link get} and {@link positionOf} know it from then on). Events drawn from a window answer
   * come without their description; the first fetch reads it and replaces the event.
   */
  async fetch(id: string): Promise<TimelineEvent | undefined> {
    const known = this.get(id);
    if (known && !this.#partial.has(id)) return known;
    const row = await this.backend.byId(id);
    return row ? this.#keepWhole(row, eventOf(row)) : undefined;
  }

  /**
   * Reads the events at display positions `[from, from + count)` (what a table view shows), whole
   * records a page of {@link PAGE_SIZE} at a time, so that {@link at} gives them from then on.
   * Positions already known at either end of the range are not asked again (a table scrolling
   * a little asks mostly for what it knows). Rejects with `bad-request` when the backend cannot
   * list its rows (no `page`). Aborting `signal` stops the read between pages (and the page on its
   * way, where the backend can stop it: over HTTP): it rejects with an {@link AbortedError},
   * keeping the pages already read.
   */
  async load(from: number, count: number, options: { readonly signal?: AbortSignalLike } = {}): Promise<void> {
    let lo = Math.max(0, Math.floor(from));
    let hi = Math.min(this.size, Math.floor(from + count));
    while (lo < hi && this.#byPosition.has(lo)) lo++;
    while (hi > lo && this.#byPosition.has(hi - 1)) hi--;
    if (lo >= hi) return;
    for await (const rows of this.#pages(lo, hi, options.signal)) {
      const events = eventsOf(rows);
      rows.forEach((row, i) => this.#keepWhole(row, events[i]!));
    }
  }

  /** Keeps a whole record (with its description): {@link get}, {@link at} and {@link fetch} answer from it. */
  #keepWhole(row: EventRow, event: TimelineEvent): TimelineEvent {
    this.#partial.delete(row.id);
    this.#byId.set(row.id, { event, position: row.pos });
    this.#byPosition.set(row.pos, event);
    return event;
  }

  /**
   * The whole records at display positions `[from, to)`, a page of {@link PAGE_SIZE} per question
   * (what {@link load} and {@link all} read); a `bad-request` error when the backend cannot list
   * its rows (no `page`), an {@link AbortedError} before the next page once `signal` aborts.
   */
  async *#pages(from: number, to: number, signal?: AbortSignalLike): AsyncGenerator<EventRow[]> {
    const page = this.backend.page?.bind(this.backend);
    if (!page) throw cannotList();
    for (let start = from; start < to; start += PAGE_SIZE) {
      if (signal?.aborted) throw new AbortedError();
      const limit = Math.min(PAGE_SIZE, to - start);
      const rows = await page({ from: start, limit }, { signal });
      yield rows;
      if (rows.length < limit) return;
    }
  }

  /** Whether the event with this id is known only as drawn (its description not read yet). */
  isPartial(id: string): boolean {
    return this.#partial.has(id);
  }

  /**
   * Every event, whole (with its description), in display order, read from the database a page
   * at a time: what `exportData` writes. Rejects with a `too-large` error naming the limit when the
   * table holds more than `exportLimit` events, and with `bad-request` when the backend cannot
   * list its rows (no `page`).
   */
  async all(options: { readonly signal?: { readonly aborted: boolean } } = {}): Promise<TimelineEvent[]> {
    const { exportLimit } = this.#options;
    if (this.size > exportLimit)
      throw new SqlSourceError(
        'too-large',
        `The table holds ${this.size.toLocaleString('en-US')} events, more than the ` +
          `${exportLimit.toLocaleString('en-US')} an export reads (SqlSource option exportLimit)`,
      );
    const events: TimelineEvent[] = [];
    for await (const rows of this.#pages(0, this.size)) {
      if (options.signal?.aborted) throw new AbortedError();
      events.push(...eventsOf(rows));
    }
    return events;
  }

  /** Listens for better answers: the backend's news too ({@link Backend.subscribe}, e.g. its database failing). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    const unsubscribe = this.backend.subscribe?.(listener);
    return () => {
      this.#listeners.delete(listener);
      unsubscribe?.();
    };
  }

  revealLevel(position: number, _layout: LayoutSpec, _atMost: number, atLeast: number): number | undefined {
    // Answering would take a database question per level: the finest level reveals what can be.
    return this.#byPosition.has(position) ? atLeast : undefined;
  }

  /**
   * The two questions a view of `[from, to]` over `pixels` asks the backend (its window, sampled
   * per lane and cell, and its counts per pixel bucket), or undefined for a view that asks none
   * (empty, or no lanes): what {@link query} asks, and what {@link warmUp} asks without placing
   * the answers.
   */
  questions(query: Pick<ViewQuery, 'from' | 'to' | 'pixels' | 'lanes'>): ViewQuestions | undefined {
    const { from, to, pixels } = query;
    const lanes = query.lanes ?? Array.from({ length: Math.max(1, this.#info.lanes.length) }, (_, i) => i);
    const msPerPixel = pixels > 0 && to > from ? (to - from) / pixels : Infinity;
    if (!Number.isFinite(msPerPixel) || this.size === 0 || !lanes.length) return undefined;
    const level = levelFor(msPerPixel);
    const unit = 2 ** level;
    const margin = MARGIN_PX * msPerPixel;
    const tile = TILE_PX * unit;
    const start = Math.floor((from - margin) / tile) * tile - tile;
    const { cellPixels, perCell, limit } = this.#options;
    return {
      window: { from: start, to: to + margin, lanes, cell: cellPixels * unit, perCell, limit },
      counts: { from, to, buckets: Math.max(1, Math.floor(pixels)), lanes },
      level,
      margin,
      lanes,
    };
  }

  async query(query: ViewQuery): Promise<ViewAnswer> {
    const { signal } = query;
    const state = this.#stateFor(query.layout);
    const questions = this.questions(query);
    if (!questions) return this.#empty(query, state);
    // Debouncing: during a gesture (questions closer than `debounce`), wait, and go on only if
    // the view still asks this.
    const now = Date.now();
    const { debounce } = this.#options;
    const gesture = now - this.#lastAsked < debounce;
    this.#lastAsked = now;
    if (gesture) await new Promise((resolve) => setTimeout(resolve, debounce));
    if (signal?.aborted) throw new AbortedError();

    const [rows, counts] = await Promise.all([
      this.backend.window(questions.window),
      this.backend.counts(questions.counts),
    ]);
    if (signal?.aborted) throw new AbortedError();
    // The rows new to this source are parsed in this task and placed in the next: at 10M events a
    // view's answer of 2,500 rows parsed and placed at once was a task of 50–90 ms on the page's main
    // thread (the warm-up's views, a first zoom), so a frame in between waited for both.
    const parseStart = performance.now();
    const events = this.#remember(rows);
    if (performance.now() - parseStart > YIELD_AFTER_MS) {
      await yieldToPage();
      if (signal?.aborted) throw new AbortedError();
    }
    return this.#answer(query, state, questions, rows, events, counts);
  }

  #answer(
    query: ViewQuery,
    state: SpecState,
    { level, lanes, margin }: ViewQuestions,
    rows: readonly EventRow[],
    events: TimelineEvent[],
    counts: CountsAnswer,
  ): ViewAnswer {
    const { from, to, layout } = query;
    const n = rows.length;
    const laneOf = new Uint16Array(n);
    const rangeLike = new Uint8Array(n);
    const froms = new Float64Array(n);
    const tos = new Float64Array(n);
    const widths = new Float32Array(n);
    rows.forEach((row, i) => {
      laneOf[i] = row.li;
      rangeLike[i] = row.end === null && isPointPrecision(row.precision) ? 0 : 1;
      froms[i] = row.from;
      tos[i] = row.to;
      widths[i] = state.widths.get(row.id) ?? Number.NaN;
    });
    const extent = this.extent ?? [0, 0];
    const placement = new LevelBuilder(
      level,
      {
        events,
        lanes: laneOf,
        laneCount: Math.max(1, this.#info.lanes.length),
        rangeLike,
        depth: Uint32Array.from(this.#info.depth),
        extent,
        froms,
        tos,
      },
      layout,
      widths,
    ).step()!;
    rows.forEach((row, i) => {
      if (!Number.isNaN(widths[i]!)) state.widths.set(row.id, widths[i]!);
    });
    const buckets = Math.max(1, Math.floor(query.pixels));
    const width = (to - from) / buckets;
    const wanted = new Set(lanes);
    const items: ViewItem[] = [];
    // Buckets each placed event covers, by lane: subtracted from the database's counts.
    const placedStarts = new Map<number, Int32Array>();
    const placedEnds = new Map<number, Int32Array>();
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      if (placement.rows[i]! < 0 || !wanted.has(row.li)) continue;
      if (row.from > to + margin || row.to < from - margin) continue;
      const flags = placement.flags[i]!;
      const short = placement.shortLabels.get(i);
      items.push({
        event: events[i]!,
        position: row.pos,
        lane: row.li,
        row: placement.rows[i]!,
        bar: (flags & PLACED_BAR) !== 0,
        labelInside: (flags & PLACED_LABEL_INSIDE) !== 0,
        labelBefore: (flags & PLACED_LABEL_BEFORE) !== 0,
        label: short ? short.label : labelText(events[i]!, layout),
        labelWidth: short ? short.width : widths[i]!,
      });
      const [first, last] = bucketSpan(row.from, row.to, from, to, width, buckets);
      if (first > last) continue;
      add(placedStarts, row.li, first, buckets);
      add(placedEnds, row.li, last, buckets);
    }
    const { density, regions, dense } = laneDensity(counts, { starts: placedStarts, ends: placedEnds }, lanes, {
      from,
      width,
      buckets,
    });
    for (const lane of dense) state.dense[lane] = true;
    placement.laneRows.forEach((count, lane) => {
      if (count > (state.rows[lane] ?? 1)) state.rows[lane] = count;
    });
    return {
      level,
      exact: true,
      from,
      to,
      items,
      density,
      regions,
      rows: [...state.rows],
      dense: [...state.dense],
      total: counts.total,
    };
  }

  /**
   * The events of an answer's rows: those seen before as they were, the others parsed together
   * ({@link eventsOf}: a dataset per row cost the first view of the whole extent, 2,253 rows at 1M,
   * 272 ms in Node against 87 ms at once) and kept.
   */
  #remember(rows: readonly EventRow[]): TimelineEvent[] {
    const fresh = rows.filter((row) => !this.#byId.has(row.id));
    const parsed = new Map(eventsOf(fresh).map((event, i) => [fresh[i]!, event]));
    return rows.map((row) => {
      const known = this.#byId.get(row.id);
      if (known) return known.event;
      const event = parsed.get(row)!;
      if (row.description === undefined) this.#partial.add(row.id);
      this.#byId.set(row.id, { event, position: row.pos });
      this.#byPosition.set(row.pos, event);
      return event;
    });
  }

  #stateFor(layout: LayoutSpec): SpecState {
    let state = this.#specs.get(layout);
    if (!state) {
      const laneCount = Math.max(1, this.#info.lanes.length);
      state = {
        widths: new Map(),
        rows: Array.from({ length: laneCount }, () => 1),
        dense: Array.from({ length: laneCount }, () => false),
      };
      this.#specs.set(layout, state);
    }
    return state;
  }

  #empty(query: ViewQuery, state: SpecState): ViewAnswer {
    return emptyAnswer(query, { rows: [...state.rows], dense: [...state.dense] });
  }
}
