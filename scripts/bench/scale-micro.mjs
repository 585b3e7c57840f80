// A micro-benchmark of what the time coordinate costs where time meets pixels (issue 17): the scale
// (map N positions, invert, rescale as a zoom frame does) and the ticks of a zoom sequence, for a
// linear axis over a century, a linear axis over deep time (13.8 billion years) and the log
// "years ago" axis over the same; d3-scale's scaleLinear as the reference; and the sources' first
// answer (placement) with and without the warp. Node only, one core, a few seconds: not `pnpm bench`.
// Usage (after `pnpm build`): node scripts/bench/scale-micro.mjs [--sizes 10000,1000000] [--reps 5]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { scaleLinear } from '../../packages/core/node_modules/d3-scale/dist/d3-scale.mjs';
import {
  axisTicks,
  coordOf,
  createTimeScale,
  logAgoTicks,
  logAgoWarp,
  MemorySource,
  parseDataset,
  viewDomain,
  warpedDomain,
  WarpedSource,
} from '../../packages/core/dist/index.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,1000000' }, reps: { type: 'string', default: '5' } },
});
const sizes = values.sizes.split(',').map(Number);
const reps = Number(values.reps);
const YEAR = 365.2425 * 864e5;
const NOW = coordOf(2026);
const WIDTH = 1280;

/** Median of `reps` timings of `fn`, in ms (after one warm-up). */
function time(fn) {
  fn();
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
}

/** A deterministic PRNG (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const warp = logAgoWarp(NOW);
const axes = {
  'linear, a century': {
    domain: [coordOf(1926), NOW],
    positions: (rnd) => coordOf(1926) + rnd() * (NOW - coordOf(1926)),
  },
  'linear, deep time': {
    domain: viewDomain([NOW - 13.8e9 * YEAR, NOW], { now: NOW }),
    // Log-spread ages, as a cosmos-to-today dataset has them.
    positions: (rnd) => NOW - 10 ** (rnd() * 10.14) * YEAR,
  },
  'log, deep time': {
    domain: warpedDomain(warp, [NOW - 13.8e9 * YEAR, NOW]),
    positions: (rnd) => NOW - 10 ** (rnd() * 10.14) * YEAR,
    warp,
  },
};

const rows = [];
for (const n of sizes) {
  for (const [name, axis] of Object.entries(axes)) {
    const rnd = random(1);
    const ts = Float64Array.from({ length: n }, () => axis.positions(rnd));
    const xs = new Float64Array(n);
    const scale = createTimeScale(axis.domain, [0, WIDTH], axis.warp);
    const map = time(() => {
      for (let i = 0; i < n; i++) xs[i] = scale(ts[i]);
    });
    const invert = time(() => {
      for (let i = 0; i < n; i++) xs[i] = scale.invert(i % WIDTH);
    });
    let d3map;
    if (!axis.warp) {
      const d3 = scaleLinear().domain(axis.domain).range([0, WIDTH]);
      d3map = time(() => {
        for (let i = 0; i < n; i++) xs[i] = d3(ts[i]);
      });
    }
    rows.push({ n, axis: name, 'map (ms)': map, 'd3 map (ms)': d3map, 'invert (ms)': invert });
  }
}

// A zoom sequence of 40 frames from the whole span into the newest tenth, by a factor of 1.5 a frame:
// per frame, the view's scale (d3-zoom's rescaleX: copy, domain from the inverted range) and ticks.
const frames = [];
for (const [name, axis] of Object.entries(axes)) {
  const base = createTimeScale(axis.domain, [0, WIDTH], axis.warp);
  const views = [];
  for (let k = 1, i = 0; i < 40; i++, k *= 1.5) {
    const x0 = WIDTH * 0.9 - (WIDTH * 0.9) / k;
    views.push([x0, x0 + WIDTH / k]);
  }
  let labels = 0;
  const rescale = time(() => {
    for (const [a, b] of views) base.copy().domain([a, b].map(base.invert));
  });
  const ticks = time(() => {
    labels = 0;
    for (const [a, b] of views) {
      const domain = [a, b].map(base.invert);
      const t = axis.warp
        ? logAgoTicks(domain, WIDTH, axis.warp, { locale: 'en-US' })
        : axisTicks(domain, WIDTH, { locale: 'en-US' });
      labels += t.minor.length + t.major.length;
    }
  });
  frames.push({
    axis: name,
    'rescale / frame (µs)': (rescale / views.length) * 1000,
    'ticks / frame (µs)': (ticks / views.length) * 1000,
    'labels / frame': labels / views.length,
  });
}

// The sources' first answer over the whole view (placement at that level), with and without the warp.
const sources = [];
for (const n of sizes.map((s) => Math.min(s, 100_000))) {
  const rnd = random(2);
  const events = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    title: `Event ${i}`,
    start: { ago: Math.round(10 ** (rnd() * 10.14)) },
  }));
  const dataset = parseDataset({ title: 'bench', events }).dataset;
  const layout = { measure: (text) => text.length * 7 };
  const linear = time(() => {
    const source = new MemorySource(dataset);
    source.query({ from: axes['linear, deep time'].domain[0], to: NOW, pixels: WIDTH, layout });
  });
  const log = time(() => {
    const source = new WarpedSource(dataset, warp);
    source.query({ from: axes['log, deep time'].domain[0], to: NOW, pixels: WIDTH, layout });
  });
  sources.push({ n, 'MemorySource, linear (ms)': linear, 'WarpedSource, log (ms)': log });
}

const round = (rows) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(2)) : v,
      ]),
    ),
  );
console.log(`Node ${process.version}, median of ${reps} runs`);
console.table(round(rows));
console.table(round(frames));
console.table(round(sources));
