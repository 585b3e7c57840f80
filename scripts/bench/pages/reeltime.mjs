/**
 * reeltime's benchmark page: the shipped single-file bundle (`pnpm build` makes it), used only through
 * its public API (`data`, `src`, `model`, `problems`, `visibleRange`, `updateComplete`, the `marker`
 * attribute and `--reel-*` tokens).
 */
import '../../../packages/timeline/dist/reeltime.bundle.js';
import { INK } from '../ink.mjs';
import { reeltimeDataset } from '../workload.mjs';
import { installHarness, nextFrame } from './harness.mjs';

let element;

/** Waits until Lit has no update pending (an update may request another one, e.g. after measuring). */
async function settle(el) {
  for (let i = 0; i < 10 && !(await el.updateComplete); i++);
}

installHarness({
  name: 'reeltime',

  async create(container) {
    element = document.createElement('reel-timeline');
    element.setAttribute('marker', '');
    element.style.display = 'block';
    // Marks take their lane's colour: all four lane tokens set to the ink the screenshot check counts.
    for (let i = 1; i <= 4; i++) element.style.setProperty(`--reel-color-lane-${i}`, INK);
    container.append(element);
    await settle(element);
  },

  prepare: reeltimeDataset,

  async mount(_container, data) {
    element.data = data;
    await settle(element);
  },

  // The file arrives through the public API only: `src`, then the read-only `model` (the parsed
  // dataset) and `problems` (which name a failed load). Checked once per frame until either shows it.
  async mountSrc(_container, url) {
    element.src = url;
    for (;;) {
      await settle(element);
      if (element.model.events.length > 0) break;
      const error = element.problems.find((problem) => problem.severity === 'error');
      if (error) throw new Error(error.message);
      await nextFrame();
    }
    return { events: element.model.events.length, problems: element.problems.length };
  },

  visibleRange() {
    const { from, to } = element.visibleRange;
    return { from, to };
  },

  wheelTarget: () => element,

  // The first pointer over the plot loads d3-zoom (its own chunk): settled before the wheel steps,
  // so the zoom frames measure zooming, not the chunk's fetch.
  pointerReady: () => settle(element),
});
