// Screenshots of what a user sees: the plain page (built bundle) and, when `pnpm build-storybook`
// has run, every story. Writes PNGs to reports/screenshots/ (and --readme updates the README image).
// Usage: node scripts/screenshots.mjs [--readme]
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import sirv from 'sirv';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}reports/screenshots`;
mkdirSync(out, { recursive: true });
const server = createServer(sirv(root, { dev: true }));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });

async function shoot(url, file, { width = 1280, height = 800, scheme = 'light', wait = '[part~="event"]' } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  await page.goto(url);
  if (wait)
    await page
      .locator(`reel-timeline ${wait}`)
      .first()
      .waitFor({ timeout: 15000 })
      .catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${file}`, fullPage: true });
  await page.close();
  console.log(`${out}/${file}`);
}

await shoot(`${base}/packages/timeline/examples/dead-reckoning.html`, 'plain-page.png');
await shoot(`${base}/packages/timeline/examples/dead-reckoning.html`, 'plain-page-dark.png', { scheme: 'dark' });
await shoot(`${base}/packages/timeline/examples/dead-reckoning.html`, 'plain-page-narrow.png', { width: 400 });

if (existsSync(`${root}storybook-static/index.json`)) {
  const index = JSON.parse(readFileSync(`${root}storybook-static/index.json`, 'utf8'));
  for (const entry of Object.values(index.entries)) {
    if (entry.type !== 'story') continue;
    await shoot(`${base}/storybook-static/iframe.html?id=${entry.id}&viewMode=story`, `story-${entry.id}.png`, {
      wait: null,
    });
  }
}
if (process.argv.includes('--readme'))
  copyFileSync(`${out}/plain-page.png`, `${root}packages/timeline/examples/dead-reckoning.png`);
await browser.close();
server.close();
