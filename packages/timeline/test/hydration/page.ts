/**
 * Helpers of the server-rendering tests (test/ssr.test.ts): the text a reader sees of some markup,
 * and server-rendered markup served as a page with the client (entry.ts, built with Vite), opened in
 * Chromium, with what the server sent noted before the client runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import sirv from 'sirv';
import type { Browser, Page } from 'playwright';
import { chromiumLaunchOptions } from '../../../../scripts/chromium.mjs';

/** The text a reader sees: markup and Lit's comment markers removed, entities decoded. */
export const textOf = (markup: string) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

/** The client, built once (entry.ts), and one Chromium for the page tests. */
let client: Promise<string> | undefined;
let browser: Promise<Browser> | undefined;
const sites: string[] = [];
const servers: Server[] = [];

/** Closes the browser and the servers, and removes the sites (call it in `afterAll`). */
export async function closePages(): Promise<void> {
  if (browser) await (await browser).close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  for (const site of sites) rmSync(site, { recursive: true, force: true });
}

async function buildClient(): Promise<string> {
  const site = mkdtempSync(join(tmpdir(), 'reeltime-ssr-'));
  sites.push(site);
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['source', 'module', 'browser', 'development', 'import', 'default'] },
    build: {
      outDir: site,
      target: 'es2022',
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./entry.ts', import.meta.url)),
        formats: ['es'],
        fileName: () => 'client.js',
      },
    },
  });
  return site;
}

/**
 * Serves `markup` as a server would send it, with the client, and opens it. A classic script notes
 * the nodes matching `noted` (in the timeline's shadow root, and the children's) and each mark's
 * lane and place before the (deferred) module runs. Collects page errors.
 */
export async function openServerPage(markup: string, noted: string): Promise<{ page: Page; errors: string[] }> {
  const site = await (client ??= buildClient());
  const name = `page-${sites.length}-${servers.length}.html`;
  writeFileSync(
    join(site, name),
    `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body>${markup}
    <script>
      const timeline = document.querySelector('reel-timeline');
      window.serverNodes = [
        ...timeline.shadowRoot.querySelectorAll(${JSON.stringify(noted)}),
        ...[...timeline.querySelectorAll('reel-event')].flatMap((child) => [...child.shadowRoot.querySelectorAll('time, slot')]),
      ];
      window.serverMarks = [...timeline.shadowRoot.querySelectorAll('[part~="event"]')].map((mark) =>
        [mark.dataset.id, mark.closest('[data-lane]').dataset.lane, mark.getAttribute('transform')].join(' '));
    </script>
    <script type="module" src="./client.js"></script></body></html>`,
  );
  const server: Server = createServer(sirv(site));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const page = await (
    await (browser ??= chromium.launch({ ...chromiumLaunchOptions(), headless: true }))
  ).newPage({
    viewport: { width: 1100, height: 900 },
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}`);
  return { page, errors };
}

/** How many nodes the server sent that the page noted (see {@link openServerPage}). */
export const serverNodeCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { serverNodes: Element[] }).serverNodes.length);

/**
 * After hydration: how many of the nodes noted from the server's DOM are still connected, the
 * marks and bases drawn, whether the children's list or the plot shows, and each child's dates.
 */
export const hydrated = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('reel-timeline')!.shadowRoot!;
    const nodes = (window as unknown as { serverNodes: Element[] }).serverNodes;
    return {
      kept: nodes.filter((node) => node.isConnected).length,
      marks: root.querySelectorAll('[part~="event"]').length,
      bases: root.querySelectorAll('[part~="base"]').length,
      childrenShown: !root.querySelector('.children')!.hasAttribute('hidden'),
      plotShown: !root.querySelector('.plot')!.hasAttribute('hidden'),
      dates: [...document.querySelectorAll('reel-event')].map(
        (child) => child.shadowRoot!.querySelectorAll('time').length,
      ),
    };
  });

/** Each mark's id, lane and place (`transform`): as the server drew them, and as the page shows them now. */
export const marksOf = (page: Page) =>
  page.evaluate(() => ({
    server: (window as unknown as { serverMarks: string[] }).serverMarks,
    client: [...document.querySelector('reel-timeline')!.shadowRoot!.querySelectorAll('[part~="event"]')].map((mark) =>
      [
        mark.getAttribute('data-id'),
        mark.closest('[data-lane]')!.getAttribute('data-lane'),
        mark.getAttribute('transform'),
      ].join(' '),
    ),
  }));

/**
 * Waits until the timeline is defined, has updated and has nothing pending. The check is a plain
 * function: an async one returns a promise, which `waitForFunction` takes as a truthy answer at
 * once, so this returned before the client's define module (a chunk) had even loaded, and a click
 * then landed on a server-rendered element with no listeners (1 run in 4 did not select).
 */
export const settled = (page: Page) =>
  page.waitForFunction(
    () => {
      const el = document.querySelector('reel-timeline') as HTMLElement & {
        hasUpdated?: boolean;
        isUpdatePending?: boolean;
      };
      return (
        customElements.get('reel-timeline') !== undefined && el.hasUpdated === true && el.isUpdatePending === false
      );
    },
    undefined,
    { timeout: 60_000 },
  );

/**
 * Clicks the mark of event `id` and resolves with the id `reel-select` then names. The listener is
 * in place before the click (set up and awaited first), and each step waits on its condition with
 * a backstop that names the step, so a slow machine only takes longer and a broken page says where.
 */
export async function selectByClick(page: Page, id: string): Promise<string | undefined> {
  await page.evaluate(() => {
    const w = window as unknown as { selectedIds: (string | undefined)[] };
    w.selectedIds = [];
    document
      .querySelector('reel-timeline')!
      .addEventListener('reel-select', (e) =>
        w.selectedIds.push((e as CustomEvent<{ event?: { id: string } }>).detail.event?.id),
      );
  });
  // A press straight away, with no hover first: the click also loads the d3-zoom chunk.
  await page.locator(`reel-timeline [part~="event"][data-id="${id}"]`).click({ timeout: 60_000 });
  const handle = await page.waitForFunction(
    () => (window as unknown as { selectedIds: (string | undefined)[] }).selectedIds[0] ?? false,
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as string | undefined;
}
