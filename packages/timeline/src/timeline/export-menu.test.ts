/**
 * The export toolbar (`export` attribute, issue 14): a "Download" button opening a popover of
 * files; each file is made by the export methods, announced by a cancelable `reel-export`, then
 * downloaded through an `<a download>` over a Blob URL that is revoked after. Its words in every
 * built-in language; keyboard: arrows move, Escape closes and focus goes back to the button.
 */
import type { DatasetInput } from '@reeltime/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelExportEvent } from '../events/export.js';
import { BUILT_IN_LANGUAGES, builtInMessages } from '../i18n/locales.js';
import type { ReelTimeline } from '../index.js';
import { ENGLISH_EXPORT_WORDS, EXPORT_WORD_KEYS, exportFileName, exportFormats } from './render/export-menu.js';

const DATA: DatasetInput = {
  title: 'Harbour: works / "phase 2"',
  events: [
    { id: 'a', title: 'Dredging', start: '2020-03-01' },
    { id: 'b', title: 'Quay opened', start: '2021-06-15' },
  ],
};

const toolbar = (el: ReelTimeline) => el.shadowRoot!.querySelector<HTMLElement>('[part~="export"]');
const opener = (el: ReelTimeline) => toolbar(el)!.querySelector<HTMLButtonElement>('button[popovertarget]')!;
const menu = (el: ReelTimeline) => toolbar(el)!.querySelector<HTMLElement>('[popover]')!;
const items = (el: ReelTimeline) => [...menu(el).querySelectorAll<HTMLButtonElement>('button')];
const active = (el: ReelTimeline) => el.shadowRoot!.activeElement;

/** Records the links clicked (without downloading) and the Blob URLs revoked. */
function interceptDownloads() {
  const clicked: { href: string; download: string }[] = [];
  const revoked: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  const revoke = URL.revokeObjectURL.bind(URL);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => {
    revoked.push(url);
    revoke(url);
  });
  return { clicked, revoked };
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function open(el: ReelTimeline): Promise<void> {
  await userEvent.click(opener(el));
  await expect.poll(() => menu(el).matches(':popover-open')).toBe(true);
}

describe('the export toolbar', () => {
  it('is not there without the attribute, and lists the formats asked for, in order', async () => {
    const el = await mount((el) => (el.data = DATA));
    expect(toolbar(el)).toBeNull();
    el.setAttribute('export', 'png json');
    await settle(el);
    expect(items(el).map((b) => b.dataset['format'])).toEqual(['png', 'json']);
    expect(items(el).map((b) => b.textContent!.trim())).toEqual(['PNG image', 'JSON data']);
    el.setAttribute('export', '');
    await settle(el);
    expect(items(el).map((b) => b.dataset['format'])).toEqual(['svg', 'png', 'csv', 'json']);
    el.removeAttribute('export');
    await settle(el);
    expect(toolbar(el)).toBeNull();
  });

  it('downloads the CSV through a link named from the title, after a reel-export with the Blob', async () => {
    const { clicked, revoked } = interceptDownloads();
    const el = await mount((el) => (el.data = DATA), 960, '', 'lang="en-US" export="svg csv"');
    const events: ReelExportEvent[] = [];
    el.addEventListener('reel-export', (e) => events.push(e));
    expect(opener(el).getAttribute('aria-expanded')).toBe('false');
    await open(el);
    expect(opener(el).getAttribute('aria-expanded')).toBe('true');
    expect(menu(el).getAttribute('role')).toBe('group');
    expect(menu(el).getAttribute('aria-label')).toBe('Download');
    await userEvent.click(items(el).find((b) => b.dataset['format'] === 'csv')!);
    await expect.poll(() => clicked.length).toBe(1);
    expect(menu(el).matches(':popover-open')).toBe(false);
    expect(events).toHaveLength(1);
    const { format, blob, filename } = events[0]!.detail;
    expect(format).toBe('csv');
    expect(filename).toBe('Harbour works phase 2.csv');
    expect(blob.type).toMatch(/^text\/csv/);
    const text = await blob.text();
    expect(text).toContain('Quay opened');
    expect(clicked[0]!.download).toBe(filename);
    expect(clicked[0]!.href).toMatch(/^blob:/);
    await expect.poll(() => revoked).toContain(clicked[0]!.href);
  });

  it('downloads an SVG of the chart', async () => {
    const { clicked } = interceptDownloads();
    const el = await mount((el) => (el.data = DATA), 960, '', 'lang="en-US" export="svg"');
    const blobs: Blob[] = [];
    el.addEventListener('reel-export', (e) => blobs.push(e.detail.blob));
    await open(el);
    await userEvent.click(items(el)[0]!);
    await expect.poll(() => clicked.length).toBe(1);
    expect(clicked[0]!.download).toBe('Harbour works phase 2.svg');
    expect(blobs[0]!.type).toBe('image/svg+xml');
    const doc = new DOMParser().parseFromString(await blobs[0]!.text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain('Quay opened');
  });

  it('does not download when a listener cancels reel-export (the page takes the file)', async () => {
    const { clicked } = interceptDownloads();
    const el = await mount((el) => (el.data = DATA), 960, '', 'lang="en-US" export="json"');
    const taken: string[] = [];
    el.addEventListener('reel-export', (e) => {
      e.preventDefault();
      taken.push(e.detail.filename);
    });
    await open(el);
    await userEvent.click(items(el)[0]!);
    await expect.poll(() => taken).toEqual(['Harbour works phase 2.json']);
    await settle(el);
    expect(clicked).toEqual([]);
  });

  it('from the keyboard: focus on the first file, arrows move, Escape closes back to the button', async () => {
    const { clicked } = interceptDownloads();
    const el = await mount((el) => (el.data = DATA), 960, '', 'lang="en-US" export');
    opener(el).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => menu(el).matches(':popover-open')).toBe(true);
    await expect.poll(() => active(el)).toBe(items(el)[0]);
    await userEvent.keyboard('{ArrowDown}');
    expect(active(el)).toBe(items(el)[1]);
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(active(el)).toBe(items(el)[3]);
    await userEvent.keyboard('{Home}');
    expect(active(el)).toBe(items(el)[0]);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => menu(el).matches(':popover-open')).toBe(false);
    expect(active(el)).toBe(opener(el));
    expect(opener(el).getAttribute('aria-expanded')).toBe('false');
    // Enter on a file downloads it, and focus is back on the button.
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => active(el)).toBe(items(el)[0]);
    await userEvent.keyboard('{End}{Enter}');
    await expect.poll(() => clicked.map((c) => c.download)).toEqual(['Harbour works phase 2.json']);
    expect(active(el)).toBe(opener(el));
  });

  it('speaks the element’s language, and takes words from strings', async () => {
    const el = await mount((el) => (el.data = DATA), 960, '', 'locale="de-DE" export="svg csv"');
    expect(opener(el).textContent!.trim()).toBe('Herunterladen');
    expect(items(el).map((b) => b.textContent!.trim())).toEqual(['SVG-Bild', 'CSV-Tabelle']);
    el.strings = { exportCsv: 'Tabelle (CSV)' };
    await settle(el);
    expect(items(el).map((b) => b.textContent!.trim())).toEqual(['SVG-Bild', 'Tabelle (CSV)']);
  });

  it('says so beside the button when the file cannot be made', async () => {
    const el = await mount((el) => (el.data = DATA), 960, '', 'lang="en-US" export="json"');
    vi.spyOn(el, 'exportData').mockRejectedValue(new Error('the disk is full'));
    await open(el);
    await userEvent.click(items(el)[0]!);
    await expect
      .poll(() => toolbar(el)!.querySelector('[role="alert"]')?.textContent)
      .toBe('The file could not be made: the disk is full');
  });
});

describe('export toolbar helpers', () => {
  it('names files from the title, safely', () => {
    expect(exportFileName('Dead Reckoning', 'png')).toBe('Dead Reckoning.png');
    expect(exportFileName('a/b\\c:d*e?f"g<h>i|j', 'csv')).toBe('a b c d e f g h i j.csv');
    expect(exportFileName('  ..hidden.  ', 'json')).toBe('hidden.json');
    // A right-to-left override cannot make "gpj.exe" read as a picture.
    expect(exportFileName('photo\u202Egpj.exe', 'svg')).toBe('photo gpj.exe.svg');
    expect(exportFileName('bell\u0007tab\tnel\u0085end', 'csv')).toBe('bell tab nel end.csv');
    expect(exportFileName('CON', 'csv')).toBe('CON_.csv');
    expect(exportFileName('', 'csv')).toBe('timeline.csv');
    expect(exportFileName(undefined, 'svg')).toBe('timeline.svg');
    expect(exportFileName('東京の港', 'png')).toBe('東京の港.png');
    expect([...exportFileName('x'.repeat(500), 'json')].length).toBe(105);
  });

  it('reads the attribute: any order, commas or spaces, duplicates once, unknown names warned about', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(exportFormats('')).toEqual(['svg', 'png', 'csv', 'json']);
    expect(exportFormats('JSON, svg  svg')).toEqual(['json', 'svg']);
    expect(exportFormats('pdf png')).toEqual(['png']);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('"pdf" is not an export format (use svg, png, csv, json)'),
    );
  });

  it.each(BUILT_IN_LANGUAGES)('%s translates every word of the toolbar', async (language) => {
    const table = (await builtInMessages(language))!;
    for (const key of EXPORT_WORD_KEYS) {
      expect(table[key], key).toBeTruthy();
      expect(table[key], key).not.toBe(ENGLISH_EXPORT_WORDS[key]);
    }
    expect(table.exportFailed).toContain('{reason}');
  });
});
