import { createRoot } from 'react-dom/client';
import { act } from 'react';
import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { App } from './App.js';

/** Conditions are waited for; the timeout is only a backstop for a broken page. */
const UNTIL = { timeout: 30_000 };
const roots: (() => void)[] = [];
afterEach(() => roots.splice(0).forEach((unmount) => unmount()));

it('draws the dataset given as a property and shows the selection the handler received', async () => {
  const container = document.createElement('div');
  container.style.width = '960px';
  document.body.append(container);
  const root = createRoot(container);
  roots.push(() => {
    root.unmount();
    container.remove();
  });
  await act(async () => root.render(<App />));
  const timeline = container.querySelector('reel-timeline')!;
  // React 19 set `data` as a property: the element parsed the whole dataset.
  await expect.poll(() => timeline.model.events.length, UNTIL).toBeGreaterThan(20);
  const release = () => timeline.shadowRoot!.querySelector<SVGGElement>('[part~="event"][data-id="us-release"]');
  await expect.poll(release, UNTIL).not.toBeNull();
  await userEvent.click(release()!);
  await expect
    .element(container.querySelector<HTMLElement>('[data-testid="selection"]')!, UNTIL)
    .toHaveTextContent(/Selected: .*release/i);
});
