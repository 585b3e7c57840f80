/**
 * Lanes and their events: a band and a label per lane in view, each drawn event as a focusable
 * mark with its label, and each dense region as a named button over the density row (the counts
 * themselves are painted on the canvas, see `density.ts`).
 *
 * @module
 */
import { formatDateRange, formatSpan, type Lane, type TimelineEvent } from '@reeltime/core';
import { html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PositionedItem, PositionedRegion } from '../frame.js';
import type { Frame } from '../frame.js';
import { BAR_HEIGHT, DENSITY_ROW, LANE_COLORS, MARK_SIZE, ROW_HEIGHT, STRIP_TOP } from '../geometry.js';
import type { RenderContext } from './context.js';
import { isolated } from '../../i18n/direction.js';
import { deferred } from './deferred.js';
import { encodingOf } from './encoding.js';

/**
 * Names are formatted with `Intl`, which costs more than the rest of a mark's render: each is kept
 * per event (weakly) and per region span, and made again only when the locale, time zone or lane
 * label changes. Zoom frames then re-render marks without formatting any date.
 */
const eventNames = new WeakMap<TimelineEvent, { readonly key: string; readonly name: string }>();
const regionNames = new Map<string, string>();
const REGION_NAMES_KEPT = 2_000;

/** An event's accessible name: title, dates, status when the data gives one (but confirmed), lane. */
export function accessibleName(event: TimelineEvent, lane: Lane | undefined, ctx: RenderContext): string {
  const key = `${ctx.msg.id}|${ctx.dateOptions.timeZone}|${lane?.label ?? ''}`;
  const kept = eventNames.get(event);
  if (kept?.key === key) return kept.name;
  const parts = [event.title, formatDateRange(event.start, event.end, ctx.dateOptions)];
  if (event.status && event.status !== 'confirmed') parts.push(ctx.msg.table.status[event.status]);
  if (lane?.label) parts.push(lane.label);
  const name = parts.join(', ');
  eventNames.set(event, { key, name });
  return name;
}

/** The name of a dense region: how many events, when. */
export function regionName(region: PositionedRegion, ctx: RenderContext): string {
  const { msg } = ctx;
  const key = `${msg.id}|${ctx.dateOptions.timeZone}|${region.count}|${region.from}|${region.to}`;
  let name = regionNames.get(key);
  if (name === undefined) {
    name = msg.text('denseRegion', {
      events: msg.count('events', region.count),
      range: formatSpan(region.from, region.to, ctx.dateOptions),
    });
    if (regionNames.size >= REGION_NAMES_KEPT) regionNames.clear();
    regionNames.set(key, name);
  }
  return name;
}

/** The roving tab stop: the focused event if drawn, else the selected one, else the first drawn. */
export function tabStopOf(ctx: RenderContext): string | null {
  const { items } = ctx.frame;
  const { focusedId, selectedId } = ctx.view;
  for (const id of [focusedId, selectedId]) if (id !== null && items.some((item) => item.event.id === id)) return id;
  let first: PositionedItem | undefined;
  for (const item of items) if (!first || item.position < first.position) first = item;
  return first?.event.id ?? null;
}

export function renderLanes(ctx: RenderContext) {
  const { frame, dataset } = ctx;
  const byLane = new Map<number, PositionedItem[]>();
  for (const item of frame.items) {
    const list = byLane.get(item.lane);
    if (list) list.push(item);
    else byLane.set(item.lane, [item]);
  }
  const tabStop = tabStopOf(ctx);
  // Lanes out of view wait for the first view to be drawn; not while an event is focused or
  // selected (keys and focus restoring look for its mark right after an update).
  const visible = (ctx.view.focusedId ?? ctx.view.selectedId) === null && ctx.visible;
  const [top, bottom] = frame.band;
  return svg`${frame.lanes.map((box) => {
    const lane = dataset.lanes[box.index];
    const items = byLane.get(box.index) ?? [];
    const inBand = box.top < bottom && box.top + box.height > top;
    if (!lane || (!inBand && !items.length)) return nothing;
    const regions = frame.regions.filter((region) => region.lane === box.index);
    const later = !!visible && (box.top >= visible[1] || box.top + box.height <= visible[0]);
    // Text starts at its `x` in the element's direction: right to left, that is its right edge.
    return svg`<g class=${`lane lane-${(box.index % LANE_COLORS) + 1}`} role="group" aria-label=${lane.label || ctx.msg.table.laneFallback} data-lane=${box.index}>${deferred(
      svg`${ctx.marks.loaded?.renderFades(box.index) ?? nothing}
      <rect class=${`lane-band${box.index % 2 ? ' odd' : ''}`} part="lane" x="0" y=${box.top} width=${frame.width} height=${box.height}></rect>
      ${lane.label ? svg`<text class="lane-label" part="lane-label" x=${frame.rtl ? frame.width - 8 : 8} y=${box.top + 14} aria-hidden="true">${lane.label}</text>` : nothing}
      ${repeat(
        items,
        (item) => item.event.id,
        (item) => renderItem(item, lane, box.index, tabStop, ctx),
      )}
      ${regions.map((region) => renderRegion(region, ctx))}
      <g class="labels" aria-hidden="true">
        ${repeat(
          items,
          (item) => item.event.id,
          (item) => renderLabel(item, ctx),
        )}
      </g>`,
      later,
    )}</g>`;
  })}`;
}

/** A translation, rounded to hundredths of a pixel (equal strings let Lit skip the write). */
export const translate = (x: number, y: number) =>
  `translate(${Math.round(x * 100) / 100} ${Math.round(y * 100) / 100})`;

/**
 * An event's mark. Its position is one `transform` on its group and the shapes inside sit at fixed
 * local coordinates: while zooming, a frame moves each mark with one attribute write (two for a
 * bar, whose width changes), which the browser re-lays out far more cheaply than shape geometry.
 * Soft edges, fuzz, the "?" badge and the strike are drawn only on the marks that need them.
 */
function renderItem(item: PositionedItem, lane: Lane, laneIndex: number, tabStop: string | null, ctx: RenderContext) {
  const { event } = item;
  const selected = ctx.view.selectedId === event.id;
  const encoding = encodingOf(event);
  const soft = encoding.softStart || encoding.softEnd;
  const classes = [
    'event',
    event.status ?? '',
    soft ? 'soft' : '',
    soft && event.end === undefined ? 'period' : '',
    encoding.fuzzStart || encoding.fuzzEnd ? 'fuzzy' : '',
    encoding.uncertain ? 'unsure' : '',
    selected ? 'selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const width = Math.max(item.x1 - item.x0, 1);
  // A mark that says more than an exact day is drawn by the legend's chunk (marks.ts), which the
  // first update of such data waits for; drawn plain meanwhile (a source's answer), then again.
  const marks =
    soft || encoding.fuzzStart || encoding.fuzzEnd || encoding.uncertain || encoding.planned || encoding.cancelled
      ? ctx.marks.get()
      : undefined;
  return svg`<g
    class=${classes}
    part="event"
    role="button"
    tabindex=${tabStop === event.id ? 0 : -1}
    aria-pressed=${selected ? 'true' : 'false'}
    aria-label=${accessibleName(event, lane, ctx)}
    data-id=${event.id}
    transform=${translate(item.bar ? item.x0 : item.x0 + MARK_SIZE / 2, item.y + ROW_HEIGHT / 2)}
  >${
    marks
      ? item.bar
        ? marks.renderBar(event, encoding, width, laneIndex, ctx)
        : marks.renderPoint(encoding, soft)
      : item.bar
        ? svg`<rect class="mark bar" x="0" y=${-BAR_HEIGHT / 2} width=${width} height=${BAR_HEIGHT} rx="3"></rect>`
        : svg`<rect class="mark point" x=${1 - MARK_SIZE / 2} y=${1 - MARK_SIZE / 2} width=${MARK_SIZE - 2} height=${MARK_SIZE - 2} rx="2" transform="rotate(45)"></rect>`
  }</g>`;
}

/**
 * Labels live in their own layer, outside the focusable marks: a label may be shortened to fit,
 * while the mark's accessible name always carries the whole title and dates.
 */
function renderLabel(item: PositionedItem, ctx: RenderContext) {
  if (!item.label) return nothing;
  const selected = ctx.view.selectedId === item.event.id;
  const status = item.event.status === 'planned' || item.event.status === 'cancelled' ? ` ${item.event.status}` : '';
  const classes = `label${item.labelInside ? ' inside' : ''}${selected ? ' selected' : ''}${status}`;
  // Positioned by its group, like the marks: moving a text's own `x` re-lays the text out, and so
  // does a transform on the text itself (2d059d5: layout per wheel step 1.7 -> 3.4 ms at 10,000
  // events; tried again for the first render, one bench pair saw zoom p95 33 -> 41 ms).
  const x = ctx.frame.rtl ? item.labelX + item.labelWidth : item.labelX;
  return svg`<g transform=${translate(x, item.y + ROW_HEIGHT / 2 + 4)}><text class=${classes} data-id=${item.event.id}>${isolated(item.label, ctx.frame.rtl)}</text></g>`;
}

/**
 * The canvases the density strips are painted on (by `density.ts`): one per lane whose density
 * row is in the band, covering that row's strip only; 0 × 0 (no backing store) until painted.
 */
export function renderStrips(frame: Frame) {
  const [top, bottom] = frame.band;
  // A lane without a density row (densityTop undefined) compares as NaN: left out. Not keyed: every
  // update repaints every strip, so a canvas may serve another lane after a scroll.
  return frame.lanes
    .filter((box) => box.densityTop! + STRIP_TOP < bottom && box.densityTop! + DENSITY_ROW > top)
    .map(
      // Its height is the stylesheet's (STRIP_HEIGHT).
      (box) =>
        html`<canvas
          aria-hidden="true"
          width="0"
          height="0"
          data-lane=${box.index}
          style=${`top:${box.densityTop! + STRIP_TOP}px`}
        ></canvas>`,
    );
}

/** A dense region: transparent over the painted counts, named, opened by click or Enter. */
function renderRegion(region: PositionedRegion, ctx: RenderContext) {
  return svg`<rect
    class="region"
    part="density"
    role="button"
    tabindex="-1"
    aria-label=${regionName(region, ctx)}
    data-from=${region.from}
    data-to=${region.to}
    x=${region.x0}
    y=${region.y}
    width=${Math.max(region.x1 - region.x0, 2)}
    height=${DENSITY_ROW - 2}
  ></rect>`;
}

/** The focus ring, drawn once around the focused event (shown by CSS only for keyboard focus). */
export function renderFocusRing(ctx: RenderContext) {
  const { focusedId, focusInside } = ctx.view;
  if (!focusInside || focusedId === null) return nothing;
  const item = ctx.frame.items.find((candidate) => candidate.event.id === focusedId);
  if (!item) return nothing;
  const x0 = item.labelInside || !item.labelLeft ? item.x0 : item.labelX;
  const x1 = item.labelInside || item.labelLeft ? item.x1 : item.labelX + item.labelWidth;
  return svg`<rect class="focus-ring" aria-hidden="true" x=${x0 - 3} y=${item.y + 2} width=${x1 - x0 + 6} height=${ROW_HEIGHT - 4} rx="4"></rect>`;
}
