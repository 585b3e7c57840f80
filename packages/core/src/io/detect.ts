/**
 * Which format a file or value is in, from its content first and its content type and URL after.
 *
 * @module
 */
import { isRecord, own, type ImportFormat } from './shared.js';

/** What {@link detectFormat} found: a format, or `html` (a web page, e.g. an error page) or `unknown`. */
export type DetectedFormat = ImportFormat | 'html' | 'unknown';

function first(list: unknown): unknown {
  return Array.isArray(list) && list.length > 0 ? list[0] : undefined;
}

/** The format of parsed JSON. */
function formatOfValue(value: unknown): DetectedFormat {
  try {
    if (Array.isArray(value)) {
      const item = first(value);
      if (!isRecord(item)) return 'reeltime';
      if (own(item, 'start_date') !== undefined || own(item, 'text') !== undefined) return 'timelinejs';
      if (own(item, 'content') !== undefined || own(item, 'title') === undefined) return 'vis';
      return 'reeltime';
    }
    if (!isRecord(value)) return 'unknown';
    if (Array.isArray(own(value, 'items'))) return 'vis';
    const events = own(value, 'events');
    const event = first(events);
    if (isRecord(event) && (own(event, 'start_date') !== undefined || own(event, 'text') !== undefined)) {
      return 'timelinejs';
    }
    if (
      isRecord(own(value, 'title')) ||
      (Array.isArray(events) &&
        isRecord(first(own(value, 'eras'))) &&
        own(first(own(value, 'eras')) as Record<string, unknown>, 'start_date') !== undefined)
    ) {
      return 'timelinejs';
    }
    return Array.isArray(events) ? 'reeltime' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Sniffs the format of a file's text or of a value already parsed. Content decides first (JSON
 * shapes, an HTML page, a header row); then the content type (`text/csv`) and the URL's
 * extension (`.csv`, `.tsv`). Never throws.
 */
export function detectFormat(input: unknown, contentType?: string | null, url?: string | null): DetectedFormat {
  if (typeof input !== 'string') return formatOfValue(input);
  const text = input.replace(/^\uFEFF/, '').trimStart();
  const type = (contentType ?? '').toLowerCase();
  if (/^<(!doctype|html|head|body|\?xml)/i.test(text) || (/^</.test(text) && type.includes('html'))) return 'html';
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return formatOfValue(JSON.parse(text));
    } catch {
      // Not JSON after all: a CSV whose first cell starts with a bracket, or broken JSON.
      if (!type.includes('csv') && !/\.(csv|tsv)(?:[?#]|$)/i.test(url ?? '')) return 'unknown';
    }
  }
  if (type.includes('csv') || type.includes('tab-separated') || /\.(csv|tsv)(?:[?#]|$)/i.test(url ?? '')) return 'csv';
  if (type.includes('json') || /\.json(?:[?#]|$)/i.test(url ?? '')) return 'unknown';
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return header.includes(',') || header.includes('\t') ? 'csv' : 'unknown';
}
