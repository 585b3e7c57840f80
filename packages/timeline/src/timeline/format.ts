/**
 * The element's locale and the values it formats from its attributes: the visible range as text,
 * the marker lines (`marker`, `marker-label` and the dataset's named markers) and the `base`
 * address. Pure functions of what they are given; the element calls them while it renders.
 *
 * @module
 */
import { formatDate, formatSpan, parseDate, type Dataset, type DateFormatOptions } from '@reeltime/core';
import { canonicalLocale } from '../i18n/locales.js';
import type { Messages } from '../i18n/messages.js';
import type { Marker } from './render/marker.js';
import type { VisibleRange } from './view-state.js';

/** The element's `locale`, else the nearest `lang` around it, as a canonical tag (undefined: the browser's). */
export function localeOf(element: Element, locale: string): string | undefined {
  // `closest` is absent under server rendering's DOM shim.
  const lang = typeof element.closest === 'function' ? element.closest('[lang]')?.getAttribute('lang') : undefined;
  return canonicalLocale(locale) ?? canonicalLocale(lang);
}

/** The visible range as text (empty while it is not finite). */
export function formatRange(range: VisibleRange, options: DateFormatOptions): string {
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to)) return '';
  return formatSpan(range.from, range.to, options);
}

/** The element's own marker (`marker`), then the dataset's named ones. */
export function markersOf(
  dataset: Dataset,
  markerAttribute: string,
  markerLabel: string,
  msg: Messages,
  options: DateFormatOptions,
): Marker[] {
  const named = (dataset.markers ?? []).map((m): Marker => ({
    time: m.at,
    label: m.label,
    kind: 'data',
  }));
  const marker = markerAttribute.trim();
  if (!marker) return named;
  if (marker === 'today') return [{ time: Date.now(), label: markerLabel || msg.text('today') }, ...named];
  const parsed = parseDate(marker);
  if (!parsed.ok) return named;
  const label = markerLabel || formatDate(parsed.value, options);
  return [{ time: parsed.value.start, label }, ...named];
}

/** The `base` attribute made absolute against the page, else the address `src` was loaded from (`fallback`). */
export function resolveBase(base: string, fallback: string | undefined): string | undefined {
  if (!base) return fallback;
  try {
    return new URL(base, typeof document === 'object' ? document.baseURI : undefined).href;
  } catch {
    return fallback;
  }
}
