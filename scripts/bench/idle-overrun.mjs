/**
 * Whether background work keeps to its idle deadline: renders the bench's reeltime page (as
 * trace-render.mjs takes built page folders, alternating run by run), zooms with the driver's wheel
 * steps, and records every idle callback the page runs (`requestIdleCallback` wrapped before the
 * page loads): the time its deadline had left when it began, what it took, and whether it came past
 * its timeout. A callback that took longer than its deadline had left ran into the next frame by
 * the difference (its "overrun"). Prints per run and the medians: the callbacks, their time in
 * all, and how many overran by more than 1 ms, by how much in all and at most.
 *
 *   node scripts/bench/idle-overrun.mjs --pages before,after [--n 1000] [--reps 5] [--steps 20]
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { alternate } from './alternate.mjs';
import { wheelSteps } from './driver.mjs';
import { openProfilePage } from './profile-page.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    n: { type: 'string', default: '1000' },
    reps: { type: 'string', default: '5' },
    steps: { type: 'string', default: '20' },
  },
});
const folders = values.pages.split(',');
await alternate(folders, { reps: Number(values.reps), run, line });

function line(r) {
  return (
    `first render: ${r.renderCount} idle callbacks, ${r.renderTook.toFixed(1)} ms, ${r.renderOver} overran ` +
    `(${r.renderOverrun.toFixed(1)} ms, max ${r.renderMax.toFixed(1)}); zoom: ${r.zoomCount} callbacks, ` +
    `${r.zoomTook.toFixed(1)} ms, ${r.zoomOver} overran (${r.zoomOverrun.toFixed(1)} ms, max ${r.zoomMax.toFixed(1)}); ` +
    `past timeout ${r.timeouts}`
  );
}

/** Waits until the page has run no idle callback for `quiet` ms (all background work done). */
async function idleDone(page, quiet = 500) {
  await page.waitForFunction(
    (ms) => performance.now() - (window.__idleLast ?? 0) > ms && performance.now() - window.__idleAsked > ms,
    quiet,
    { polling: 100, timeout: 30_000 },
  );
}

/** In the page, before its scripts: records each idle callback's deadline, time taken and timeout. */
function wrapIdleCallbacks() {
  const ask = window.requestIdleCallback.bind(window);
  window.__idle = [];
  window.__idleAsked = 0;
  window.requestIdleCallback = (callback, options) => {
    window.__idleAsked = performance.now();
    return ask((deadline) => {
      const left = deadline.timeRemaining();
      const start = performance.now();
      try {
        callback(deadline);
      } finally {
        window.__idleLast = performance.now();
        window.__idle.push({ left, took: window.__idleLast - start, timeout: deadline.didTimeout });
      }
    }, options);
  };
}

async function run(url) {
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    // openProfilePage makes its own context: the wrapper goes on every context the browser makes.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await context.addInitScript(wrapIdleCallbacks);
      return context;
    };
    const { page, cdp } = await openProfilePage(browser, url, Number(values.n));
    await idleDone(page);
    await page.evaluate(() => (window.__idle = []));
    await page.evaluate(() => window.bench.render());
    await idleDone(page);
    const render = await page.evaluate(() => window.__idle.splice(0));
    const point = await page.evaluate(() => window.bench.wheelPoint());
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: point.x, y: point.y });
    await page.evaluate(() => window.bench.pointerReady());
    await idleDone(page);
    await page.evaluate(() => (window.__idle = []));
    await wheelSteps(page, cdp, point, Number(values.steps));
    await idleDone(page);
    const zoom = await page.evaluate(() => window.__idle.splice(0));
    const sum = (list, f) => list.reduce((s, x) => s + f(x), 0);
    const over = (list) => list.filter((x) => !x.timeout && x.took > x.left + 1);
    const stats = (list, name) => ({
      [`${name}Count`]: list.length,
      [`${name}Took`]: sum(list, (x) => x.took),
      [`${name}Over`]: over(list).length,
      [`${name}Overrun`]: sum(over(list), (x) => x.took - x.left),
      [`${name}Max`]: Math.max(0, ...list.filter((x) => !x.timeout).map((x) => x.took - x.left)),
    });
    return {
      ...stats(render, 'render'),
      ...stats(zoom, 'zoom'),
      timeouts: [...render, ...zoom].filter((x) => x.timeout).length,
    };
  } finally {
    await browser.close();
  }
}
