/**
 * Hostile input given to the element itself (issue 14): each gives a sane result or a clear
 * problem, never a throw into the page, and the valid rest still renders.
 */
import { describe, expect, it } from 'vitest';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const root = (el: ReelTimeline) => el.shadowRoot!;
const marks = (el: ReelTimeline) => root(el).querySelectorAll('[part~="event"]');
const EVENTS = [
  { id: 'a', title: 'Announced', start: '2019-01-15' },
  { id: 'b', title: 'Released', start: '2023-07-12' },
];

/** Errors thrown into the page while `run` goes on. */
async function pageErrors(run: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

describe('<reel-timeline> given hostile input', () => {
  it('draws a 1 MB title as text, its label shortened to fit, the whole title kept for readers', async () => {
    const title = `${'<b>x</b> '.repeat(116_000)}end`;
    expect(title.length).toBeGreaterThan(1_000_000);
    let el!: ReelTimeline;
    const errors = await pageErrors(async () => {
      el = await mount((el) => (el.events = [...EVENTS, { id: 'long', title, start: '2021-09-01' }]));
    });
    expect(errors).toEqual([]);
    expect(el.problems).toEqual([]);
    await expect.poll(() => marks(el).length).toBe(3);
    // Text, never HTML: no <b> made it into the shadow DOM.
    expect(root(el).querySelector('b')).toBeNull();
    const long = root(el).querySelector('[data-id="long"]')!;
    expect(long.getAttribute('aria-label') ?? long.textContent).toContain('<b>x</b>');
    // The drawn label fits the element: nothing runs a million characters wide.
    for (const text of root(el).querySelectorAll<SVGTextElement>('[part~="event"] text')) {
      expect(text.getComputedTextLength()).toBeLessThan(el.getBoundingClientRect().width);
    }
  });

  it('falls back to a working locale for an invalid one, and reads lang="en_US" as en-US', async () => {
    for (const attributes of ['locale="not a locale!!"', 'lang="en_US"', 'locale="xx-invalid-tag-123456789"']) {
      let el!: ReelTimeline;
      const errors = await pageErrors(async () => {
        el = await mount((el) => (el.events = EVENTS), 960, '', attributes);
      });
      expect(errors, attributes).toEqual([]);
      await expect.poll(() => marks(el).length).toBe(2);
      const axis = root(el).querySelector('[part~="axis"]')!.textContent ?? '';
      expect(axis, attributes).toMatch(/20(19|20|21|22|23)/);
      expect(root(el).textContent, attributes).not.toMatch(/Invalid|NaN|undefined/);
    }
  });

  it('throws nothing on a misspelt time-zone, and still draws the events with readable dates', async () => {
    let el!: ReelTimeline;
    const errors = await pageErrors(async () => {
      el = await mount((el) => {
        el.events = [...EVENTS, { id: 'c', title: 'Wrap', start: '2021-09-06T18:00' }];
        el.setAttribute('time-zone', 'Europe/Londn');
      });
      await settle(el);
    });
    expect(errors).toEqual([]);
    await expect.poll(() => marks(el).length).toBeGreaterThanOrEqual(2);
    expect(root(el).textContent).not.toMatch(/Invalid|NaN|undefined/);
  });
});
