/**
 * The benchmark workload: N events in 8 lanes between 2019-01-01 and 2024-12-31, a share of them
 * ranges of 1–90 days, the rest single days. Generated from a seeded PRNG, so Node and every
 * library's page produce the same events; `workloadHash` lets the driver check that they did.
 *
 * Plain ESM with no Node or DOM imports: the pages bundle this same file.
 */

/** Defaults for the generator; the CLI can override `seed` and `rangeShare`. */
export const WORKLOAD_DEFAULTS = Object.freeze({ seed: 1, rangeShare: 0.3, laneCount: 8, minDays: 1, maxDays: 90 });

/** First day of the workload (UTC midnight, ms). */
export const FIRST_DAY_MS = Date.UTC(2019, 0, 1);
/** Number of days from 2019-01-01 to 2024-12-31 inclusive. */
export const DAY_COUNT = Math.round((Date.UTC(2024, 11, 31) - FIRST_DAY_MS) / 86_400_000) + 1;

const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seedable PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates the workload in columns (cheap at 1M events; each page turns it into its library's
 * own input). Days are counted from 2019-01-01; `end[i]` is -1 for a single-day event.
 * @param {{ n: number, seed?: number, rangeShare?: number, laneCount?: number }} params
 */
export function generateWorkload(params) {
  const { n, seed, rangeShare, laneCount, minDays, maxDays } = { ...WORKLOAD_DEFAULTS, ...params };
  const random = mulberry32(seed);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const lane = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lane[i] = Math.floor(random() * laneCount);
    if (random() < rangeShare) {
      const days = minDays + Math.floor(random() * (maxDays - minDays + 1));
      start[i] = Math.floor(random() * (DAY_COUNT - days));
      end[i] = start[i] + days;
    } else {
      start[i] = Math.floor(random() * DAY_COUNT);
      end[i] = -1;
    }
  }
  const lanes = Array.from({ length: laneCount }, (_, i) => ({ id: `lane-${i + 1}`, label: `Lane ${i + 1}` }));
  return { n, seed, rangeShare, lanes, start, end, lane };
}

/** Id and title of event `i`. */
export const eventId = (i) => `e${i}`;
export const eventTitle = (i) => `Event ${i}`;

/** UTC midnight (ms) of a workload day. */
export const dayToMs = (day) => FIRST_DAY_MS + day * DAY_MS;

let isoDays;
/** `YYYY-MM-DD` of a workload day (a lookup table: 2,192 strings instead of a million Date objects). */
export function dayToIso(day) {
  isoDays ??= Array.from({ length: DAY_COUNT }, (_, d) => new Date(dayToMs(d)).toISOString().slice(0, 10));
  return isoDays[day];
}

/** The time extent of the workload in ms: [first start, last end]. */
export function workloadExtent(workload) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < workload.n; i++) {
    min = Math.min(min, workload.start[i]);
    max = Math.max(max, workload.end[i] < 0 ? workload.start[i] : workload.end[i]);
  }
  return { from: dayToMs(min), to: dayToMs(max + 1) };
}

/** FNV-1a (32 bit) over every event's start, end and lane: equal hashes mean equal workloads. */
export function workloadHash(workload) {
  let h = 0x811c9dc5;
  const mix = (value) => {
    for (let shift = 0; shift < 32; shift += 8) {
      h ^= (value >>> shift) & 0xff;
      h = Math.imul(h, 0x01000193);
    }
  };
  mix(workload.n);
  for (let i = 0; i < workload.n; i++) {
    mix(workload.start[i]);
    mix(workload.end[i]);
    mix(workload.lane[i]);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The workload as reeltime's dataset input (what its bench page hands to the element and what
 * profile-load.mjs parses): `YYYY-MM-DD` strings, lanes by id.
 */
export function reeltimeDataset(workload) {
  const events = new Array(workload.n);
  for (let i = 0; i < workload.n; i++) {
    const event = {
      id: eventId(i),
      title: eventTitle(i),
      start: dayToIso(workload.start[i]),
      lane: workload.lanes[workload.lane[i]].id,
    };
    if (workload.end[i] >= 0) event.end = dayToIso(workload.end[i]);
    events[i] = event;
  }
  return { title: 'Benchmark', lanes: workload.lanes.map((lane) => ({ ...lane })), events };
}
