/**
 * Server rendering with @lit-labs/ssr, in Node with Lit's own DOM shim: `<reel-timeline>` given
 * the Dead Reckoning dataset renders to HTML (a declarative shadow root) that shows every event's
 * title and date and the axis, readable with JavaScript off.
 */
import deadReckoning from '@reeltime/data';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import '../src/define/reel-timeline.js';

/** The text a reader sees: markup and Lit's comment markers removed, entities decoded. */
const textOf = (markup: string) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('<reel-timeline> rendered on the server', () => {
  it('renders the Dead Reckoning events (titles and dates) and the axis into a declarative shadow root', async () => {
    const markup = await collectResult(
      render(html`<reel-timeline .data=${deadReckoning} lang="en-GB" locale="en-GB" marker=""></reel-timeline>`),
    );
    expect(markup).toContain('<template shadowroot="open" shadowrootmode="open">');
    const text = textOf(markup);
    // Every event is a mark named with its title and dates, as in the browser…
    const marks = [...markup.matchAll(/<g\s[^>]*part="event"[^>]*>/g)].map((match) =>
      textOf(match[0].replace(/^<g|>$/g, '').replace(/[\w-]+="([^"]*)"/g, ' $1 ')),
    );
    for (const event of deadReckoning.events)
      expect(
        marks.some((mark) => mark.includes(event.title)),
        event.title,
      ).toBe(true);
    expect(marks).toHaveLength(deadReckoning.events.length);
    expect(marks.find((mark) => mark.includes('US theatrical release'))).toMatch(/12 Jul 2023/);
    // …and the titles are on screen as text, but for a label with no room beside its mark (as at
    // this width in the browser too).
    const shown = deadReckoning.events.filter((event) => text.includes(event.title));
    expect(shown.length).toBeGreaterThanOrEqual(deadReckoning.events.length - 2);
    // The axis, with its years.
    const axis = /part="axis"[\s\S]*?<\/g>\s*<\/svg>|part="axis"[\s\S]*/.exec(markup)![0];
    for (const year of ['2020', '2021', '2022', '2023']) expect(textOf(axis)).toContain(year);
    expect(text).toContain('Dead Reckoning');
  });
});
