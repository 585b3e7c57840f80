/**
 * Level-of-detail placement. A level `ℓ` is a resolution of `2^ℓ` ms per pixel. Placing events at
 * a level decides, once, for every event: its row in its lane, where its label goes (inside its
 * bar, after or before its mark), or that it is too dense to draw one by one at that resolution.
 *
 * Placement at a level stays valid at every finer resolution: zooming in only spreads marks apart
 * (every distance is a time difference times the scale, plus constant mark and label sizes), so
 * nothing placed apart can come to overlap. A view whose resolution lies in `(2^(ℓ-1), 2^ℓ]` ms
 * per pixel therefore reuses level `ℓ` for every frame: a zoom frame repositions what is placed and
 * never re-runs placement or measures text.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';
import type { TimelineEvent } from '../model/types.js';
import { IntervalIndex } from './interval-index.js';
import { shortenLabel } from './mark-geometry.js';
import { rowLinker, ROWS, type RowLinks } from './row-links.js';
import { sortOrder } from './sort-order.js';

export { itemGeometry, overlapDepth, shortenLabel } from './mark-geometry.js';
export type { PlacedMark, MarkGeometry } from './mark-geometry.js';

/** Geometry and measurement that placement depends on. Reuse the same object to reuse its cache. */
export interface LayoutSpec {
  /** Width of a label in pixels. Called at most once per event and spec. */
  readonly measure: (text: string) => number;
  /** Size of a point mark in pixels (default 12). */
  readonly pointSize?: number;
  /** Space kept between items in a row (default 8). */
  readonly gap?: number;
  /** Labelled rows a lane may grow to; events that fit in none are dense (default 10). */
  readonly maxRows?: number;
  /**
   * A lane in which more than `maxRows` (but at most this many, default 16) events overlap in time
   * grows to as many rows as overlap, so that events that overlap at every zoom can still be
   * drawn one by one when zoomed in. Deeper crowds keep `maxRows` and read as density.
   */
  readonly overlapRows?: number;
  /** Ranges narrower than this many pixels are drawn as points (default 4). */
  readonly minBarWidth?: number;
  /** Space between a mark and its label, and inside a bar around its label (default 4). */
  readonly labelPad?: number;
  /**
   * Words around an event's title in its label, e.g. a status word for an event that is only
   * planned (`['', ' (planned)']`); kept whole when the title is shortened to fit. Default: none.
   */
  readonly labelWords?: (event: TimelineEvent) => LabelWords | undefined;
}

/** What a label puts before and after the title. */
export type LabelWords = readonly [before: string, after: string];

/** The whole label an event gets under `spec`: its title with the spec's words around it. */
export function labelText(event: TimelineEvent, spec: LayoutSpec): string {
  const words = spec.labelWords?.(event);
  return words ? `${words[0]}${event.title}${words[1]}` : event.title;
}

/** `flags` bits. */
export const PLACED_BAR = 1;
export const PLACED_LABEL_INSIDE = 2;
export const PLACED_LABEL_BEFORE = 4;

/** The level whose placement serves a view of `msPerPixel`: the finest level at least that coarse. */
export function levelFor(msPerPixel: number): number {
  return Math.ceil(Math.log2(Math.max(msPerPixel, Number.MIN_VALUE)) - 1e-9);
}

/** Per-event facts that do not depend on the level, computed once per data change. */
export interface LevelInput {
  /** Events in display order. */
  readonly events: readonly TimelineEvent[];
  /** Lane index of each event. */
  readonly lanes: Uint16Array;
  /** Number of lanes. */
  readonly laneCount: number;
  /** 1 when the event may be drawn as a bar (a range, or a date coarser than a day). */
  readonly rangeLike: Uint8Array;
  /** Most events of each lane that overlap at one instant (see {@link overlapDepth}). */
  readonly depth: Uint32Array;
  /** `[from, to]` of all the data: labels that would run past its end go before their mark. */
  readonly extent: readonly [TimeCoord, TimeCoord];
  /**
   * `from` and `to` of each event, in the same order, when the caller has them in typed arrays
   * already (placement then reads no event object but for the titles it measures); read from
   * {@link events} when absent.
   */
  readonly froms?: Float64Array;
  readonly tos?: Float64Array;
  /** Positions sorted by `to` (e.g. `sortOrder(tos)`); computed per builder when absent. */
  readonly byEnd?: Uint32Array;
}

/** The starts and ends of a level input's events, as typed arrays. */
function spansOf(input: LevelInput): { froms: Float64Array; tos: Float64Array } {
  const { events } = input;
  return {
    froms: input.froms ?? Float64Array.from(events, (event) => event.from),
    tos: input.tos ?? Float64Array.from(events, (event) => event.to),
  };
}

/** Events of one lane at one level: those placed and those dense, with an index for each. */
export interface LaneLevel {
  /** Display positions of the placed events, ascending. */
  readonly placed: Int32Array;
  readonly placedIndex: IntervalIndex;
  /** Starts and ends of the dense events, each sorted ascending (for counts per bucket). */
  readonly denseFroms: Float64Array;
  readonly denseTos: Float64Array;
}

/** Placement of every event at one level. */
export interface LevelPlacement {
  readonly level: number;
  /** Row of each event (by display position), or -1 when it is dense at this level. */
  readonly rows: Int8Array;
  /** {@link PLACED_BAR} | {@link PLACED_LABEL_INSIDE} | {@link PLACED_LABEL_BEFORE} per event. */
  readonly flags: Uint8Array;
  /**
   * Labels shortened to fit beside their mark within the data's extent, by display position:
   * the shortened text ("Filming in the…", or "" for no label) and its width. Absent: the whole title.
   */
  readonly shortLabels: ReadonlyMap<number, { readonly label: string; readonly width: number }>;
  /** Labelled rows used per lane. */
  readonly laneRows: Int32Array;
  /** Per lane. */
  readonly lanes: readonly LaneLevel[];
  /** Each row's events in display order: a finer level placed from this one keeps them in their rows. */
  readonly links?: RowLinks;
}

/** One lane's events at a level, gathered in display order (dense ends in order of end). */
interface Gathered {
  readonly placed: Int32Array;
  readonly froms: Float64Array;
  readonly tos: Float64Array;
  readonly denseFroms: Float64Array;
  readonly denseTos: Float64Array;
}

/**
 * Places events at one level, in slices: {@link step} does up to `budget` units of work and
 * returns the placement once all is done, so a large dataset can be placed in idle time without a
 * long task. The work is four passes, each cut into slices alike: placing every event, gathering
 * each lane's placed and dense events in display order, gathering the dense ends in order of end
 * (no sorting per level), and indexing each lane's placed events (a lane counts its events).
 */
export class LevelBuilder {
  readonly level: number;
  readonly #input: LevelInput;
  readonly #widths: Float32Array;
  readonly #spec: Required<LayoutSpec>;
  readonly #laneRows: Int32Array;
  readonly #rows: Int8Array;
  readonly #flags: Uint8Array;
  readonly #short = new Map<number, { label: string; width: number }>();
  readonly #rowEnds: number[][];
  readonly #froms: Float64Array;
  readonly #tos: Float64Array;
  /** Placed events per lane, then (from the gathering on) how many of them are gathered. */
  readonly #placedCount: Int32Array;
  readonly #denseCount: Int32Array;
  /** The pass under way (0 to 3), and the position (or lane) it has reached. */
  #pass = 0;
  #next = 0;
  #gathered: Gathered[] = [];
  #byEnd: Uint32Array | undefined;
  /** The coarser level, whose rows are kept at this one, and per slot its next event (see row-links.ts). */
  readonly #coarser: LevelPlacement | undefined;
  readonly #cursor: Int32Array | undefined;
  /** This level's rows, for the next finer one. */
  #links: RowLinks | undefined;
  #link: ((position: number, slot: number) => void) | undefined;
  readonly #laneLevels: LaneLevel[] = [];
  #result: LevelPlacement | undefined;

  /**
   * @param widths Label widths by display position, shared across levels; `NaN` until measured.
   * @param coarser A coarser level's placement (the next one up, as a rule): its events keep their
   *   rows here, and the rest fill the room between them (see row-links.ts).
   */
  constructor(level: number, input: LevelInput, spec: LayoutSpec, widths: Float32Array, coarser?: LevelPlacement) {
    this.level = level;
    this.#input = input;
    this.#widths = widths;
    this.#spec = {
      measure: spec.measure,
      pointSize: spec.pointSize ?? 12,
      gap: spec.gap ?? 8,
      maxRows: Math.min(spec.maxRows ?? 10, 127),
      overlapRows: Math.min(spec.overlapRows ?? 16, 127),
      minBarWidth: spec.minBarWidth ?? 4,
      labelPad: spec.labelPad ?? 4,
      labelWords: spec.labelWords ?? noWords,
    };
    const n = input.events.length;
    ({ froms: this.#froms, tos: this.#tos } = spansOf(input));
    this.#rows = new Int8Array(n);
    this.#flags = new Uint8Array(n);
    if (coarser?.links && coarser.level > level) [this.#coarser, this.#cursor] = [coarser, coarser.links.heads.slice()];
    this.#placedCount = new Int32Array(input.laneCount);
    this.#denseCount = new Int32Array(input.laneCount);
    const { maxRows, overlapRows } = this.#spec;
    // A lane grows past maxRows only for a few overlapping events; a crowd deeper than
    // overlapRows could not be told apart by more rows anyway and reads as density.
    this.#laneRows = Int32Array.from(input.depth, (depth) =>
      depth <= overlapRows ? Math.max(maxRows, depth) : maxRows,
    );
    // The coarser level's rows exist from the start (empty until the sweep reaches their events).
    this.#rowEnds = Array.from({ length: input.laneCount }, (_, lane) =>
      Array<number>(Math.min(this.#coarser?.laneRows[lane] ?? 0, this.#laneRows[lane]!)).fill(-Infinity),
    );
  }

  /** Whether every event has been placed. */
  get done(): boolean {
    return this.#result !== undefined;
  }

  /** The placement, once {@link done}. */
  get result(): LevelPlacement | undefined {
    return this.#result;
  }

  /**
   * Does up to `budget` more units of work (an event in a pass, or a lane's events when indexing
   * it; at least one lane per call); returns the placement when all is done.
   */
  step(budget = Infinity): LevelPlacement | undefined {
    const n = this.#input.events.length;
    const laneCount = this.#input.laneCount;
    while (!this.#result && budget > 0) {
      if (this.#pass === 3) {
        const gathered = this.#gathered[this.#next++];
        if (gathered) {
          const { placed, froms, tos, denseFroms, denseTos } = gathered;
          this.#laneLevels.push({ placed, placedIndex: new IntervalIndex(froms, tos), denseFroms, denseTos });
          budget -= placed.length + 1;
        }
        if (this.#next >= laneCount) this.#result = this.#finish();
        continue;
      }
      const start = this.#next;
      const end = Math.min(n, start + budget);
      budget -= end - start;
      if (this.#pass === 0) this.#place(start, end);
      else if (this.#pass === 1) this.#gather(start, end);
      else this.#gatherEnds(start, end);
      this.#next = end;
      if (end < n) continue;
      if (this.#pass === 0) {
        [this.#links, this.#link] = rowLinker(n, laneCount);
        this.#gathered = Array.from(this.#placedCount, (count, lane) => {
          const dense = this.#denseCount[lane]!;
          return {
            placed: new Int32Array(count),
            froms: new Float64Array(count),
            tos: new Float64Array(count),
            denseFroms: new Float64Array(dense),
            denseTos: new Float64Array(dense),
          };
        });
      }
      this.#pass++;
      this.#next = 0;
      this.#placedCount.fill(0);
      this.#denseCount.fill(0);
    }
    return this.#result;
  }

  /** Places events `[first, end)` in display order, counting placed and dense ones per lane. */
  #place(first: number, end: number): void {
    const { events, lanes, rangeLike, extent } = this.#input;
    const { measure, pointSize, gap, minBarWidth, labelPad } = this.#spec;
    const s = 2 ** -this.level;
    const minX = extent[0] * s;
    const maxX = extent[1] * s;
    const widths = this.#widths;
    const froms = this.#froms;
    const tos = this.#tos;
    const coarser = this.#coarser;
    const cursor = this.#cursor;
    // Where a mark starts at this level (a reserved event's label is after it but at the data's end).
    const markStart = (i: number) => {
      const left = froms[i]! * s;
      const right = tos[i]! * s;
      return rangeLike[i] === 1 && right - left >= minBarWidth ? left : (left + right) / 2 - pointSize / 2;
    };
    // Whether row `r` has room from `start` to `stop`, before its next reserved event too.
    const fits = (ends: readonly number[], lane: number, r: number, start: number, stop: number) => {
      const next = cursor ? cursor[lane * ROWS + r]! : -1;
      return ends[r]! + gap <= start && (next < 0 || stop + gap <= markStart(next));
    };
    for (let i = first; i < end; i++) {
      const lane = lanes[i]!;
      const ends = this.#rowEnds[lane]!;
      const maxRows = this.#laneRows[lane]!;
      // The row this event had at the coarser level; the row's next reservation is now the one after.
      const kept = coarser ? coarser.rows[i]! : -1;
      if (kept >= 0 && cursor![lane * ROWS + kept] === i) cursor![lane * ROWS + kept] = coarser!.links!.next[i]!;
      const left = froms[i]! * s;
      const right = tos[i]! * s;
      const bar = rangeLike[i] === 1 && right - left >= minBarWidth;
      const x0 = bar ? left : (left + right) / 2 - pointSize / 2;
      const x1 = bar ? right : x0 + pointSize;
      // Cheap test first: in a crowd, not even the mark fits, and the label need not be measured.
      if (ends.length >= maxRows && !someRowFree(ends, gap, x0)) {
        this.#rows[i] = -1;
        this.#denseCount[lane]!++;
        continue;
      }
      const event = events[i]!;
      let width = widths[i]!;
      if (Number.isNaN(width)) width = widths[i] = measure(labelText(event, this.#spec));
      const inside = bar && right - left >= width + 2 * labelPad;
      let before = false;
      let labelX = inside ? left + labelPad : x1 + labelPad;
      if (!inside && labelX + width > maxX) {
        // Past the end of the data: before the mark if it fits there, else shortened to the wider side.
        const roomAfter = maxX - labelX;
        const roomBefore = x0 - labelPad - minX;
        if (roomBefore >= width || roomBefore > roomAfter) {
          before = true;
          if (roomBefore < width) width = this.#shorten(i, event, roomBefore);
          labelX = x0 - labelPad - width;
        } else {
          width = this.#shorten(i, event, roomAfter);
        }
      }
      const start = Math.min(x0, labelX);
      const stop = inside ? x1 : Math.max(x1, labelX + width);
      let row = kept >= 0 && kept < ends.length && fits(ends, lane, kept, start, stop) ? kept : -1;
      for (let r = 0; row === -1 && r < ends.length; r++) if (fits(ends, lane, r, start, stop)) row = r;
      if (row === -1 && ends.length < maxRows) row = ends.length;
      this.#rows[i] = row;
      if (row === -1) {
        this.#denseCount[lane]!++;
        continue;
      }
      this.#placedCount[lane]!++;
      ends[row] = stop;
      this.#flags[i] = (bar ? PLACED_BAR : 0) | (inside ? PLACED_LABEL_INSIDE : 0) | (before ? PLACED_LABEL_BEFORE : 0);
    }
  }

  /** Gathers events `[first, end)` into their lane's placed or dense arrays (display order). */
  #gather(first: number, end: number): void {
    const { lanes } = this.#input;
    const rows = this.#rows;
    const froms = this.#froms;
    const tos = this.#tos;
    for (let i = first; i < end; i++) {
      const lane = lanes[i]!;
      const gathered = this.#gathered[lane]!;
      if (rows[i]! >= 0) {
        this.#link!(i, lane * ROWS + rows[i]!);
        const j = this.#placedCount[lane]!++;
        gathered.placed[j] = i;
        gathered.froms[j] = froms[i]!;
        gathered.tos[j] = tos[i]!;
      } else {
        gathered.denseFroms[this.#denseCount[lane]!++] = froms[i]!;
      }
    }
  }

  /** Gathers the ends of dense events among `[first, end)` in order of end: sorted without a sort. */
  #gatherEnds(first: number, end: number): void {
    const { lanes } = this.#input;
    const byEnd = (this.#byEnd ??= this.#input.byEnd ?? sortOrder(this.#tos));
    const rows = this.#rows;
    const tos = this.#tos;
    for (let k = first; k < end; k++) {
      const i = byEnd[k]!;
      if (rows[i]! >= 0) continue;
      const lane = lanes[i]!;
      this.#gathered[lane]!.denseTos[this.#denseCount[lane]!++] = tos[i]!;
    }
  }

  /** Records the event's label shortened to fit `room` (see {@link shortenLabel}); returns its width. */
  #shorten(position: number, event: TimelineEvent, room: number): number {
    const label = shortenLabel(event.title, room, this.#spec.measure, this.#spec.labelWords(event));
    const width = label ? this.#spec.measure(label) : 0;
    this.#short.set(position, { label, width });
    return width;
  }

  #finish(): LevelPlacement {
    this.#gathered = [];
    return {
      level: this.level,
      rows: this.#rows,
      flags: this.#flags,
      shortLabels: this.#short,
      laneRows: Int32Array.from(this.#rowEnds, (ends) => ends.length),
      lanes: this.#laneLevels,
      links: this.#links,
    };
  }
}

function noWords(): undefined {
  return undefined;
}

/** Whether some row ends `gap` before `x` (a loop, not `some`: it runs per event in a crowd). */
function someRowFree(ends: readonly number[], gap: number, x: number): boolean {
  for (let r = 0; r < ends.length; r++) if (ends[r]! + gap <= x) return true;
  return false;
}
