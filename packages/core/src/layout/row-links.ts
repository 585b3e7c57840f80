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
 * ({@link RowLinks}); the finer level walks these lists alongside its own sweep, with a cursor per
 * row at the next reserved event: an event the coarser level placed asks for its old row first,
 * any other may take a row only where it ends before that row's next reserved event begins.
 * Reservations hold: an event they leave no room for waits for a finer level, or, asked for by
 * the keyboard where no level has room for it, for the finest level placed alone
 * (`MemorySource.revealLevel`).
 *
 * @module
 */

/** Rows per lane in a link table (placement caps rows at 127): lane `l`, row `r` is slot `l * 128 + r`. */
export const ROWS = 128;

/** Each row's placed events as a linked list in display order. */
export interface RowLinks {
  /** The next event placed in the same lane and row, by display position; -1 after the last. */
  readonly next: Int32Array;
  /** The first event of each slot (lane and row), or -1. */
  readonly heads: Int32Array;
}

/**
 * Empty links for `events` events in `laneCount` lanes, and a function that appends the event at
 * `position` (later in display order than any before) to its slot's list.
 */
export function rowLinker(events: number, laneCount: number): [RowLinks, (position: number, slot: number) => void] {
  const next = new Int32Array(events).fill(-1);
  const heads = new Int32Array(laneCount * ROWS).fill(-1);
  const last = heads.slice();
  const link = (position: number, slot: number) => {
    const before = last[slot]!;
    if (before < 0) heads[slot] = position;
    else next[before] = position;
    last[slot] = position;
  };
  return [{ next, heads }, link];
}
