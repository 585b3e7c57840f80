/**
 * The details of the selected event: title, dates (its `displayDate` when the data gives one),
 * status, description, media (render/media.ts), lane, places, people, tags, link and sources
 * (render/sources.ts). Text from data is rendered as text; the one exception is a description
 * given as HTML (`descriptionHtml`, TimelineJS3's text), shown through DOMPurify
 * (render/rich-text.ts, its own chunk, loaded the first time such an event is shown; its plain
 * text stands in until then).
 *
 * @module
 */
import { formatDateRange, type TimelineEvent, type TimelineSource } from '@reeltime/core';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { Directive, directive, type ChildPart, type Part } from 'lit/directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type * as RichText from './rich-text.js';
import { DETAILS_WORDS, LANE_WORDS, SOURCES_WORDS } from '../../i18n/part-words.js';
import type { Explore } from '../explore.js';
import type { RenderContext } from './context.js';
import { renderMedia } from './media.js';
import { renderSources } from './sources.js';

/*
 * The sources view links its sources as the details do: it takes `safeHref` from here, so that
 * the bundler keeps sources.ts in the details' chunk (imported from both chunks directly, it would
 * become a third chunk of its own that opening the details must fetch too).
 */
export { safeHref } from './sources.js';
export { styles } from './details.styles.js';

/** The details' words (English; added to the table when this chunk arrives). */
export const words = { ...DETAILS_WORDS, ...LANE_WORDS, ...SOURCES_WORDS };
import { heading, type HeadingLevel } from './heading.js';

let richText: typeof RichText | undefined;
let richTextLoading: Promise<typeof RichText> | undefined;

function rich(module: typeof RichText, source: string): TemplateResult {
  // The only HTML from data the element shows, and only as DOMPurify's allow-list leaves it.
  return html`<div class="rich">${unsafeHTML(module.sanitizeRichText(source))}</div>`;
}

/**
 * Sanitised HTML once the sanitizer's chunk has loaded; the plain text until then, when the host
 * is asked to update. (A plain directive, not an AsyncDirective: that one would move lit's
 * async-directive helpers into the entry bundle.)
 */
class RichTextDirective extends Directive {
  render(source: string, plain: string | undefined): unknown {
    if (richText) return rich(richText, source);
    return plain ? html`<p>${plain}</p>` : nothing;
  }

  override update(part: Part, [source, plain]: [string, string | undefined]): unknown {
    if (!richText) {
      const host = (part as ChildPart).options?.host as ReactiveElement | undefined;
      richTextLoading ??= import('./rich-text.js').then(
        (module) => (richText = module),
        (error: unknown) => {
          // A chunk that failed to load (offline) may be asked for again; the plain text stays.
          richTextLoading = undefined;
          throw error;
        },
      );
      richTextLoading.then(
        () => host?.requestUpdate(),
        () => undefined,
      );
    }
    return this.render(source, plain);
  }
}
const richTextOf = directive(RichTextDirective);

/** Settles when the sanitizer's chunk, if asked for, has loaded (tests and `updateComplete`). */
export function richTextReady(): Promise<unknown> {
  return (richTextLoading ?? Promise.resolve()).catch(() => undefined);
}

function description(event: TimelineEvent): unknown {
  if (event.descriptionHtml !== undefined) return richTextOf(event.descriptionHtml, event.description);
  return event.description ? html`<p>${event.description}</p>` : nothing;
}

/**
 * A source that draws events before it has read all of their record (the DuckDB source: a window
 * answer leaves the description in the database): `fetch` reads the full record by id.
 */
interface OnDemandSource {
  isPartial(id: string): boolean;
  fetch(id: string): Promise<unknown>;
}

function onDemand(source: TimelineSource): OnDemandSource | undefined {
  const candidate = source as Partial<OnDemandSource>;
  return typeof candidate.isPartial === 'function' && typeof candidate.fetch === 'function'
    ? (candidate as OnDemandSource)
    : undefined;
}

/** Records being read, per source and id (one question per selection, however often it renders). */
const reading = new WeakMap<TimelineSource, Map<string, Promise<unknown>>>();

/**
 * Details on demand: for an event drawn without its full record, asks the source for it once and
 * updates the host when it arrives (the details show what is drawn until then, `aria-busy`).
 * Renders nothing itself. A failed read leaves what is shown and may be asked again.
 */
class FullRecordDirective extends Directive {
  render(_source: TimelineSource, _id: string): unknown {
    return nothing;
  }

  override update(part: Part, [source, id]: [TimelineSource, string]): unknown {
    const database = onDemand(source);
    if (database?.isPartial(id)) {
      let asked = reading.get(source);
      if (!asked) reading.set(source, (asked = new Map()));
      if (!asked.has(id)) {
        const host = (part as ChildPart).options?.host as ReactiveElement | undefined;
        const done = () => {
          asked.delete(id);
          host?.requestUpdate();
        };
        asked.set(id, database.fetch(id).then(done, done));
      }
    }
    return nothing;
  }
}
const fullRecord = directive(FullRecordDirective);

/** Settles when every full record asked for has arrived (tests and `updateComplete`). */
export function recordsReady(source: TimelineSource): Promise<unknown> {
  return Promise.all([...(reading.get(source)?.values() ?? [])]);
}

/** The events whose third-party media the reader asked to load, per timeline. */
const loadedMedia = new WeakMap<TimelineSource, Set<string>>();

/** The host element of a node in its shadow root. */
function hostOf(node: Node): ReactiveElement | undefined {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? (root.host as ReactiveElement) : undefined;
}

function media(ctx: RenderContext, event: TimelineEvent): TemplateResult | typeof nothing {
  if (!event.media) return nothing;
  let loaded = loadedMedia.get(ctx.source);
  if (!loaded) loadedMedia.set(ctx.source, (loaded = new Set()));
  const ids = loaded;
  const onLoad = (e: Event) => {
    const host = hostOf(e.currentTarget as Node);
    ids.add(event.id);
    host?.requestUpdate();
    // The button is gone: focus goes to the player that took its place.
    void host?.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('.details iframe')?.focus());
  };
  return renderMedia(event.media, event.title, ctx.msg, ids.has(event.id), onLoad);
}

/**
 * The close button and Escape anywhere in the details (the section takes focus when its text is
 * clicked, so Escape works from there too) close them ({@link closeDetails}); `level` is the
 * heading's level (the element's `heading-level`).
 */
export function renderDetails(ctx: RenderContext, explore: Explore, level: HeadingLevel = 2) {
  const onClose = () => closeDetails(explore);
  const id = ctx.view.selectedId;
  const event = id === null ? undefined : ctx.source.get(id);
  if (!event) return nothing;
  const lane = ctx.dataset.lanes.find((l) => l.id === event.lane);
  const options = ctx.dateOptions;
  const words = ctx.msg.table;
  const keydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose();
  };
  return html`<section
    class="details"
    part="details"
    aria-label=${ctx.msg.text('details', { title: event.title })}
    aria-busy=${onDemand(ctx.source)?.isPartial(event.id) ? 'true' : 'false'}
    tabindex="-1"
    @keydown=${keydown}
  >
    ${fullRecord(ctx.source, event.id)}
    <div class="details-head">
      <div>
        ${heading(level, event.title)}
        <p class="when">
          ${
            event.displayDate
              ? html`${event.displayDate}
                  <span class="formal">(${formatDateRange(event.start, event.end, options)})</span>`
              : formatDateRange(event.start, event.end, options)
          }
          ${event.status ? html`<span class="status">${words.status[event.status]}</span>` : nothing}
        </p>
      </div>
      <button type="button" aria-label=${words.closeDetails} @click=${onClose}>×</button>
    </div>
    ${description(event)} ${media(ctx, event)}
    <dl>
      ${
        lane?.label
          ? html`<dt>${words.lane}</dt>
              <dd>${lane.label}</dd>`
          : nothing
      }
      ${
        event.locations.length
          ? html`<dt>${words.where}</dt>
              <dd>${event.locations.join('; ')}</dd>`
          : nothing
      }
      ${
        event.people.length
          ? html`<dt>${words.people}</dt>
              <dd>${event.people.join(', ')}</dd>`
          : nothing
      }
      ${
        event.tags.length
          ? html`<dt>${words.tags}</dt>
              <dd>${event.tags.join(', ')}</dd>`
          : nothing
      }
      ${
        event.url
          ? html`<dt>${words.link}</dt>
              <dd><a href=${event.url} rel="noopener noreferrer" target="_blank">${event.url}</a></dd>`
          : nothing
      }
    </dl>
    ${renderSources(event.sources, ctx)}
  </section>`;
}

/**
 * Closes the details and gives focus back to the event they were about (never to the page): its
 * mark in the chart, its row in the table.
 */
function closeDetails(explore: Explore): void {
  const id = explore.view.selectedId;
  explore.host.select(null);
  if (id !== null) void explore.interaction.whenContact((m) => m.detailsClosed(explore, id));
}
