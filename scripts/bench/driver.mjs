/**
 * Measures one (library, N, rep) in a fresh Chromium: first render (checked on a screenshot),
 * 60 trusted wheel steps (frame intervals, long tasks, and a check that the view really zoomed, by
 * the library's visible range and by the screenshot), heap after a forced GC, and DOM elements and
 * nodes including shadow roots (in the first view and after the zoom). The dataset-file workload
 * (reeltime's `src`) measures the same, with the first view timed from setting `src` and the
 * recording running from the first view on. A run that takes longer than its timeout is abandoned
 * (the browser is closed) and reported as "timeout".
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { CONTAINER } from './build-pages.mjs';
import {
  INK_STRIPS,
  MIN_CHANGED_SHARE,
  MIN_INK_PIXELS,
  MIN_INK_STRIPS,
  changedShare,
  countPlotPixels,
  decodePng,
} from './pixels.mjs';

/** Wheel steps in the zoom measurement, and their delta (negative: zoom in). */
export const WHEEL_STEPS = 60;
export const WHEEL_DELTA_Y = -100;

const VIEWPORT = { width: 1280, height: 720 };
const TIMEOUT = Symbol('timeout');

class RunFailure extends Error {}

/** Closes a browser, giving up after 15 s (a renderer stuck in a long task must not hang the bench). */
async function closeBrowser(browser) {
  let timer;
  await Promise.race([
    browser.close().catch(() => {}),
    new Promise((resolve) => (timer = setTimeout(resolve, 15_000))),
  ]);
  clearTimeout(timer);
}

/** Screenshots the container, keeps the file if asked, and fails the run unless events were visibly drawn. */
async function checkFirstView(page, spec, record) {
  const clip = { x: 0, y: 0, ...CONTAINER };
  const before = await page.evaluate(() => window.bench.now());
  const shot = await page.screenshot({ clip });
  // On the page's clock, so frames and long tasks during the screenshot can be told apart.
  record.screenshotWindow = [before, await page.evaluate(() => window.bench.now())];
  if (spec.screenshotPath) writeFileSync(spec.screenshotPath, shot);
  const png = decodePng(shot);
  record.pixels = countPlotPixels(png);
  if (record.pixels.ink < MIN_INK_PIXELS)
    throw new RunFailure(`nothing drawn: ${record.pixels.ink} event-coloured pixels in the plot (< ${MIN_INK_PIXELS})`);
  if (record.pixels.inkStrips < MIN_INK_STRIPS)
    throw new RunFailure(
      `events drawn in only ${record.pixels.inkStrips} of ${INK_STRIPS} strips of the plot: not the whole data range`,
    );
  return png;
}

/**
 * `steps` trusted wheel events (CDP, deltaY {@link WHEEL_DELTA_Y}) at `point`, each followed by one
 * animation frame, then one frame more: the zoom gesture the bench and scripts/bench/profile-zoom.mjs time.
 */
export async function wheelSteps(page, cdp, point, steps) {
  for (let step = 0; step < steps; step++) {
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseWheel',
      x: point.x,
      y: point.y,
      deltaX: 0,
      deltaY: WHEEL_DELTA_Y,
    });
    await page.evaluate(() => window.bench.nextFrame());
  }
  await page.evaluate(() => window.bench.nextFrame());
}

/**
 * The 60 wheel steps at the centre of the plot. `recording` says the page already records (the
 * dataset-file workload records from its first view on); otherwise recording starts here.
 * Fails unless the library's visible span shrank and the screenshot changed.
 */
async function zoom(page, cdp, spec, record, firstPng, { recording }) {
  const point = await page.evaluate(() => window.bench.wheelPoint());
  record.rangeBefore = await page.evaluate(() => window.bench.visibleRange());
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: point.x, y: point.y });
  await page.evaluate(() => window.bench.pointerReady());
  await page.evaluate(() => window.bench.nextFrame());
  if (!recording) await page.evaluate(() => window.bench.startRecording());
  record.zoomStartedAt = await page.evaluate(() => window.bench.now());
  await wheelSteps(page, cdp, point, WHEEL_STEPS);
  record.zoom = { steps: WHEEL_STEPS, ...(await page.evaluate(() => window.bench.stopRecording())) };
  record.rangeAfter = await page.evaluate(() => window.bench.visibleRange());
  const spanBefore = record.rangeBefore.to - record.rangeBefore.from;
  const spanAfter = record.rangeAfter.to - record.rangeAfter.from;
  record.zoomFactor = spanBefore / spanAfter;
  if (!(spanAfter < spanBefore))
    throw new RunFailure(`the view did not zoom: visible span ${spanBefore} ms before, ${spanAfter} ms after`);
  // The library's own word is not enough: the picture must have changed too.
  const shot = await page.screenshot({ clip: { x: 0, y: 0, ...CONTAINER } });
  if (spec.zoomedScreenshotPath) writeFileSync(spec.zoomedScreenshotPath, shot);
  const png = decodePng(shot);
  record.pixelsZoomed = countPlotPixels(png);
  record.zoomChangedShare = changedShare(firstPng, png);
  if (record.zoomChangedShare < MIN_CHANGED_SHARE)
    throw new RunFailure(
      `the view did not visibly move: ${(record.zoomChangedShare * 100).toFixed(2)} % of the plot's pixels changed ` +
        `(< ${MIN_CHANGED_SHARE * 100} %)`,
    );
}

/** The measurement itself; `progress.stage` says where it is (reported on timeout). */
async function measureIn(browser, spec, progress, record) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
    locale: 'en-US',
    colorScheme: 'light',
  });
  const page = await context.newPage();
  page.on('crash', () => record.errors.push('the page crashed'));
  page.on('pageerror', (error) => record.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(`console: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  const gc = () => cdp.send('HeapProfiler.collectGarbage');

  progress.stage = 'load';
  await page.goto(`${spec.baseUrl}/${spec.lib}/index.html`);
  await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 10_000 });
  // The empty page's own elements (html, head, body, the container…), counted in every DOM figure.
  record.domPage = await page.evaluate(() => window.bench.countNodes());

  let firstPng;
  if (spec.dataset) {
    progress.stage = 'prepare';
    await page.evaluate(() => window.bench.prepareSrc());
    await gc();
    progress.stage = 'first view';
    const loaded = await page.evaluate((url) => window.bench.renderSrc(url), spec.dataset.url);
    record.firstViewMs = loaded.firstViewMs;
    record.firstViewAt = loaded.firstViewAt;
    record.events = loaded.events;
    record.problems = loaded.problems;
    if (loaded.events !== spec.dataset.events || loaded.problems)
      throw new RunFailure(
        `the file holds ${spec.dataset.events} events; the element parsed ${loaded.events} ` +
          `and reported ${loaded.problems} problem(s)`,
      );
    progress.stage = 'screenshot';
    firstPng = await checkFirstView(page, spec, record);
  } else {
    progress.stage = 'prepare';
    const prepared = await page.evaluate((params) => window.bench.prepare(params), spec.workload);
    record.hash = prepared.hash;
    if (prepared.hash !== spec.expectedHash)
      throw new RunFailure(`workload hash ${prepared.hash} differs from Node's ${spec.expectedHash}`);
    // Collect the generator's garbage now rather than during the timed render.
    await gc();

    progress.stage = 'render';
    record.renderMs = await page.evaluate(() => window.bench.render());

    progress.stage = 'screenshot';
    firstPng = await checkFirstView(page, spec, record);
  }
  record.domFirstView = await page.evaluate(() => window.bench.countNodes());

  progress.stage = 'zoom';
  await zoom(page, cdp, spec, record, firstPng, { recording: Boolean(spec.dataset) });

  progress.stage = 'heap';
  await gc();
  const heap = await cdp.send('Runtime.getHeapUsage');
  record.heapBytes = heap.usedSize;

  progress.stage = 'dom';
  record.dom = await page.evaluate(() => window.bench.countNodes());
  record.status = 'ok';
  return record;
}

/**
 * Runs one measurement in a newly launched Chromium: of the count workload (`workload`,
 * `expectedHash`) or, with `dataset`, of a dataset file the page loads through `src`.
 * @param {{ lib: string, n: number, rep: number, baseUrl: string, workload?: object, expectedHash?: string,
 *   dataset?: { url: string, events: number, bytes: number, megabytes: number },
 *   timeoutMs: number, screenshotPath?: string, zoomedScreenshotPath?: string }} spec
 */
export async function measure(spec) {
  const record = { lib: spec.lib, n: spec.n, rep: spec.rep, status: 'failed', errors: [] };
  if (spec.dataset) record.dataset = { ...spec.dataset };
  const progress = { stage: 'launch' };
  const started = performance.now();
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  record.chromium = browser.version();
  // Load on the machine when the run starts: other processes on the two cores skew the numbers.
  record.loadAverage = os.loadavg()[0];
  let closing = false;
  browser.on('disconnected', () => {
    if (!closing) record.errors.push('the browser disconnected (crashed or killed from outside)');
  });
  let timer;
  const work = measureIn(browser, spec, progress, record);
  work.catch(() => {}); // after a timeout it rejects once the browser is gone
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), spec.timeoutMs)));
  let result = record;
  try {
    if ((await Promise.race([work, timeout])) === TIMEOUT) {
      // A copy: the abandoned measurement may still write into `record` until the browser is closed.
      result = {
        ...record,
        status: 'timeout',
        reason: `no result within ${spec.timeoutMs / 1000} s (stage: ${progress.stage})`,
      };
    }
  } catch (error) {
    record.reason = error instanceof RunFailure ? error.message : `${progress.stage}: ${error.message}`;
    const crash = record.errors.find((message) => message.startsWith('the '));
    if (crash) record.reason = `${crash}; ${record.reason}`;
  } finally {
    clearTimeout(timer);
    closing = true;
    await closeBrowser(browser);
  }
  result.wallMs = performance.now() - started;
  return result;
}
