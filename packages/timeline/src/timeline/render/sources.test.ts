import deadReckoning, { datasetUrl } from '@reeltime/data';
import { parseDate, type DatasetInput, type Source, type TimePoint } from '@reeltime/core';
import { render } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../../test/mount.js';
import { ENGLISH_MESSAGES as ENGLISH } from '../../i18n/english.js';
import { Messages } from '../../i18n/messages.js';
import type { ReelTimeline } from '../../index.js';
import type { RenderContext } from './context.js';
import { renderSources, safeHref } from './sources.js';

const details = (el: ReelTimeline) => el.shadowRoot!.querySelector<HTMLElement>('[part~="details"]');

/** Clicks the event's mark and returns its details. */
async function open(el: ReelTimeline, id: string): Promise<HTMLElement> {
  const mark = el.shadowRoot!.querySelector<SVGGElement>(`[part~="event"][data-id="${id}"]`)!;
  await userEvent.click(mark);
  await settle(el);
  return details(el)!;
}

/** The sources block alone, rendered into a detached element with only what it reads. */
function renderAlone(sources: readonly Source[], base?: string): HTMLElement {
  const ctx = { base, msg: new Messages(ENGLISH, 'en-GB'), dateOptions: { locale: 'en-GB' } } as RenderContext;
  const host = document.createElement('div');
  render(renderSources(sources, ctx), host);
  return host;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('safeHref: only http(s) and relative links', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '',
    '  ',
  ])('refuses %j, with or without a base', (value) => {
    expect(safeHref(value, undefined)).toBeUndefined();
    expect(safeHref(value, 'https://example.org/pkg/dist/data.json')).toBeUndefined();
  });

  it('keeps http(s) URLs and resolves relative ones against the dataset URL when there is one', () => {
    expect(safeHref('https://collider.com/a/', undefined)).toBe('https://collider.com/a/');
    expect(safeHref('HTTP://example.org/a', undefined)).toBe('HTTP://example.org/a');
    expect(safeHref('../sources/000.txt', undefined)).toBe('../sources/000.txt');
    expect(safeHref('../sources/000.txt', 'https://cdn.example/@reeltime/data/dist/dead-reckoning.json')).toBe(
      'https://cdn.example/@reeltime/data/sources/000.txt',
    );
    expect(safeHref('https://collider.com/a/', 'https://cdn.example/x.json')).toBe('https://collider.com/a/');
    expect(safeHref(undefined, 'https://cdn.example/x.json')).toBeUndefined();
  });
});

describe('the sources in the details', () => {
  it('never turns a javascript: URL into a link, even where the parser was bypassed', () => {
    const host = renderAlone([
      { title: 'Evil file', file: 'javascript:alert(1)', url: 'javascript:alert(2)', quote: 'q' },
      { title: 'Evil url', url: ' java\tscript:alert(3)' },
    ]);
    expect(host.querySelectorAll('a')).toHaveLength(0);
    expect([...host.querySelectorAll('cite')].map((cite) => cite.textContent)).toEqual(['Evil file', 'Evil url']);
    expect(host.innerHTML).not.toContain('javascript');
  });

  it('shows publisher, date, title as a link to the copy, the original beside it, and the quote', () => {
    const host = renderAlone(
      [
        {
          title: 'Headline',
          publisher: 'Collider',
          published: (parseDate('2023-06-14') as { value: TimePoint }).value,
          file: '../sources/000.txt',
          url: 'https://collider.com/a/',
          quote: 'It said so.',
        },
      ],
      'http://127.0.0.1:8080/data/src/dead-reckoning.json',
    );
    const li = host.querySelector('li')!;
    expect(li.querySelector('.source-by')!.textContent).toBe('Collider, 14 Jun 2023');
    const title = li.querySelector<HTMLAnchorElement>('a.source-title')!;
    expect(title.textContent).toBe('Headline');
    expect(title.getAttribute('href')).toBe('http://127.0.0.1:8080/data/sources/000.txt');
    expect(title.target).toBe('_blank');
    expect(title.rel).toBe('noopener noreferrer');
    expect(li.querySelector<HTMLAnchorElement>('a.source-original-link')!.getAttribute('href')).toBe(
      'https://collider.com/a/',
    );
    expect(li.querySelector('blockquote')!.textContent).toBe('It said so.');
    expect(host.querySelector('.sources-heading')!.textContent).toBe('Source');
  });

  it('links a source with only a url to it, and shows one with neither as text', () => {
    const host = renderAlone([{ title: 'Web only', url: 'https://example.org/a' }, { title: 'Book' }]);
    expect(host.querySelector('.sources-heading')!.textContent).toBe('2 sources');
    const [web, book] = [...host.querySelectorAll('li')];
    expect(web!.querySelector('a')!.getAttribute('href')).toBe('https://example.org/a');
    expect(web!.querySelector('.source-original')).toBeNull();
    expect(book!.querySelector('a')).toBeNull();
    expect(book!.textContent).toContain('Book');
  });

  it('flags an event without a source', async () => {
    const el = await mount(
      (el) =>
        (el.data = {
          events: [
            { id: 'bare', title: 'Unsourced claim', start: '2020' },
            { id: 'cited', title: 'Cited', start: '2021', sources: [{ title: 'A', url: 'https://example.org/' }] },
          ],
        }),
    );
    const bare = await open(el, 'bare');
    expect(bare.querySelector('.no-source')!.textContent).toBe('No source cited');
    expect(bare.querySelector('.sources')).toBeNull();
    const cited = await open(el, 'cited');
    expect(cited.querySelector('.no-source')).toBeNull();
  });

  it('resolves the Dead Reckoning links against the dataset URL when the data came from src', async () => {
    const src = 'https://cdn.example/npm/@reeltime/data/dist/dead-reckoning.json';
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (input: string) => {
      fetched.push(input);
      return Promise.resolve(new Response(JSON.stringify(deadReckoning)));
    });
    const el = await mount((el) => (el.src = src));
    await vi.waitFor(() => expect(el.model.events.length).toBe(deadReckoning.events.length));
    await settle(el);
    expect(fetched).toEqual([src]);
    const wrap = await open(el, 'filming-wraps');
    expect(wrap.querySelector('.sources-heading')!.textContent).toBe('2 sources');
    const links = [...wrap.querySelectorAll<HTMLAnchorElement>('a.source-title')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://cdn.example/npm/@reeltime/data/sources/000_d5f31131fce22306.txt',
      'https://cdn.example/npm/@reeltime/data/sources/002_f6da5a4759fc8f00.txt',
    ]);
    const first = wrap.querySelector('li')!;
    expect(first.querySelector('.source-by')!.textContent).toBe('Collider, Jun 14, 2023');
    expect(first.querySelector('blockquote')!.textContent).toBe(
      'However, this was halted, before resuming later in the year and eventually wrapping in September 2021.',
    );
    // No title is a made-up description any more.
    expect(wrap.textContent).not.toContain('[Article');
  });

  it('uses the links as given when the data is a property (no dataset URL to resolve against)', async () => {
    const el = await mount((el) => (el.data = deadReckoning as DatasetInput));
    const wrap = await open(el, 'filming-wraps');
    expect(wrap.querySelector('a.source-title')!.getAttribute('href')).toBe('../sources/000_d5f31131fce22306.txt');
  });

  it('resolves them against base when the data is a property: the datasetUrl of @reeltime/data opens the shipped article', async () => {
    const el = await mount((el) => {
      el.data = deadReckoning as DatasetInput;
      el.base = datasetUrl;
    });
    const wrap = await open(el, 'filming-wraps');
    const href = wrap.querySelector('a.source-title')!.getAttribute('href')!;
    expect(href).toBe(new URL('../sources/000_d5f31131fce22306.txt', datasetUrl).href);
    const quote = wrap.querySelector('blockquote')!.textContent!.trim();
    const article = await (await fetch(href)).text();
    expect(article).toContain(quote);
  });
});
