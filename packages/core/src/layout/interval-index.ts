/**
 * A static interval index over `[from, to)` spans sorted by `from`: "which spans touch `[a, b]`?"
 * in O(log n + k log n), however long some spans are. It is an implicit segment tree of the
 * largest `to` over runs of the sorted spans: a subtree whose largest `to` is before the window
 * holds no answer and is skipped whole, so one very long span costs one extra path, not a scan.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';

/** Index of the first element of a sorted array that is `>= value` (or `> value` when `after`). */
export function bisect(sorted: ArrayLike<number>, value: number, after = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < value || (after && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans given as two parallel arrays, `froms` sorted ascending. */
export class IntervalIndex {
  /** Span starts, ascending. */
  readonly froms: Float64Array;
  /** Span ends, in the same order as {@link froms}. */
  readonly tos: Float64Array;
  /** Segment tree of the largest `to`, leaves at `size + i`. */
  readonly #maxTo: Float64Array;
  readonly #size: number;

  constructor(froms: Float64Array, tos: Float64Array) {
    this.froms = froms;
    this.tos = tos;
    let size = 1;
    while (size < froms.length) size *= 2;
    this.#size = size;
    const tree = new Float64Array(2 * size).fill(-Infinity);
    tree.set(tos, size);
    for (let i = size - 1; i >= 1; i--) tree[i] = Math.max(tree[2 * i]!, tree[2 * i + 1]!);
    this.#maxTo = tree;
  }

  /** Number of spans. */
  get length(): number {
    return this.froms.length;
  }

  /**
   * Calls `visit(i)`, in ascending order of `i`, for every span with `from <= b` and `to >= a`
   * (a span that merely ends where the window starts touches it, as a day touches midnight).
   * Returns the number of tree nodes examined: the work done, O(log n + k log n).
   */
  forEach(a: TimeCoord, b: TimeCoord, visit: (i: number) => void): number {
    const hi = bisect(this.froms, b, true);
    if (hi === 0) return 0;
    let examined = 0;
    // Iterative descent: nodes whose leaves are all below `hi` and whose largest `to` reaches `a`.
    const stack = [1];
    const size = this.#size;
    const tree = this.#maxTo;
    while (stack.length) {
      const node = stack.pop()!;
      examined++;
      if (tree[node]! < a) continue;
      // The leaves under `node` are [first, first + span).
      const depth = 31 - Math.clz32(node);
      const span = size >>> depth;
      const first = (node - (1 << depth)) * span;
      if (first >= hi) continue;
      if (span === 1) {
        visit(first);
        continue;
      }
      // Right child first, so the left one is visited first (a stack pops in reverse).
      stack.push(2 * node + 1, 2 * node);
    }
    return examined;
  }

  /** The indices {@link forEach} visits, as an array. */
  query(a: TimeCoord, b: TimeCoord): number[] {
    const out: number[] = [];
    this.forEach(a, b, (i) => out.push(i));
    return out;
  }
}
