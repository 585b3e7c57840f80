/**
 * Rows kept across levels of detail. Placed alone, each level chooses its events afresh, and the
 * greedy choice at twice the resolution shares few events with the coarser one: zooming across a
 * level boundary replaced most of what was drawn (at 10,000 events, some 300 of 350 marks, each
 * a new DOM subtree) and moved labels between rows under the reader's eyes. With a coarser
 * level's placement at hand, a finer level keeps each of its events in the row it had, and fills
 * only the room left between them: at a finer resolution every distance grows while marks and
 * labels keep their size, so what fitted side by side still does.
 *
 * A level records, per lane and row, its placed events in display order as a linked list
 * ({@link RowLinks}); the finer level walks these lists alongside its own sweep
 * ({@link Reservations}).
 *
 * @module
 */

/** Rows per lane a link table has room for (placement caps rows at 127). */
const ROWS = 128;

/** Each row's placed events as a linked list in display order. */
export interface RowLinks {
  /** The next event placed in the same lane and row, by display position; -1 after the last. */
  readonly next: Int32Array;
  /** The first event of each lane's row (`lane * 128 + row`), or -1. */
  readonly heads: Int32Array;
}

/** Builds {@link RowLinks} from events visited in display order. */
export class RowLinker {
  readonly #next: Int32Array;
  readonly #heads: Int32Array;
  readonly #last: Int32Array;

  constructor(events: number, laneCount: number) {
    this.#next = new Int32Array(events).fill(-1);
    this.#heads = new Int32Array(laneCount * ROWS).fill(-1);
    this.#last = new Int32Array(laneCount * ROWS).fill(-1);
  }

  /** Records that the event at `position` (later in display order than any before) is in `row`. */
  add(position: number, lane: number, row: number): void {
    const slot = lane * ROWS + row;
    const last = this.#last[slot]!;
    if (last < 0) this.#heads[slot] = position;
    else this.#next[last] = position;
    this.#last[slot] = position;
  }

  get links(): RowLinks {
    return { next: this.#next, heads: this.#heads };
  }
}

/**
 * A coarser level's rows, reserved while a finer level is placed in display order: an event the
 * coarser level placed asks for its old row first ({@link rowOf}); any other event may take a row
 * only where it ends before that row's next reserved event begins ({@link allows}). Reservations
 * hold: an event they leave no room for waits for a finer level, or, asked for by the keyboard
 * where no level has room for it, for the finest level placed alone (`MemorySource.revealLevel`).
 */
export class Reservations {
  readonly #rows: Int8Array;
  readonly #links: RowLinks;
  /** Per lane and row, the next reserved event not yet passed by the sweep. */
  readonly #cursor: Int32Array;

  /** `rows`: the coarser level's row per event (-1: not placed there). */
  constructor(rows: Int8Array, links: RowLinks) {
    this.#rows = rows;
    this.#links = links;
    this.#cursor = links.heads.slice();
  }

  /** Rows of `lane` the coarser level used (a finer level has at least as many). */
  rowsUsed(lane: number): number {
    let rows = 0;
    for (let row = 0; row < ROWS; row++) if (this.#links.heads[lane * ROWS + row]! >= 0) rows = row + 1;
    return rows;
  }

  /** The row the event at `position` had at the coarser level, or -1. */
  rowOf(position: number): number {
    return this.#rows[position]!;
  }

  /** The sweep reached `position`, reserved in `row` of `lane`: the row's next reservation is the one after. */
  pass(position: number, lane: number, row: number): void {
    const slot = lane * ROWS + row;
    if (this.#cursor[slot] === position) this.#cursor[slot] = this.#links.next[position]!;
  }

  /**
   * Whether something ending at `stop` (plus `gap`) leaves room for the next reserved event of
   * `row` in `lane`, which begins at `startOf(position)`.
   */
  allows(lane: number, row: number, stop: number, gap: number, startOf: (position: number) => number): boolean {
    const next = this.#cursor[lane * ROWS + row]!;
    return next < 0 || stop + gap <= startOf(next);
  }
}
