/**
 * The DuckDB source's figures in the page (DuckDB-WASM), beside scripts/bench/duckdb.mjs (Node and
 * the server): `node scripts/bench/duckdb-wasm.mjs --file datasets/events-1M.parquet [--steps 60]`.
 * Serves examples/duckdb with Vite, opens it in Chromium (Debian's, headless) with `?src=` the
 * file, and prints: time to the source (download, Parquet read in JS, table build in the worker),
 * time to first view (the first answer), query latency p50/p95 over the same 60 pan and zoom steps
 * as the Node bench (960 px, all lanes, labels measured per glyph by the page's canvas, as the
 * element measures them), the longest task and tasks over 50 ms on the page's main thread while the
 * answers were on their way, and the page's JS heap. Needs `pnpm build` and a dataset from `node scripts/duckdb/datasets.mjs`.
 *
 * A prepared database (`--file datasets/events-1M.reeltime.duckdb`, or `--prepare` to prepare the
 * Parquet file first, timed, with `pnpm prepare:duckdb`'s prepareFile) is attached over HTTP and
 * read by range requests: the requests the page made are counted (`requests`, `rangeRequests`,
 * bytes), and any to another origin (an extension download) is reported and fails the run.
 *
 * `--static`: the page as a user deploys it instead of Vite's dev server: built by `vite build`
 * (minified, chunked, its worker and wasm copied with hashed names) into the git-ignored
 * reports/bench/pages/duckdb-wasm/, served by sirv in production mode (ETag, Last-Modified, ranges)
 * with the file at `/data/<name>`. The hashed `assets/` are sent with
 * `Cache-Control: public, max-age=31536000, immutable` (Vite's advice for a deployment), the page
 * and the data file with `no-cache` (revalidated by ETag), so `--warm` measures a second visit
 * that takes the modules, the worker and the wasm from the cache without asking.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import sirv from 'sirv';
import { build, createServer } from 'vite';
import { OVERVIEW_SUFFIX, prepareFile, preparedPathOf } from '../../packages/duckdb/dist/node.js';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { summarize, viewSteps } from './duckdb-steps.mjs';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    steps: { type: 'string', default: '60' },
    width: { type: 'string', default: '960' },
    prepare: { type: 'boolean', default: false },
    // Prints every request the server saw until the first view: ms since navigation (start, end),
    // what, range, status, bytes.
    trace: { type: 'boolean', default: false },
    // A prepared database of more bytes is read by ranges (openUrl's downloadLimit; 0: always).
    'download-limit': { type: 'string' },
    // A second visit: the page is opened once first in the same browser (its HTTP cache, and
    // V8's cache of the compiled wasm, kept), and the second opening is measured.
    warm: { type: 'boolean', default: false },
    // The page built by `vite build` and served by sirv in production mode (see above).
    static: { type: 'boolean', default: false },
    // A prepared database's first view from DuckDB rather than from its overview (the page's
    // `overview: false`).
    'no-overview': { type: 'boolean', default: false },
    // A local copy of a prepared database (the page's `localCopy: true`): with `--look local` the
    // steps wait until DuckDB reads it; with `--warm`, the second visit finds it.
    'local-copy': { type: 'boolean', default: false },
    // No warm-up once DuckDB has the database (the page's `warm: false`).
    'no-warm': { type: 'boolean', default: false },
    // How long the user looks at the first view before the first step, in ms from \`reel-duckdb:ready\`
    // (default 0: the steps start as soon as DuckDB has the database), or \`warm\`: until the
    // warm-up's mark \`reel-duckdb:warm\`, or \`local\`: until DuckDB reads the local copy.
    look: { type: 'string', default: '0' },
    // A CPU profile of the page's main thread from \`reel-duckdb:ready\` to the last step (the look and
    // the steps), written to this file (open it in Chromium's DevTools, Performance panel), and the
    // long tasks beside it (`<file>.long.json`: \`node scripts/bench/long-tasks.mjs <file>\`).
    'cpu-profile': { type: 'string' },
  },
});
if (!values.file) throw new Error('--file events.parquet is required');
const root = fileURLToPath(new URL('../..', import.meta.url));
let prepareMs;
let overviewPrepareMs;
if (values.prepare) {
  const prepared = await prepareFile(values.file, { out: preparedPathOf(values.file) });
  prepareMs = Math.round(prepared.ms);
  overviewPrepareMs = prepared.overview && Math.round(prepared.overview.ms);
  values.file = prepared.out;
}
const file = resolve(values.file);
if (/^(warm|local)$/.test(values.look) && !/\.duckdb$/.test(file))
  throw new Error(`--look ${values.look} needs a prepared database`);
if (values.look === 'local' && !values['local-copy']) throw new Error('--look local needs --local-copy');
// A prepared database's overview, beside it: its size and gzip size (level 9), what a server sends.
const overviewFile = `${file}${OVERVIEW_SUFFIX}`;
const overview =
  /\.duckdb$/.test(file) && existsSync(overviewFile)
    ? { bytes: statSync(overviewFile).size, gzipBytes: gzipSync(readFileSync(overviewFile), { level: 9 }).length }
    : undefined;
const fileRequests = { all: 0, ranges: 0, bytes: 0 };
/** The requests for the overview: when each ended (ms since navigation), its status and bytes. */
const overviewRequests = [];
/** Every request: [start, end] ms since navigation, path, range, status, bytes (--trace). */
const trace = [];
let navigation = Date.now();
const server = values.static ? await staticServer() : await devServer();
const port = server.port;
/** The file's path in the page's URLs. */
const fileUrl = values.static ? `/data/${basename(file)}` : `/@fs${file}`;
// A fresh profile on disk, as a first visit's browser has: Playwright's default contexts keep their
// HTTP cache in memory, which kept the worker but no entry as large as the 34 MB wasm (measured), so
// a second visit (`--warm`) downloaded it again whatever the server's headers.
const profile = mkdtempSync(join(tmpdir(), 'reel-duckdb-wasm-'));
const browser = await chromium.launchPersistentContext(profile, {
  ...chromiumLaunchOptions(),
  headless: true,
  args: [...(chromiumLaunchOptions().args ?? []), '--js-flags=--max-old-space-size=8192'],
  viewport: { width: 1280, height: 800 },
});
const page = browser.pages()[0] ?? (await browser.newPage());
page.setDefaultTimeout(30 * 60_000);
// Every request the page and its workers make: nothing may go elsewhere than the page's origin
// (DuckDB's extension server, a CDN).
const elsewhere = [];
page.on('request', (request) => {
  if (new URL(request.url()).host !== `127.0.0.1:${port}` && !request.url().startsWith('data:'))
    elsewhere.push(request.url());
});
await page.addInitScript(() => {
  // Long tasks on the main thread from the start: the Parquet read in JS is one of them.
  globalThis.__long = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__long.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
});
// The same steps as the Node bench, computed here once the page knows the extent.
await page.exposeFunction('__steps', (lo, hi) => viewSteps(lo, hi, Number(values.steps)));
// What had been read of the file when the first view was answered.
let firstFileRequests;
let firstTrace;
// The file's range requests and bytes made during each step (what the step read cold).
const stepRequests = [];
let stepStart;
await page.exposeFunction('__stepStarted', () => {
  stepStart = { ...fileRequests };
});
await page.exposeFunction('__stepEnded', () => {
  stepRequests.push([fileRequests.ranges - stepStart.ranges, fileRequests.bytes - stepStart.bytes]);
});
const cdp = values['cpu-profile'] ? await page.context().newCDPSession(page) : undefined;
/** When the profile started, on the page's clock (performance.now()): the long tasks' clock. */
let profileStartedAt;
await page.exposeFunction('__profileStarted', async (at) => {
  profileStartedAt = at;
  if (!cdp) return;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
});
await page.exposeFunction('__profileEnded', async (long) => {
  if (!cdp) return;
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(values['cpu-profile'], JSON.stringify(profile));
  // The page's long tasks ([start, ms]) and the profile's start on their clock, for
  // scripts/bench/long-tasks.mjs (what ran in each).
  writeFileSync(`${values['cpu-profile']}.long.json`, JSON.stringify({ at: profileStartedAt, long }));
});
await page.exposeFunction('__firstAnswered', () => {
  firstFileRequests = { ...fileRequests };
  firstTrace = [...trace];
});
const started = Date.now();
navigation = started;
const limit = values['download-limit'] === undefined ? '' : `&downloadLimit=${Number(values['download-limit'])}`;
const address = `http://127.0.0.1:${port}/?src=${encodeURIComponent(fileUrl)}${limit}${values['no-overview'] ? '&overview=0' : ''}${values['no-warm'] ? '&warm=0' : ''}${values['local-copy'] ? '&localCopy=1' : ''}`;
if (values.warm) {
  await page.goto(address);
  await page.waitForFunction(() => /opened in|Error/.test(document.getElementById('status')?.textContent ?? ''));
  // The first visit's local copy complete, for the second to find it.
  if (values['local-copy']) await page.waitForFunction(() => performance.getEntriesByName('reel-duckdb:local').length);
  // Time for V8 to finish compiling the hot wasm functions and store them (it caches on tier-up).
  await page.waitForTimeout(5000);
  Object.assign(fileRequests, { all: 0, ranges: 0, bytes: 0 });
  trace.length = 0;
  overviewRequests.length = 0;
  navigation = Date.now();
}
await page.goto(address);
await page.waitForFunction(() => /opened in|Error/.test(document.getElementById('status')?.textContent ?? ''));
const status = await page.locator('#status').textContent();
if (!/opened in/.test(status)) throw new Error(status);
const result = await page.evaluate(
  async ({ pixels, look }) => {
    const source = document.querySelector('reel-timeline').source;
    const context = document.createElement('canvas').getContext('2d');
    context.font = '12px system-ui';
    // Labels measured as the element measures them (core's createTextMeasurer): each glyph once,
    // from the page's canvas. Measured whole, one canvas call per new label, a first wide answer's
    // 2,500 labels made a task of 45 ms in measureText alone, which the element does not pay.
    const glyphs = new Map();
    const measure = (text) => {
      let width = 0;
      for (const glyph of text) {
        let w = glyphs.get(glyph);
        if (w === undefined) glyphs.set(glyph, (w = context.measureText(glyph).width));
        width += w;
      }
      return width;
    };
    const layout = { measure };
    const [lo, hi] = source.extent;
    const windows = await window.__steps(lo, hi);
    let t = performance.now();
    const first = await source.query({ from: lo, to: hi, pixels, layout });
    const firstQuery = performance.now() - t;
    // Since the page's navigation began (performance.now()'s origin): page, modules, DuckDB, open, answer.
    const firstAnswerSinceNavigation = performance.now();
    await window.__firstAnswered();
    // The steps are DuckDB's: measured once it has the database (a first view from the overview
    // comes before), so that they say what DuckDB answers, not how long it took to start.
    const attached = () => performance.getEntriesByName('reel-duckdb:ready').length > 0;
    while (!attached()) await new Promise((resolve) => setTimeout(resolve, 20));
    const ready = performance.getEntriesByName('reel-duckdb:ready')[0].startTime;
    await window.__profileStarted(performance.now());
    if (look === 'warm' || look === 'local')
      while (!performance.getEntriesByName(`reel-duckdb:${look}`).length) {
        // A warm-up or a copy that failed sets no mark (nothing is thrown into the page).
        if (performance.now() - ready > 600_000) throw new Error(`no reel-duckdb:${look} mark within 10 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    else await new Promise((resolve) => setTimeout(resolve, ready + Number(look) - performance.now()));
    const lookedMs = performance.now() - ready;
    const waitStart = performance.now();
    const latencies = [];
    const stepStarts = [];
    for (const [from, to] of windows) {
      await window.__stepStarted();
      t = performance.now();
      stepStarts.push(t);
      await source.query({ from, to, pixels, layout });
      latencies.push(performance.now() - t);
      await window.__stepEnded();
      // A frame between steps, as a view would draw one, and the steps 100 ms apart: a question
      // asked less than the source's debounce (60 ms) after the last waits that long first, as in a
      // gesture; back to back, every other step measured that wait as latency (until stop 30).
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve, t + 100 - performance.now()));
    }
    await window.__profileEnded(globalThis.__long);
    const waiting = globalThis.__long.filter(([at]) => at >= waitStart);
    return {
      size: source.size,
      firstQuery,
      firstAnswerSinceNavigation,
      firstItems: first.items.length,
      latencies,
      longTasksWhileWaiting: waiting.length,
      longestTaskWhileWaiting: Math.max(0, ...waiting.map(([, d]) => d)),
      // Each long task while waiting: its ms, and the step it began in (-1: before the first).
      longTasksWhileWaitingSteps: waiting.map(([at, d]) => [
        Math.round(d),
        stepStarts.findLastIndex((start) => start <= at),
      ]),
      longestTaskOpening: Math.max(0, ...globalThis.__long.filter(([at]) => at < ready).map(([, d]) => d)),
      // Long tasks while the user looks (from \`ready\` to the first step: the warm-up, the local copy).
      looking: globalThis.__long.filter(([at]) => at >= ready && at < waitStart).map(([, d]) => Math.round(d)),
      lookedMs,
      heapMB: performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null,
      // When the page saw the element's first marks drawn (ms since navigation), if it has yet.
      drawn: performance.getEntriesByName('reel-example:drawn')[0]?.startTime ?? null,
      // wasm.ts's marks (ms since navigation): DuckDB's start, instantiated, opened, attached, ready.
      marks: Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((entry) => entry.name.startsWith('reel-duckdb:'))
          .map((entry) => [entry.name.slice('reel-duckdb:'.length), Math.round(entry.startTime)]),
      ),
    };
  },
  { pixels: Number(values.width), look: values.look },
);
const peakRss = peakRssMB();
const opened = Number(/opened in (\d+)/.exec(status)[1]);
console.log(
  JSON.stringify(
    {
      file: values.file,
      mode: 'wasm',
      server: values.static ? 'static (vite build, sirv)' : 'vite dev',
      events: result.size,
      ...(prepareMs === undefined ? {} : { prepareMs }),
      // The prepared database's overview: its size, gzipped (level 9), its part of the prepare.
      ...(overview ? { overviewBytes: overview.bytes, overviewGzipBytes: overview.gzipBytes } : {}),
      ...(overviewPrepareMs === undefined ? {} : { overviewPrepareMs }),
      overviewRead: !values['no-overview'] && overview !== undefined,
      overviewRequests: overviewRequests.map((row) => row.join(' ')),
      openMs: opened,
      // DuckDB-WASM's own start (the wasm fetched and compiled, DuckDB opened), the same for any
      // file: from its `start` mark to its `opened` mark (with an overview, the page has its source
      // before DuckDB has started, so the status line cannot say it yet).
      duckdbStartMs: result.marks.opened - result.marks.start,
      firstViewMs: Math.round(opened + result.firstQuery),
      // The bench's own first query answered (after Playwright saw the page open the source).
      firstViewSinceNavigationMs: Math.round(result.firstAnswerSinceNavigation),
      // The element's first marks drawn, as the page saw them (a frame after its own first answer).
      firstDrawnSinceNavigationMs: result.drawn === null ? null : Math.round(result.drawn),
      firstViewItems: result.firstItems,
      // Since navigation: when DuckDB's start began, its wasm was instantiated, it opened, the
      // overview arrived, the file was attached and its metadata read (the first view follows
      // `ready`, or `overview` when there is one).
      duckdbMarksMs: result.marks,
      pageMs: Date.now() - started,
      stepsMeasured:
        values.look === 'warm' || values.look === 'local'
          ? `after reel-duckdb:${values.look} (${values.look === 'warm' ? 'its warm-up asked' : 'DuckDB reads the local copy'})`
          : `${values.look} ms after reel-duckdb:ready (DuckDB has the database)`,
      warmUp: !values['no-warm'],
      localCopy: values['local-copy'],
      lookedMs: Math.round(result.lookedMs),
      steps: result.latencies.length,
      ...summarize(result.latencies),
      // Each step's latency, the file's range requests during it and their KB: a cold step reads.
      stepsMsRequestsKB: result.latencies.map((ms, i) => [
        Math.round(ms),
        stepRequests[i][0],
        Math.round(stepRequests[i][1] / 1024),
      ]),
      longTasksOver50MsWhileWaiting: result.longTasksWhileWaiting,
      longestTaskWhileWaitingMs: Math.round(result.longestTaskWhileWaiting),
      longTasksWhileWaitingMsAtStep: result.longTasksWhileWaitingSteps,
      // Tasks over 50 ms between \`reel-duckdb:ready\` and the first step (with --look: the warm-up's).
      longTasksWhileLookingMs: result.looking,
      longestTaskOpeningMs: Math.round(result.longestTaskOpening),
      heapUsedMB: result.heapMB === null ? null : Math.round(result.heapMB),
      // The largest peak resident size among Chromium's processes (VmHWM): the page's renderer,
      // which holds DuckDB-WASM's memory, whose peak is the open's.
      peakProcessRssMB: peakRss,
      fileRequestsToFirstView: firstFileRequests?.all,
      fileMBToFirstView: firstFileRequests && Math.round((firstFileRequests.bytes / 2 ** 20) * 10) / 10,
      fileRequests: fileRequests.all,
      fileRangeRequests: fileRequests.ranges,
      fileMB: Math.round((fileRequests.bytes / 2 ** 20) * 10) / 10,
      requestsElsewhere: elsewhere,
      ...(values.trace ? { trace: firstTrace?.map((row) => row.join(' ')) } : {}),
      loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    },
    null,
    2,
  ),
);
await browser.close();
rmSync(profile, { recursive: true, force: true });
await server.close();
if (elsewhere.length) {
  console.error(`Requests outside the page's origin: ${elsewhere.join(', ')}`);
  process.exitCode = 1;
}

/**
 * The requests for the data file, as the server saw them (those of DuckDB-WASM's worker, made by
 * synchronous XHR, are not all reported to Playwright): how many, how many with a `Range`, and the
 * bytes sent.
 */
function countFileRequests(request, response, next) {
  const at = Date.now() - navigation;
  // Read now: the static server strips `/data` before sirv sees it.
  const url = decodeURIComponent(request.url ?? '');
  response.on('finish', () => {
    const path = url.replace(fileUrl, '<file>').replace(/^.*\/(?=[^/]+$)/, '');
    const range = request.headers.range ?? '';
    const bytes = Number(response.getHeader('content-length')) || 0;
    trace.push([at, Date.now() - navigation, request.method, path.slice(0, 50), range, response.statusCode, bytes]);
  });
  if (url.includes(`${fileUrl}${OVERVIEW_SUFFIX}`)) {
    response.on('finish', () =>
      overviewRequests.push([
        Date.now() - navigation,
        response.statusCode,
        Number(response.getHeader('content-length')) || 0,
      ]),
    );
  } else if (url.includes(fileUrl)) {
    fileRequests.all++;
    if (request.headers.range) fileRequests.ranges++;
    if (process.env.REEL_DEBUG_REQUESTS)
      console.error(
        Date.now() - navigation,
        request.method,
        request.headers.range,
        request.url.slice(0, 60),
        request.headers['sec-fetch-dest'],
      );
    response.on('finish', () => {
      const length = Number(response.getHeader('content-length'));
      if (request.method !== 'HEAD' && length) fileRequests.bytes += length;
      if (process.env.REEL_DEBUG_REQUESTS) console.error(' ->', response.statusCode, length);
    });
  }
  next();
}

/** examples/duckdb through Vite's dev server (modules unbundled, `Cache-Control: no-cache`). */
async function devServer() {
  const vite = await createServer({
    root: `${root}examples/duckdb`,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, fs: { allow: [root, file] } },
    optimizeDeps: { include: ['@reeltime/duckdb > @duckdb/duckdb-wasm'] },
    plugins: [{ name: 'count-file-requests', configureServer: (dev) => void dev.middlewares.use(countFileRequests) }],
  });
  await vite.listen();
  return { port: vite.httpServer.address().port, close: () => vite.close() };
}

/**
 * examples/duckdb built by `vite build` and served by sirv in production mode: the page and its
 * assets from reports/bench/pages/duckdb-wasm/, the file's folder at `/data/`.
 */
async function staticServer() {
  const out = `${root}reports/bench/pages/duckdb-wasm`;
  await build({
    configFile: false,
    root: `${root}examples/duckdb`,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 50_000,
    },
  });
  // Hashed names never change content: cached without asking. The page and the data are revalidated.
  const setHeaders = (response, path) =>
    response.setHeader(
      'Cache-Control',
      path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  const page = sirv(out, { etag: true, setHeaders });
  const data = sirv(dirname(file), { etag: true, setHeaders });
  const http = createHttpServer((request, response) =>
    countFileRequests(request, response, () => {
      if (request.method === 'HEAD' && request.url === fileUrl) return head(request, response);
      if (!request.url?.startsWith('/data/')) return page(request, response);
      request.url = request.url.slice('/data'.length);
      return data(request, response);
    }),
  );
  await new Promise((done) => http.listen(0, '127.0.0.1', done));
  return { port: http.address().port, close: () => new Promise((done) => http.close(done)) };
}

/**
 * The file's `HEAD` (DuckDB-WASM's first request for it, `Range: bytes=0-`) answered from its size,
 * as a production server (nginx, a CDN) does: sirv, like Vite, reads the whole file it does not
 * send (0.2–0.6 s at 1M, 0.6–1.3 s for the 300 MB at 10M, on this machine). sirv's headers.
 */
function head(request, response) {
  const { size, mtime } = statSync(file);
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
  const start = range ? Number(range[1]) : 0;
  const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  response.setHeader('Content-Length', end - start + 1);
  response.setHeader('Last-Modified', mtime.toUTCString());
  response.setHeader('ETag', `W/"${size}-${mtime.getTime()}"`);
  response.setHeader('Cache-Control', 'no-cache');
  if (range) {
    response.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    response.setHeader('Accept-Ranges', 'bytes');
  }
  response.writeHead(range ? 206 : 200);
  response.end();
}

/** The largest VmHWM (peak resident set) among this script's descendant processes, in MB (Linux). */
function peakRssMB() {
  try {
    const parent = new Map();
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name)))
      try {
        parent.set(Number(pid), Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
      } catch {
        // The process ended meanwhile.
      }
    const ours = new Set([process.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, ppid] of parent) if (ours.has(ppid) && !ours.has(pid)) grew = ours.add(pid) !== undefined;
    }
    let peak = 0;
    for (const pid of ours)
      try {
        const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        if (pid !== process.pid && kb) peak = Math.max(peak, Number(kb) / 1024);
      } catch {
        // The process ended meanwhile.
      }
    return Math.round(peak);
  } catch {
    return null;
  }
}
