/**
 * The sources of an event, in its details: for each, who published it and when, its title as a
 * link a reader can open (the dataset's copy of the article, else where it was published), a link
 * to the original beside a copy, and the quote that supports the event. An event with several
 * sources says how many; one without any is flagged. Text from data is rendered as text.
 *
 * Links: a source's `file` is relative to the dataset, so it is resolved against the URL the data
 * was loaded from (`src`); data given as a property has no such URL and its links are used as
 * given (relative to the page). Only links that resolve to http(s) become links: anything with
 * another scheme (`javascript:`, `data:`…) is shown as plain text.
 *
 * @module
 */
import { formatDate, type Source } from '@reeltime/core';
import { html, nothing } from 'lit';
import type { RenderContext } from './context.js';

/**
 * The `href` for a link from data, or undefined when it must not be a link: only what resolves to
 * an http(s) URL, read by the browser's own URL parser (so `" java\tscript:…"`, which the parser
 * reads as `javascript:`, is refused too). Relative links are resolved against `base` when there
 * is one, else left as given (the page's URL resolves them, as it did here).
 */
export function safeHref(value: string | undefined, base: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value, base ?? document.baseURI);
    if (url.protocol === 'http:' || url.protocol === 'https:') return base === undefined ? value : url.href;
  } catch {
    // Not a URL at all: shown as text.
  }
  return undefined;
}

/** A link that opens in a new tab without giving the page a handle on its opener. */
function link(href: string, content: unknown, className: string) {
  return html`<a class=${className} href=${href} target="_blank" rel="noopener noreferrer">${content}</a>`;
}

function renderSource(source: Source, ctx: RenderContext) {
  const words = ctx.msg.table;
  const copy = safeHref(source.file, ctx.base);
  const original = safeHref(source.url, ctx.base);
  const title = html`<cite>${source.title}</cite>`;
  const titleHref = copy ?? original;
  const byline = [source.publisher, source.published && formatDate(source.published, ctx.dateOptions)].filter(
    (part): part is string => Boolean(part),
  );
  return html`<li class="source">
    ${byline.length ? html`<span class="source-by">${byline.join(', ')}</span>` : nothing}
    ${titleHref === undefined ? title : link(titleHref, title, 'source-title')}${
      copy !== undefined && original !== undefined
        ? html` <span class="source-original">(${link(original, words.sourceOriginal, 'source-original-link')})</span>`
        : nothing
    }
    ${source.quote ? html`<blockquote>${source.quote}</blockquote>` : nothing}
  </li>`;
}

/** The sources block of the details: a heading with the count and the list, or the no-source flag. */
export function renderSources(sources: readonly Source[], ctx: RenderContext) {
  if (!sources.length) return html`<p class="no-source">${ctx.msg.text('noSource')}</p>`;
  return html`<strong class="sources-heading">${ctx.msg.count('sourceCount', sources.length)}</strong>
    <ol class="sources">
      ${sources.map((source) => renderSource(source, ctx))}
    </ol>`;
}
