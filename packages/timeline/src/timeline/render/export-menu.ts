/**
 * The export toolbar (`<reel-timeline export="svg png csv json">`, issue 14): a "Download" button
 * in the header that opens a small popover of files (the native `popover`, so Escape and a click
 * outside close it and focus goes back to the button), each made with the element's own export
 * methods and saved through an `<a download>` over a Blob URL, revoked once the download started.
 * Before the download, `reel-export` (cancelable) lets a page take the file instead.
 *
 * Its own chunk, loaded the first time the attribute is set, with its styles and its English
 * words (the other languages' words are in their tables, loaded with them): the element's entry
 * carries only the attribute and the call.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { EXPORT_FORMATS, ReelExportEvent, type ExportFormat } from '../../events/export.js';
import type { MessageTable, Messages } from '../../i18n/messages.js';
import type { ReelTimeline } from '../timeline.js';

export { exportMenuStyles as styles } from './export-menu.styles.js';

/** The toolbar's words in a message table (optional there: English is here, in the chunk). */
export const EXPORT_WORD_KEYS = [
  'exportMenu',
  'exportSvg',
  'exportPng',
  'exportCsv',
  'exportJson',
  'exportFailed',
] as const;
type ExportWordKey = (typeof EXPORT_WORD_KEYS)[number];
type ExportWords = Readonly<Record<ExportWordKey, string>>;

/** The English words, used for any entry the element's language or `strings` leave out. */
export const ENGLISH_EXPORT_WORDS: ExportWords = {
  exportMenu: 'Download',
  exportSvg: 'SVG image',
  exportPng: 'PNG image',
  exportCsv: 'CSV spreadsheet',
  exportJson: 'JSON data',
  exportFailed: 'The file could not be made: {reason}',
};

const LABEL: Record<ExportFormat, ExportWordKey> = {
  svg: 'exportSvg',
  png: 'exportPng',
  csv: 'exportCsv',
  json: 'exportJson',
};

/** What went wrong with the last file a timeline's toolbar made, shown beside its button. */
const failures = new WeakMap<ReelTimeline, string>();
/** Attribute values already warned about (once each). */
const warned = new Set<string>();

/** The words of the toolbar in `msg`'s language, English where it has none. */
export function exportWords(msg: Messages): ExportWords {
  const table: Partial<MessageTable> = msg.table;
  return Object.fromEntries(
    EXPORT_WORD_KEYS.map((key) => [key, table[key] || ENGLISH_EXPORT_WORDS[key]]),
  ) as ExportWords;
}

/**
 * The formats an `export` attribute lists, in the order given, each once; every format when it is
 * empty (`<reel-timeline export>`). An unknown name is left out with a warning naming it.
 */
export function exportFormats(value: string): ExportFormat[] {
  const names = value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!names.length) return [...EXPORT_FORMATS];
  const unknown = names.filter((name) => !(EXPORT_FORMATS as readonly string[]).includes(name));
  if (unknown.length && !warned.has(value)) {
    warned.add(value);
    console.warn(
      `<reel-timeline export="${value}">: ${unknown.map((name) => `"${name}"`).join(', ')} ` +
        `${unknown.length > 1 ? 'are not export formats' : 'is not an export format'} (use ${EXPORT_FORMATS.join(', ')})`,
    );
  }
  return [...new Set(names)].filter((name): name is ExportFormat =>
    (EXPORT_FORMATS as readonly string[]).includes(name),
  );
}

/**
 * A file name from a dataset's title: characters no file system takes (`<>:"/\|?*`, controls) and
 * direction overrides (which can make `gpj.exe` read `exe.jpg`) removed, spaces collapsed, dots and
 * spaces trimmed from the ends, at most 100 characters, a device name (`CON`, `LPT1`…) kept from
 * being one; `timeline` when nothing is left.
 */
export function exportFileName(title: string | undefined, format: ExportFormat): string {
  const cleaned = (title ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  let base = [...cleaned].slice(0, 100).join('').trimEnd();
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base += '_';
  return `${base || 'timeline'}.${format}`;
}

/** Saves `blob` as `filename` through a download link, and lets the Blob URL go once it started. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.click();
  // The browser resolved the URL when the click started the download: the Blob can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The file of `format`, made by the element's export methods. */
async function makeFile(host: ReelTimeline, format: ExportFormat): Promise<Blob> {
  const made =
    format === 'svg' || format === 'png'
      ? await host.exportImage(format, { blob: true })
      : await host.exportData(format, { blob: true, bom: format === 'csv' });
  return typeof made === 'string' ? new Blob([made]) : made;
}

/** Makes the file, fires `reel-export`, and downloads it unless a listener took it. */
async function choose(host: ReelTimeline, format: ExportFormat, words: ExportWords): Promise<void> {
  if (failures.delete(host)) host.requestUpdate();
  try {
    const blob = await makeFile(host, format);
    const filename = exportFileName(host.model.title || host.label, format);
    if (host.dispatchEvent(new ReelExportEvent({ format, blob, filename }))) saveFile(blob, filename);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    failures.set(host, words.exportFailed.replace('{reason}', reason));
    host.requestUpdate();
  }
}

/** Places the popover under its button, its end aligned with the button's end; on closing, focus comes back. */
function beforeToggle(e: ToggleEvent): void {
  const menu = e.currentTarget as HTMLElement;
  const button = menu.previousElementSibling as HTMLElement;
  button.setAttribute('aria-expanded', String(e.newState === 'open'));
  if (e.newState !== 'open') {
    // Closed with focus inside (Escape, a file chosen): back to the button, not to the page.
    if (menu.contains((menu.getRootNode() as ShadowRoot).activeElement)) button.focus();
    return;
  }
  const box = button.getBoundingClientRect();
  const rtl = getComputedStyle(button).direction === 'rtl';
  // A popover sits in the top layer: placed against the page, so that it scrolls with the button.
  menu.style.top = `${box.bottom + scrollY + 4}px`;
  menu.style.left = `${(rtl ? box.left : box.right) + scrollX}px`;
  menu.style.translate = rtl ? '0' : '-100%';
}

/** Opened: focus on the first file, as in a menu. */
function toggled(e: ToggleEvent): void {
  if (e.newState === 'open') (e.currentTarget as HTMLElement).querySelector('button')?.focus();
}

/** Arrow keys, Home and End move between the files (Tab does too; Escape closes, the popover's own). */
function keydown(e: KeyboardEvent): void {
  const items = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
  const at = items.indexOf(e.target as HTMLButtonElement);
  const to =
    e.key === 'ArrowDown'
      ? (at + 1) % items.length
      : e.key === 'ArrowUp'
        ? (at - 1 + items.length) % items.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? items.length - 1
            : -1;
  if (to < 0) return;
  e.preventDefault();
  items[to]?.focus();
}

/** The toolbar for the `export` attribute's `value`, in `msg`'s words. */
export function renderExportMenu(host: ReelTimeline, value: string, msg: Messages): TemplateResult {
  const words = exportWords(msg);
  const failure = failures.get(host);
  return html`<span class="export" part="export">
    <button type="button" class="export-button" popovertarget="export-menu" aria-expanded="false">
      ${words.exportMenu}<span class="export-caret" aria-hidden="true"></span>
    </button>
    <div
      id="export-menu"
      class="export-menu"
      popover
      role="group"
      aria-label=${words.exportMenu}
      @beforetoggle=${beforeToggle}
      @toggle=${toggled}
      @keydown=${keydown}
    >
      ${exportFormats(value).map(
        (format) =>
          html`<button
            type="button"
            data-format=${format}
            @click=${(e: Event) => {
              // Closed first: focus goes back to the toolbar's button while the file is made.
              (e.currentTarget as HTMLElement).closest<HTMLElement>('[popover]')?.hidePopover();
              void choose(host, format, words);
            }}
          >
            ${words[LABEL[format]]}
          </button>`,
      )}
    </div>
    ${failure ? html`<span class="export-failure" role="alert">${failure}</span>` : nothing}
  </span>`;
}
