/**
 * What the keys do beyond the view state's own steps: focus moves in time order (zooming in to
 * reveal an event that is dense), to the nearest event in the lane above or below, and a page at a
 * time. Part of the first-contact chunk (`contact.ts`): loaded when a reader first reaches the
 * plot, as the keys need it only then.
 *
 * @module
 */
import { levelFor, type TimeCoord, type TimelineEvent } from '@reeltime/core';
import { MIN_VISIBLE_SPAN } from './geometry.js';
import type { InteractionHost } from './interaction.js';
import type { KeyboardTarget } from './keyboard.js';

/** The keyboard map's target: `host`'s view state and methods. */
export function keyboardTarget(host: InteractionHost): KeyboardTarget {
  return {
    get size() {
      return host.source.size;
    },
    get focusedPosition() {
      const id = host.view.focusedId;
      return id === null ? -1 : host.source.positionOf(id);
    },
    get rtl() {
      return host.view.rtl;
    },
    focusPosition: (position) => void focusPosition(host, position),
    toggleFocused: () => {
      const id = host.view.focusedId;
      if (id !== null) host.select(host.view.selectedId === id ? null : id);
    },
    clearSelection: () => {
      if (host.view.selectedId === null) return false;
      host.select(null);
      return true;
    },
    focusLane: (step) => void focusLane(host, step),
    page: (step) => void page(host, step),
    zoomBy: (factor) => host.element.zoomBy(factor),
    resetZoom: () => host.element.resetZoom(),
    showKeys: () => host.element.showKeyboardMap(),
  };
}

/**
 * Focuses the event nearest in time to the focused one in the next lane above (`-1`) or below
 * (`1`) that holds any event; stays put at the first or last such lane.
 */
async function focusLane(host: InteractionHost, step: -1 | 1): Promise<void> {
  const { source, view } = host;
  const focused = view.focusedId === null ? undefined : source.get(view.focusedId);
  if (!focused) {
    await focusPosition(host, 0);
    return;
  }
  const lanes = source.dataset.lanes;
  const time = focused.from;
  for (let lane = laneIndexOf(lanes, focused.lane) + step; lane >= 0 && lane < lanes.length; lane += step) {
    const position = nearestInLane(source, lanes[lane]!.id, time);
    if (position >= 0) {
      await focusPosition(host, position);
      return;
    }
  }
}

/**
 * Pans one screen earlier (`-1`) or later (`1`), then focuses the drawn event nearest to where
 * the focused one was on screen (in its lane if it can), or the plot when none is in view.
 */
async function page(host: InteractionHost, step: -1 | 1): Promise<void> {
  const { view } = host;
  const width = view.width;
  if (!(width > 0)) return;
  const before = host.frame?.items.find((item) => item.event.id === view.focusedId);
  const x = before ? (before.x0 + before.x1) / 2 : width / 2;
  const lane = before?.lane;
  view.panBy(-step * width);
  host.requestUpdate();
  await host.element.updateComplete;
  let best: { id: string; cost: number } | undefined;
  for (const item of host.frame?.items ?? []) {
    const centre = (item.x0 + item.x1) / 2;
    if (item.x1 < 0 || item.x0 > width) continue;
    const cost = Math.abs(centre - x) + (item.lane === lane ? 0 : width);
    if (!best || cost < best.cost) best = { id: item.event.id, cost };
  }
  if (best) {
    view.focusedId = best.id;
    host.requestUpdate();
    await host.element.updateComplete;
    host.element.renderRoot.querySelector<SVGElement>(`[part~="event"][data-id="${CSS.escape(best.id)}"]`)?.focus();
  } else {
    host.element.renderRoot.querySelector<SVGElement>('svg[role="group"]')?.focus();
  }
}

/**
 * Moves focus to the event at a display position: zooms straight to the level that draws it one
 * by one when it is dense, pans it into view, then focuses its mark (or the region holding it).
 */
export async function focusPosition(host: InteractionHost, position: number): Promise<void> {
  const { source, view } = host;
  const event = source.at(position);
  if (!event) return;
  view.focusedId = event.id;
  const width = view.width;
  // Levels are of the source's units per pixel: on a log axis, of the warped axis (view.mode).
  const { forward: u, inverse: t } = view.scale().warp;
  const from = u(view.range.from);
  const to = u(view.range.to);
  const mid = (event.from + event.to) / 2;
  const drawn = host.frame?.items.some((item) => item.event.id === event.id);
  if (!drawn && width > 0) {
    const least = u(mid + MIN_VISIBLE_SPAN / 2) - u(mid - MIN_VISIBLE_SPAN / 2);
    const level = source.revealLevel(position, host.layout, levelFor((to - from) / width), levelFor(least / width));
    const span = level === undefined ? least : Math.min(to - from, 2 ** level * width * 0.999);
    view.setRange({ from: t(u(mid) - span / 2), to: t(u(mid) + span / 2) });
  } else {
    const x = view.scale()(mid);
    if (x < 0 || x > width) view.panBy(width / 2 - x);
  }
  host.requestUpdate();
  await host.element.updateComplete;
  drawnFor(host.element.renderRoot, event)?.focus();
}

/** A lane's index by id (events without a known lane are drawn in the first). */
function laneIndexOf(lanes: readonly { readonly id: string }[], id: string): number {
  return Math.max(
    0,
    lanes.findIndex((lane) => lane.id === id),
  );
}

/**
 * The display position of the event in lane `laneId` whose start is nearest to `time`, or -1.
 * The display order is by start, so a bisection finds where `time` falls and the search walks
 * outwards from there to the first event of the lane on each side.
 */
export function nearestInLane(source: InteractionHost['source'], laneId: string, time: TimeCoord): number {
  const lanes = source.dataset.lanes;
  const inLane = (position: number) => {
    const event = source.at(position);
    return event !== undefined && lanes[laneIndexOf(lanes, event.lane)]?.id === laneId;
  };
  let lo = 0;
  let hi = source.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (source.at(mid)!.from < time) lo = mid + 1;
    else hi = mid;
  }
  let before = lo - 1;
  while (before >= 0 && !inLane(before)) before--;
  let after = lo;
  while (after < source.size && !inLane(after)) after++;
  if (after >= source.size) return before;
  if (before < 0) return after;
  return time - source.at(before)!.from <= source.at(after)!.from - time ? before : after;
}

/**
 * What stands for an event on screen: its mark when drawn, else the dense region holding its
 * middle (more events at one instant than a lane has rows), else nothing.
 */
export function drawnFor(renderRoot: HTMLElement | DocumentFragment, event: TimelineEvent): SVGElement | undefined {
  const mark = renderRoot.querySelector<SVGElement>(`[part~="event"][data-id="${CSS.escape(event.id)}"]`);
  if (mark) return mark;
  const mid = (event.from + event.to) / 2;
  return [...renderRoot.querySelectorAll<SVGElement>('[part~="density"]')].find(
    (r) => Number(r.dataset['from']) <= mid && Number(r.dataset['to']) >= mid,
  );
}

/**
 * After an update that did not draw the focused mark again: focus moves to what stands for its
 * event now (its mark, the dense region holding it), else the plot.
 */
export function restoreFocus(host: InteractionHost): void {
  const { view, source } = host;
  const { renderRoot } = host.element;
  const event = view.focusedId === null ? undefined : source.get(view.focusedId);
  ((event && drawnFor(renderRoot, event)) ?? renderRoot.querySelector<SVGElement>('svg[role="group"]'))?.focus();
}
