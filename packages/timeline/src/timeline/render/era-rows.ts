/**
 * How eras stack into rows above the lanes: part of the layout (the lanes start below the rows),
 * in the eras' chunk (`eras.ts`, which draws them) since the update that first lays out data with
 * eras waits for that chunk; the host reads it from there.
 *
 * @module
 */
import type { Era } from '@reeltime/core';

/** Each era's row (first free row, eras in start order) and the number of rows. */
export interface EraRows {
  readonly row: readonly number[];
  readonly count: number;
}

const rowsKept = new WeakMap<readonly Era[], EraRows>();

/** Stacks overlapping eras into rows; the same for every zoom (computed once per data change). */
export function eraRows(eras: readonly Era[]): EraRows {
  let kept = rowsKept.get(eras);
  if (!kept) {
    const order = eras.map((_, i) => i).sort((a, b) => eras[a]!.from - eras[b]!.from || a - b);
    const ends: number[] = [];
    const row: number[] = new Array<number>(eras.length).fill(0);
    for (const i of order) {
      const era = eras[i]!;
      let r = ends.findIndex((end) => end <= era.from);
      if (r === -1) r = ends.length;
      ends[r] = era.to;
      row[i] = r;
    }
    kept = { row, count: ends.length };
    rowsKept.set(eras, kept);
  }
  return kept;
}
