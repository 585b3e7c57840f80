/**
 * What ran in each long task of a CPU profile written by `scripts/bench/duckdb-wasm.mjs
 * --cpu-profile <file>`: for each task over 50 ms the page observed (`<file>.long.json`), the
 * functions the profile sampled during it, by self time and by time including their callees.
 *
 *   node scripts/bench/long-tasks.mjs <file> [--top 12]
 *
 * The profile's samples are put on the page's clock by the time it started (taken in the page
 * just before): a task's edges are right to within a sample or two. A minified page names its
 * functions by their minified names, with line and column in the chunk.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '12' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: node scripts/bench/long-tasks.mjs <profile> [--top 12]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const { at, long } = JSON.parse(readFileSync(`${file}.long.json`, 'utf8'));
const top = Number(values.top);

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const name = ({ functionName, url, lineNumber, columnNumber }) =>
  `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}:${columnNumber}`;

// Each sample's time on the page's clock, and the time until the next (what it stands for).
const times = [];
let t = 0;
for (const delta of profile.timeDeltas) times.push((t += delta) / 1000 + at);

const table = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${key}`)
    .join('\n');

for (const [start, duration] of long) {
  if (start < at) continue;
  const self = new Map();
  const total = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < start || times[i] > start + duration) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = nodes.get(profile.samples[i]);
    self.set(name(node.callFrame), (self.get(name(node.callFrame)) ?? 0) + ms);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parents.get(id)) {
      const key = name(nodes.get(id).callFrame);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
      seen.add(key);
    }
  }
  console.log(`long task ${Math.round(start - at)} ms after the profile began, ${Math.round(duration)} ms`);
  console.log(`self:\n${table(self)}\nincluding callees:\n${table(total)}\n`);
}
