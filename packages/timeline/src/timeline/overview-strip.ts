/**
 * The overview strip (`overview`): a `<reel-overview>` under the plot. This module is its own chunk
 * with the element (loaded the first time `overview` is set), template included. Its brush moves
 * the view through the one view state; its event stays inside the element (the page hears
 * `reel-range-change`).
 *
 * @module
 */
import type { DateFormatOptions, LayoutSpec, TimeCoord, TimelineSource } from '@reeltime/core';
import { html, type TemplateResult } from 'lit';
import '../define/reel-overview.js';
import type { ReelOverviewChangeEvent } from '../events/events.js';
import type { Messages } from '../i18n/messages.js';
import type { ReelTimeline } from './timeline.js';
import type { ViewState } from './view-state.js';

/** One listener per view, so that an update does not bind a new one. */
const listeners = new WeakMap<ViewState, (e: ReelOverviewChangeEvent) => void>();

/** The overview strip of `host`, wired to its view. */
export function renderOverview(
  host: ReelTimeline,
  view: ViewState,
  source: TimelineSource,
  domain: readonly [TimeCoord, TimeCoord],
  layout: LayoutSpec,
  messages: Messages,
  dateOptions: DateFormatOptions,
  rtl: boolean,
): TemplateResult {
  let changed = listeners.get(view);
  if (!changed) {
    changed = (e) => {
      // The overview is a part of this element: its event stays inside; the page hears reel-range-change.
      e.stopPropagation();
      view.setRange(e.detail);
    };
    listeners.set(view, changed);
  }
  return html`<reel-overview
    part="overview"
    .source=${view.mode?.source ?? source}
    .warp=${view.mode?.warp}
    .domain=${domain}
    .range=${host.visibleRange}
    .layout=${layout}
    .messages=${messages}
    .dateOptions=${dateOptions}
    .rtl=${rtl}
    @reel-overview-change=${changed}
  ></reel-overview>`;
}
