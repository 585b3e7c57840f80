/**
 * A reader opens a source from the details, over http, as a user would: from the plain page in
 * the repository (data/src/ beside data/sources/), and from `@reeltime/data` packed with `pnpm pack`
 * and installed into a page's node_modules (only what the package publishes). Needs `pnpm build`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/reeltime.bundle.js', import.meta.url));
const dataPackage = fileURLToPath(new URL('../../../data/', import.meta.url));

/** The quote the "Filming wraps" event cites from its first source. */
const QUOTE = 'However, this was halted, before resuming later in the year and eventually wrapping in September 2021.';

let browser: Browser;
const servers: Server[] = [];
let work: string;

async function serve(root: string): Promise<string> {
  const server = createServer(sirv(root, { dev: true }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('dist/reeltime.bundle.js is missing: run `pnpm build` first');
  work = mkdtempSync(join(tmpdir(), 'reeltime-sources-'));
  browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Opens `page` of `base`, selects "Filming wraps", clicks its first source's title and returns the
 * href it had and the text of the tab it opened.
 */
async function openFirstSource(base: string, page: string): Promise<{ href: string; text: string; type: string }> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${base}${page}`);
  const mark = tab.locator('reel-timeline [part~="event"][data-id="filming-wraps"]');
  await expect.poll(() => mark.count(), { timeout: 15_000 }).toBe(1);
  await mark.click();
  const link = tab.locator('reel-timeline [part~="details"] a.source-title').first();
  await expect.poll(() => link.count()).toBe(1);
  const href = (await link.getAttribute('href'))!;
  const [article] = await Promise.all([tab.context().waitForEvent('page'), link.click()]);
  await article.waitForLoadState();
  expect(article.url()).toBe(href);
  const text = (await article.locator('body').textContent()) ?? '';
  const type = (await fetch(href)).headers.get('content-type') ?? '';
  expect(errors).toEqual([]);
  await article.close();
  await tab.close();
  return { href, text, type };
}

describe('the source links in the details', () => {
  it('open the article text from the plain page in the repository', async () => {
    const base = await serve(repo);
    const { href, text } = await openFirstSource(base, '/packages/timeline/examples/dead-reckoning.html');
    expect(href).toBe(`${base}/data/sources/000_d5f31131fce22306.txt`);
    expect(text).toContain(QUOTE);
    // Decoded as UTF-8 although the server sends no charset (the file's byte order mark says so).
    expect(text).toContain('Mission: Impossible - Dead Reckoning Part One races ever closer');
    expect(text).not.toContain('â€');
  });

  it('open the article text from the packed @reeltime/data, installed in a page', async () => {
    const packed = join(work, 'packed');
    mkdirSync(packed);
    execFileSync('pnpm', ['pack', '--pack-destination', packed], { cwd: dataPackage, stdio: 'pipe' });
    const tarball = readdirSync(packed).find((name) => name.endsWith('.tgz'))!;
    const site = join(work, 'site');
    const installed = join(site, 'node_modules', '@reeltime', 'data');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(packed, tarball), '-C', installed, '--strip-components=1']);
    // A self-hosted copy is the bundle and the chunks folder beside it (parts loaded on first use).
    copyFileSync(bundle, join(site, 'reeltime.bundle.js'));
    cpSync(fileURLToPath(new URL('../dist/chunks', import.meta.url)), join(site, 'chunks'), { recursive: true });
    writeFileSync(
      join(site, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Packed</title>
       <script type="module" src="reeltime.bundle.js"></script></head>
       <body><reel-timeline src="node_modules/@reeltime/data/dist/dead-reckoning.json"></reel-timeline></body></html>`,
    );
    const base = await serve(site);
    const { href, text, type } = await openFirstSource(base, '/index.html');
    expect(href).toBe(`${base}/node_modules/@reeltime/data/sources/000_d5f31131fce22306.txt`);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toContain(QUOTE);
    expect(text).not.toContain('â€');
  });
});
