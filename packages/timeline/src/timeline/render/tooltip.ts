/**
 * The tooltip under the hovered or focused event. Visual only: the mark's accessible name already
 * carries the same title and dates.
 *
 * @module
 */
import { formatDateRange } from '@reeltime/core';
import { html, nothing } from 'lit';
import { ROW_HEIGHT } from '../geometry.js';
import type { RenderContext } from './context.js';

/** `top` is where the plot body starts inside the plot (below the axis). */
export function renderTooltip(ctx: RenderContext, bodyTop: number) {
  const { view, frame } = ctx;
  const id = view.hoveredId ?? (view.focusInside && view.focusVisible ? view.focusedId : null);
  const item = id === null ? undefined : frame.items.find((candidate) => candidate.event.id === id);
  if (!item) return nothing;
  const top = bodyTop + item.y + ROW_HEIGHT + 4;
  const left = Math.min(Math.max(item.x0, 4), Math.max(4, frame.width - 240));
  const { event } = item;
  return html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${`left:${left}px;top:${top}px`}>
    <strong>${event.title}</strong>
    <span
      >${formatDateRange(event.start, event.end, ctx.dateOptions)}${event.status && event.status !== 'confirmed' ? ` · ${ctx.msg.table.status[event.status]}` : ''}</span
    >
  </div>`;
}
