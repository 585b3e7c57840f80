import { createApp, type App as VueApp } from 'vue';
import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import App from './App.vue';

/** Conditions are waited for; the timeout is only a backstop for a broken page. */
const UNTIL = { timeout: 30_000 };
const apps: VueApp[] = [];
afterEach(() => apps.splice(0).forEach((app) => app.unmount()));

it('draws the dataset given as a property and shows the selection the handler received', async () => {
  const container = document.createElement('div');
  container.style.width = '960px';
  document.body.append(container);
  const app = createApp(App);
  apps.push(app);
  app.mount(container);
  const timeline = container.querySelector('reel-timeline')!;
  // Vue set `data` as a property (not an attribute "[object Object]"): the whole dataset parsed.
  expect(timeline.hasAttribute('data')).toBe(false);
  await expect.poll(() => timeline.model.events.length, UNTIL).toBeGreaterThan(20);
  const release = () => timeline.shadowRoot!.querySelector<SVGGElement>('[part~="event"][data-id="us-release"]');
  await expect.poll(release, UNTIL).not.toBeNull();
  await userEvent.click(release()!);
  await expect
    .element(container.querySelector<HTMLElement>('[data-testid="selection"]')!, UNTIL)
    .toHaveTextContent(/Selected: .*release/i);
});
