/**
 * The sources view (`view="sources"`, issue 16): every source with its publisher, date and a link
 * that opens the article; the events each supports, as buttons that select and reveal the event in
 * the chart; events with several sources say so; events without one are flagged.
 */
import deadReckoning, { datasetUrl } from '@reeltime/data';
import type { DatasetInput } from '@reeltime/core';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const root = (el: ReelTimeline) => el.shadowRoot!;
const view = (el: ReelTimeline) => root(el).querySelector<HTMLElement>('[part~="sources-view"]');
const toggle = (el: ReelTimeline) => [...root(el).querySelectorAll<HTMLButtonElement>('header .explore button')];

/** The Dead Reckoning data with one event that cites nothing. */
/** A timeline of `data` in the sources view, 960 px wide, with `attributes` on the element. */
const mountSources = (data: DatasetInput, attributes = 'lang="en-US"') =>
  mount(
    (el) => {
      el.data = data;
      el.view = 'sources';
    },
    960,
    '',
    attributes,
  );
const withUnsourced: DatasetInput = {
  ...(deadReckoning as DatasetInput),
  events: [
    ...(deadReckoning as DatasetInput).events,
    { id: 'rumour', title: 'A rumoured reshoot', start: '2021-03', lane: 'production' },
  ],
};

describe('the sources view', () => {
  it('opens from the header toggle and lists every source once, with publisher, date and a link to the article', async () => {
    const el = await mount((el) => {
      el.data = deadReckoning;
      el.base = datasetUrl;
    });
    expect(toggle(el).map((b) => b.textContent!.trim())).toEqual(['Chart', 'Table', 'Sources']);
    await userEvent.click(toggle(el)[2]!);
    await settle(el);
    expect(el.getAttribute('view')).toBe('sources');
    expect(root(el).querySelector<HTMLElement>('[part~="plot"]')!.hidden).toBe(true);
    // The legend explains the chart's marks: it goes with the chart, not above the sources.
    expect(root(el).querySelector('[part~="legend"]')).toBeNull();
    const box = view(el)!;
    expect(box).not.toBeNull();
    const files = new Set(deadReckoning.events.flatMap((event) => (event.sources ?? []).map((source) => source.file)));
    const cited = [...box.querySelectorAll('.cited')];
    expect(cited).toHaveLength(files.size);
    // Oldest first; the Collider article of 14 June 2023 with its byline and a link to the shipped copy.
    const collider = cited.find((li) => li.querySelector('.source-by')!.textContent!.includes('Collider'))!;
    expect(collider.querySelector('.source-by')!.textContent).toBe('Collider, Jun 14, 2023');
    const link = collider.querySelector<HTMLAnchorElement>('a.source-title')!;
    expect(link.href).toMatch(/\/sources\/000_d5f31131fce22306\.txt$/);
    expect(link.target).toBe('_blank');
    const article = await fetch(link.href).then((response) => response.text());
    expect(article).toContain('Announced back in 2019');
    // Every event that cites it, with the quote.
    const buttons = [...collider.querySelectorAll<HTMLButtonElement>('button.reveal')].map((b) => b.dataset.id);
    const citing = deadReckoning.events.filter((event) => (event.sources ?? []).some((s) => s.file?.includes('000_')));
    expect(buttons).toEqual(citing.map((event) => event.id));
    expect(collider.querySelector('.supports')!.textContent).toBe(`Supports ${citing.length} events:`);
    expect(collider.querySelector('blockquote')).not.toBeNull();
  });

  it('says when an event cites several sources', async () => {
    const el = await mountSources(deadReckoning);
    // The cliff jump cites four distinct articles (one of them twice).
    const item = view(el)!.querySelector('button.reveal[data-id="motorcycle-cliff-jump"]')!.closest('li')!;
    expect(item.querySelector('.several')!.textContent).toBe('one of 4 sources');
    const single = view(el)!.querySelector('button.reveal[data-id="filming-begins-italy"]')!.closest('li')!;
    expect(single.querySelector('.several')).toBeNull();
  });

  it('flags events without a source, in the view and in their details', async () => {
    const el = await mountSources(withUnsourced);
    const unsourced = view(el)!.querySelector('.unsourced')!;
    expect(unsourced.querySelector('.no-source')!.textContent).toBe('1 event cites no source');
    const button = unsourced.querySelector<HTMLButtonElement>('button.reveal')!;
    expect(button.dataset.id).toBe('rumour');
    button.click();
    await settle(el);
    expect(el.selected).toBe('rumour');
    expect(root(el).querySelector('[part~="details"] .no-source')!.textContent).toBe('No source cited');
  });

  it('reveals an event in the chart by keyboard: selected, in view and focused', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    el.visibleRange = { from: Date.UTC(2019, 0, 1), to: Date.UTC(2019, 6, 1) };
    el.view = 'sources';
    await settle(el);
    const button = view(el)!.querySelector<HTMLButtonElement>('button.reveal[data-id="us-release"]')!;
    button.focus();
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(el.view).toBe('chart');
    expect(el.selected).toBe('us-release');
    const { from, to } = el.visibleRange;
    expect(from).toBeLessThanOrEqual(Date.UTC(2023, 6, 12));
    expect(to).toBeGreaterThanOrEqual(Date.UTC(2023, 6, 12));
    await expect.poll(() => root(el).activeElement?.getAttribute('data-id')).toBe('us-release');
  });

  it('loads as its own chunk and speaks the element’s language', async () => {
    const el = await mountSources(withUnsourced, 'lang="de"');
    expect(toggle(el)[2]!.textContent!.trim()).toBe('Quellen');
    expect(view(el)!.querySelector('.unsourced .no-source')!.textContent).toBe('1 Ereignis ohne Quelle');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations (${theme})`, async () => {
      const el = await mountSources(withUnsourced, `lang="en-US" theme="${theme}"`);
      const results = await axe.run(el.parentElement!, { resultTypes: ['violations'] });
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});
