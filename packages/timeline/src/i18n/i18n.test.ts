import type { TimelineEventInput } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import { mount } from '../../test/mount.js';
import { BUILT_IN_LANGUAGES, builtInMessages, registerMessages } from './locales.js';
import { ENGLISH_MESSAGES as ENGLISH } from './english.js';
import { Messages } from './messages.js';

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

  it('gives a part loaded on first use its words: English with its chunk, a language, or strings over both', async () => {
    const legend = (el: HTMLElement) =>
      [...shadow(el).querySelectorAll('[part~="legend"] li')].map((item) => item.textContent!.trim());
    // The legend's English travels with the legend (i18n/part-words.ts), not with the entry.
    const english = await mount((el) => (el.events = events));
    expect(legend(english)).toContain('Known to the month or year: somewhere in the span');
    expect(legend(english)).toContain('Planned or announced');
    const german = await mount((el) => (el.events = events), 960, '', 'locale="de-DE"');
    expect(legend(german)).toContain('Nur Monat oder Jahr bekannt: irgendwann in der Spanne');
    const own = await mount((el) => {
      el.events = events;
      el.strings = { legendPlanned: 'Not yet' };
    });
    expect(legend(own)).toContain('Not yet');
    expect(legend(own)).toContain('Known to the month or year: somewhere in the span');
  });

  it('falls back to the page language, then English, for a locale that is not a valid tag', async () => {
    const el = await mount((el) => (el.events = events), 960, '', 'locale="not a locale!"');
    expect(shadow(el).querySelector('header .zoom')!.getAttribute('aria-label')).toBe('Zoom');
    expect(names(el)).toHaveLength(3);
  });
});

/** Every path in `english` that `table` leaves out, plus plural categories `language` needs. */
function missing(english: unknown, table: unknown, language: string, path = ''): string[] {
  if (typeof english === 'string') return typeof table === 'string' && table.trim() ? [] : [path];
  if (!table || typeof table !== 'object') return [path];
  const entries = english as Record<string, unknown>;
  const own = table as Record<string, unknown>;
  // A plural entry: every category the language's plural rules can select.
  if ('other' in entries && !('parts' in entries)) {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    return categories.filter((category) => typeof own[category] !== 'string').map((c) => `${path}.${c}`);
  }
  return Object.keys(entries).flatMap((key) =>
    missing(entries[key], own[key], language, path ? `${path}.${key}` : key),
  );
}

describe('the built-in languages', () => {
  it('ship en, de, fr, es, ja and ar', () => {
    expect([...BUILT_IN_LANGUAGES].sort()).toEqual(['ar', 'de', 'es', 'fr', 'ja']);
  });

  // A key added to ENGLISH fails here until every built-in language translates it.
  it.each(BUILT_IN_LANGUAGES)('%s translates every entry of ENGLISH, with all its plural forms', async (language) => {
    const table = await builtInMessages(language);
    expect(missing(ENGLISH, table, language)).toEqual([]);
    for (const [key, value] of Object.entries(table!)) if (typeof value === 'string') expect(value, key).not.toBe('');
    // The reset button shows the short word: its name must contain it (axe label-content-name-mismatch).
    expect(table!.showAll!.toLowerCase()).toContain(table!.showAllShort!.toLowerCase());
  });

  it('Arabic has all six plural forms and the locale digits', () => {
    const ar = new Messages(ENGLISH, 'ar-EG');
    expect(ar.count('events', 23)).toBe('٢٣ events');
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories.sort()).toEqual(
      ['few', 'many', 'one', 'other', 'two', 'zero'].sort(),
    );
  });
});

describe('locale digits and words on screen', () => {
  const arabicIndic = /[\u0660-\u0669]/;
  const latin = /[0-9]/;

  it('ar-EG: Arabic words, Arabic-Indic digits on the axis, in the range, names and counts', async () => {
    const el = await mount((el) => (el.events = events), 960, '', 'locale="ar-EG"');
    const root = shadow(el);
    const axis = root.querySelector('[part~="axis"]')!.textContent!;
    expect(axis).toMatch(arabicIndic);
    expect(axis).not.toMatch(latin);
    const range = root.querySelector('header .range')!.textContent!;
    expect(range).toMatch(arabicIndic);
    expect(range).not.toMatch(latin);
    expect(root.querySelector('header button[aria-label="تكبير"]')).not.toBeNull();
    expect(names(el)).toContain('Filming resumes, أواخر ٢٠٢٠');
    expect(names(el)).toContain('Test screening, الربع ٣ ٢٠٢١, مخطَّط له');
    const chart = root.querySelector('svg[role="group"]')!.getAttribute('aria-label')!;
    expect(chart).toMatch(/^الخط الزمني: ٣ أحداث، المعروض /);
    expect(chart).not.toMatch(latin);
  });

  it('ja-JP: Japanese words and date templates', async () => {
    const el = await mount((el) => (el.events = events), 960, '', 'locale="ja-JP"');
    expect(names(el)).toContain('Filming resumes, 2020終わり');
    expect(names(el)).toContain('Test screening, 2021年第3四半期, 予定');
    expect(shadow(el).querySelector('header button[aria-label="拡大"]')).not.toBeNull();
    expect(shadow(el).querySelector('svg[role="group"]')!.getAttribute('aria-label')).toMatch(
      /^タイムライン：3 件のイベント、表示範囲 /,
    );
  });
});
