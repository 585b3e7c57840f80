/**
 * The sources view (`view="sources"`): every source the data cites, with who published it and
 * when, its title as a link that opens the article (the dataset's copy, else the original), and
 * the events it supports, each a button that selects the event and reveals it in the chart. An
 * event that cites several sources says how many; events that cite none are listed apart and
 * flagged. Loaded as its own chunk on first use, like the table view. Text from data is rendered
 * as text.
 *
 * The index (sources to events) is built once per data source: one pass over the events.
 *
 * @module
 */
import { formatDate, formatDateRange, type Source, type TimelineEvent, type TimelineSource } from '@reeltime/core';
import { html, nothing } from 'lit';
import { SOURCES_VIEW_WORDS, SOURCES_WORDS } from '../../i18n/part-words.js';
import type { Explore } from '../explore.js';
import type { RenderContext } from './context.js';
import { heading, type HeadingLevel } from './heading.js';
import { safeHref } from './details.js';

export { sourcesViewStyles as styles } from './sources-view.styles.js';

/** The sources view's words (English; added to the table when this chunk arrives). */
export const words = { ...SOURCES_VIEW_WORDS, ...SOURCES_WORDS };

/** A source and the events that cite it (with the quote each citation gives). */
export interface CitedSource {
  /** The source as its first citation describes it. */
  readonly source: Source;
  readonly citations: readonly { readonly event: TimelineEvent; readonly quotes: readonly string[] }[];
}

/** Every cited source (by publication date, then title) and the events that cite none. */
export interface SourcesIndex {
  readonly cited: readonly CitedSource[];
  readonly unsourced: readonly TimelineEvent[];
}

/** Events without a source listed by name; beyond this many the view says how many more. */
export const UNSOURCED_LISTED = 200;

const indexes = new WeakMap<TimelineSource, SourcesIndex>();

/**
 * One source is one article: citations of the same copy (`file`), else the same address (`url`),
 * else the same title from the same publisher, are the same source.
 */
function keyOf(source: Source): string {
  return source.file
    ? `f ${source.file}`
    : source.url
      ? `u ${source.url}`
      : `t ${source.publisher ?? ''}\n${source.title}`;
}

/** The sources index of a data source, built once (events in display order). */
export function sourcesIndexOf(data: TimelineSource): SourcesIndex {
  let index = indexes.get(data);
  if (index) return index;
  const bySource = new Map<string, { source: Source; citations: Map<TimelineEvent, string[]> }>();
  const unsourced: TimelineEvent[] = [];
  for (let position = 0; position < data.size; position++) {
    const event = data.at(position);
    if (!event) continue;
    if (!event.sources.length) unsourced.push(event);
    for (const source of event.sources) {
      const key = keyOf(source);
      let entry = bySource.get(key);
      if (!entry) bySource.set(key, (entry = { source, citations: new Map() }));
      const quotes = entry.citations.get(event) ?? [];
      if (source.quote && !quotes.includes(source.quote)) quotes.push(source.quote);
      entry.citations.set(event, quotes);
    }
  }
  const cited = [...bySource.values()].map(({ source, citations }): CitedSource => ({
    source,
    citations: [...citations].map(([event, quotes]) => ({ event, quotes })),
  }));
  // Undated sources last; the same day by title.
  cited.sort(
    (a, b) =>
      (a.source.published?.start ?? Infinity) - (b.source.published?.start ?? Infinity) ||
      a.source.title.localeCompare(b.source.title),
  );
  index = { cited, unsourced };
  indexes.set(data, index);
  return index;
}

/** How many distinct sources an event cites. */
function sourceCountOf(event: TimelineEvent): number {
  return new Set(event.sources.map(keyOf)).size;
}

/** What the view needs besides the render context. */
export interface SourcesViewInput {
  readonly level: HeadingLevel;
  /** A button selects its event and shows it in the chart, focused. */
  readonly explore: Explore;
}

function renderEventButton(event: TimelineEvent, ctx: RenderContext, input: SourcesViewInput) {
  const selected = ctx.view.selectedId === event.id;
  return html`<button
      type="button"
      class="reveal"
      data-id=${event.id}
      aria-pressed=${selected ? 'true' : 'false'}
      @click=${() => {
        const { host } = input.explore;
        input.explore.focusToView = true;
        host.view = 'chart';
        host.select(event.id);
      }}
    >
      ${event.title}</button
    ><span class="when">${formatDateRange(event.start, event.end, ctx.dateOptions)}</span>`;
}

function renderCited(cited: CitedSource, ctx: RenderContext, input: SourcesViewInput) {
  const { source } = cited;
  const { msg } = ctx;
  const copy = safeHref(source.file, ctx.base);
  const original = safeHref(source.url, ctx.base);
  const href = copy ?? original;
  const title = html`<cite>${source.title}</cite>`;
  const byline = [source.publisher, source.published && formatDate(source.published, ctx.dateOptions)].filter(
    (part): part is string => Boolean(part),
  );
  return html`<li class="cited">
    ${heading(
      input.level,
      href === undefined
        ? title
        : html`<a class="source-title" href=${href} target="_blank" rel="noopener noreferrer">${title}</a>`,
    )}
    ${byline.length ? html`<p class="source-by">${byline.join(', ')}</p>` : nothing}
    ${
      copy !== undefined && original !== undefined
        ? html`<p class="source-original">
            <a href=${original} target="_blank" rel="noopener noreferrer">${msg.table.sourceOriginal}</a>
          </p>`
        : nothing
    }
    <p class="supports">${msg.count('sourceSupports', cited.citations.length)}</p>
    <ul class="supported">
      ${cited.citations.map(({ event, quotes }) => {
        const count = sourceCountOf(event);
        return html`<li>
          ${renderEventButton(event, ctx, input)}
          ${count > 1 ? html`<span class="several">${msg.count('sourceOfSeveral', count)}</span>` : nothing}
          ${quotes.map((quote) => html`<blockquote>${quote}</blockquote>`)}
        </li>`;
      })}
    </ul>
  </li>`;
}

/** The sources view: the cited sources, then the events without a source. */
export function renderSourcesView(ctx: RenderContext, input: SourcesViewInput) {
  const { msg } = ctx;
  const { cited, unsourced } = sourcesIndexOf(ctx.source);
  const listed = unsourced.slice(0, UNSOURCED_LISTED);
  return html`<section class="sources-view" part="sources-view" aria-label=${msg.text('sources')} tabindex="-1">
    ${
      cited.length
        ? html`<ol class="cited-list">
            ${cited.map((entry) => renderCited(entry, ctx, input))}
          </ol>`
        : html`<p class="no-source">${msg.text('noSource')}</p>`
    }
    ${
      unsourced.length
        ? html`<div class="unsourced">
            ${heading(input.level, html`<span class="no-source">${msg.count('unsourced', unsourced.length)}</span>`)}
            <ul class="supported">
              ${listed.map((event) => html`<li>${renderEventButton(event, ctx, input)}</li>`)}
            </ul>
            ${
              unsourced.length > listed.length
                ? html`<p class="more">
                    ${msg.text('moreEvents', { count: msg.number(unsourced.length - listed.length) })}
                  </p>`
                : nothing
            }
          </div>`
        : nothing
    }
  </section>`;
}
