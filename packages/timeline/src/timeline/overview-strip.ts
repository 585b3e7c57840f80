/**
 * The overview strip (`overview`): a `<reel-overview>` under the plot, defined on first use (its
 * own chunk). Its brush moves the view through the one view state; its event stays inside the
 * element (the page hears `reel-range-change`).
 *
 * @module
 */
import type { DateFormatOptions, LayoutSpec, TimeCoord, TimelineSource } from '@reeltime/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { ReelOverviewChangeEvent } from '../events/events.js';
import type { Messages } from '../i18n/messages.js';
import type { ReelTimeline } from './timeline.js';
import type { ViewState } from './view-state.js';

export class OverviewStrip {
  readonly #host: ReelTimeline;
  readonly #view: ViewState;

  constructor(host: ReelTimeline, view: ViewState) {
    this.#host = host;
    this.#view = view;
  }

  /** The overview strip, once its module has loaded (the first time `overview` is set). */
  render(
    source: TimelineSource,
    domain: readonly [TimeCoord, TimeCoord],
    layout: LayoutSpec,
    messages: Messages,
    dateOptions: DateFormatOptions,
    rtl: boolean,
  ): TemplateResult | typeof nothing {
    if (!this.#host.overview) return nothing;
    if (!customElements.get('reel-overview')) {
      void import('../define/reel-overview.js').then(() => this.#host.requestUpdate());
      return nothing;
    }
    return html`<reel-overview
      part="overview"
      .source=${this.#view.mode?.source ?? source}
      .warp=${this.#view.mode?.warp}
      .domain=${domain}
      .range=${this.#host.visibleRange}
      .layout=${layout}
      .messages=${messages}
      .dateOptions=${dateOptions}
      .rtl=${rtl}
      @reel-overview-change=${this.#overviewChanged}
    ></reel-overview>`;
  }

  readonly #overviewChanged = (e: ReelOverviewChangeEvent): void => {
    // The overview is a part of this element: its event stays inside; the page hears reel-range-change.
    e.stopPropagation();
    this.#view.setRange(e.detail);
  };
}
