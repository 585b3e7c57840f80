// `pnpm bench`: reeltime against vis-timeline and @gravity-ui/timeline in Chromium. See scripts/bench/README.md.
// Usage: pnpm bench [--sizes 1000,10000,50MB] [--reps 3] [--libs reeltime,vis,gravity] [--timeout 60]
//                   [--range-share 0.3] [--seed 1] [--json-only]
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import sirv from 'sirv';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { CONTAINER, LIBS, buildPages, sizeOf } from './build-pages.mjs';
import { parseMegabytes, writeDataset } from './dataset.mjs';
import { WHEEL_DELTA_Y, WHEEL_STEPS, measure } from './driver.mjs';
import { machineInfo, ratios, renderMarkdown, summarize, summarizeDatasets } from './report.mjs';
import { WORKLOAD_DEFAULTS, generateWorkload, workloadHash } from './workload.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const out = `${root}/reports/bench`;
const DIST_BUNDLE = `${root}/packages/timeline/dist/reeltime.bundle.js`;

/** Libraries that can load a dataset file through a URL (the `<n>MB` sizes). */
const SRC_LIBS = ['reeltime'];

/** Default timeout of a run of N events: 60 s, and 0.4 ms per event above 150,000 (400 s at 1M). */
const autoTimeoutMs = (n) => Math.max(60_000, n * 0.4);
/** Default timeout of a dataset-file run. */
const SRC_TIMEOUT_MS = 120_000;

const HELP = `pnpm bench [options]
  --sizes 1000,10000,100000,1000000,50MB
                                      event counts N, and <n>MB: a dataset file of about n MB that
                                      reeltime loads through src (default: all five)
  --reps 3                            fresh-browser repetitions per (lib, N)
  --libs reeltime,vis,gravity         libraries to measure
  --timeout 60                        seconds per run before it is reported as "timeout"
                                      (default: 60, or 0.4 ms per event above 150,000 events;
                                      120 for a dataset file)
  --range-share 0.3                   share of events that are ranges (the rest are single days)
  --seed 1                            PRNG seed of the workload
  --json-only                         print the JSON (not the table) and write only latest.json
Needs \`pnpm build\` first (it measures packages/timeline/dist/reeltime.bundle.js).`;

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000,1000000,50MB' },
      reps: { type: 'string', default: '3' },
      libs: { type: 'string', default: LIBS.join(',') },
      timeout: { type: 'string' },
      'range-share': { type: 'string', default: String(WORKLOAD_DEFAULTS.rangeShare) },
      seed: { type: 'string', default: String(WORKLOAD_DEFAULTS.seed) },
      'json-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const list = (text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  const positive = (text, name) => {
    const value = Number(text);
    if (!(value > 0) || !Number.isFinite(value)) throw new Error(`--${name} must be a positive number, got "${text}"`);
    return value;
  };
  const libs = list(values.libs);
  const unknown = libs.filter((lib) => !LIBS.includes(lib));
  if (unknown.length) throw new Error(`unknown --libs ${unknown.join(', ')} (known: ${LIBS.join(', ')})`);
  const rangeShare = Number(values['range-share']);
  if (!(rangeShare >= 0 && rangeShare <= 1)) throw new Error('--range-share must be between 0 and 1');
  const sizes = list(values.sizes);
  const datasets = sizes.map(parseMegabytes).filter((megabytes) => megabytes !== undefined);
  for (const megabytes of datasets) if (!(megabytes > 0)) throw new Error(`--sizes: ${megabytes}MB is not a size`);
  return {
    help: values.help,
    jsonOnly: values['json-only'],
    // Ascending, so a library that timed out is not run again at a larger N.
    sizes: sizes
      .filter((text) => parseMegabytes(text) === undefined)
      .map((n) => Math.round(positive(n, 'sizes')))
      .sort((a, b) => a - b),
    datasets,
    reps: Math.round(positive(values.reps, 'reps')),
    libs: LIBS.filter((lib) => libs.includes(lib)),
    timeoutMs: values.timeout === undefined ? undefined : positive(values.timeout, 'timeout') * 1000,
    rangeShare,
    seed: Math.round(Number(values.seed)),
  };
}

const log = (message) => process.stderr.write(`${message}\n`);

async function main() {
  const opts = options();
  if (opts.help) {
    console.log(HELP);
    return;
  }
  if (opts.libs.includes('reeltime') && !existsSync(DIST_BUNDLE))
    throw new Error(`${DIST_BUNDLE} is missing: run \`pnpm build\` first`);
  mkdirSync(out, { recursive: true });

  log(`bench: building pages for ${opts.libs.join(', ')}`);
  const pages = await buildPages(opts.libs, { root, outRoot: `${out}/pages` });
  const bundles = { pages, reeltimeDist: existsSync(DIST_BUNDLE) ? sizeOf(DIST_BUNDLE) : undefined };

  const probe = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const chromiumVersion = probe.version();
  await probe.close();

  const server = createServer(sirv(`${out}/pages`, { dev: true }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;

  const runs = [];
  const hashes = {};
  const keep = () => writeFileSync(`${out}/partial.json`, `${JSON.stringify({ params: opts, runs }, null, 2)}\n`);
  // The smallest N at which each library timed out: it is not run at larger N (it would only time out too).
  const timedOutAt = new Map();
  for (const n of opts.sizes) {
    // Libraries that timed out at this N: their other reps would only time out too.
    const timedOut = new Set();
    const workload = { n, seed: opts.seed, rangeShare: opts.rangeShare };
    const expectedHash = workloadHash(generateWorkload(workload));
    hashes[n] = expectedHash;
    const timeoutMs = opts.timeoutMs ?? autoTimeoutMs(n);
    for (let rep = 1; rep <= opts.reps; rep++) {
      for (const lib of opts.libs) {
        const label = `${lib} N=${n} rep ${rep}/${opts.reps}`;
        const first = rep === 1;
        if (first) {
          // A run that fails before its screenshot must not leave an older one in its place.
          rmSync(`${out}/${lib}-${n}.png`, { force: true });
          rmSync(`${out}/${lib}-${n}-zoomed.png`, { force: true });
        }
        if (timedOutAt.has(lib)) {
          const reason = `timed out at ${timedOutAt.get(lib).toLocaleString('en-US')}`;
          runs.push({ lib, n, rep, status: 'not-run', reason });
          log(`bench: ${label}: not run (${reason})`);
          continue;
        }
        if (timedOut.has(lib)) {
          const reason = 'an earlier rep timed out';
          runs.push({ lib, n, rep, status: 'skipped', reason });
          log(`bench: ${label}: skipped (${reason})`);
          continue;
        }
        log(`bench: ${label}…`);
        const record = await measure({
          lib,
          n,
          rep,
          baseUrl,
          workload,
          expectedHash,
          timeoutMs,
          screenshotPath: first ? `${out}/${lib}-${n}.png` : undefined,
          zoomedScreenshotPath: first ? `${out}/${lib}-${n}-zoomed.png` : undefined,
        });
        runs.push(record);
        // Kept as it goes, so an interrupted bench still leaves its runs behind.
        keep();
        if (record.status === 'timeout') timedOut.add(lib);
        log(
          record.status === 'ok'
            ? `bench: ${label}: render ${record.renderMs.toFixed(1)} ms, ${record.zoom.intervals.length} frames, ` +
                `heap ${(record.heapBytes / 2 ** 20).toFixed(1)} MB, ${record.dom.elements} elements ` +
                `(${record.dom.nodes} nodes), ink ${record.pixels.ink} px, wall ${(record.wallMs / 1000).toFixed(0)} s`
            : `bench: ${label}: ${record.status}: ${record.reason}`,
        );
      }
    }
    for (const lib of timedOut) if (!timedOutAt.has(lib)) timedOutAt.set(lib, n);
  }

  // Dataset files through `src`, for the libraries that load a URL themselves.
  const datasetInfo = [];
  const srcLibs = opts.libs.filter((lib) => SRC_LIBS.includes(lib));
  if (opts.datasets.length && !srcLibs.length) log(`bench: the MB sizes run only for ${SRC_LIBS.join(', ')}`);
  for (const megabytes of srcLibs.length ? opts.datasets : []) {
    const size = `${megabytes}MB`;
    const file = `datasets/${size}-seed${opts.seed}.json`;
    mkdirSync(`${out}/pages/datasets`, { recursive: true });
    const written = writeDataset({
      megabytes,
      seed: opts.seed,
      rangeShare: opts.rangeShare,
      path: `${out}/pages/${file}`,
    });
    const dataset = { size, megabytes, url: `${baseUrl}/${file}`, events: written.n, bytes: written.bytes };
    datasetInfo.push({ size, file, events: written.n, bytes: written.bytes });
    log(`bench: wrote ${file}: ${written.n.toLocaleString('en-US')} events, ${(written.bytes / 1e6).toFixed(1)} MB`);
    const timeoutMs = opts.timeoutMs ?? SRC_TIMEOUT_MS;
    for (const lib of srcLibs) {
      for (let rep = 1; rep <= opts.reps; rep++) {
        const label = `${lib} src ${size} rep ${rep}/${opts.reps}`;
        const first = rep === 1;
        const shot = `${out}/${lib}-src-${size}`;
        if (first) {
          rmSync(`${shot}.png`, { force: true });
          rmSync(`${shot}-zoomed.png`, { force: true });
        }
        if (runs.some((run) => run.dataset?.size === size && run.lib === lib && run.status === 'timeout')) {
          runs.push({ lib, n: written.n, rep, dataset, status: 'skipped', reason: 'an earlier rep timed out' });
          log(`bench: ${label}: skipped (an earlier rep timed out)`);
          continue;
        }
        log(`bench: ${label}…`);
        const record = await measure({
          lib,
          n: written.n,
          rep,
          baseUrl,
          dataset,
          timeoutMs,
          screenshotPath: first ? `${shot}.png` : undefined,
          zoomedScreenshotPath: first ? `${shot}-zoomed.png` : undefined,
        });
        runs.push(record);
        keep();
        log(
          record.status === 'ok'
            ? `bench: ${label}: first view ${record.firstViewMs.toFixed(0)} ms, longest frame after it ` +
                `${Math.max(...record.zoom.intervals).toFixed(0)} ms, ${record.dom.elements} elements, ` +
                `ink ${record.pixels.ink} px, wall ${(record.wallMs / 1000).toFixed(0)} s`
            : `bench: ${label}: ${record.status}: ${record.reason}`,
        );
      }
    }
  }
  server.close();

  const countRuns = runs.filter((run) => !run.dataset);
  const summary = summarize(countRuns, opts.libs, opts.sizes);
  const result = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(root, chromiumVersion),
    params: {
      sizes: opts.sizes,
      reps: opts.reps,
      libs: opts.libs,
      timeoutMs: opts.timeoutMs ?? 'auto',
      timeoutsMs: Object.fromEntries(opts.sizes.map((n) => [n, opts.timeoutMs ?? autoTimeoutMs(n)])),
      datasetTimeoutMs: opts.timeoutMs ?? SRC_TIMEOUT_MS,
      datasets: datasetInfo,
      seed: opts.seed,
      rangeShare: opts.rangeShare,
      container: CONTAINER,
      wheelSteps: WHEEL_STEPS,
      wheelDeltaY: WHEEL_DELTA_Y,
    },
    workloadHashes: hashes,
    bundles,
    summary,
    datasetSummary: summarizeDatasets(runs.filter((run) => run.dataset)),
    ratios: ratios(summary, opts.sizes),
    runs,
  };
  writeFileSync(`${out}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
  rmSync(`${out}/partial.json`, { force: true });
  if (opts.jsonOnly) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const markdown = renderMarkdown(result);
  writeFileSync(`${out}/latest.md`, markdown);
  console.log(markdown);
  log(`bench: wrote ${out}/latest.json and ${out}/latest.md`);
}

main().catch((error) => {
  log(`bench: ${error.message}`);
  process.exitCode = 1;
});
