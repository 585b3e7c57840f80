/**
 * `<reel-event>`: one event written as HTML inside `<reel-timeline>`. The markup is readable
 * before any script loads (it is ordinary text in the page); once the timeline upgrades, it reads
 * these elements as data and draws them.
 *
 * @module
 */
import { formatDateRange, parseDate, type TimelineEventInput } from '@reeltime/core';
import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { readEventElement } from './read-event.js';

export { readEventElement, type EventElementLike } from './read-event.js';

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
  /**
   * The reactive properties, each reflected to its attribute (documented where declared below): a
   * table rather than `@property` decorators, as `<reel-timeline>` has (see its `properties`).
   */
  static override properties: PropertyDeclarations = {
    eventId: { attribute: 'event-id', reflect: true },
    start: { reflect: true },
    end: { reflect: true },
    lane: { reflect: true },
    status: { reflect: true },
    tags: { reflect: true },
    locations: { reflect: true },
    people: { reflect: true },
    locale: { reflect: true },
  };

  /** Unique id of the event; defaults to the element's `id`, then to its position. */
  eventId?: string;
  /** Start date at its precision (`2019`, `2020-02`, `2023-07-12`, `late 2020`…). */
  start?: string;
  /** End date of a range, inclusive at its precision. */
  end?: string;
  /** Lane id. */
  lane?: string;
  /** `confirmed`, `approximate`, `uncertain`, `planned` or `cancelled`. */
  status?: string;
  /** Comma-separated tags. */
  tags?: string;
  /** Semicolon-separated places. */
  locations?: string;
  /** Semicolon-separated people. */
  people?: string;
  /** BCP 47 locale of the date it shows; the runtime's by default. */
  locale?: string;

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

declare global {
  interface HTMLElementTagNameMap {
    'reel-event': ReelEvent;
  }
}
