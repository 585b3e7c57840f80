/**
 * The page the profiling scripts (profile-render.mjs, profile-zoom.mjs) drive: the bench's reeltime
 * page and workload, built into its own folder and served on a free port.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import sirv from 'sirv';
import { build } from 'vite';
import { pageHtml } from './build-pages.mjs';

/**
 * Builds the bench's reeltime page into `<out>/pages/reeltime`. With `bundle`, from the shipped,
 * minified `dist/reeltime.bundle.js` (the bench's chunk layout); without it, unminified from the
 * element's unbundled `dist/bundle.js`, so a profile names functions (its chunks differ).
 */
export async function buildProfilePage({ root, out, bundle = false }) {
  const outDir = `${out}/pages/reeltime`;
  const alias = bundle
    ? []
    : [
        {
          find: /^.*\/packages\/timeline\/dist\/reeltime\.bundle\.js$/,
          replacement: `${root}/packages/timeline/dist/bundle.js`,
        },
      ];
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: bundle,
      reportCompressedSize: false,
      rolldownOptions: {
        input: `${root}/scripts/bench/pages/reeltime.mjs`,
        output: { entryFileNames: 'page.js', assetFileNames: 'assets/[name]-[hash][extname]' },
      },
    },
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/index.html`, pageHtml('reeltime', false));
}

/** Serves `<out>/pages` on 127.0.0.1 at a free port: the server and the page's URL. */
export async function servePage(out) {
  const server = createServer(sirv(`${out}/pages`, { dev: true }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, pageUrl: `http://127.0.0.1:${server.address().port}/reeltime/index.html` };
}

/**
 * A fresh page at the bench's viewport (1280×720, scale 1, UTC, as the driver's) on the profiling
 * page, its workload of `n` events prepared (not yet rendered), with a CDP session.
 */
export async function openProfilePage(browser, pageUrl, n) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('pageerror', error.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'bench' in window);
  await page.evaluate((count) => window.bench.prepare({ n: count }), n);
  return { page, cdp };
}
