/**
 * The plain page (examples/dead-reckoning.html) served over http exactly as a user would serve
 * it: nothing but the built single-file bundle and a `<reel-timeline src=…>`. Needs `pnpm build`.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import sirv from 'sirv';
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
    await expect.poll(() => page.locator('reel-timeline [part~="details"] h3').textContent()).toContain('release');
    // Only the page, the bundle and the data were fetched: nothing else is needed.
    expect(requests.filter((path) => !path.endsWith('.map')).sort()).toEqual([
      '/data/src/dead-reckoning.json',
      '/packages/timeline/dist/reeltime.bundle.js',
      '/packages/timeline/examples/dead-reckoning.html',
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
