/**
 * Printing (issue 14): with print media (emulated through the Chrome DevTools Protocol, as
 * printing does) the timeline shows the whole range, no controls or overview, black on white;
 * back on screen, the reader's view returns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const EVENTS = [
  { id: 'a', title: 'Announced', start: '2019-01-15' },
  { id: 'b', title: 'Filming', start: '2020-02-01', end: '2021-09-06' },
  { id: 'c', title: 'Released', start: '2023-07-12' },
];

const media = (type: 'print' | '') => cdp().send('Emulation.setEmulatedMedia', { media: type });

afterEach(async () => {
  await media('');
});

const ids = (el: ReelTimeline) =>
  [...el.shadowRoot!.querySelectorAll<SVGGElement>('[part~="event"]')].map((mark) => mark.dataset['id']);
const shown = (el: ReelTimeline, selector: string) => {
  const element = el.shadowRoot!.querySelector(selector);
  return element !== null && getComputedStyle(element).display !== 'none';
};

describe('<reel-timeline> printed', () => {
  it('prints the whole range without controls, black on white, then gives the view back', async () => {
    const el = await mount((el) => {
      el.events = EVENTS;
      el.overview = true;
      el.theme = 'dark';
    });
    await expect.poll(() => shown(el, '[part~="overview"]')).toBe(true);
    el.visibleRange = { from: Date.UTC(2018, 11, 1), to: Date.UTC(2019, 2, 1) };
    await settle(el);
    const view = el.visibleRange;
    expect(ids(el)).toEqual(['a']);
    expect(shown(el, 'header button')).toBe(true);

    await media('print');
    await expect.poll(() => ids(el)).toEqual(['a', 'b', 'c']);
    for (const part of ['header button', '[part~="overview"]', '.explore', '.zoom'])
      expect(shown(el, part), part).toBe(false);
    const host = getComputedStyle(el);
    expect(host.color).toBe('rgb(0, 0, 0)');
    expect(host.backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.label')!).fill).toBe('rgb(0, 0, 0)');
    // Labels run past the plot's edge whole rather than cut.
    expect(getComputedStyle(el.shadowRoot!.querySelector('.plot')!).overflow).toBe('visible');

    await media('');
    await expect.poll(() => ids(el)).toEqual(['a']);
    expect(el.visibleRange.from).toBeCloseTo(view.from, -3);
    expect(el.visibleRange.to).toBeCloseTo(view.to, -3);
    expect(shown(el, 'header button')).toBe(true);
  });

  it('prints every lane of a timeline taller than the window, not only those near it', async () => {
    const el = await mount((el) => {
      el.data = {
        lanes: Array.from({ length: 60 }, (_, i) => ({ id: `l${i}`, label: `Lane ${i}` })),
        events: Array.from({ length: 60 }, (_, i) => ({
          id: `e${i}`,
          title: `Event ${i}`,
          start: '2020-06-01',
          lane: `l${i}`,
        })),
      };
    });
    expect(ids(el)).toContain('e0');
    expect(ids(el)).not.toContain('e59');
    await media('print');
    await expect.poll(() => ids(el).length).toBe(60);
    await media('');
    await expect.poll(() => ids(el).includes('e59')).toBe(false);
    expect(ids(el)).toContain('e0');
  });
});
