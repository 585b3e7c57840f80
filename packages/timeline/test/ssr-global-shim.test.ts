/**
 * Server rendering with @lit-labs/ssr's global DOM shim installed (a `document` whose canvas has
 * no `getContext`): the render must not throw, and shows the events as with Lit's own shim; and
 * `renderTimelines` draws `<reel-event>` children there too.
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

it('renders <reel-event> children into the chart with renderTimelines under the global DOM shim', async () => {
  const { renderTimelines } = await import('../src/ssr/index.js');
  const markup = await renderTimelines(
    html`<reel-timeline lang="en-US"
      ><reel-event start="2019"><strong>Announced</strong></reel-event
      ><reel-event start="2023-07-12"><strong>Released</strong></reel-event></reel-timeline
    >`,
  );
  expect(markup.match(/part="event"/g)).toHaveLength(2);
  expect(markup).toContain('aria-label="Released, Jul 12, 2023"');
  expect(markup).toMatch(/<reel-timeline\s[^>]*\bssr-children[\s>]/);
});
