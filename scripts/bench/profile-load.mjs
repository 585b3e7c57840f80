/**
 * Times the path `<reel-timeline>` runs when it is handed data, in Node: the benchmark's dataset
 * (the same object reeltime's bench page builds) → `parseDataset` → `new MemorySource` → the first
 * query (the first level of detail is placed there) → a second query. Reports the heap after a GC.
 *
 *   pnpm --filter @reeltime/core build
 *   node --expose-gc scripts/bench/profile-load.mjs [--n 1000000] [--reps 1]
 *   node --expose-gc --cpu-prof --cpu-prof-dir=reports/prof scripts/bench/profile-load.mjs
 *
 * It reads `packages/core/dist` (Node cannot import the TypeScript sources without a loader).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createTextMeasurer, MemorySource, parseDataset, viewDomain } from '../../packages/core/dist/index.js';
import { generateWorkload, reeltimeDataset } from './workload.mjs';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000000' }, reps: { type: 'string', default: '1' } },
});
const n = Number(values.n);
const reps = Number(values.reps);

const gc = globalThis.gc ?? (() => {});
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
/** Wall time, and the process's CPU time (less noisy on a shared machine; it counts GC threads too). */
const time = (label, run) => {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const value = run();
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0).toFixed(0).padStart(6);
  console.log(`${label.padEnd(14)} ${wall} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);
  return value;
};

for (let rep = 0; rep < reps; rep++) {
  let input = reeltimeDataset(generateWorkload({ n }));
  gc();
  const baseline = process.memoryUsage().heapUsed;
  console.log(`N = ${n}, input heap ${mb(baseline)}, load average ${os.loadavg()[0].toFixed(1)}`);
  const result = time('parse', () => parseDataset(input));
  console.log(`${''.padEnd(14)} ${result.dataset.events.length} events, ${result.problems.length} problems`);
  const source = time('MemorySource', () => new MemorySource(result.dataset));
  // The element's layout: label widths from a glyph table (a fixed width per glyph here).
  const layout = { measure: createTextMeasurer(() => 7) };
  const [from, to] = viewDomain(source.extent);
  const query = { from, to, pixels: 1200, layout };
  const first = time('first query', () => source.query(query));
  time('second query', () => source.query({ ...query, from: from + (to - from) / 4 }));
  console.log(`${''.padEnd(14)} level ${first.level}, ${first.items.length} items, total ${first.total}`);
  // The page drops its input when it hands it over; so does this.
  input = undefined;
  gc();
  const heap = process.memoryUsage().heapUsed;
  console.log(`heap after GC  ${mb(heap)} (model + source, input dropped)`);
  // Keep the model alive until after the measurement.
  if (source.size !== result.dataset.events.length) throw new Error('size mismatch');
}
