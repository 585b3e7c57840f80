/**
 * Turns raw runs into a summary per (library, N) — median and min–max over the successful reps —
 * and renders it as a Markdown report with the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Linear-interpolation quantile (q in [0, 1]) of numbers. */
export function quantile(values, q) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function stats(values) {
  if (!values.length) return undefined;
  return { median: quantile(values, 0.5), min: Math.min(...values), max: Math.max(...values), values };
}

/** The per-rep numbers the summary aggregates, from one successful run. */
function metricsOf(run) {
  const intervals = run.zoom.intervals;
  return {
    renderMs: run.renderMs,
    zoomP50Ms: quantile(intervals, 0.5),
    zoomP95Ms: quantile(intervals, 0.95),
    longTaskMs: run.zoom.longTasks.reduce((sum, duration) => sum + duration, 0),
    heapMB: run.heapBytes / 2 ** 20,
    domElementsFirstView: run.domFirstView.elements,
    domElements: run.dom.elements,
    domNodesFirstView: run.domFirstView.nodes,
    domNodes: run.dom.nodes,
    inkPixels: run.pixels.ink,
    zoomFactor: run.zoomFactor,
    // Wall time per wheel step (dispatch, handling, and the frame waited for after it).
    zoomStepMs: run.zoom.elapsed / run.zoom.steps,
  };
}

/** The table's columns: metric key and heading. */
export const METRICS = [
  ['renderMs', 'first render (ms)'],
  ['zoomP50Ms', 'zoom frame p50 (ms)'],
  ['zoomP95Ms', 'zoom frame p95 (ms)'],
  ['longTaskMs', 'long tasks during zoom (ms)'],
  ['heapMB', 'heap after zoom + GC (MB)'],
  ['domElementsFirstView', 'DOM elements, first view'],
  ['domElements', 'DOM elements, after zoom'],
  ['domNodesFirstView', 'all DOM nodes, first view'],
  ['domNodes', 'all DOM nodes, after zoom'],
  ['zoomFactor', 'zoom reached (×)'],
];
const COUNTS = new Set([
  'domElementsFirstView',
  'domElements',
  'domNodesFirstView',
  'domNodes',
  'inkPixels',
  'zoomFactor',
  'events',
  'longTasks',
]);

/** Adds each run's derived metrics and groups runs by (lib, N). */
export function summarize(runs, libs, sizes) {
  for (const run of runs) if (run.status === 'ok') run.metrics = metricsOf(run);
  const summary = [];
  for (const n of sizes) {
    for (const lib of libs) {
      const mine = runs.filter((run) => run.lib === lib && run.n === n);
      if (!mine.length) continue;
      const ok = mine.filter((run) => run.status === 'ok');
      const entry = {
        lib,
        n,
        runs: mine.length,
        ok: ok.length,
        status: ok.length === mine.length ? 'ok' : ok.length ? 'partial' : mine[0].status,
        problems: [...new Set(mine.filter((run) => run.status !== 'ok').map((run) => `${run.status}: ${run.reason}`))],
      };
      for (const key of [...METRICS.map(([k]) => k), 'inkPixels', 'zoomStepMs'])
        entry[key] = stats(ok.map((run) => run.metrics[key]));
      summary.push(entry);
    }
  }
  return summary;
}

/** The targets the dataset-file workload is read against. */
export const SRC_TARGET = { firstViewMs: 3000, longestFrameMs: 200 };

/** The per-rep numbers of a dataset-file run: everything after the first view counts. */
function datasetMetricsOf(run) {
  const { intervals, longTasks } = run.zoom;
  return {
    firstViewMs: run.firstViewMs,
    // From the first view to the end of the zoom: idle and background work, the screenshot, the steps.
    longestFrameMs: Math.max(...intervals),
    zoomP95Ms: quantile(intervals, 0.95),
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, duration) => sum + duration, 0),
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
    heapMB: run.heapBytes / 2 ** 20,
    domElementsFirstView: run.domFirstView.elements,
    domElements: run.dom.elements,
    zoomFactor: run.zoomFactor,
  };
}

/** The dataset-file columns: metric key and heading. */
export const DATASET_METRICS = [
  ['firstViewMs', 'first view (ms)'],
  ['longestFrameMs', 'longest frame after it (ms)'],
  ['zoomP95Ms', 'frame p95 (ms)'],
  ['longTasks', 'long tasks'],
  ['longTaskMs', 'long tasks (ms)'],
  ['longestTaskMs', 'longest task (ms)'],
  ['heapMB', 'heap after zoom + GC (MB)'],
  ['domElements', 'DOM elements, after zoom'],
  ['zoomFactor', 'zoom reached (×)'],
];

/** Groups dataset-file runs by (lib, size), with the same statistics and whether the target was met. */
export function summarizeDatasets(runs) {
  for (const run of runs) if (run.status === 'ok') run.metrics = datasetMetricsOf(run);
  const summary = [];
  for (const size of [...new Set(runs.map((run) => run.dataset.size))]) {
    for (const lib of [...new Set(runs.map((run) => run.lib))]) {
      const mine = runs.filter((run) => run.lib === lib && run.dataset.size === size);
      if (!mine.length) continue;
      const ok = mine.filter((run) => run.status === 'ok');
      const entry = {
        lib,
        size,
        events: mine[0].dataset.events,
        bytes: mine[0].dataset.bytes,
        runs: mine.length,
        ok: ok.length,
        status: ok.length === mine.length ? 'ok' : ok.length ? 'partial' : mine[0].status,
        problems: [...new Set(mine.filter((run) => run.status !== 'ok').map((run) => `${run.status}: ${run.reason}`))],
      };
      for (const [key] of DATASET_METRICS) entry[key] = stats(ok.map((run) => run.metrics[key]));
      // Met by the median rep; the min–max in the table shows how close the others came.
      entry.targetMet = ok.length
        ? entry.firstViewMs.median < SRC_TARGET.firstViewMs && entry.longestFrameMs.median <= SRC_TARGET.longestFrameMs
        : undefined;
      summary.push(entry);
    }
  }
  return summary;
}

/** reeltime's median divided by each peer's, for render and zoom p95, at each N. */
export function ratios(summary, sizes) {
  const rows = [];
  for (const n of sizes) {
    const ours = summary.find((entry) => entry.lib === 'reeltime' && entry.n === n);
    for (const peer of summary.filter((entry) => entry.n === n && entry.lib !== 'reeltime')) {
      const ratio = (key) =>
        ours?.[key] && peer[key] && peer[key].median > 0 ? ours[key].median / peer[key].median : undefined;
      rows.push({ n, peer: peer.lib, renderMs: ratio('renderMs'), zoomP95Ms: ratio('zoomP95Ms') });
    }
  }
  return rows;
}

function version(root, name) {
  try {
    return JSON.parse(readFileSync(`${root}/node_modules/${name}/package.json`, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** What the numbers were measured on. */
export function machineInfo(root, chromium) {
  const cpus = os.cpus();
  let commit;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    commit = undefined;
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    node: process.version,
    chromium,
    playwright: version(root, 'playwright'),
    libraries: {
      reeltime: JSON.parse(readFileSync(`${root}/packages/timeline/package.json`, 'utf8')).version,
      'vis-timeline': version(root, 'vis-timeline'),
      '@gravity-ui/timeline': version(root, '@gravity-ui/timeline'),
    },
    commit,
  };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
function number(value) {
  if (value === undefined) return '–';
  if (Math.abs(value) >= 100) return integer.format(value);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** What a row without a successful run says in place of its numbers. */
function statusText(entry) {
  if (entry.status === 'timeout') return '**timeout**';
  if (entry.status === 'not-run') return `not run (${entry.problems[0]?.replace(/^not-run: /, '')})`;
  return entry.status;
}

function cell(entry, key) {
  if (!entry[key]) return '–';
  const { median, min, max } = entry[key];
  const format = COUNTS.has(key) ? (value) => integer.format(value) : number;
  return format(min) === format(max) ? format(median) : `${format(median)} (${format(min)}–${format(max)})`;
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** "1,000 / 10,000 events and a 50MB dataset file". */
function workloads(params) {
  const counts = params.sizes.length ? `${params.sizes.map((n) => integer.format(n)).join(' / ')} events` : '';
  const files = params.datasets.length ? `a ${params.datasets.map((d) => d.size).join(' / ')} dataset file` : '';
  return [counts, files].filter(Boolean).join(' and ');
}

/** "60 s", or "60 s (400 s at N = 1,000,000)" when the timeout scales with N. */
function timeouts(params) {
  const seconds = Object.entries(params.timeoutsMs ?? {}).map(([n, ms]) => [Number(n), ms / 1000]);
  if (!seconds.length) return `${params.datasetTimeoutMs / 1000} s`;
  const base = Math.min(...seconds.map(([, s]) => s));
  const larger = seconds
    .filter(([, s]) => s > base)
    .map(([n, s]) => `${integer.format(s)} s at N = ${integer.format(n)}`);
  return `${integer.format(base)} s${larger.length ? ` (${larger.join(', ')})` : ''}`;
}

/** The Markdown report. */
export function renderMarkdown(result) {
  const { machine, params, summary, bundles } = result;
  const lines = [];
  lines.push(`# reeltime benchmark`, '');
  const loads = result.runs.map((run) => run.loadAverage).filter((load) => load !== undefined);
  lines.push(
    `${result.generatedAt} · commit ${machine.commit ?? '?'} · ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGB} GB · ${machine.os} · Node ${machine.node} · Chromium ${machine.chromium} · ` +
      `Playwright ${machine.playwright}`,
    '',
    `Libraries: reeltime ${machine.libraries.reeltime}, vis-timeline ${machine.libraries['vis-timeline']}, ` +
      `@gravity-ui/timeline ${machine.libraries['@gravity-ui/timeline']}.`,
    '',
    `Workload: ${workloads(params)}, 8 lanes, 2019–2024, ` +
      `${Math.round(params.rangeShare * 100)} % ranges of 1–90 days, seed ${params.seed}; container ` +
      `${params.container.width}×${params.container.height} px. ${params.reps} rep(s), each in a fresh browser; ` +
      `timeout per run ${timeouts(params)}. Zoom: ${params.wheelSteps} wheel steps of deltaY ` +
      `${params.wheelDeltaY}, one per frame. Cells: median (min–max) over successful reps; one number when they all agree.`,
    '',
  );
  if (loads.length)
    lines.push(
      `1-minute load average at the start of the runs: ${Math.min(...loads).toFixed(2)}–` +
        `${Math.max(...loads).toFixed(2)} on ${machine.cores} cores (the bench's own previous run counts too).`,
      '',
    );
  if (summary.length) {
    const header = ['lib', 'N', 'ok/runs', ...METRICS.map(([, label]) => label)];
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
    for (const entry of summary) {
      const row = [entry.lib, integer.format(entry.n), `${entry.ok}/${entry.runs}`];
      // A row without a result says why once, instead of in every column.
      if (!entry.ok) row.push(statusText(entry), ...METRICS.slice(1).map(() => ''));
      else row.push(...METRICS.map(([k]) => cell(entry, k)));
      lines.push(`| ${row.join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push(
    'DOM elements count every element of the page, including those in open shadow roots (recursively); ' +
      `the empty page has ${result.runs.find((run) => run.domPage)?.domPage.elements ?? '?'} of its own. ` +
      'All DOM nodes add text and comment nodes (Lit keeps comment markers), the shadow roots and the document.',
  );
  const datasets = result.datasetSummary ?? [];
  if (datasets.length) {
    lines.push(
      '',
      '## Dataset file through `src` (reeltime)',
      '',
      `Target: first view < ${integer.format(SRC_TARGET.firstViewMs)} ms, no frame over ` +
        `${SRC_TARGET.longestFrameMs} ms after it. First view: from setting \`src\` (fetch, JSON parse, ` +
        'validation, layout) until the element has drawn, plus two frames, checked on a screenshot. Frames and ' +
        `long tasks: from the first view through the ${params.wheelSteps} wheel steps (the first-view screenshot ` +
        `included). Timeout ${params.datasetTimeoutMs / 1000} s per run.`,
      '',
    );
    const head = ['lib', 'file', 'events', 'ok/runs', ...DATASET_METRICS.map(([, label]) => label), 'target met'];
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    for (const entry of datasets) {
      const row = [entry.lib, `${entry.size} (${(entry.bytes / 1e6).toFixed(1)} MB)`, integer.format(entry.events)];
      row.push(`${entry.ok}/${entry.runs}`);
      if (!entry.ok) row.push(statusText(entry), ...DATASET_METRICS.slice(1).map(() => ''), '');
      else row.push(...DATASET_METRICS.map(([k]) => cell(entry, k)), entry.targetMet ? 'yes' : '**no**');
      lines.push(`| ${row.join(' | ')} |`);
    }
  }
  const problems = [...summary, ...datasets].filter((entry) => entry.problems.length);
  if (problems.length) {
    lines.push('', 'Runs without a result:', '');
    for (const entry of problems)
      for (const problem of entry.problems)
        lines.push(`- ${entry.lib} at ${entry.size ?? `N = ${integer.format(entry.n)}`}: ${problem}`);
  }
  if (result.ratios.length) {
    lines.push('', '## reeltime / peer (median ÷ median; below 1 means reeltime is faster)', '');
    lines.push('| N | peer | first render | zoom frame p95 |', '| --- | --- | --- | --- |');
    for (const row of result.ratios) {
      const show = (value) => (value === undefined ? 'n/a' : `${value.toFixed(2)}×`);
      lines.push(`| ${integer.format(row.n)} | ${row.peer} | ${show(row.renderMs)} | ${show(row.zoomP95Ms)} |`);
    }
  }
  lines.push('', '## Bundles (minified as built; gzip level 9)', '');
  lines.push('| bundle | JS min | JS min+gz | CSS min+gz |', '| --- | --- | --- | --- |');
  for (const [lib, size] of Object.entries(bundles.pages))
    lines.push(`| ${lib} page | ${kB(size.js.min)} | ${kB(size.js.gzip)} | ${size.css ? kB(size.css.gzip) : '–'} |`);
  if (bundles.reeltimeDist)
    lines.push(
      `| reeltime dist/reeltime.bundle.js | ${kB(bundles.reeltimeDist.min)} | ${kB(bundles.reeltimeDist.gzip)} | – |`,
    );
  lines.push('');
  return lines.join('\n');
}
