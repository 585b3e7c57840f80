/**
 * The details of the selected event: title, dates, status, description, lane, places, people,
 * tags, link and sources (render/sources.ts). Text from data is rendered as text.
 *
 * @module
 */
import { formatDateRange } from '@reeltime/core';
import { html, nothing } from 'lit';
import type { RenderContext } from './context.js';
import { renderSources } from './sources.js';

/*
 * The sources view links its sources as the details do: it takes `safeHref` from here, so that
 * the bundler keeps sources.ts in the details' chunk (imported from both chunks directly, it would
 * become a third chunk of its own that opening the details must fetch too).
 */
export { safeHref } from './sources.js';
export { styles } from './details.styles.js';
import { heading, type HeadingLevel } from './heading.js';

/**
 * `onClose` runs on the close button and on Escape anywhere in the details (the section takes
 * focus when its text is clicked, so Escape works from there too); `level` is the
 * heading's level (the element's `heading-level`).
 */
export function renderDetails(ctx: RenderContext, onClose: () => void, level: HeadingLevel = 2) {
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
    tabindex="-1"
    @keydown=${keydown}
  >
    <div class="details-head">
      <div>
        ${heading(level, event.title)}
        <p class="when">
          ${formatDateRange(event.start, event.end, options)}
          ${event.status ? html`<span class="status">${words.status[event.status]}</span>` : nothing}
        </p>
      </div>
      <button type="button" aria-label=${words.closeDetails} @click=${onClose}>×</button>
    </div>
    ${event.description ? html`<p>${event.description}</p>` : nothing}
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
