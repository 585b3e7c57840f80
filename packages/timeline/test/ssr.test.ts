/**
 * Server rendering with @lit-labs/ssr, in Node with Lit's own DOM shim: `<reel-timeline>` given
 * the Dead Reckoning dataset renders to HTML (a declarative shadow root) that shows every event's
 * title and date and the axis, readable with JavaScript off; and Chromium, loading that HTML
 * with the client (test/hydration/entry.ts, built with Vite), hydrates it: the server's nodes
 * stay, nothing is drawn twice, and the element works.
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
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
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
    const markup = await renderTimeline();
    const site = mkdtempSync(join(tmpdir(), 'reeltime-ssr-'));
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
    // The page as a server would send it; a classic script notes the server's nodes before the
    // (deferred) module runs.
    writeFileSync(
      join(site, 'index.html'),
      `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body>${markup}
      <script>
        const root = document.querySelector('reel-timeline').shadowRoot;
        window.serverNodes = [...root.querySelectorAll('[part~="event"], [part~="axis"], [part~="lane"]')];
      </script>
      <script type="module" src="./client.js"></script></body></html>`,
    );
    const server: Server = createServer(sirv(site));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const serverNodes = await page.evaluate(
        () => (window as unknown as { serverNodes: Element[] }).serverNodes.length,
      );
      expect(serverNodes).toBeGreaterThan(deadReckoning.events.length);
      // Hydrated and laid out at the real size: updated, and nothing pending.
      await page.waitForFunction(
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
      const state = await page.evaluate(() => {
        const root = document.querySelector('reel-timeline')!.shadowRoot!;
        const nodes = (window as unknown as { serverNodes: Element[] }).serverNodes;
        return {
          kept: nodes.filter((node) => node.isConnected).length,
          marks: root.querySelectorAll('[part~="event"]').length,
          bases: root.querySelectorAll('[part~="base"]').length,
        };
      });
      expect(errors).toEqual([]);
      // The server's marks, lanes and axis are the live ones: none re-created, none doubled.
      expect(state).toEqual({ kept: serverNodes, marks: deadReckoning.events.length, bases: 1 });
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
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(site, { recursive: true, force: true });
    }
  });
});
