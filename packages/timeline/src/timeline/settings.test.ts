/**
 * A misspelt `time-zone` or an unknown `locale` (issue 14): the timeline is drawn in the fallback
 * (UTC, the page's language) and says so: a notice naming the attribute and the value, a warning
 * in `problems`, and `reel-invalid`.
 */
import type { Problem } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const EVENTS = [
  { id: 'a', title: 'Announced', start: '2019-01-15' },
  { id: 'b', title: 'Landed', start: '2021-09-06T18:00Z' },
];

const notice = (el: ReelTimeline) => el.shadowRoot!.querySelector('[part~="notice"]')?.textContent ?? '';
const marks = (el: ReelTimeline) => el.shadowRoot!.querySelectorAll('[part~="event"]');

/** Mounts with `attributes`, recording the problems of every `reel-invalid`. */
async function mountWith(attributes: string): Promise<{ el: ReelTimeline; fired: (readonly Problem[])[] }> {
  const fired: (readonly Problem[])[] = [];
  const el = await mount(
    (el) => {
      el.events = EVENTS;
      el.addEventListener('reel-invalid', (e) => fired.push(e.detail.problems));
    },
    960,
    '',
    attributes,
  );
  return { el, fired };
}

describe('<reel-timeline> settings it cannot use', () => {
  it('says a misspelt time-zone is not a zone and draws every event, instants in UTC', async () => {
    const { el, fired } = await mountWith('lang="en-US" time-zone="Europe/Pariss"');
    await expect.poll(() => marks(el).length).toBe(2);
    expect(notice(el)).toContain('The time-zone attribute "Europe/Pariss" is not a time zone');
    expect(notice(el)).toContain('everything is shown');
    expect(el.problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'time-zone' })]);
    expect(fired.at(-1)).toEqual(el.problems);
    // The instant's name reads in the fallback zone.
    const landed = el.shadowRoot!.querySelector('[data-id="b"]')!.getAttribute('aria-label')!;
    expect(landed).toMatch(/UTC/);
    expect(el.shadowRoot!.textContent).not.toMatch(/Invalid|NaN|undefined/);

    // Fixed: the warning goes, the zone is used.
    el.timeZone = 'Europe/Paris';
    await settle(el);
    expect(el.problems).toEqual([]);
    expect(notice(el)).toBe('');
    expect(el.shadowRoot!.querySelector('[data-id="b"]')!.getAttribute('aria-label')).not.toMatch(/UTC/);
  });

  it('says an unknown locale is not used, names the one that is, and draws everything', async () => {
    for (const locale of ['not a locale!!', 'xx-invalid-tag-123456789']) {
      const { el, fired } = await mountWith(`lang="en-US" locale="${locale}"`);
      await expect.poll(() => marks(el).length, { message: locale }).toBe(2);
      expect(notice(el), locale).toContain(`The locale attribute "${locale}" is not a language this browser knows`);
      expect(notice(el), locale).toContain('en-US is used');
      expect(fired.at(-1), locale).toEqual([expect.objectContaining({ severity: 'warning', field: 'locale' })]);
    }
  });

  it('says nothing of a good zone and locale, or of lang="en_US" on the page', async () => {
    for (const attributes of ['time-zone="Asia/Tokyo" locale="de-DE"', 'lang="en_US"', 'locale="fr"']) {
      const { el, fired } = await mountWith(attributes);
      await expect.poll(() => marks(el).length, { message: attributes }).toBe(2);
      expect(el.problems, attributes).toEqual([]);
      expect(fired, attributes).toEqual([]);
    }
  });

  it('words the warning in the element language', async () => {
    const { el } = await mountWith('locale="de-DE" time-zone="Europe/Berln"');
    await expect.poll(() => notice(el)).toContain('Das Attribut time-zone „Europe/Berln“ ist keine Zeitzone');
  });
});
