/**
 * `<reel-event>`: one event written as HTML inside `<reel-timeline>`. The markup is readable
 * before any script loads (it is ordinary text in the page); once the timeline upgrades, it reads
 * these elements as data and draws them.
 *
 * @module
 */
import { formatDateRange, parseDate, type SourceInput, type TimelineEventInput } from '@reeltime/core';
import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * An event declared in HTML. The title is the text of the first heading or `<strong>`/`<b>` child
 * (or all the text when there is none), the description the text of its `<p>` children, and each
 * `<cite>` a source (its link, if any, the source URL).
 *
 * ```html
 * <reel-timeline>
 *   <reel-event event-id="wrap" start="2021-09" lane="production">
 *     <strong>Filming wraps</strong>
 *     <p>Principal photography ends.</p>
 *     <cite><a href="https://example.org/article">Production article</a></cite>
 *   </reel-event>
 * </reel-timeline>
 * ```
 *
 * @summary An event declared in HTML for `<reel-timeline>`.
 * @since 0.1.0
 */
export class ReelEvent extends LitElement {
  /** Unique id of the event; defaults to the element's `id`, then to its position. */
  @property({ attribute: 'event-id', reflect: true }) eventId?: string;
  /** Start date at its precision (`2019`, `2020-02`, `2023-07-12`, `late 2020`…). */
  @property({ reflect: true }) start?: string;
  /** End date of a range, inclusive at its precision. */
  @property({ reflect: true }) end?: string;
  /** Lane id. */
  @property({ reflect: true }) lane?: string;
  /** `confirmed`, `approximate`, `uncertain`, `planned` or `cancelled`. */
  @property({ reflect: true }) status?: string;
  /** Comma-separated tags. */
  @property({ reflect: true }) tags?: string;
  /** Semicolon-separated places. */
  @property({ reflect: true }) locations?: string;
  /** Semicolon-separated people. */
  @property({ reflect: true }) people?: string;
  /** BCP 47 locale of the date it shows; the runtime's by default. */
  @property({ reflect: true }) locale?: string;

  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    time {
      font-variant-numeric: tabular-nums;
      color: var(--reel-color-muted, inherit);
    }
  `;

  /**
   * What a reader sees of the event where the timeline shows its children as they are (rendered
   * on a server, before the timeline reads them): its date at its precision, then the content
   * as written (title, paragraphs, sources). The content stays in the light DOM, read as data.
   */
  protected override render() {
    const date = this.#date();
    return html`${date ? html`<time>${date}</time> ` : nothing}<slot></slot>`;
  }

  #date(): string {
    if (!this.start) return '';
    const start = parseDate(this.start);
    if (!start.ok) return this.start;
    const end = this.end ? parseDate(this.end) : undefined;
    return formatDateRange(start.value, end?.ok ? end.value : undefined, { locale: this.locale || undefined });
  }

  /** This element as event data; fields that are empty are left out, so the parser can name what is missing. */
  toEventInput(position: number): Partial<TimelineEventInput> & Record<string, unknown> {
    return readEventElement(this, position);
  }
}

const list = (text: string | null, separator: RegExp) =>
  (text ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * What {@link readEventElement} reads of an element: a DOM `Element` has all of it, and so has a
 * server's parse of the markup (`@reeltime/timeline/ssr`), where there is no DOM.
 */
export interface EventElementLike {
  readonly localName: string;
  readonly id: string;
  readonly textContent: string | null;
  readonly children: Iterable<EventElementLike>;
  readonly childNodes: Iterable<{ readonly nodeType: number; readonly textContent: string | null }>;
  /** The address relative links resolve against (absent on a server that was not told the page's). */
  readonly baseURI?: string | undefined;
  getAttribute(name: string): string | null;
}

const text = (node: EventElementLike | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The element's own text, without that of its children (`<p>`, `<cite>`). */
const ownText = (element: EventElementLike) =>
  [...element.childNodes]
    .filter((node) => node.nodeType === 3)
    .map((node) => node.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The first link with an address inside `element`, in document order (`a[href]`). */
function linkIn(element: EventElementLike): EventElementLike | undefined {
  for (const child of element.children) {
    const link = child.localName === 'a' && child.getAttribute('href') !== null ? child : linkIn(child);
    if (link) return link;
  }
  return undefined;
}

function resolveUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Reads a `<reel-event>` element (upgraded or not, or a server's parse of one) into event input.
 * Works from attributes and text only, so it gives the same result before and after the element's
 * definition loads, and on a server.
 */
export function readEventElement(
  element: EventElementLike,
  position: number,
): Partial<TimelineEventInput> & Record<string, unknown> {
  const attr = (name: string) => element.getAttribute(name)?.trim() || undefined;
  const children = [...element.children];
  const titleElement = children.find((child) => /^(h[1-6]|strong|b)$/.test(child.localName));
  const paragraphs = children.filter((child) => child.localName == 'p');
  const description = paragraphs.map(text).filter(Boolean);
  // `:scope > cite, :scope > p > cite`, in document order.
  const cites = children
    .flatMap((child) => (child.localName == 'p' ? [...child.children] : [child]))
    .filter((child) => child.localName == 'cite');
  const sources: SourceInput[] = cites.map((cite) => {
    const url = resolveUrl(linkIn(cite)?.getAttribute('href'), element.baseURI);
    return { title: text(cite), ...(url ? { url } : {}) };
  });
  const input: Record<string, unknown> = {
    id: attr('event-id') ?? (element.id || `event-${position + 1}`),
    title: titleElement ? text(titleElement) : ownText(element) || text(element),
  };
  const fields: [string, unknown][] = [
    ['start', attr('start')],
    ['end', attr('end')],
    ['lane', attr('lane')],
    ['status', attr('status')],
    ['description', description.length ? description.join('\n\n') : undefined],
  ];
  for (const [key, value] of fields) if (value !== undefined) input[key] = value;
  const tags = list(attr('tags') ?? null, /,/);
  const locations = list(attr('locations') ?? null, /;/);
  const people = list(attr('people') ?? null, /;/);
  if (tags.length) input['tags'] = tags;
  if (locations.length) input['locations'] = locations;
  if (people.length) input['people'] = people;
  if (sources.length) input['sources'] = sources;
  return input;
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-event': ReelEvent;
  }
}
