/**
 * Deep links (`sync-url`): the visible range and the selection in the URL's hash, restored on load
 * and on back/forward. Loaded on first use (its own chunk in the bundle), like the overview.
 *
 * The hash holds `reel=<from>,<to>;sel=<id>` (dates in ISO 8601, as short as they stay exact to the
 * second), or `reel.<element id>=…;sel.<element id>=…` when the element has an id, so that several
 * timelines share one hash; other `;`-separated entries are kept. The first change after the view
 * settled pushes a history entry; the rest of that gesture replaces it, so Back returns to where a
 * gesture started, not to each of its frames.
 *
 * @module
 */
import type { ReactiveController } from 'lit';
import type { ReelTimeline } from './timeline.js';
import type { VisibleRange } from './view-state.js';

/** A view written to or read from the hash. */
interface Linked {
  readonly range: VisibleRange | undefined;
  readonly selected: string | null;
}

export class UrlSync implements ReactiveController {
  /** How long the view must stay still before the next change starts a new history entry, in ms. */
  static settleMs = 500;
  readonly #host: ReelTimeline;
  /** Whether there is something to link to (data loaded, the plot laid out). */
  readonly #ready: () => boolean;
  /** The hash last written or restored; a view that gives the same hash writes nothing. */
  #hash: string | undefined;
  #restored = false;
  /** The next update adopts the view (after a restore) instead of writing it. */
  #adopt = false;
  #settled = true;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReelTimeline, ready: () => boolean) {
    this.#host = host;
    this.#ready = ready;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.#restore);
    addEventListener('hashchange', this.#restore);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#restore);
    removeEventListener('hashchange', this.#restore);
    clearTimeout(this.#timer);
    this.#settled = true;
  }

  hostUpdated(): void {
    if (!this.#ready()) return;
    const { visibleRange: range, selected } = this.#host;
    const view = { range, selected };
    if (!this.#restored) {
      this.#restored = true;
      const linked = parseHash(location.hash, this.#host.id);
      if (linked) {
        this.#apply(linked);
        return;
      }
      this.#hash = composeHash(location.hash, this.#host.id, view);
      return;
    }
    const hash = composeHash(location.hash, this.#host.id, view);
    if (this.#adopt) {
      this.#adopt = false;
      this.#hash = hash;
      return;
    }
    if (hash === this.#hash) return;
    this.#hash = hash;
    const url = `${location.pathname}${location.search}${hash}`;
    if (this.#settled) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
    this.#settled = false;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#settled = true), UrlSync.settleMs);
  }

  /** Back, forward or a new hash: shows what it links to (the whole data when it links to nothing). */
  readonly #restore = (): void => {
    if (!this.#restored) return;
    const key = this.#host.id;
    const linked = parseHash(location.hash, key);
    // A hash that never linked this element (an anchor, another timeline's entries) changes nothing.
    if (!linked && !parseHash(this.#hash ?? '', key)) return;
    this.#apply(linked ?? { range: undefined, selected: null });
  };

  #apply(linked: Linked): void {
    clearTimeout(this.#timer);
    this.#settled = true;
    this.#adopt = true;
    const host = this.#host;
    if (linked.range) host.visibleRange = linked.range;
    else host.resetZoom();
    if (linked.selected !== host.selected) host.select(linked.selected);
  }
}

/** The entries of a hash (`#a=1;b=2`), in order. */
function entries(hash: string): [string, string][] {
  return hash
    .replace(/^#/, '')
    .split(';')
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf('=');
      return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
    });
}

function keys(key: string): { range: string; selected: string } {
  const suffix = key ? `.${encodeURIComponent(key)}` : '';
  return { range: `reel${suffix}`, selected: `sel${suffix}` };
}

/** The range and selection a hash links to for the element `key`, or undefined when it has none. */
export function parseHash(hash: string, key: string): Linked | undefined {
  const names = keys(key);
  const map = new Map(entries(hash));
  const rangeText = map.get(names.range);
  const selectedText = map.get(names.selected);
  if (rangeText === undefined && selectedText === undefined) return undefined;
  const [from, to] = (rangeText ?? '').split(',').map(parseTime);
  const range = from !== undefined && to !== undefined && to > from ? { from, to } : undefined;
  return { range, selected: selectedText ? decodeURIComponent(selectedText) : null };
}

/** `hash` with the element's entries set to `view` (removed when `view` is undefined). */
export function composeHash(hash: string, key: string, view: Linked | undefined): string {
  const names = keys(key);
  const kept = entries(hash).filter(([name]) => name !== names.range && name !== names.selected);
  if (view?.range) kept.push([names.range, `${formatTime(view.range.from)},${formatTime(view.range.to)}`]);
  if (view?.selected) kept.push([names.selected, encodeURIComponent(view.selected)]);
  return kept.length ? `#${kept.map(([name, value]) => (value ? `${name}=${value}` : name)).join(';')}` : '';
}

/** A time as short ISO 8601 (`2020-03-01`, `2020-03-01T12:30:05Z`), to the second; far years as numbers. */
export function formatTime(time: number): string {
  const rounded = Math.round(time / 1000) * 1000;
  if (Math.abs(rounded) > 8.64e15) return String(rounded);
  return new Date(rounded)
    .toISOString()
    .replace(/T00:00:00\.000Z$/, '')
    .replace(/\.000Z$/, 'Z');
}

function parseTime(text: string): number | undefined {
  if (!text) return undefined;
  const value = /^-?\d{7,}$/.test(text) ? Number(text) : Date.parse(decodeURIComponent(text));
  return Number.isFinite(value) ? value : undefined;
}
