import type { TimelineEventInput } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import { mount } from '../../test/mount.js';
import { registerMessages } from './locales.js';
import { ENGLISH, Messages } from './messages.js';

const events: TimelineEventInput[] = [
  { id: 'a', title: 'Filming resumes', start: 'late 2020' },
  { id: 'b', title: 'Test screening', start: '2021-Q3', status: 'planned' },
  { id: 'c', title: 'Trailer', start: 'c. 2022-05' },
];

const shadow = (el: HTMLElement) => el.shadowRoot!;
const names = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('[part~="event"]')].map((mark) => mark.getAttribute('aria-label'));

describe('every word localised', () => {
  it('speaks English by default, with plural forms from Intl', async () => {
    const el = await mount((el) => (el.events = events));
    expect(shadow(el).querySelector('header .zoom')!.getAttribute('aria-label')).toBe('Zoom');
    expect(shadow(el).querySelector('svg[role="group"]')!.getAttribute('aria-label')).toMatch(
      /^Timeline: 3 events, showing /,
    );
    expect(names(el)).toContain('Filming resumes, late 2020');
    expect(names(el)).toContain('Test screening, Q3 2021, planned');
    const one = new Messages(ENGLISH, 'en');
    expect(one.count('events', 1)).toBe('1 event');
    expect(one.count('events', 1234)).toBe('1,234 events');
  });

  it('loads German on first use: buttons, names, statuses and date words', async () => {
    const el = await mount((el) => (el.events = events), 960, '', 'locale="de-DE"');
    const zoomIn = shadow(el).querySelector('header button[title^="Vergrößern"]');
    expect(zoomIn?.getAttribute('aria-label')).toBe('Vergrößern');
    expect(names(el)).toContain('Filming resumes, Ende 2020');
    expect(names(el)).toContain('Test screening, Q3 2021, geplant');
    expect(names(el).some((name) => name?.startsWith('Trailer, ca. '))).toBe(true);
    expect(shadow(el).querySelector('svg[role="group"]')!.getAttribute('aria-roledescription')).toBe('Zeitleiste');
  });

  it('takes words from the strings property over the built-in ones, and from registered languages', async () => {
    const el = await mount((el) => {
      el.events = events;
      el.strings = {
        zoomIn: 'Closer',
        dates: { parts: { early: 'start of {date}', mid: 'mid {date}', late: 'end of {date}' } },
      };
    });
    expect(shadow(el).querySelector('header button[title^="Closer"]')).not.toBeNull();
    expect(names(el)).toContain('Filming resumes, end of 2020');
    registerMessages('en-x-pirate', { zoomOut: 'Back off' });
    el.locale = 'en-x-pirate';
    await el.updateComplete;
    expect(shadow(el).querySelector('header button[title^="Back off"]')).not.toBeNull();
  });

  it('falls back to the page language, then English, for a locale that is not a valid tag', async () => {
    const el = await mount((el) => (el.events = events), 960, '', 'locale="not a locale!"');
    expect(shadow(el).querySelector('header .zoom')!.getAttribute('aria-label')).toBe('Zoom');
    expect(names(el)).toHaveLength(3);
  });
});
