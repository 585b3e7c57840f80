/**
 * Rich text and media in the details (issue 14): a description given as HTML (TimelineJS3's text)
 * goes through DOMPurify's allow-list, in its own chunk, with the plain text shown until it loads;
 * an XSS corpus renders inert. Media: a picture is drawn, a page is a link, a third party's player
 * is a card that requests nothing from that party until the reader presses its button.
 */
import type { DatasetInput } from '@reeltime/core';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const details = (el: ReelTimeline) => el.shadowRoot!.querySelector<HTMLElement>('[part~="details"]');

declare global {
  interface Window {
    __reelXss?: number;
  }
}

/** Each would set `window.__reelXss` if anything in it ran. */
const CORPUS = [
  '<script>window.__reelXss=1</script>',
  '<img src=x onerror="window.__reelXss=2">',
  '<a href="javascript:window.__reelXss=3">js link</a>',
  '<a href="JaVaScRiPt:window.__reelXss=3">js link caps</a>',
  '<a href=" javascript:window.__reelXss=3">js link space</a>',
  '<a href="data:text/html,<script>window.__reelXss=4</script>">data link</a>',
  '<svg><script>window.__reelXss=5</script><a xlink:href="javascript:window.__reelXss=5">svg</a></svg>',
  '<svg onload="window.__reelXss=6"></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__reelXss=7"></style></mglyph></table></mtext></math>',
  '<style>*{color:red !important}</style>',
  '<p style="position:fixed;inset:0;background:red">styled</p>',
  '<iframe src="javascript:window.__reelXss=8"></iframe>',
  '<iframe srcdoc="<script>parent.__reelXss=9</script>"></iframe>',
  '<details open ontoggle="window.__reelXss=10">x</details>',
  '<form><button formaction="javascript:window.__reelXss=11">go</button></form>',
  '<p onclick="window.__reelXss=12" onmouseover="window.__reelXss=12">hover</p>',
  '<object data="javascript:window.__reelXss=13"></object><embed src="javascript:window.__reelXss=13">',
  '<noscript><p title="</noscript><img src=x onerror=window.__reelXss=14>"></noscript>',
  '<template><img src=x onerror="window.__reelXss=15"></template>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__reelXss=16">',
].join('\n');

const ALLOWED = new Set(['P', 'A', 'EM', 'STRONG', 'BLOCKQUOTE', 'CITE', 'UL', 'OL', 'LI', 'BR']);

function dataWith(event: Record<string, unknown>): DatasetInput {
  return { events: [{ id: 'x', title: 'The event', start: '2020-05-01', ...event }] } as DatasetInput;
}

async function open(event: Record<string, unknown>): Promise<ReelTimeline> {
  const el = await mount((el) => {
    el.data = dataWith(event);
  });
  el.selected = 'x';
  await settle(el);
  return el;
}

/** The sanitised description, once the sanitizer's chunk has drawn it. */
async function richOf(el: ReelTimeline): Promise<HTMLElement> {
  await expect.poll(() => details(el)?.querySelector('.rich')).not.toBeNull();
  return details(el)!.querySelector<HTMLElement>('.rich')!;
}

describe('rich text in the details', () => {
  it('keeps the allowed markup: paragraphs, http/https/mailto links, emphasis, quotes, lists, breaks', async () => {
    const el = await open({
      description: 'Plain words',
      descriptionHtml:
        '<p>One <em>two</em> <strong>three</strong><br>four</p><blockquote>Q <cite>Who</cite></blockquote>' +
        '<ul><li>a</li></ul><ol><li>b</li></ol><a href="https://example.org/x">web</a> ' +
        '<a href="mailto:desk@example.org">mail</a> <span class="x">span text</span> <h1>big</h1> <b>bold</b> <i>it</i>',
    });
    const rich = await richOf(el);
    expect(rich.querySelectorAll('p em, p strong, p br, blockquote cite, ul li, ol li')).toHaveLength(6);
    const links = [...rich.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/x', 'mailto:desk@example.org']);
    expect(links.every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer')).toBe(true);
    // Not allowed: dropped, their words kept as text.
    expect(rich.querySelector('span, h1, b, i')).toBeNull();
    expect(rich.textContent).toContain('span text');
    expect(rich.textContent).toContain('big');
    // The plain description does not show beside it.
    expect(details(el)!.textContent).not.toContain('Plain words');
    const results = await axe.run(details(el)!, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('renders an XSS corpus inert: no script, handler, javascript: link, style, frame or foreign markup', async () => {
    delete window.__reelXss;
    const el = await open({ descriptionHtml: `<p>Before</p>${CORPUS}<p>After</p>` });
    const rich = await richOf(el);
    expect(rich.textContent).toContain('Before');
    // (Text after the corpus may be swallowed by its unclosed tricks, as a browser would; dropped, never run.)
    for (const node of rich.querySelectorAll('*')) {
      expect(ALLOWED.has(node.tagName), node.outerHTML).toBe(true);
      for (const attr of node.attributes) {
        expect(['href', 'target', 'rel'], `${attr.name} on ${node.tagName}`).toContain(attr.name);
      }
    }
    for (const a of rich.querySelectorAll('a[href]')) {
      expect(a.getAttribute('href')).toMatch(/^(?:https?|mailto):/i);
    }
    // Nothing was inserted anywhere else in the shadow root either.
    const root = el.shadowRoot!;
    expect(
      root.querySelector('script, iframe, object, embed, svg script, math, style:not([data-reel]), base, meta'),
    ).toBeNull();
    // Hover and click what remains; let a frame and the image error handlers have their chance.
    for (const p of rich.querySelectorAll('p')) await userEvent.hover(p);
    await settle(el);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(window.__reelXss).toBeUndefined();
    // No style leaked: the text keeps the element's colour.
    expect(getComputedStyle(rich).color).toBe(getComputedStyle(details(el)!).color);
  });

  it('shows the plain text when the event has no HTML, and never parses it as HTML', async () => {
    const el = await open({ description: '<b>not bold</b><img src=x onerror="window.__reelXss=1">' });
    const box = details(el)!;
    expect(box.querySelector('.rich, b, img')).toBeNull();
    expect(box.textContent).toContain('<b>not bold</b>');
  });

  it('shows displayDate instead of the formatted dates, keeping them beside it', async () => {
    const el = await open({ displayDate: 'Spring, as they remember it' });
    const when = details(el)!.querySelector('.when')!;
    expect(when.textContent).toContain('Spring, as they remember it');
    expect(when.querySelector('.formal')!.textContent).toMatch(/2020/);
  });
});

/** Requests the page made for a host, as the browser's resource timing saw them. */
const requestsTo = (host: string) =>
  performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).hostname.endsWith(host));

describe('media in the details', () => {
  it('draws a picture with its caption and credit, and links a page', async () => {
    const el = await open({
      media: { url: 'https://example.org/photo.jpg', caption: 'The set', credit: 'Photo: A. B.' },
    });
    const img = details(el)!.querySelector<HTMLImageElement>('.media img')!;
    expect(img.getAttribute('src')).toBe('https://example.org/photo.jpg');
    expect(img.alt).toBe('The set');
    expect(details(el)!.querySelector('.media figcaption')!.textContent).toContain('Photo: A. B.');
    el.data = dataWith({ media: { url: 'https://example.org/article', caption: 'Read the article' } });
    await settle(el);
    const link = details(el)!.querySelector<HTMLAnchorElement>('.media a')!;
    expect(link.getAttribute('href')).toBe('https://example.org/article');
    expect(link.textContent).toBe('Read the article');
  });

  it('makes a YouTube video a click-to-load card: no request to YouTube until the button is pressed', async () => {
    const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
    const el = await open({ media: { url, caption: 'The trailer' } });
    const card = details(el)!.querySelector<HTMLElement>('.media.card')!;
    expect(card).not.toBeNull();
    // Nothing in the card can make a request: no frame, picture, source or style with a URL.
    expect(card.querySelector('iframe, img, video, audio, source, object, embed, link')).toBeNull();
    expect(details(el)!.querySelector('iframe')).toBeNull();
    expect(requestsTo('youtube-nocookie.com')).toHaveLength(0);
    expect(requestsTo('youtube.com')).toHaveLength(0);
    expect(card.querySelector('.card-note')!.textContent).toContain('youtube.com');
    const button = card.querySelector('button')!;
    expect(button.textContent).toBe('Load from youtube.com');
    await userEvent.click(button);
    await settle(el);
    const frame = details(el)!.querySelector<HTMLIFrameElement>('.media iframe')!;
    expect(frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(frame.title).toBe('The trailer');
    await expect.poll(() => el.shadowRoot!.activeElement).toBe(frame);
  });

  it('makes a social post a card with a link to open it there, and a map a card too', async () => {
    const el = await open({ media: { url: 'https://twitter.com/someone/status/1' } });
    const card = details(el)!.querySelector<HTMLElement>('.media.card')!;
    expect(card.querySelector('button')).toBeNull();
    expect(card.querySelector('a')!.textContent).toBe('Open on twitter.com');
    el.data = dataWith({ media: { url: 'https://www.google.com/maps/place/Venice' } });
    await settle(el);
    const map = details(el)!.querySelector<HTMLElement>('.media.card')!;
    expect(map.querySelector('button')!.textContent).toBe('Load from google.com');
    expect(details(el)!.querySelector('iframe')).toBeNull();
  });

  it('names the card in the reader’s language', async () => {
    const el = await mount((el) => {
      el.locale = 'de';
      el.data = dataWith({ media: { url: 'https://youtu.be/dQw4w9WgXcQ' } });
    });
    el.selected = 'x';
    await settle(el);
    await expect.poll(() => details(el)?.querySelector('.media.card button')?.textContent).toBe('Von youtu.be laden');
  });
});
