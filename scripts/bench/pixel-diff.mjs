/**
 * Whether a change to the marks keeps the bench's pictures: renders the bench's reeltime page from
 * each of two built page folders (as trace-render.mjs takes them), lets the first view settle (the
 * margin lanes and background placement included), screenshots the container, zooms with the
 * driver's wheel steps, screenshots again, and prints how many pixels differ between the two
 * folders in each picture (0 and 0: pixel-identical). The PNGs go to reports/bench/pixel-diff/.
 *
 *   node scripts/bench/pixel-diff.mjs --pages before,after [--n 1000] [--steps 60]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import sirv from 'sirv';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { CONTAINER } from './build-pages.mjs';
import { wheelSteps } from './driver.mjs';
import { openProfilePage } from './profile-page.mjs';
import { decodePng } from './pixels.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    n: { type: 'string', default: '1000' },
    steps: { type: 'string', default: '60' },
  },
});
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}/reports/bench/pixel-diff`;
mkdirSync(out, { recursive: true });
const folders = values.pages.split(',');
const shots = [];
for (const [i, folder] of folders.entries()) {
  const server = createServer(sirv(folder, { dev: true }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/reeltime/index.html`;
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const { page, cdp } = await openProfilePage(browser, url, Number(values.n));
    const settle = () =>
      page.evaluate(async () => {
        for (let k = 0; k < 10; k++) {
          await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
          await window.bench.nextFrame();
        }
      });
    await page.evaluate(() => window.bench.render());
    await settle();
    const clip = { x: 0, y: 0, ...CONTAINER };
    const first = await page.screenshot({ clip });
    const point = await page.evaluate(() => window.bench.wheelPoint());
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: point.x, y: point.y });
    await page.evaluate(() => window.bench.pointerReady());
    await wheelSteps(page, cdp, point, Number(values.steps));
    await settle();
    const zoomed = await page.screenshot({ clip });
    writeFileSync(`${out}/${i}-first.png`, first);
    writeFileSync(`${out}/${i}-zoomed.png`, zoomed);
    shots.push([first, zoomed]);
  } finally {
    await browser.close();
    server.close();
  }
}
const differ = (a, b) => {
  const [x, y] = [decodePng(a), decodePng(b)];
  if (x.width !== y.width || x.height !== y.height) return Infinity;
  let count = 0;
  for (let p = 0; p < x.width * x.height; p++)
    for (let c = 0; c < 3; c++)
      if (x.pixels[p * x.channels + c] !== y.pixels[p * y.channels + c]) {
        count++;
        break;
      }
  return count;
};
for (let i = 1; i < shots.length; i++)
  console.log(
    `${folders[0]} vs ${folders[i]}: first view ${differ(shots[0][0], shots[i][0])} pixels differ, ` +
      `zoomed ${differ(shots[0][1], shots[i][1])}`,
  );
