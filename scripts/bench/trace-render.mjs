/**
 * Main-thread CPU time of `<reel-timeline>`'s first render (the bench's "first render": from
 * `el.data = …` until drawn plus two frames), from Chromium traces rather than wall time: on a
 * shared machine the renderer is descheduled often, and a trace's thread time (`tdur`) counts only
 * what the main thread ran. Prints per run the wall time, the main thread's CPU in the render's
 * tasks, and that CPU split into script, style, layout, paint and the rest, plus any style or
 * layout forced from script (a recalc nested in a script call).
 *
 *   pnpm build && node scripts/bench/trace-render.mjs [--n 1000] [--reps 5] [--pages a,b]
 *
 * `--pages` takes folders of built bench pages (each holding `reeltime/index.html`, e.g. one kept
 * from before a change and one built now) and alternates between them run by run, so the two are
 * measured under the same load. Without it, the shipped bundle's page is built into
 * `reports/bench/trace-render/pages` (`--no-build` keeps the one there). Medians at the end.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { alternate } from './alternate.mjs';
import { buildProfilePage, openProfilePage } from './profile-page.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    reps: { type: 'string', default: '5' },
    pages: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    tasks: { type: 'boolean', default: false },
  },
});
const root = fileURLToPath(new URL('../..', import.meta.url));
let folders = values.pages?.split(',');
if (!folders) {
  const out = `${root}/reports/bench/trace-render`;
  if (!values['no-build']) await buildProfilePage({ root, out, bundle: true });
  folders = [`${out}/pages`];
}
await alternate(folders, { reps: Number(values.reps), run, line });

function line(r) {
  return (
    `wall ${r.wall.toFixed(0)} ms, main CPU ${r.cpu.toFixed(1)} ms, of it the update's task ${r.update.toFixed(1)} (script ${r.script.toFixed(1)}, ` +
    `style ${r.style.toFixed(1)}, layout ${r.layout.toFixed(1)}, paint+commit ${r.paint.toFixed(1)}, ` +
    `gc ${r.gc.toFixed(1)}, other ${r.other.toFixed(1)}), forced style/layout in script ${r.forced.toFixed(1)} ms ` +
    `(${r.forcedCount})`
  );
}

async function run(url) {
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const { page } = await openProfilePage(browser, url, Number(values.n));
    await page.evaluate(() => window.bench.nextFrame());
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute'],
    });
    const wall = await page.evaluate(async () => {
      console.timeStamp('reel-render-start');
      const ms = await window.bench.render();
      console.timeStamp('reel-render-end');
      return ms;
    });
    const trace = JSON.parse((await browser.stopTracing()).toString());
    return { wall, ...summarise(trace.traceEvents) };
  } finally {
    await browser.close();
  }
}

/** The main thread's CPU (thread time) in the tasks between the two time stamps, split by kind. */
function summarise(events) {
  const stamp = (name) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === name);
  const start = stamp('reel-render-start');
  const end = stamp('reel-render-end');
  const thread = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.dur >= 0);
  thread.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = thread.filter(
    (e) =>
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts + e.dur > start.ts && e.ts < end.ts,
  );
  // Top-level tasks only (a task can nest another).
  const top = [];
  for (const task of tasks) if (!top.length || task.ts >= top.at(-1).ts + top.at(-1).dur) top.push(task);
  const cpu = top.reduce((sum, task) => sum + (task.tdur ?? task.dur), 0) / 1000;
  // The task that sets the data runs the element's one update (the rest are frames and idle work).
  const first = top.find((task) => task.ts <= start.ts && start.ts <= task.ts + task.dur);
  const update = (first?.tdur ?? first?.dur ?? 0) / 1000;
  const kinds = {
    script: [
      'FunctionCall',
      'EvaluateScript',
      'RunMicrotasks',
      'v8.run',
      'TimerFire',
      'FireAnimationFrame',
      'v8.evaluateModule',
    ],
    style: ['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation'],
    layout: ['Layout'],
    paint: ['Paint', 'PrePaint', 'Layerize', 'Commit', 'CompositeLayers', 'UpdateLayer', 'PaintImage', 'RasterTask'],
    gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase'],
  };
  const kindOf = new Map(Object.entries(kinds).flatMap(([kind, names]) => names.map((name) => [name, kind])));
  const totals = { script: 0, style: 0, layout: 0, paint: 0, gc: 0 };
  let forced = 0;
  let forcedCount = 0;
  // Walk each task's events as a stack: a kind's time is counted at its outermost event; style and
  // layout inside script are counted as style/layout (subtracted from script) and as forced.
  for (const task of top) {
    const inside = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const stack = [];
    for (const e of inside) {
      while (stack.length && e.ts >= stack.at(-1).ts + stack.at(-1).dur) stack.pop();
      const kind = kindOf.get(e.name);
      if (kind) {
        const outer = stack.findLast((s) => kindOf.has(s.name));
        const outerKind = outer && kindOf.get(outer.name);
        const t = (e.tdur ?? e.dur) / 1000;
        if (!outer) totals[kind] += t;
        else if (outerKind === 'script' && kind !== 'script') {
          totals[kind] += t;
          totals.script -= t;
          if (kind === 'style' || kind === 'layout') {
            forced += t;
            forcedCount++;
          }
        }
      }
      stack.push(e);
    }
  }
  if (values.tasks)
    for (const task of top) {
      const inside = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
      const names = [
        ...new Set(inside.filter((e) => e.dur > 500).map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)}`)),
      ];
      console.log(
        `  task at ${((task.ts - start.ts) / 1000).toFixed(1)} ms: ${(task.dur / 1000).toFixed(1)} ms wall, ` +
          `${((task.tdur ?? task.dur) / 1000).toFixed(1)} ms CPU: ${names.slice(0, 8).join(', ')}`,
      );
    }
  const known = Object.values(totals).reduce((a, b) => a + b, 0);
  return { cpu, update, ...totals, other: cpu - known, forced, forcedCount };
}
