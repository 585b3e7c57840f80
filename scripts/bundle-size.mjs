#!/usr/bin/env node
/**
 * What `packages/timeline/dist/reeltime.bundle.js` is made of: every byte of the minified bundle is
 * attributed, through its source map, to the package (or, for reeltime's own code, the file) it
 * came from; each share is shown minified and gzipped on its own (zlib level 9; shares compress
 * worse alone than together, so they add up to more than the total). Run after `pnpm build`:
 *
 *   pnpm bundle-size            # by package, our own code by folder
 *   pnpm bundle-size --files    # our own code file by file
 *
 * The budget itself is checked by packages/timeline/test/embed.e2e.test.ts (docs/decisions/bundle-size.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const file = fileURLToPath(new URL('../packages/timeline/dist/reeltime.bundle.js', import.meta.url));
const byFile = process.argv.includes('--files');
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Decodes one line of source-map mappings into [generated column, source index] pairs. */
function* segments(line, state) {
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0];
    if (values.length > 1) state.source += values[1];
    yield [column, values.length > 1 ? state.source : -1];
  }
}

/** The share a source belongs to: a package name, or our file (or folder) under packages/. */
function group(source) {
  if (source === undefined) return '(no source: the stylesheet, helpers)';
  const pkg = source.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const own = source.match(/(?:packages\/)?(core|timeline)?\/?(src|shims)\/(.*)$/);
  if (!own) return source;
  const where = `${own[1] ?? 'timeline'}/${own[2]}/`;
  return where + (byFile ? own[3] : own[3].split('/').slice(0, -1).join('/') || own[3]);
}

// A segment owns the generated text up to the next segment, across lines (multi-line literals).
const text = new Map();
const lines = code.split('\n');
const state = { source: 0 };
let owner = group(undefined);
let from = [0, 0];
const take = (to) => {
  let slice = '';
  for (let line = from[0]; line <= to[0]; line++) {
    const start = line === from[0] ? from[1] : 0;
    const end = line === to[0] ? to[1] : lines[line].length + 1;
    slice += `${lines[line]}\n`.slice(start, end);
  }
  text.set(owner, (text.get(owner) ?? '') + slice);
};
map.mappings.split(';').forEach((mappings, line) => {
  for (const [column, source] of segments(mappings, state)) {
    take([line, column]);
    owner = group(source < 0 ? undefined : map.sources[source]);
    from = [line, column];
  }
});
take([lines.length - 1, lines.at(-1).length]);

const rows = [...text]
  .map(([name, slice]) => ({ name, min: Buffer.byteLength(slice), gz: gzipSync(slice, { level: 9 }).length }))
  .sort((a, b) => b.min - a.min);
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(6);
console.log(`${'min KB'.padStart(6)} ${'gz KB'.padStart(6)}  share`);
for (const row of rows) console.log(`${kb(row.min)} ${kb(row.gz)}  ${row.name}`);
const total = Buffer.byteLength(code);
console.log(`${kb(total)} ${kb(gzipSync(code, { level: 9 }).length)}  total (budget and target: 35.0 KB min+gz)`);
// What a page fetches before the element runs: the entry and the chunks it imports statically
// (rolldown splits core's dates out of it, see the decision record's eleventh round).
const imported = [...code.matchAll(/\bimport\s*(?:[\w{},*\s$]*from\s*)?["'](\.[^"']+\.js)["']/g)].map(([, path]) =>
  readFileSync(fileURLToPath(new URL(path, `file://${file}`))),
);
for (const chunk of imported) {
  const name = String(chunk).match(/sourceMappingURL=(\S+)\.map/)?.[1] ?? 'chunk';
  console.log(`${kb(chunk.length)} ${kb(gzipSync(chunk, { level: 9 }).length)}  + ${name}, imported statically`);
}
const first = [Buffer.from(code), ...imported].reduce((sum, part) => sum + gzipSync(part, { level: 9 }).length, 0);
console.log(
  `${''.padStart(6)} ${kb(first)}  first load: the entry and its static imports, each gzipped (budget: 39.55 KB)`,
);
