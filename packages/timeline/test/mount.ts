/**
 * Mounting `<reel-timeline>` in the element tests (Vitest browser mode): a container of a given
 * width, removed after each test, and a wait until the element has settled.
 */
import { afterEach } from 'vitest';
import '../src/define/reel-timeline.js';
import type { ReelTimeline } from '../src/index.js';

const containers: HTMLElement[] = [];

afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});

/** Mounts a timeline (`attributes` on its tag, `inner` as its children) and waits for it to draw. */
export async function mount(
  setup: (el: ReelTimeline) => void = () => {},
  width = 960,
  inner = '',
  attributes = 'lang="en-US"',
): Promise<ReelTimeline> {
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  container.innerHTML = `<reel-timeline ${attributes}>${inner}</reel-timeline>`;
  const el = container.querySelector('reel-timeline')!;
  setup(el);
  document.body.append(container);
  containers.push(container);
  await settle(el);
  return el;
}

/**
 * Waits until the element has settled: two whole animation frames pass in which its shadow DOM
 * did not change and no update is pending (two, because a ResizeObserver reports after the
 * frame's callbacks ran, and the update it asks for lands in the next one). A condition, not a count of frames or a time: on a
 * busy machine the ResizeObserver, Lit's updates, a data source's answers and the words of a
 * language loaded on first use all arrive later, and the wait simply lasts longer. (A fixed
 * number of frames returned early under load, and the test then acted on a mark or region
 * that the next update replaced; a click on a detached node waits until the test times out.)
 */
export async function settle(el: ReelTimeline): Promise<void> {
  const root = el.shadowRoot ?? el;
  let changed = true;
  let quietFrames = 0;
  const observer = new MutationObserver(() => (changed = true));
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    for (;;) {
      changed = false;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const quiet = (await el.updateComplete) && !el.isUpdatePending;
      // Mutation records are delivered as microtasks: let them land before reading `changed`.
      await Promise.resolve();
      quietFrames = quiet && !changed ? quietFrames + 1 : 0;
      if (quietFrames === 2) return;
    }
  } finally {
    observer.disconnect();
  }
}

/**
 * Brings a pointer over the plot and waits for d3-zoom, which loads on that first contact
 * (zoom-controller.ts). Real input always passes over the plot before it presses there; tests that
 * dispatch a press or a touch straight away call this first.
 */
export async function pointAtPlot(el: ReelTimeline): Promise<void> {
  const plot = el.shadowRoot!.querySelector('svg[role="group"]')!;
  plot.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  await el.updateComplete;
}
