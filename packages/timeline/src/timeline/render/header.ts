/**
 * The header: the dataset's title, the visible range, the view toggle, the keyboard map's button,
 * the zoom buttons and (with `export`) the export toolbar. A function of the element (its public view and methods), the words and
 * the texts the element formatted.
 *
 * @module
 */
import { html, type nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import type { ReelTimeline } from '../timeline.js';

/** The bar with the title, the visible range and the buttons (`part="header"`). */
export function renderHeader(
  host: ReelTimeline,
  msg: Messages,
  title: string,
  rangeText: string,
  exportMenu: TemplateResult | typeof nothing | undefined,
): TemplateResult {
  return html`<header part="header">
    <p class="title" dir="auto">${title}</p>
    <span class="range">${rangeText}</span>
    ${renderExploreButtons(host, msg)}
    <span class="zoom" role="group" aria-label=${msg.text('zoomGroup')}>
      <button
        type="button"
        aria-label=${msg.text('zoomOut')}
        title=${`${msg.text('zoomOut')} (-)`}
        @click=${() => host.zoomBy(1 / 2)}
      >
        −
      </button>
      <button
        type="button"
        aria-label=${msg.text('zoomIn')}
        title=${`${msg.text('zoomIn')} (+)`}
        @click=${() => host.zoomBy(2)}
      >
        +
      </button>
      <button
        type="button"
        aria-label=${msg.text('showAll')}
        title=${`${msg.text('showAll')} (0)`}
        @click=${() => host.resetZoom()}
      >
        ${msg.text('showAllShort')}
      </button>
    </span>
    ${exportMenu}
  </header>`;
}

/** The header's keyboard-map button and chart/table toggle. */
export function renderExploreButtons(host: ReelTimeline, msg: Messages): TemplateResult {
  return html`<span class="explore" role="group" aria-label=${msg.text('viewGroup')}>
      ${(['chart', 'table', 'sources'] as const).map(
        (view) =>
          html`<button type="button" aria-pressed=${host.view === view} @click=${() => (host.view = view)}>
            ${msg.text(view === 'chart' ? 'viewChart' : view === 'table' ? 'viewTable' : 'sources')}
          </button>`,
      )}
    </span>
    <button
      type="button"
      class="keys-button"
      aria-label=${msg.text('keyboardMap')}
      title=${`${msg.text('keyboardMap')} (?)`}
      aria-haspopup="dialog"
      @click=${() => host.showKeyboardMap()}
    >
      ?
    </button>`;
}
