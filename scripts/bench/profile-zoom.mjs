/**
 * What one wheel-zoom frame costs `<reel-timeline>`, counted rather than timed (the machine may be
 * loaded): the bench's reeltime page and workload, the same 60 trusted wheel steps as the driver,
 * and per step the Lit updates, template instances cloned, DOM mutations (a MutationObserver on the
 * shadow root), canvas repaints, style recalcs and layouts (CDP `Performance.getMetrics`), plus a
 * CPU profile of the steps (CDP `Profiler`), summarised by self time per function.
 *
 *   pnpm build && node scripts/bench/profile-zoom.mjs [--n 10000] [--steps 60] [--no-build] [--cpuprofile out.cpuprofile]
 *
 * Counts are per wheel step (averaged over the steps); CPU times are the profile's sampled self
 * times, which a loaded machine stretches but does not reorder much.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { buildProfilePage, openProfilePage, servePage } from './profile-page.mjs';
import { wheelSteps } from './driver.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    steps: { type: 'string', default: '60' },
    'no-build': { type: 'boolean', default: false },
    cpuprofile: { type: 'string' },
    top: { type: 'string', default: '25' },
    trace: { type: 'boolean', default: false },
  },
});
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}/reports/bench/profile`;
if (!values['no-build']) await buildProfilePage({ root, out });
const { server, pageUrl } = await servePage(out);

const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
try {
  const { page, cdp } = await openProfilePage(browser, pageUrl, Number(values.n));
  await page.evaluate(() => window.bench.render());

  // Counters, installed after the first render so they see only the zoom.
  await page.evaluate(() => {
    const el = document.querySelector('reel-timeline');
    const counts = {
      updates: 0,
      importNode: 0,
      templates: {},
      clearRect: 0,
      fillRect: 0,
      records: {},
      added: 0,
      removed: 0,
    };
    const update = el.update;
    el.update = function (...args) {
      counts.updates++;
      return update.apply(this, args);
    };
    const importNode = Document.prototype.importNode;
    Document.prototype.importNode = function (...args) {
      counts.importNode++;
      // Which template: its first element's tag and class.
      const first = args[0]?.firstElementChild ?? args[0]?.firstChild;
      const name = first ? `${first.nodeName}.${first.getAttribute?.('class') ?? ''}` : '?';
      counts.templates[name] = (counts.templates[name] ?? 0) + 1;
      return importNode.apply(this, args);
    };
    const proto = CanvasRenderingContext2D.prototype;
    for (const name of ['clearRect', 'fillRect']) {
      const original = proto[name];
      proto[name] = function (...args) {
        counts[name]++;
        return original.apply(this, args);
      };
    }
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const key = record.type === 'attributes' ? `attr:${record.attributeName}` : record.type;
        counts.records[key] = (counts.records[key] ?? 0) + 1;
        counts.added += record.addedNodes.length;
        counts.removed += record.removedNodes.length;
      }
    });
    observer.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    window.zoomCounts = () => {
      for (const record of observer.takeRecords()) {
        const key = record.type === 'attributes' ? `attr:${record.attributeName}` : record.type;
        counts.records[key] = (counts.records[key] ?? 0) + 1;
        counts.added += record.addedNodes.length;
        counts.removed += record.removedNodes.length;
      }
      return counts;
    };
  });

  const point = await page.evaluate(() => window.bench.wheelPoint());
  const before = await page.evaluate(() => window.bench.visibleRange());
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: point.x, y: point.y });
  // As the driver does: the first pointer over the plot loads d3-zoom's chunk, and wheel steps
  // before it arrives would not zoom at all.
  await page.evaluate(() => window.bench.pointerReady());
  await page.evaluate(() => window.bench.nextFrame());
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const m0 = await metrics();
  if (values.trace)
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  else await cdp.send('Profiler.start');
  const steps = Number(values.steps);
  await wheelSteps(page, cdp, point, steps);
  const trace = values.trace ? JSON.parse((await browser.stopTracing()).toString()) : undefined;
  const profile = values.trace ? undefined : (await cdp.send('Profiler.stop')).profile;
  const m1 = await metrics();
  const after = await page.evaluate(() => window.bench.visibleRange());
  const counts = await page.evaluate(() => window.zoomCounts());
  const dom = await page.evaluate(() => window.bench.countNodes());
  if (values.cpuprofile && profile) writeFileSync(values.cpuprofile, JSON.stringify(profile));

  const per = (value) => (value / steps).toFixed(1);
  const delta = (name) => m1[name] - m0[name];
  console.log(`N = ${values.n}, ${steps} wheel steps, load average ${os.loadavg()[0].toFixed(2)}`);
  console.log(
    `zoom reached ${((before.to - before.from) / (after.to - after.from)).toFixed(1)}×, DOM ${dom.elements} elements`,
  );
  console.log('per step:');
  console.log(`  Lit updates            ${per(counts.updates)}`);
  console.log(`  template clones        ${per(counts.importNode)} (document.importNode)`);
  const templates = Object.entries(counts.templates)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  console.log(`    by template          ${templates.map(([k, v]) => `${k} ${per(v)}`).join(', ')}`);
  console.log(`  nodes added / removed  ${per(counts.added)} / ${per(counts.removed)}`);
  const records = Object.entries(counts.records).sort((a, b) => b[1] - a[1]);
  console.log(`  mutation records       ${records.map(([k, v]) => `${k} ${per(v)}`).join(', ')}`);
  console.log(`  canvas clearRect/fillRect ${per(counts.clearRect)} / ${per(counts.fillRect)}`);
  console.log(
    `  style recalcs          ${per(delta('RecalcStyleCount'))} (${per(delta('RecalcStyleDuration') * 1000)} ms)`,
  );
  console.log(`  layouts                ${per(delta('LayoutCount'))} (${per(delta('LayoutDuration') * 1000)} ms)`);
  console.log(`  script                 ${per(delta('ScriptDuration') * 1000)} ms`);
  console.log(`  task                   ${per(delta('TaskDuration') * 1000)} ms`);

  if (trace) {
    summariseTrace(trace.traceEvents, steps);
    process.exit(0);
  }
  // Self time per function (and per URL for native/GC entries), from the sampled profile.
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  let total = 0;
  for (const [id, us] of dt) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)' || callFrame.functionName === '(program)') continue;
    const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber}:${callFrame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  }
  // Inclusive time of the parts of an update, and placement (LevelBuilder.step) in and out of updates.
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const parts = ['performUpdate', 'willUpdate', 'computeFrame', 'query', 'render', 'updated', 'paintDensity', 'step'];
  const inclusive = Object.fromEntries(parts.map((name) => [name, 0]));
  let stepInUpdate = 0;
  for (const [id, us] of dt) {
    const names = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) names.add(byId.get(at).callFrame.functionName);
    for (const name of parts) if (names.has(name)) inclusive[name] += us;
    if (names.has('step') && names.has('performUpdate')) stepInUpdate += us;
  }
  console.log(
    `inclusive per step (ms): ${parts.map((name) => `${name} ${(inclusive[name] / 1000 / steps).toFixed(2)}`).join(', ')}; ` +
      `placement inside updates ${(stepInUpdate / 1000 / steps).toFixed(2)}`,
  );
  console.log(
    `CPU profile: ${(total / 1000 / steps).toFixed(2)} ms busy per step (sampled self time, idle and (program) excluded); top:`,
  );
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(
      `  ${(us / 1000 / steps).toFixed(3).padStart(7)} ms  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${key}`,
    );
} finally {
  await browser.close();
  server.close();
}

/**
 * Trace events summed by name per thread (complete events' own durations; nested events are also
 * counted in their parents), per wheel step, for the renderer's threads.
 */
function summariseTrace(events, steps) {
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = threads.get(`${e.pid}:${e.tid}`) ?? '?';
    if (!/CrRendererMain|Compositor|Raster/i.test(thread)) continue;
    const key = `${thread.replace(/\d+$/, '')} ${e.name}`;
    const sum = sums.get(key) ?? { us: 0, count: 0 };
    sum.us += e.dur;
    sum.count++;
    sums.set(key, sum);
  }
  console.log('trace, per step (ms; count):');
  for (const [key, { us, count }] of [...sums].sort((a, b) => b[1].us - a[1].us).slice(0, 30))
    console.log(`  ${(us / 1000 / steps).toFixed(2).padStart(7)}  ${(count / steps).toFixed(1).padStart(6)}  ${key}`);
}
