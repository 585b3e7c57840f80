/**
 * Mounting `<reel-timeline>` in the element tests (Vitest browser mode): a container of a given
 * width, removed after each test, and a wait for the ResizeObserver and Lit to settle.
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

/** Waits for the ResizeObserver and Lit to finish: a few frames, each followed by the update. */
export async function settle(el: ReelTimeline): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
  }
}
