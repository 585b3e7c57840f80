/**
 * axe on every story in dark and forced colours too (issue 13). The a11y addon runs axe once per
 * story, in light; after it, this hook emulates `prefers-color-scheme: dark` and then
 * `forced-colors: active` in the same browser (Chromium's DevTools protocol) and runs axe again on
 * the rendered story. Any violation fails the story's test, named with the mode it appeared in.
 */
import axe from 'axe-core';
import { afterEach } from 'vitest';
import { cdp } from 'vitest/browser';

type Feature = { name: string; value: string };

const MODES: readonly { label: string; features: Feature[] }[] = [
  { label: 'dark', features: [{ name: 'prefers-color-scheme', value: 'dark' }] },
  { label: 'forced colours', features: [{ name: 'forced-colors', value: 'active' }] },
];

async function emulate(features: Feature[]): Promise<void> {
  // The session is Playwright's (typed by @vitest/browser-playwright, not referenced here).
  const session = cdp() as unknown as { send(method: string, params: object): Promise<unknown> };
  await session.send('Emulation.setEmulatedMedia', { features });
}

/** Two frames: the new media's styles are computed and any re-render they cause is painted. */
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

afterEach(async () => {
  // The story's canvas: Storybook's root, or the test runner's (`#root-inner`).
  const root = document.querySelector('#root-inner') ?? document.querySelector('#storybook-root');
  if (!root || root.childElementCount === 0) return;
  const found: string[] = [];
  try {
    for (const mode of MODES) {
      await emulate(mode.features);
      await frames();
      // As the a11y addon: a story is a fragment, not a page, so it has no landmarks of its own.
      const results = await axe.run(root, { rules: { region: { enabled: false } } });
      for (const violation of results.violations) {
        const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
        found.push(`${mode.label}: ${violation.id} (${violation.help}) at ${targets}`);
      }
    }
  } finally {
    await emulate([]);
  }
  if (found.length > 0) throw new Error(`axe violations:\n${found.join('\n')}`);
});
