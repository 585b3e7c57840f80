/**
 * The plain page (examples/dead-reckoning.html) served over http exactly as a user would serve
 * it: nothing but the built single-file bundle and a `<reel-timeline src=…>`. Needs `pnpm build`.
 * The bundle replaces parts of d3 with shims (shims/, docs/decisions/bundle-size.md), so its
 * gestures are driven here with real input, and its size is held to the budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
import sirv from 'sirv';
import type { ReelTimeline } from '../src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/reeltime.bundle.js', import.meta.url));

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('dist/reeltime.bundle.js is missing: run `pnpm build` first');
  server = createServer(sirv(root, { dev: true }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the plain HTML page', () => {
  it('draws the Dead Reckoning timeline from the bundle and src, with no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${base}/packages/timeline/examples/dead-reckoning.html`);
    const marks = page.locator('reel-timeline [part~="event"]');
    await expect.poll(() => marks.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    expect(
      await page.locator('reel-timeline').evaluate((el: Element & { problems?: unknown[] }) => el.problems),
    ).toEqual([]);
    // en-GB was asked for: the release reads "12 Jul 2023".
    const release = page.locator('reel-timeline [part~="event"][data-id="us-release"]');
    expect(await release.getAttribute('aria-label')).toContain('12 Jul 2023');
    await release.click();
    await expect.poll(() => page.locator('reel-timeline [part~="details"] h2').textContent()).toContain('release');
    // The chunks asked for on the way have arrived (updateComplete waits for them), and
    // `<reel-event>`'s definition, loaded when the page is idle (the page has none).
    await page.locator('reel-timeline').evaluate((el) => (el as ReelTimeline).updateComplete);
    expect(
      await page.evaluate(() =>
        customElements.whenDefined('reel-event').then((c) => c === customElements.get('reel-event')),
      ),
    ).toBe(true);
    // Only the page, the bundle and the data were fetched: nothing else is needed.
    const fetched = requests.filter((path) => !path.endsWith('.map')).sort();
    expect(fetched.filter((path) => !path.includes('/dist/chunks/'))).toEqual([
      '/data/src/dead-reckoning.json',
      '/packages/timeline/dist/reeltime.bundle.js',
      '/packages/timeline/examples/dead-reckoning.html',
    ]);
    // Reading src loaded the loading code, data with sources and eras the careful parser (its
    // entry and the parse it shares with the importers), periods and planned events the legend,
    // and opening the details their part, each a chunk from the folder beside the bundle (an
    // element given plain data of exact days, never selected, loads none of them). The print
    // styles load after the first render, whatever happens: they must be in place before the
    // print dialog opens (print.ts). d3-zoom (and the d3 stand-ins it shares with the overview)
    // load when the pointer first reaches the plot, here on the way to the click.
    expect(
      fetched.filter((path) => path.includes('/dist/chunks/')).map((path) => path.replace(/-[\w-]+\.js$/, '')),
    ).toEqual([
      '/packages/timeline/dist/chunks/careful',
      // The keys' actions, the tooltip and the wheel hint, on the pointer's first contact with the plot.
      '/packages/timeline/dist/chunks/contact',
      // The date parsing the careful parser shares with the importers and the log axis.
      '/packages/timeline/dist/chunks/date',
      '/packages/timeline/dist/chunks/details',
      // The era bands, drawn with the data's first view (which waits for them).
      '/packages/timeline/dist/chunks/eras',
      '/packages/timeline/dist/chunks/legend',
      '/packages/timeline/dist/chunks/load',
      '/packages/timeline/dist/chunks/parse',
      // The English words of the parts loaded on first use (here the legend's and the details').
      '/packages/timeline/dist/chunks/part',
      '/packages/timeline/dist/chunks/print',
      // `<reel-event>`'s definition, when the page is idle: `customElements.whenDefined` resolves.
      '/packages/timeline/dist/chunks/reel', // reel-event-*.js
      '/packages/timeline/dist/chunks/shims',
      '/packages/timeline/dist/chunks/zoom',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exposes the timeline to assistive technology as the ARIA snapshot records', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/packages/timeline/examples/dead-reckoning.html`);
    await expect
      .poll(() => page.locator('reel-timeline [part~="event"]').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(20);
    // Lanes as named groups, every event a button named with its title, dates, status and lane.
    // The visible-range text depends on the viewport, so it is left out of the snapshot.
    const snapshot = await page.locator('reel-timeline svg[role="group"]').ariaSnapshot();
    await expect(snapshot.replace(/showing [^"]*/, 'showing …')).toMatchFileSnapshot(
      '__snapshots__/dead-reckoning.aria.yml',
    );
    await page.close();
  });
});

describe('a page of <reel-event> children', () => {
  it('draws them at once, a child given properties before the bundle included; the tag is defined by a chunk', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    // The README's CMS snippet, and an event a classic script makes before the bundle runs.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
      <script type="module" src="/packages/timeline/dist/reeltime.bundle.js"></script></head><body>
      <reel-timeline label="Our history" marker="">
        <reel-event event-id="founded" start="2019-03"><strong>Founded</strong></reel-event>
        <reel-event event-id="launch" start="2021-09" lane="Product"><strong>First release</strong><p>Version 1.0 ships.</p></reel-event>
      </reel-timeline>
      <script>
        const scripted = document.createElement('reel-event');
        Object.assign(scripted, { eventId: 'scripted', start: '2020-05-04', lane: 'Product' });
        scripted.innerHTML = '<strong>Scripted</strong>';
        document.querySelector('reel-timeline').append(scripted);
      </script></body></html>`;
    await page.route(`${base}/children.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${base}/children.html`);
    const marks = page.locator('reel-timeline [part~="event"]');
    await expect.poll(() => marks.count(), { timeout: 15_000 }).toBe(3);
    expect(await marks.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')))).toEqual([
      'founded',
      'scripted',
      'launch',
    ]);
    // The definition came as a chunk, asked for as the bundle ran (the page has `<reel-event>`s):
    // the children are upgraded, the scripted one's properties reflected, and the data unchanged.
    expect(
      await page.evaluate(() =>
        customElements.whenDefined('reel-event').then((c) => c === customElements.get('reel-event')),
      ),
    ).toBe(true);
    expect(requests.some((path) => path.includes('/dist/chunks/reel-event-'))).toBe(true);
    await page.locator('reel-timeline').evaluate((el) => (el as ReelTimeline).updateComplete);
    expect(await page.locator('reel-event[event-id="scripted"]').getAttribute('start')).toBe('2020-05-04');
    expect(
      await page
        .locator('reel-event')
        .first()
        .evaluate((el) => el.shadowRoot?.querySelector('time')?.textContent),
    ).toBeTruthy();
    expect(await marks.count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * The budget for `dist/reeltime.bundle.js` (the entry chunk every page loads), minified and
 * gzipped (zlib level 9), in bytes. The target is 35,000. Issues 13, 14 and 16 took the entry to
 * ~48,000 with their parts a page may never open already split off as chunks (details, table,
 * keyboard map, overview, URL sync, the loading code, the importers, every language but English).
 * This holds it there until the cuts are made (docs/decisions/bundle-size.md, "The sixth round").
 * Merging deep time, the sources view, the DuckDB hook and server-rendered children took it to
 * ~49,200 (the seventh round): raised to 49,500 until that round's cuts land. The eighth round's
 * cuts (the careful parser, the legend and the notice as chunks) took it to ~46,800: the guard is
 * that plus 200 bytes of headroom. The tenth round (d3-zoom loaded on the first pointer over the
 * plot, the parts' English words in their chunks) took it to 37,684: the guard is that plus ~200.
 * The eleventh round (the first-contact chunk: the keys' actions, the tooltip, the wheel hint)
 * took it to 37,568, the era bands as a chunk loaded with data that has eras to 37,061 (37,082
 * merged with the table's paging): the guard is that plus ~120. A density canvas per dense lane and
 * the margin lanes drawn after the first view (the 1,000-event render 1.84× → 1.32× gravity-ui's)
 * added 174 B: 37,256, the guard 37.4 KB. The twelfth round (the views' focus moves into the
 * first-contact chunk, the legend's, notice's and eras' styles into theirs, the marks of dates
 * other than exact days into the legend's chunk) took it to 36,046: the guard is that plus ~100.
 * The thirteenth round (`<reel-event>`'s class as a chunk, the outcome of a `src` load into the load
 * chunk, the eras' rows into the eras' chunk, focus restoring into the first-contact chunk) took
 * it to 35,467: the guard is that plus ~80. The fourteenth round (the last parts' words with their
 * parts, the elements' properties in `static properties` tables instead of decorators, the overview
 * strip's template into the overview's chunk) took it to 34,951: the guard is the target itself.
 */
const BUNDLE_BUDGET = 35_000;

/**
 * What a page fetches before the element can run: the entry and the chunks it imports statically,
 * each gzipped on its own (as they travel). Rolldown splits core's dates (`chunks/date-*.js`,
 * ~4.5 KB) out of the entry because the log axis's chunk reaches them too, so the entry alone
 * understates the first load by that much (docs/decisions/bundle-size.md, the eleventh round).
 */
const FIRST_LOAD_BUDGET = 39_550;

/** The chunks `file` imports statically (`import … from "./chunks/…"`), and theirs, once each. */
function staticImports(file: string, found = new Set<string>()): Set<string> {
  const code = readFileSync(file, 'utf8');
  for (const [, path] of code.matchAll(/\bimport\s*(?:[\w{},*\s$]*from\s*)?["'](\.[^"']+\.js)["']/g)) {
    const resolved = fileURLToPath(new URL(path!, `file://${file}`));
    if (found.has(resolved)) continue;
    found.add(resolved);
    staticImports(resolved, found);
  }
  return found;
}

describe('the single-file bundle', () => {
  it(`is at most ${BUNDLE_BUDGET / 1000} KB minified and gzipped`, () => {
    const code = readFileSync(bundle);
    const gzipped = gzipSync(code, { level: 9 }).length;
    const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
    expect(
      gzipped,
      `dist/reeltime.bundle.js is ${kb(gzipped)} min+gz (${kb(code.length)} min), over the ${kb(BUNDLE_BUDGET)} ` +
        'budget. `pnpm bundle-size` shows what it is made of; docs/decisions/bundle-size.md what was cut.',
    ).toBeLessThanOrEqual(BUNDLE_BUDGET);
  });

  it(`loads at most ${FIRST_LOAD_BUDGET / 1000} KB min+gz before it runs (the entry and its static imports)`, () => {
    const files = [bundle, ...staticImports(bundle)];
    const sizes = files.map((file) => gzipSync(readFileSync(file), { level: 9 }).length);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    const list = files.map((file, i) => `${file.replace(/^.*\/dist\//, '')} ${sizes[i]} B`).join(', ');
    expect(total, `the first load is ${total} B min+gz (${list})`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it('zooms and pans with the wheel, a drag, a pinch, a double-click, the keys and the methods', async () => {
    // hasTouch: d3-zoom listens for touches only where a page can have them.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${base}/packages/timeline/examples/dead-reckoning.html`);
    const timeline = page.locator('reel-timeline');
    await expect
      .poll(() => page.locator('reel-timeline [part~="event"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const box = (await page.locator('reel-timeline svg[role="group"]').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + 20;
    const full = await span(page);
    /** How far in the timeline is zoomed: the whole view over the visible span. */
    const zoom = async () => full / (await span(page));

    // d3-zoom is not loaded for the first view, only when a pointer reaches the plot.
    expect(requests.some((path) => path.includes('zoom-behavior'))).toBe(false);
    await page.mouse.move(x, y);
    await expect.poll(() => requests.some((path) => path.includes('/dist/chunks/zoom-behavior-'))).toBe(true);
    // On a page that scrolls, a plain wheel scrolls it; Ctrl + wheel zooms.
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -500); // d3-zoom: 2^(500 × 0.002) = 2× in
    await page.keyboard.up('Control');
    await expect.poll(zoom).toBeCloseTo(2, 2);

    const before = await range(page);
    await page.mouse.down();
    await page.mouse.move(x - 100, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await range(page)).from).toBeGreaterThan(before.from);
    expect(await zoom()).toBeCloseTo(2, 2);

    // Double-click zooms in 2× at once: no transition runs in the bundle.
    await page.mouse.dblclick(x, y);
    await expect.poll(zoom).toBeCloseTo(4, 2);

    await page.evaluate(() => {
      const svg = document.querySelector('reel-timeline')!.shadowRoot!.querySelector('svg[role="group"]')!;
      const { left, top, width } = svg.getBoundingClientRect();
      const touch = (id: number, x: number) =>
        new Touch({ identifier: id, target: svg, clientX: x, clientY: top + 20 });
      const fire = (type: string, touches: Touch[]) =>
        svg.dispatchEvent(
          new TouchEvent(type, { touches, changedTouches: touches, bubbles: true, cancelable: true, composed: true }),
        );
      const mid = left + width / 2;
      fire('touchstart', [touch(1, mid - 50), touch(2, mid + 50)]);
      fire('touchmove', [touch(1, mid - 100), touch(2, mid + 100)]);
      fire('touchend', [touch(1, mid - 100), touch(2, mid + 100)]);
    });
    await expect.poll(zoom).toBeCloseTo(8, 2);

    // The keys act on the focused event (zooming may redraw it, so focus one before each).
    const press = async (key: string) => {
      await page.locator('reel-timeline [part~="event"]').first().focus();
      await page.keyboard.press(key);
    };
    await press('-');
    await expect.poll(zoom).toBeCloseTo(4, 2);
    await press('+');
    await expect.poll(zoom).toBeCloseTo(8, 2);
    await press('0');
    await expect.poll(zoom).toBeCloseTo(1, 2);

    await timeline.evaluate((el) => (el as Element as ReelTimeline).zoomBy(4));
    await expect.poll(zoom).toBeCloseTo(4, 2);
    await timeline.evaluate((el) => (el as Element as ReelTimeline).resetZoom());
    await expect.poll(zoom).toBeCloseTo(1, 2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the overview from the bundle', () => {
  it('loads as a chunk of its own when first shown, and its brush moves the view', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${base}/packages/timeline/examples/dead-reckoning.html`);
    await expect
      .poll(() => page.locator('reel-timeline [part~="event"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // The strip's chunk (`timeline/overview-strip.ts`, with `<reel-overview>` and d3-brush).
    expect(requests.some((path) => path.includes('overview-strip'))).toBe(false);
    await page.locator('reel-timeline').evaluate((el) => el.setAttribute('overview', ''));
    const strip = page.locator('reel-timeline reel-overview [role="slider"]');
    await expect.poll(() => page.locator('reel-timeline reel-overview .selection').count()).toBe(1);
    expect(requests.some((path) => /\/dist\/chunks\/overview-strip-[\w-]+\.js$/.test(path))).toBe(true);
    const full = await span(page);
    await strip.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => span(page)).toBeLessThan(full * 0.9);
    const box = (await strip.boundingBox())!;
    const before = await range(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await range(page)).from).toBeLessThan(before.from);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The timeline's visible range, in ms. */
function range(page: Page): Promise<{ from: number; to: number }> {
  return page.locator('reel-timeline').evaluate((el) => ({ ...(el as Element as ReelTimeline).visibleRange }));
}

/** The visible span, in ms. */
async function span(page: Page): Promise<number> {
  const { from, to } = await range(page);
  return to - from;
}
