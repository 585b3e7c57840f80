/**
 * Where `<reel-timeline>`'s first render goes (the bench's "first render": from `el.data = …` until
 * drawn plus two frames), counted and profiled rather than only timed: the bench's reeltime page and
 * workload, and during the render the chunk fetches (each with its start and end relative to the
 * render's start), the Lit updates of every reeltime element (with when each ran), style recalcs
 * and layouts (CDP `Performance.getMetrics`), DOM elements, and a CPU profile by self time.
 *
 *   pnpm build && node scripts/bench/profile-render.mjs [--n 1000] [--reps 3] [--bundle] [--no-build]
 *
 * `--bundle` profiles the shipped, minified `dist/reeltime.bundle.js` (its chunk layout is the
 * bench's); without it the page is built unminified from `dist/bundle.js` so the profile names
 * functions (its chunks differ). The first rep builds the page; each rep is a fresh browser.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { buildProfilePage, openProfilePage, servePage } from './profile-page.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    reps: { type: 'string', default: '1' },
    bundle: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    cpuprofile: { type: 'string' },
    top: { type: 'string', default: '20' },
  },
});
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}/reports/bench/profile-render`;
if (!values['no-build']) await buildProfilePage({ root, out, bundle: values.bundle });
const { server, pageUrl } = await servePage(out);

const reps = Number(values.reps);
const totals = [];
for (let rep = 0; rep < reps; rep++) totals.push(await run(rep === reps - 1));
console.log(
  `render ms per rep: ${totals.map((t) => t.toFixed(0)).join(', ')}; load average ${os.loadavg()[0].toFixed(2)}`,
);
server.close();

async function run(report) {
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const { page, cdp } = await openProfilePage(browser, pageUrl, Number(values.n));
    // Counters: Lit updates per element (patched on each reeltime class), fetches by resource timing.
    await page.evaluate(() => {
      const log = [];
      window.renderLog = log;
      window.renderT0 = 0;
      const patched = new Set();
      const patch = (el) => {
        const proto = Object.getPrototypeOf(el);
        if (patched.has(proto) || typeof proto.performUpdate !== 'function') return;
        patched.add(proto);
        const performUpdate = proto.performUpdate;
        proto.performUpdate = function (...args) {
          const t = performance.now();
          const result = performUpdate.apply(this, args);
          log.push({ tag: this.localName, at: t - window.renderT0, ms: performance.now() - t, why: this.__why });
          this.__why = undefined;
          return result;
        };
        // Who asked for each update: the first caller of requestUpdate after the last update.
        const requestUpdate = proto.requestUpdate;
        proto.requestUpdate = function (...args) {
          if (window.renderT0 && this.__why === undefined)
            this.__why = `${String(args[0] ?? '')} ${new Error().stack
              .split('\n')
              .slice(2, 6)
              .map((l) => l.trim().replace(/\(.*\//, '('))
              .join(' < ')}`;
          return requestUpdate.apply(this, args);
        };
      };
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.localName.startsWith('reel-')) patch(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      window.patchReel = () => walk(document);
    });
    await cdp.send('Performance.enable');
    const metrics = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const m0 = await metrics();
    await cdp.send('Profiler.start');
    const result = await page.evaluate(async () => {
      performance.clearResourceTimings();
      window.renderLog.length = 0;
      window.renderT0 = performance.now();
      const ms = await window.bench.render();
      const t0 = window.renderT0;
      const fetches = performance
        .getEntriesByType('resource')
        .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime - t0, end: e.responseEnd - t0 }));
      return { ms, fetches };
    });
    const { profile } = await cdp.send('Profiler.stop');
    const m1 = await metrics();
    const log = await page.evaluate(() => window.renderLog);
    const dom = await page.evaluate(() => window.bench.countNodes());
    if (!report) return result.ms;
    if (values.cpuprofile) writeFileSync(values.cpuprofile, JSON.stringify(profile));
    const delta = (name) => m1[name] - m0[name];
    console.log(`N = ${values.n}, first render ${result.ms.toFixed(0)} ms, load average ${os.loadavg()[0].toFixed(2)}`);
    console.log(`DOM ${dom.elements} elements, ${dom.nodes} nodes`);
    console.log(`fetches during the render (${result.fetches.length}):`);
    for (const f of result.fetches)
      console.log(`  ${f.start.toFixed(1).padStart(7)} → ${f.end.toFixed(1).padStart(7)} ms  ${f.name}`);
    console.log(`Lit updates (${log.length}; reel-timeline only until the page patched it: counts those seen):`);
    for (const u of log)
      console.log(
        `  at ${u.at.toFixed(1).padStart(7)} ms  ${u.ms.toFixed(1).padStart(6)} ms  ${u.tag}  ← ${u.why ?? '?'}`,
      );
    console.log(
      `style recalcs ${delta('RecalcStyleCount')} (${(delta('RecalcStyleDuration') * 1000).toFixed(1)} ms), ` +
        `layouts ${delta('LayoutCount')} (${(delta('LayoutDuration') * 1000).toFixed(1)} ms), ` +
        `script ${(delta('ScriptDuration') * 1000).toFixed(1)} ms, task ${(delta('TaskDuration') * 1000).toFixed(1)} ms`,
    );
    summariseProfile(profile);
    return result.ms;
  } finally {
    await browser.close();
  }
}

/** Self time per function, and inclusive time of a few named phases. */
function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const self = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of dt) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  }
  const parts = [
    'performUpdate',
    'willUpdate',
    'update',
    'render',
    'updated',
    'firstUpdated',
    'parseDataset',
    'query',
    'measure',
    'paintDensity',
    'step',
    'importNode',
    '_$setValue',
    '(garbage collector)',
  ];
  const inclusive = Object.fromEntries(parts.map((name) => [name, 0]));
  for (const [id, us] of dt) {
    const names = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) names.add(byId.get(at).callFrame.functionName);
    for (const name of parts) if (names.has(name)) inclusive[name] += us;
  }
  console.log(
    `CPU profile: ${(total / 1000).toFixed(1)} ms busy, ${(idle / 1000).toFixed(1)} ms idle; inclusive (ms): ` +
      parts.map((name) => `${name} ${(inclusive[name] / 1000).toFixed(1)}`).join(', '),
  );
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(`  ${(us / 1000).toFixed(2).padStart(7)} ms  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}
