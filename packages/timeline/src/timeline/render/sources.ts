/**
 * The sources of an event, in its details: for each, who published it and when, its title as a
 * link a reader can open (the dataset's copy of the article, else where it was published), a link
 * to the original beside a copy, and the quote that supports the event. An event with several
 * sources says how many; one without any is flagged. Text from data is rendered as text.
 *
 * Links: a source's `file` is relative to the dataset, so it is resolved against the URL the data
 * was loaded from (`src`); data given as a property has no such URL and its links are used as
 * given (relative to the page). Only http(s) and relative links become links: anything with
 * another scheme (`javascript:`, `data:`…) is shown as plain text.
 *
 * @module
 */
import { formatDate, type Source } from '@reeltime/core';
import { html, nothing } from 'lit';
import type { RenderContext } from './context.js';

/** A scheme at the start of a URL (`javascript:`, `https:`). */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** What the URL parser ignores: leading and trailing C0 controls and spaces, tabs and newlines anywhere. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TRIMMED = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;

/**
 * The `href` for a link from data, or undefined when it must not be a link. `http:`/`https:` URLs
 * and relative references are allowed (relative ones resolved against `base` when there is one);
 * any other scheme, including ones hidden by the whitespace and controls the URL parser drops
 * (`" java\tscript:…"`), is refused.
 */
export function safeHref(value: string | undefined, base: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Check the URL as the browser will read it, not as written.
  const url = value.replace(TRIMMED, '').replace(TAB_OR_NEWLINE, '');
  if (url === '') return undefined;
  const scheme = SCHEME.exec(url)?.[0].toLowerCase();
  if (scheme !== undefined && scheme !== 'http:' && scheme !== 'https:') return undefined;
  if (base === undefined) return url;
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' || scheme === undefined
      ? resolved.href
      : undefined;
  } catch {
    return undefined;
  }
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
