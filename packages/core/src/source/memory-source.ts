/**
 * The in-memory answer to the view question: events sorted and indexed once per data change,
 * placement per level of detail computed once and cached, density counted from sorted arrays.
 * Per query: an O(log n + k) window search over what is placed at the level and O(pixels · log n)
 * bisections for the counts. Nothing in a query is O(n), and nothing measures text once a level
 * is placed.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';
import type { DatePrecision } from '../model/date.js';
import type { Dataset, TimelineEvent } from '../model/types.js';
import { EventIndex } from '../layout/event-index.js';
import { bisect } from '../layout/interval-index.js';
import { sortOrder } from '../layout/sort-order.js';
import {
  LevelBuilder,
  labelText,
  levelFor,
  overlapDepth,
  PLACED_BAR,
  PLACED_LABEL_BEFORE,
  PLACED_LABEL_INSIDE,
  type LayoutSpec,
  type LevelInput,
  type LevelPlacement,
} from '../layout/levels.js';
import { countBuckets, denseRegions } from './buckets.js';
import {
  emptyAnswer,
  type DenseRegion,
  type LaneDensity,
  type TimelineSource,
  type ViewAnswer,
  type ViewItem,
  type ViewQuery,
} from './types.js';

/** Options for {@link MemorySource}. */
export interface MemorySourceOptions {
  /**
   * Runs a slice of background work later (e.g. in `requestIdleCallback`). When given, datasets
   * larger than {@link syncLimit} get finer levels placed in slices while a coarser level stands
   * in; without it every level is placed when first asked for. At any size, the level finer than
   * the one in view is placed in the background too, so that zooming into it costs its frame no
   * placement. A task given a deadline works in steps sized to the time it has left, while more
   * than a margin is left (the frame after the idle period is not delayed), and goes on in the
   * next task; without one, or past its `timeout` (`didTimeout`), it does one step of
   * {@link sliceSize}.
   */
  schedule?: (task: (deadline?: { timeRemaining(): number; didTimeout?: boolean }) => void) => void;
  /** Datasets up to this many events are always placed synchronously (default 50,000). */
  syncLimit?: number;
  /** Units of placement work per background step (default 10,000 events). */
  sliceSize?: number;
  /** Levels kept in the cache (default 24). */
  maxLevels?: number;
  /**
   * Placements kept in the cache over all levels, in events (default 6,000,000): a million
   * events keep 6 levels, each holding some 20–40 MB.
   */
  cacheEvents?: number;
}

/** Pixels beyond each side of the view whose events are still answered (their labels reach in). */
const MARGIN_PX = 320;
/** Idle time (ms) a background step leaves unused: the frame after the idle period starts on time. */
const IDLE_MARGIN = 2;

interface SpecState {
  readonly spec: LayoutSpec;
  readonly widths: Float32Array;
  readonly levels: Map<number, LevelPlacement>;
  readonly builders: Map<number, LevelBuilder>;
  /** Largest row count and density need seen per lane: heights never shrink under the cursor. */
  readonly rows: number[];
  readonly dense: boolean[];
  /** Whether a background task is scheduled. */
  scheduled: boolean;
  /** The level last placed alone for the keyboard (see `revealLevel`). */
  alone?: number;
}

/** A {@link TimelineSource} over a parsed dataset held in memory. */
export class MemorySource implements TimelineSource {
  readonly dataset: Dataset;
  readonly index: EventIndex;
  readonly extent: readonly [TimeCoord, TimeCoord] | undefined;
  readonly #input: LevelInput;
  readonly #options: Required<Omit<MemorySourceOptions, 'schedule'>> & Pick<MemorySourceOptions, 'schedule'>;
  /** All starts and all ends, each sorted, for O(log n) counts. */
  readonly #froms: Float64Array;
  readonly #tos: Float64Array;
  readonly #listeners = new Set<() => void>();
  #state: SpecState | undefined;
  #lastLevel = 0;
  /** Levels answered with a coarser stand-in: their landing is news to listeners (nothing else is). */
  readonly #standingIn = new Set<number>();
  /** Units of placement work per ms, as the last background steps ran (a guess until one has). */
  #rate = 200;

  constructor(dataset: Dataset, options: MemorySourceOptions = {}) {
    this.dataset = dataset;
    this.index = new EventIndex(dataset.events);
    this.#options = { syncLimit: 50_000, sliceSize: 10_000, maxLevels: 24, cacheEvents: 6e6, ...options };
    const events = this.index.sorted;
    const { froms, tos } = this.index.intervals;
    const laneOf = new Map(dataset.lanes.map((lane) => [lane.id, lane.index]));
    // Lane and shape of each event, read in the given order (the order the objects were made in,
    // so memory is read in sequence), then permuted to display order.
    const given = dataset.events;
    const { order } = this.index;
    const givenLanes = new Uint16Array(given.length);
    const givenRangeLike = new Uint8Array(given.length);
    let lastLane: string | undefined;
    let lastIndex = 0;
    for (let i = 0; i < given.length; i++) {
      const event = given[i]!;
      if (event.lane !== lastLane) {
        lastLane = event.lane;
        lastIndex = laneOf.get(lastLane) ?? 0;
      }
      givenLanes[i] = lastIndex;
      givenRangeLike[i] = event.end === undefined && isPointPrecision(event.start.precision) ? 0 : 1;
    }
    const lanes = new Uint16Array(events.length);
    const rangeLike = new Uint8Array(events.length);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < events.length; i++) {
      lanes[i] = givenLanes[order[i]!]!;
      rangeLike[i] = givenRangeLike[order[i]!]!;
      if (froms[i]! < min) min = froms[i]!;
      if (tos[i]! > max) max = tos[i]!;
    }
    this.extent = min <= max ? [min, max] : undefined;
    const laneCount = Math.max(1, dataset.lanes.length);
    // Positions by end, once: each level gathers its dense ends in this order instead of sorting them.
    const byEnd = sortOrder(tos);
    const sortedTos = new Float64Array(byEnd.length);
    for (let i = 0; i < byEnd.length; i++) sortedTos[i] = tos[byEnd[i]!]!;
    this.#input = {
      events,
      lanes,
      laneCount,
      rangeLike,
      depth: overlapDepth(froms, tos, lanes, laneCount),
      extent: this.extent ?? [0, 0],
      froms,
      tos,
      byEnd,
    };
    this.#froms = froms;
    this.#tos = sortedTos;
  }

  get size(): number {
    return this.index.size;
  }

  at(position: number): TimelineEvent | undefined {
    return this.index.sorted[position];
  }

  positionOf(id: string): number {
    return this.index.positionOf(id);
  }

  get(id: string): TimelineEvent | undefined {
    return this.index.get(id);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Events touching `[from, to]`, in O(log n). */
  count(from: TimeCoord, to: TimeCoord): number {
    return bisect(this.#froms, to, true) - bisect(this.#tos, from);
  }

  query(query: ViewQuery): ViewAnswer {
    const { from, to, pixels } = query;
    const state = this.#stateFor(query.layout);
    const laneCount = this.#input.laneCount;
    const lanes = query.lanes ?? Array.from({ length: laneCount }, (_, i) => i);
    const msPerPixel = pixels > 0 && to > from ? (to - from) / pixels : Infinity;
    if (!Number.isFinite(msPerPixel) || this.size === 0) {
      return emptyAnswer(query, { rows: [...state.rows], dense: [...state.dense] });
    }
    const wanted = levelFor(msPerPixel);
    this.#lastLevel = wanted;
    // Levels the view has moved past are not worth their work: only the one in view and the next
    // finer one are placed in the background.
    for (const level of state.builders.keys())
      if (level !== wanted && level !== wanted - 1) state.builders.delete(level);
    const placement = this.#placementFor(state, wanted);
    const margin = MARGIN_PX * msPerPixel;
    const items: ViewItem[] = [];
    const density: LaneDensity[] = [];
    const regions: DenseRegion[] = [];
    const events = this.index.sorted;
    for (const lane of lanes) {
      const laneLevel = placement.lanes[lane];
      if (!laneLevel) continue;
      const { placed, placedIndex } = laneLevel;
      placedIndex.forEach(from - margin, to + margin, (j) => {
        const position = placed[j]!;
        const flags = placement.flags[position]!;
        items.push({
          event: events[position]!,
          position,
          lane,
          row: placement.rows[position]!,
          bar: (flags & PLACED_BAR) !== 0,
          labelInside: (flags & PLACED_LABEL_INSIDE) !== 0,
          labelBefore: (flags & PLACED_LABEL_BEFORE) !== 0,
          ...labelOf(placement, position, events[position]!, state),
        });
      });
      const counts = countBuckets(laneLevel.denseFroms, laneLevel.denseTos, from, to, pixels);
      density.push({ lane, counts });
      regions.push(...denseRegions(lane, counts, laneLevel.denseFroms, laneLevel.denseTos, from, to));
    }
    return {
      level: placement.level,
      exact: placement.level === wanted,
      from,
      to,
      items,
      density,
      regions,
      rows: [...state.rows],
      dense: [...state.dense],
      total: this.count(from, to),
    };
  }

  revealLevel(position: number, layout: LayoutSpec, atMost: number, atLeast: number): number | undefined {
    const state = this.#stateFor(layout);
    for (let level = atMost; level >= atLeast; level--) {
      const placement = this.#placementFor(state, level, true);
      if (placement.rows[position]! >= 0) return level;
    }
    // Rows kept from coarser levels left no room for it (see row-links.ts): the finest level is
    // placed again alone, as it would be without them, so that every event placing can draw is
    // reachable (its marks then take new rows at that level).
    if (!(atLeast <= atMost) || state.alone === atLeast) return undefined;
    state.alone = atLeast;
    const alone = new LevelBuilder(atLeast, this.#input, state.spec, state.widths).step()!;
    state.builders.delete(atLeast);
    this.#store(state, alone);
    return alone.rows[position]! >= 0 ? atLeast : undefined;
  }

  #stateFor(spec: LayoutSpec): SpecState {
    if (this.#state?.spec !== spec) {
      const laneCount = this.#input.laneCount;
      this.#standingIn.clear();
      this.#state = {
        spec,
        widths: new Float32Array(this.size).fill(Number.NaN),
        levels: new Map(),
        builders: new Map(),
        scheduled: false,
        rows: Array.from({ length: laneCount }, () => 1),
        dense: Array.from({ length: laneCount }, () => false),
      };
    }
    return this.#state;
  }

  /** The placement at `level`, or, while a large one is placed in the background, a coarser stand-in. */
  #placementFor(state: SpecState, level: number, sync = false): LevelPlacement {
    const cached = state.levels.get(level);
    if (cached) {
      this.#prefetch(state, level - 1);
      return cached;
    }
    const { schedule, syncLimit } = this.#options;
    if (!sync && schedule && this.size > syncLimit) {
      let standIn: LevelPlacement | undefined;
      for (const [l, placement] of state.levels) {
        if (l > level && (!standIn || l < standIn.level)) standIn = placement;
      }
      if (standIn) {
        this.#standingIn.add(level);
        this.#prefetch(state, level);
        return standIn;
      }
    }
    const builder = state.builders.get(level) ?? this.#builder(state, level);
    const placement = builder.step()!;
    state.builders.delete(level);
    this.#store(state, placement);
    if (!sync) this.#prefetch(state, level - 1);
    return placement;
  }

  /** Places `level` in background slices, if there is a scheduler and it is not placed yet. */
  #prefetch(state: SpecState, level: number): void {
    const { schedule, sliceSize } = this.#options;
    if (!schedule || this.size === 0 || state.levels.has(level)) return;
    if (!state.builders.has(level)) state.builders.set(level, this.#builder(state, level));
    if (state.scheduled) return;
    state.scheduled = true;
    // One task works on one builder at a time, the level in view first.
    const slice = (deadline?: { timeRemaining(): number; didTimeout?: boolean }) => {
      if (this.#state !== state) return;
      // With a deadline, a step only while more than the margin is left, sized to what is left at
      // the rate the last step showed: slower at once, faster at most twice (a pass can be much
      // cheaper per event than the next). Without one, or past its timeout (a busy page), one step
      // of sliceSize.
      let left = deadline && !deadline.didTimeout ? deadline.timeRemaining() : Infinity;
      while (left > IDLE_MARGIN) {
        const level = state.builders.has(this.#lastLevel) ? this.#lastLevel : state.builders.keys().next().value;
        if (level === undefined) break;
        const budget = Math.ceil(Math.min(sliceSize, (left - IDLE_MARGIN) * this.#rate));
        const placement = state.builders.get(level)!.step(budget);
        if (left < Infinity)
          this.#rate = Math.min(2 * this.#rate, budget / (left - (left = deadline!.timeRemaining())));
        else left = 0;
        if (placement) {
          state.builders.delete(level);
          this.#store(state, placement);
          // A level placed ahead of the view changes no answer given: only a stand-in's does.
          if (this.#standingIn.delete(level)) for (const listener of this.#listeners) listener();
        }
      }
      state.scheduled = state.builders.size > 0;
      if (state.scheduled) schedule(slice);
    };
    schedule(slice);
  }

  /** A builder for `level`, keeping the rows of the next coarser level when that one is placed. */
  #builder(state: SpecState, level: number): LevelBuilder {
    return new LevelBuilder(level, this.#input, state.spec, state.widths, state.levels.get(level + 1));
  }

  #store(state: SpecState, placement: LevelPlacement): void {
    state.levels.set(placement.level, placement);
    placement.laneRows.forEach((rows, lane) => {
      if (rows > state.rows[lane]!) state.rows[lane] = rows;
      if (placement.lanes[lane]!.denseFroms.length) state.dense[lane] = true;
    });
    // Evict the levels farthest from the one in use; never that one, the next finer one (they
    // would be placed again at once) or the coarsest (it stands in for any other).
    const { maxLevels, cacheEvents } = this.#options;
    const keep = Math.max(3, Math.min(maxLevels, Math.floor(cacheEvents / this.size)));
    const coarsest = Math.max(...state.levels.keys());
    while (state.levels.size > keep) {
      let farthest: number | undefined;
      for (const l of state.levels.keys()) {
        if (l === coarsest || l === this.#lastLevel || l === this.#lastLevel - 1) continue;
        if (farthest === undefined || Math.abs(l - this.#lastLevel) > Math.abs(farthest - this.#lastLevel))
          farthest = l;
      }
      if (farthest === undefined) break;
      state.levels.delete(farthest);
    }
  }
}

function labelOf(placement: LevelPlacement, position: number, event: TimelineEvent, state: SpecState) {
  const short = placement.shortLabels.get(position);
  return short
    ? { label: short.label, labelWidth: short.width }
    : { label: labelText(event, state.spec), labelWidth: state.widths[position]! };
}

/** Whether a date of this precision is drawn as a point when there is no end: a day or finer. */
function isPointPrecision(precision: DatePrecision): boolean {
  return precision === 'day' || precision === 'minute' || precision === 'second' || precision === 'millisecond';
}
