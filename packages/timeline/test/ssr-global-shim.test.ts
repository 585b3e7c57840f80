/**
 * Server rendering with @lit-labs/ssr's global DOM shim installed (a `document` whose canvas has
 * no `getContext`): the render must not throw, and shows the events as with Lit's own shim.
 */
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import deadReckoning from '@reeltime/data';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { expect, it } from 'vitest';

it('renders <reel-timeline> under the global DOM shim', async () => {
  await import('../src/define/reel-timeline.js');
  const markup = await collectResult(
    render(html`<reel-timeline .data=${deadReckoning} locale="en-GB" marker=""></reel-timeline>`),
  );
  expect(markup.match(/part="event"/g)).toHaveLength(deadReckoning.events.length);
  expect(markup).toContain('Filming wraps');
});
