/**
 * The counts side of {@link SqlSource}'s answer: pixel buckets an event overlaps, the two
 * histograms (first and last bucket of each event) per lane, the events placed one by one
 * subtracted from them, and the dense runs with the distinct events each holds.
 *
 * @module
 */
import type { DenseRegion, LaneDensity } from '@reeltime/core';
import type { CountsAnswer } from './protocol.js';

/** Dense runs closer than this many buckets are one region; at most this many regions per lane. */
const REGION_GAP = 8;
const MAX_REGIONS = 24;

/**
 * The first and last bucket `[from, to)` overlaps, with the buckets of core's `countBuckets`
 * (bucket b is `[F + b·w, F + b·w + w)`, the last ending at `T`); first > last when none.
 */
export function bucketSpan(
  from: number,
  to: number,
  F: number,
  T: number,
  w: number,
  n: number,
): readonly [number, number] {
  if (!(from < T && to > F)) return [1, 0];
  const endOf = (b: number) => (b === n - 1 ? T : F + b * w + w);
  // First bucket whose end is after `from`; last whose start is before `to` (both monotone).
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (endOf(mid) > from) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  lo = 0;
  hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (F + mid * w < to) lo = mid;
    else hi = mid - 1;
  }
  return [first, F + lo * w < to ? lo : -1];
}

export function add(map: Map<number, Int32Array>, lane: number, bucket: number, buckets: number): void {
  let counts = map.get(lane);
  if (!counts) map.set(lane, (counts = new Int32Array(buckets)));
  counts[bucket]!++;
}

/** Flat `[lane, bucket, count]` triples as one array of counts per lane. */
export function histograms(triples: readonly number[], buckets: number): Map<number, Int32Array> {
  const out = new Map<number, Int32Array>();
  for (let i = 0; i + 2 < triples.length; i += 3) {
    const lane = triples[i]!;
    let counts = out.get(lane);
    if (!counts) out.set(lane, (counts = new Int32Array(buckets)));
    counts[triples[i + 1]!]! += triples[i + 2]!;
  }
  return out;
}

export function subtract(all: Int32Array | undefined, placed: Int32Array | undefined, buckets: number): Int32Array {
  const out = new Int32Array(buckets);
  if (all) out.set(all);
  if (placed) for (let b = 0; b < buckets; b++) out[b] = Math.max(0, out[b]! - placed[b]!);
  return out;
}

/**
 * Runs of non-empty buckets, merged across small gaps (as the memory source merges them), each with
 * the distinct events it holds: those whose first bucket is at most its last and whose last bucket
 * is at least its first.
 */
export function runsOf(
  lane: number,
  counts: Uint32Array,
  starts: Int32Array,
  ends: Int32Array,
  from: number,
  width: number,
): DenseRegion[] {
  let gap = REGION_GAP;
  let runs: [number, number][] = [];
  for (;;) {
    runs = [];
    for (let b = 0; b < counts.length; b++) {
      if (counts[b] === 0) continue;
      const current = runs.at(-1);
      if (current && b - current[1] <= gap) current[1] = b;
      else runs.push([b, b]);
    }
    if (runs.length <= MAX_REGIONS) break;
    gap *= 2;
  }
  // Prefix sums: events starting at or before b, events ending before b.
  const started = new Float64Array(counts.length + 1);
  const ended = new Float64Array(counts.length + 1);
  for (let b = 0; b < counts.length; b++) {
    started[b + 1] = started[b]! + starts[b]!;
    ended[b + 1] = ended[b]! + ends[b]!;
  }
  return runs.map(([first, last]) => ({
    lane,
    first,
    last,
    from: from + first * width,
    to: from + (last + 1) * width,
    count: started[last + 1]! - ended[first]!,
  }));
}

/**
 * Each lane's counts per bucket of the events not drawn one by one, and its dense runs: the
 * database's first- and last-bucket histograms (`counts`) less those of the events `placed`, run
 * through the buckets (`buckets` of `width` from `from`). `dense` lists the lanes with any count.
 */
export function laneDensity(
  counts: CountsAnswer,
  placed: { readonly starts: Map<number, Int32Array>; readonly ends: Map<number, Int32Array> },
  lanes: readonly number[],
  { from, width, buckets }: { readonly from: number; readonly width: number; readonly buckets: number },
): { density: LaneDensity[]; regions: DenseRegion[]; dense: number[] } {
  const starts = histograms(counts.starts, buckets);
  const ends = histograms(counts.ends, buckets);
  const density: LaneDensity[] = [];
  const regions: DenseRegion[] = [];
  const dense: number[] = [];
  for (const lane of lanes) {
    const s = subtract(starts.get(lane), placed.starts.get(lane), buckets);
    const e = subtract(ends.get(lane), placed.ends.get(lane), buckets);
    const laneCounts = new Uint32Array(buckets);
    let open = 0;
    let any = false;
    for (let b = 0; b < buckets; b++) {
      open += s[b]!;
      // Counts from bins (a wide view) may put a drawn event's end a bucket before its own.
      laneCounts[b] = Math.max(0, open);
      if (open) any = true;
      open -= e[b]!;
    }
    density.push({ lane, counts: laneCounts });
    if (any) dense.push(lane);
    regions.push(...runsOf(lane, laneCounts, s, e, from, width));
  }
  return { density, regions, dense };
}
