/**
 * `renderTimelines` (`@reeltime/timeline/ssr`) in Node: each timeline gets its own children (several
 * on a page, nested in a shadow root, beside one given `.data`); the children are read from the
 * markup with the element's rules (title, paragraphs, sources, lists, links resolved against
 * `base`), as the browser reads them (timeline.test.ts); a template that renders differently the
 * second time is refused. The chart and hydration are in ssr.test.ts.
 */
import deadReckoning from '@reeltime/data';
import { html, LitElement } from 'lit';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { readEventElement } from '../src/event/event.js';
import { renderTimelines } from '../src/ssr/index.js';
import { elementsWith, ParsedElement } from '../src/ssr/parsed.js';
import { textOf } from './hydration/page.js';

/** The `<reel-timeline>` elements of `markup`, each cut at the next one (they are not nested here). */
const timelinesIn = (markup: string) => markup.split('<reel-timeline').slice(1);
/** The mark labels (aria-label) in a timeline's markup. */
const labelsIn = (markup: string) =>
  [...markup.matchAll(/<g\s[^>]*part="event"[^>]*aria-label="([^"]*)"/g)].map((match) => textOf(match[1]!));

class ReelShell extends LitElement {
  override render() {
    return html`<section>
      <reel-timeline lang="en-US"
        ><reel-event start="2001"><b>In a shadow root</b></reel-event></reel-timeline
      >
    </section>`;
  }
}
customElements.define('reel-test-shell', ReelShell);

describe('renderTimelines', () => {
  it('gives each timeline its own children: several on a page, one in a shadow root, one with .data', async () => {
    const markup = await renderTimelines(
      html`<main>
        <reel-timeline lang="en-US"
          ><reel-event start="1990"><strong>First A</strong></reel-event
          ><reel-event start="1991"><strong>First B</strong></reel-event></reel-timeline
        >
        <reel-timeline lang="en-GB" locale="en-GB" .data=${deadReckoning} marker=""></reel-timeline>
        <div>
          <reel-timeline lang="en-US"
            ><reel-event start="2010-05"><h3>Second</h3></reel-event></reel-timeline
          >
        </div>
        <reel-test-shell></reel-test-shell>
        <reel-timeline lang="en-US"></reel-timeline>
      </main>`,
    );
    const [first, data, second, shell, empty] = timelinesIn(markup);
    expect(labelsIn(first!)).toEqual(['First A, 1990', 'First B, 1991']);
    expect(first).toMatch(/^[^>]*\bssr-children[\s>]/);
    expect(labelsIn(data!)).toHaveLength(deadReckoning.events.length);
    expect(data).not.toContain('ssr-children');
    expect(labelsIn(second!)).toEqual(['Second, May 2010']);
    expect(labelsIn(shell!)).toEqual(['In a shadow root, 2001']);
    // No children: nothing to read, rendered as render() does (no empty chart).
    expect(labelsIn(empty!)).toEqual([]);
    expect(empty).toMatch(/<div class="plot" part="plot" hidden>/);
    expect(empty).not.toContain('ssr-children');
    expect(markup).not.toContain('data-reeltime-ssr');
  });

  it('escapes what the children say: text stays text in the chart', async () => {
    const markup = await renderTimelines(
      html`<reel-timeline lang="en-US"
        ><reel-event start="2020"><strong>${'<img src=x onerror=alert(1)> & co'}</strong></reel-event></reel-timeline
      >`,
    );
    expect(markup).not.toContain('<img');
    // Escaped in the mark's name (`textOf` decodes only `&amp;` and quotes).
    expect(labelsIn(markup)).toEqual(['&lt;img src=x onerror=alert(1)&gt; & co, 2020']);
  });

  it('refuses a template that renders its children differently the second time (a one-shot iterator)', async () => {
    function* children() {
      yield html`<reel-event start="2020"><strong>Once</strong></reel-event>`;
    }
    await expect(renderTimelines(html`<reel-timeline>${children()}</reel-timeline>`)).rejects.toThrow(
      /differently the second time.*render the same twice/,
    );
  });
});

describe('readEventElement on a server parse (ParsedElement)', () => {
  const read = (markup: string, base?: string) => {
    const [element] = elementsWith(parse(markup), 'start');
    return readEventElement(new ParsedElement(element!, base), 0);
  };

  it('reads what the browser reads: title, paragraphs, sources, lists, status', () => {
    expect(
      read(
        `<reel-event id="wrap" start="2021-09" end=" 2021-10 " lane="production" status="approximate"
          tags="filming, wrap" locations="Rome; Venice" people="A. B.;C. D.">
          <template shadowrootmode="open"><time>Sep 2021</time><slot></slot></template>
          <!--lit-part--><h2>Filming  <em>wraps</em></h2><!--/lit-part-->
          <p>Principal photography <b>ends</b>.</p>
          <p>Second paragraph, <cite><a href="https://example.org/a">An article</a></cite></p>
          <cite>A book, no link</cite>
          <cite><span><a name="x">anchor</a><a href="/relative">Relative</a></span></cite>
        </reel-event>`,
        'https://example.org/page/',
      ),
    ).toEqual({
      id: 'wrap',
      title: 'Filming wraps',
      start: '2021-09',
      end: '2021-10',
      lane: 'production',
      status: 'approximate',
      description: 'Principal photography ends.\n\nSecond paragraph, An article',
      tags: ['filming', 'wrap'],
      locations: ['Rome', 'Venice'],
      people: ['A. B.', 'C. D.'],
      sources: [
        { title: 'An article', url: 'https://example.org/a' },
        { title: 'A book, no link' },
        { title: 'anchorRelative', url: 'https://example.org/relative' },
      ],
    });
  });

  it('falls back to the own text for a title, and to the position for an id; a relative link needs base', () => {
    expect(
      read(`<reel-event start="2020">Just text <p>and a paragraph</p><cite><a href="/x">Rel</a></cite></reel-event>`),
    ).toEqual({
      id: 'event-1',
      title: 'Just text',
      start: '2020',
      description: 'and a paragraph',
      sources: [{ title: 'Rel' }],
    });
  });
});
