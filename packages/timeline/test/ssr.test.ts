/**
 * Server rendering with @lit-labs/ssr, in Node with Lit's own DOM shim: `<reel-timeline>` given
 * the Dead Reckoning dataset renders to HTML (a declarative shadow root) that shows every event's
 * title and date and the axis, readable with JavaScript off; and Chromium, loading that HTML
 * with the client (test/hydration/entry.ts, built with Vite), hydrates it: the server's nodes
 * stay, nothing is drawn twice, and the element works. The same with `<reel-event>` children: a
 * server renders a host before its children, so the children show as written (title, their date
 * at its precision, text); hydrating keeps that DOM, then reads them and draws the chart.
 */
import deadReckoning from '@reeltime/data';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import sirv from 'sirv';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import '../src/define/reel-timeline.js';

const renderTimeline = () =>
  collectResult(
    render(
      html`<reel-timeline
        data-hydrate
        .data=${deadReckoning}
        lang="en-GB"
        locale="en-GB"
        marker=""
        style="width: 960px"
      ></reel-timeline>`,
    ),
  );

/** The text a reader sees: markup and Lit's comment markers removed, entities decoded. */
const textOf = (markup: string) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

/** The client, built once (test/hydration/entry.ts), and one Chromium for the page tests. */
let client: Promise<string> | undefined;
let browser: Promise<Browser> | undefined;
const sites: string[] = [];
const servers: Server[] = [];
afterAll(async () => {
  if (browser) await (await browser).close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  for (const site of sites) rmSync(site, { recursive: true, force: true });
});

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
        entry: fileURLToPath(new URL('./hydration/entry.ts', import.meta.url)),
        formats: ['es'],
        fileName: () => 'client.js',
      },
    },
  });
  return site;
}

/**
 * Serves `markup` as a server would send it, with the client, and opens it. A classic script notes
 * the nodes matching `noted` (in the timeline's shadow root, and the children's) before the
 * (deferred) module runs. Collects page errors.
 */
async function openServerPage(markup: string, noted: string): Promise<{ page: Page; errors: string[] }> {
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

/**
 * After hydration: how many of the nodes noted from the server's DOM are still connected, the
 * marks and bases drawn, whether the children's list or the plot shows, and each child's dates.
 */
const hydrated = (page: Page) =>
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

/** Waits until the timeline has updated and nothing is pending. */
const settled = (page: Page) =>
  page.waitForFunction(
    async () => {
      const el = document.querySelector('reel-timeline') as HTMLElement & {
        hasUpdated: boolean;
        updateComplete: Promise<boolean>;
      };
      return el.hasUpdated && (await el.updateComplete);
    },
    undefined,
    { timeout: 60_000 },
  );

describe('<reel-timeline> rendered on the server', () => {
  it('renders the Dead Reckoning events (titles and dates) and the axis into a declarative shadow root', async () => {
    const markup = await renderTimeline();
    expect(markup).toContain('<template shadowroot="open" shadowrootmode="open">');
    const text = textOf(markup);
    // Every event is a mark named with its title and dates, as in the browser…
    const marks = [...markup.matchAll(/<g\s[^>]*part="event"[^>]*>/g)].map((match) =>
      textOf(match[0].replace(/^<g|>$/g, '').replace(/[\w-]+="([^"]*)"/g, ' $1 ')),
    );
    for (const event of deadReckoning.events)
      expect(
        marks.some((mark) => mark.includes(event.title)),
        event.title,
      ).toBe(true);
    expect(marks).toHaveLength(deadReckoning.events.length);
    expect(marks.find((mark) => mark.includes('US theatrical release'))).toMatch(/12 Jul 2023/);
    // …and the titles are on screen as text, but for a label with no room beside its mark (as at
    // this width in the browser too).
    const shown = deadReckoning.events.filter((event) => text.includes(event.title));
    expect(shown.length).toBeGreaterThanOrEqual(deadReckoning.events.length - 2);
    // The axis, with its years.
    const axis = /part="axis"[\s\S]*?<\/g>\s*<\/svg>|part="axis"[\s\S]*/.exec(markup)![0];
    for (const year of ['2020', '2021', '2022', '2023']) expect(textOf(axis)).toContain(year);
    expect(text).toContain('Dead Reckoning');
  });

  it('hydrates in Chromium: the server DOM is kept, not drawn again, and the element works', async () => {
    const { page, errors } = await openServerPage(
      await renderTimeline(),
      '[part~="event"], [part~="axis"], [part~="lane"]',
    );
    const serverNodes = await page.evaluate(() => (window as unknown as { serverNodes: Element[] }).serverNodes.length);
    expect(serverNodes).toBeGreaterThan(deadReckoning.events.length);
    // Hydrated and laid out at the real size: updated, and nothing pending.
    await settled(page);
    const state = await hydrated(page);
    expect(errors).toEqual([]);
    // The server's marks, lanes and axis are the live ones: none re-created, none doubled.
    expect(state).toEqual({
      kept: serverNodes,
      marks: deadReckoning.events.length,
      bases: 1,
      childrenShown: false,
      plotShown: true,
      dates: [],
    });
    // And it is interactive: a click selects and fires reel-select.
    const selected = page.evaluate(
      () =>
        new Promise<string | undefined>((resolve) =>
          document
            .querySelector('reel-timeline')!
            .addEventListener('reel-select', (e) =>
              resolve((e as CustomEvent<{ event?: { id: string } }>).detail.event?.id),
            ),
        ),
    );
    await page.locator('reel-timeline [part~="event"][data-id="us-release"]').click();
    expect(await selected).toBe('us-release');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** `<reel-event>` children: Dead Reckoning events of each precision written in HTML, with their dates as shown. */
const childDates: Record<string, string> = {
  'two-parts-announced': '2019',
  'cinemacon-title-reveal': '2019 – 2022',
  'filming-begins-italy': 'Feb 2020',
  'rome-car-chase': 'Feb 2020 – Sep 2021',
  'featurette-rome-car-chase': 'c. Jun 14, 2023',
  'us-release': 'Jul 12, 2023',
};
const childEvents = deadReckoning.events.filter((event) => event.id in childDates);
const renderChildren = () =>
  collectResult(
    render(
      html`<reel-timeline lang="en-US" style="width: 960px"
        >${childEvents.map(
          (event) =>
            html`<reel-event
              event-id=${event.id}
              start=${event.start}
              end=${event.end ?? nothing}
              lane=${event.lane ?? nothing}
              ><strong>${event.title}</strong>
              <p>${event.description ?? ''}</p></reel-event
            >`,
        )}</reel-timeline
      >`,
    ),
  );

describe('<reel-timeline> with <reel-event> children rendered on the server', () => {
  it('shows every child as written with its date at its precision, and no empty chart', async () => {
    const markup = await renderChildren();
    for (const event of childEvents) {
      const child = new RegExp(`<reel-event[^>]*event-id="${event.id}"[^>]*>([\\s\\S]*?)</reel-event\\s*>`).exec(
        markup,
      );
      expect(child, event.id).not.toBeNull();
      const text = textOf(child![1]!);
      expect(text).toContain(event.title);
      // The date at its precision, before the title.
      expect(text.indexOf(childDates[event.id]!), `${event.id}: ${text}`).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(childDates[event.id]!)).toBeLessThan(text.indexOf(event.title));
      // A declarative shadow root that shows the content (a slot), not one that hides it.
      expect(child![1]).toMatch(/<template shadowroot="open"[^>]*>[\s\S]*<slot><\/slot>[\s\S]*<\/template>/);
    }
    expect(childEvents).toHaveLength(6);
    // The timeline's shadow root slots them in, and hides the chart it cannot draw yet (the
    // server renders a host before its children): no "No events", no axis of the current year.
    expect(markup).toMatch(/<div class="children" ><slot><\/slot><\/div>/);
    expect(markup).toMatch(/<div class="plot" part="plot" hidden>/);
    // No empty attributes added to what the author wrote.
    expect(markup).not.toMatch(/<reel-event[^>]*\s(end|status|tags|locations|people)[\s>]/);
  });

  it('hydrates in Chromium: the children stay as they were, then the chart draws them', async () => {
    const { page, errors } = await openServerPage(await renderChildren(), '.children, [part~="base"]');
    const serverNodes = await page.evaluate(() => (window as unknown as { serverNodes: Element[] }).serverNodes.length);
    // The timeline's base and children box, and each child's date and slot.
    expect(serverNodes).toBe(2 + childEvents.length * 2);
    await page.waitForFunction(
      (count) =>
        document.querySelector('reel-timeline')!.shadowRoot!.querySelectorAll('[part~="event"]').length === count,
      childEvents.length,
      { timeout: 60_000 },
    );
    await settled(page);
    const state = await hydrated(page);
    expect(errors).toEqual([]);
    expect(state).toEqual({
      kept: serverNodes,
      marks: childEvents.length,
      bases: 1,
      childrenShown: false,
      plotShown: true,
      dates: childEvents.map(() => 1),
    });
    // Every child is a mark named with its title.
    for (const event of childEvents)
      await expect
        .poll(() => page.locator(`reel-timeline [part~="event"][data-id="${event.id}"]`).getAttribute('aria-label'))
        .toContain(event.title);
    await page.close();
  });
});
