/**
 * An event's media in the details. A picture is shown (with its caption, credit and alt text)
 * and any other page is a link. A third party's player or post (YouTube, Vimeo, a map, a social
 * post) is a card: nothing is requested from that party until the reader presses its button,
 * and only then is the player's frame added. Posts that have no player without the party's
 * script are a link to open them there.
 *
 * @module
 */
import type { Media } from '@reeltime/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import { safeHref } from './sources.js';

/** What a media URL is: a picture, a player to embed on request, a post to open, or a page. */
export type MediaKind =
  | { readonly kind: 'image' }
  | { readonly kind: 'embed'; readonly host: string; readonly frame: string }
  | { readonly kind: 'post'; readonly host: string }
  | { readonly kind: 'link' };

const IMAGE = /\.(?:avif|gif|jpe?g|png|svg|webp)$/i;
const POSTS =
  /(?:^|\.)(?:twitter\.com|x\.com|instagram\.com|facebook\.com|tiktok\.com|threads\.net|bsky\.app|mastodon\.social|linkedin\.com|flickr\.com|soundcloud\.com|spotify\.com)$/;

/** Classifies a media URL (http or https; anything else is a link the details do not draw). */
export function mediaKind(url: string): MediaKind {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'link' };
  }
  const host = u.hostname.replace(/^www\./, '').toLowerCase();
  const youtube =
    host === 'youtu.be'
      ? u.pathname.slice(1)
      : /(?:^|\.)youtube(?:-nocookie)?\.com$/.test(host)
        ? (u.searchParams.get('v') ?? /^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(u.pathname)?.[1])
        : undefined;
  if (youtube && /^[\w-]{6,20}$/.test(youtube)) {
    return { kind: 'embed', host, frame: `https://www.youtube-nocookie.com/embed/${youtube}` };
  }
  const vimeo = /(?:^|\.)vimeo\.com$/.test(host) ? /^\/(?:video\/)?(\d+)/.exec(u.pathname)?.[1] : undefined;
  if (vimeo) return { kind: 'embed', host, frame: `https://player.vimeo.com/video/${vimeo}?dnt=1` };
  if (/^(?:maps\.)?google\.[a-z.]+$/.test(host) && (host.startsWith('maps.') || u.pathname.startsWith('/maps'))) {
    if (u.pathname.startsWith('/maps/embed')) return { kind: 'embed', host, frame: u.href };
    const frame = new URL('https://maps.google.com/maps');
    const place = /^\/maps\/(?:place|search)\/([^/]+)/.exec(u.pathname)?.[1];
    const at = /@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(u.pathname)?.slice(1, 3).join(',');
    frame.searchParams.set('q', u.searchParams.get('q') ?? (place ? decodeURIComponent(place) : (at ?? '')));
    frame.searchParams.set('output', 'embed');
    return { kind: 'embed', host, frame: frame.href };
  }
  if (host === 'openstreetmap.org' && u.pathname.startsWith('/export/embed'))
    return { kind: 'embed', host, frame: u.href };
  if (POSTS.test(host)) return { kind: 'post', host };
  if (IMAGE.test(u.pathname)) return { kind: 'image' };
  return { kind: 'link' };
}

function caption(media: Media): TemplateResult | typeof nothing {
  if (!media.caption && !media.credit) return nothing;
  return html`<figcaption>
    ${media.caption ?? nothing}${media.credit ? html` <span class="credit">${media.credit}</span>` : nothing}
  </figcaption>`;
}

/**
 * The media of an event. `loaded` says whether the reader asked for the third party's player;
 * `onLoad` is the card's button.
 */
export function renderMedia(
  media: Media,
  title: string,
  msg: Messages,
  loaded: boolean,
  onLoad: (e: Event) => void,
): TemplateResult | typeof nothing {
  // The model keeps only http(s) media; a URL that slipped through any other way is not drawn.
  if (safeHref(media.url, undefined) === undefined) return nothing;
  const what = mediaKind(media.url);
  if (what.kind === 'image') {
    return html`<figure class="media">
      <img src=${media.url} alt=${media.caption ?? title} loading="lazy" referrerpolicy="no-referrer" />
      ${caption(media)}
    </figure>`;
  }
  if (what.kind === 'link') {
    return html`<figure class="media">
      <a href=${media.url} rel="noopener noreferrer" target="_blank">${media.caption ?? media.url}</a>
      ${media.credit ? html`<figcaption><span class="credit">${media.credit}</span></figcaption>` : nothing}
    </figure>`;
  }
  const host = { host: what.host };
  if (what.kind === 'embed' && loaded) {
    return html`<figure class="media embed">
      <iframe
        src=${what.frame}
        title=${media.caption ?? msg.text('mediaFrame', host)}
        loading="lazy"
        referrerpolicy="strict-origin-when-cross-origin"
        sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
        allow="fullscreen; picture-in-picture"
      ></iframe>
      ${caption(media)}
    </figure>`;
  }
  return html`<figure class="media card">
    <p class="card-host">${what.host}</p>
    ${caption(media)}
    <p class="card-note">${msg.text('mediaNotice', host)}</p>
    ${
      what.kind === 'embed'
        ? html`<button type="button" @click=${onLoad}>${msg.text('mediaLoad', host)}</button>`
        : nothing
    }
    <a href=${media.url} rel="noopener noreferrer" target="_blank">${msg.text('mediaOpen', host)}</a>
  </figure>`;
}
