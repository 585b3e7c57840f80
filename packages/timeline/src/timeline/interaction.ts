/**
 * What the pointer and the keyboard do on the plot: click to select or open a dense region, hover
 * and focus tracking, and the keyboard map's actions (see `keyboard.ts`). Every change goes
 * through the one view state; nothing here draws.
 *
 * @module
 */
import { levelFor, type LayoutSpec, type TimeCoord, type TimelineEvent, type TimelineSource } from '@reeltime/core';
import type { Frame } from './frame.js';
import type { ReelTimeline } from './timeline.js';
import { MIN_VISIBLE_SPAN } from './geometry.js';
import { handleTimelineKey, type KeyboardTarget } from './keyboard.js';
import type { ViewState } from './view-state.js';

/** What the interaction needs from its element. */
export interface InteractionHost {
  readonly view: ViewState;
  readonly source: TimelineSource;
  readonly frame: Frame | undefined;
  readonly layout: LayoutSpec;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  /** Selects an event by id (`null` clears) and fires `reel-select`. */
  select(id: string | null): void;
  zoomBy(factor: number): void;
  resetZoom(): void;
  /** Shows the keyboard map. */
  showKeys(): void;
}

/**
 * The interaction's host: `element`'s view state and methods, and what changes from update to
 * update (the source the view draws, the frame, the layout spec) read through the functions given.
 */
export function interactionHostOf(
  element: ReelTimeline,
  view: ViewState,
  source: () => TimelineSource,
  frame: () => Frame | undefined,
  layout: () => LayoutSpec,
): InteractionHost {
  return {
    view,
    get source() {
      return source();
    },
    get frame() {
      return frame();
    },
    get layout() {
      return layout();
    },
    get renderRoot() {
      return element.renderRoot;
    },
    get updateComplete() {
      return element.updateComplete;
    },
    requestUpdate: () => element.requestUpdate(),
    select: (id) => element.select(id),
    zoomBy: (factor) => element.zoomBy(factor),
    resetZoom: () => element.resetZoom(),
    showKeys: () => element.showKeyboardMap(),
  };
}

/** The plot's event listeners, bound once. */
export class Interaction {
  readonly #host: InteractionHost;
  readonly #keyboard: KeyboardTarget;
  /** The mark or region that had focus before an update. */
  #focused: Element | undefined;

  constructor(host: InteractionHost) {
    this.#host = host;
    this.#keyboard = this.#keyboardTarget();
  }

  readonly click = (e: MouseEvent): void => {
    const region = (e.target as Element | null)?.closest?.('[part~="density"]');
    if (region) {
      this.#openRegion(Number(region.getAttribute('data-from')), Number(region.getAttribute('data-to')));
      return;
    }
    const id = eventIdAt(e);
    if (!id) return;
    this.#host.view.focusedId = id;
    this.#host.select(id);
  };

  readonly focusIn = (e: FocusEvent): void => {
    const id = eventIdAt(e);
    if (!id) return;
    this.#host.view.focusedId = id;
    this.#host.view.focusInside = true;
    // A mark focused by a click shows no tooltip: it would stay over the neighbouring rows after
    // the pointer has left. Keyboard focus (focus-visible) does show it.
    this.#host.view.focusVisible = (e.target as Element).matches(':focus-visible');
    this.#host.requestUpdate();
  };

  readonly focusOut = (): void => {
    this.#host.view.focusInside = false;
    this.#host.requestUpdate();
  };

  readonly pointerOver = (e: PointerEvent): void => {
    const id = eventIdAt(e) ?? null;
    if (id === this.#host.view.hoveredId) return;
    this.#host.view.hoveredId = id;
    this.#host.requestUpdate();
  };

  readonly pointerLeave = (): void => {
    if (this.#host.view.hoveredId === null) return;
    this.#host.view.hoveredId = null;
    this.#host.requestUpdate();
  };

  readonly keydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (handleTimelineKey(e.key, this.#keyboard)) e.preventDefault();
  };

  #keyboardTarget(): KeyboardTarget {
    const host = this.#host;
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
      focusPosition: (position) => void this.focusPosition(position),
      toggleFocused: () => {
        const id = host.view.focusedId;
        if (id !== null) host.select(host.view.selectedId === id ? null : id);
      },
      clearSelection: () => {
        if (host.view.selectedId === null) return false;
        host.select(null);
        return true;
      },
      focusLane: (step) => void this.focusLane(step),
      page: (step) => void this.page(step),
      zoomBy: (factor) => host.zoomBy(factor),
      resetZoom: () => host.resetZoom(),
      showKeys: () => host.showKeys(),
    };
  }

  /**
   * Focuses the event nearest in time to the focused one in the next lane above (`-1`) or below
   * (`1`) that holds any event; stays put at the first or last such lane.
   */
  async focusLane(step: -1 | 1): Promise<void> {
    const { source, view } = this.#host;
    const focused = view.focusedId === null ? undefined : source.get(view.focusedId);
    if (!focused) {
      await this.focusPosition(0);
      return;
    }
    const lanes = source.dataset.lanes;
    const time = focused.from;
    for (let lane = laneIndexOf(lanes, focused.lane) + step; lane >= 0 && lane < lanes.length; lane += step) {
      const position = nearestInLane(source, lanes[lane]!.id, time);
      if (position >= 0) {
        await this.focusPosition(position);
        return;
      }
    }
  }

  /**
   * Pans one screen earlier (`-1`) or later (`1`), then focuses the drawn event nearest to where
   * the focused one was on screen (in its lane if it can), or the plot when none is in view.
   */
  async page(step: -1 | 1): Promise<void> {
    const host = this.#host;
    const { view } = host;
    const width = view.width;
    if (!(width > 0)) return;
    const before = host.frame?.items.find((item) => item.event.id === view.focusedId);
    const x = before ? (before.x0 + before.x1) / 2 : width / 2;
    const lane = before?.lane;
    view.panBy(-step * width);
    host.requestUpdate();
    await host.updateComplete;
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
      await host.updateComplete;
      host.renderRoot.querySelector<SVGElement>(`[part~="event"][data-id="${CSS.escape(best.id)}"]`)?.focus();
    } else {
      host.renderRoot.querySelector<SVGElement>('svg[role="group"]')?.focus();
    }
  }

  /** Before an update: notes which mark or dense region has focus. */
  rememberFocus(): void {
    const active = (this.#host.renderRoot as ShadowRoot).activeElement ?? null;
    this.#focused = active?.matches('[part~="event"], [part~="density"]') ? active : undefined;
  }

  /**
   * After an update: when the focused mark was not drawn again (zoomed out, it became dense),
   * focus moves to what stands for it now (its mark, the dense region holding it, or the plot),
   * never to the page, where keys would do nothing.
   */
  restoreFocus(): void {
    const lost = this.#focused;
    this.#focused = undefined;
    if (!lost || lost.isConnected) return;
    const { view, renderRoot, source } = this.#host;
    const event = view.focusedId === null ? undefined : source.get(view.focusedId);
    ((event && this.#drawnFor(event)) ?? renderRoot.querySelector<SVGElement>('svg[role="group"]'))?.focus();
  }

  /**
   * What stands for an event on screen: its mark when drawn, else the dense region holding its
   * middle (more events at one instant than a lane has rows), else nothing.
   */
  #drawnFor(event: TimelineEvent): SVGElement | undefined {
    const { renderRoot } = this.#host;
    const mark = renderRoot.querySelector<SVGElement>(`[part~="event"][data-id="${CSS.escape(event.id)}"]`);
    if (mark) return mark;
    const mid = (event.from + event.to) / 2;
    return [...renderRoot.querySelectorAll<SVGElement>('[part~="density"]')].find(
      (r) => Number(r.dataset['from']) <= mid && Number(r.dataset['to']) >= mid,
    );
  }

  /** Zooms into a dense region's span (at least twice as close), so its events can be drawn one by one. */
  #openRegion(from: TimeCoord, to: TimeCoord): void {
    const { view } = this.#host;
    const { from: vFrom, to: vTo } = view.range;
    const span = Math.min(Math.max(to - from, MIN_VISIBLE_SPAN) * 1.5, (vTo - vFrom) / 2);
    const mid = (from + to) / 2;
    view.setRange({ from: mid - span / 2, to: mid + span / 2 });
  }

  /**
   * Moves focus to the event at a display position: zooms straight to the level that draws it one
   * by one when it is dense, pans it into view, then focuses its mark (or the region holding it).
   */
  async focusPosition(position: number): Promise<void> {
    const host = this.#host;
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
    await host.updateComplete;
    this.#drawnFor(event)?.focus();
  }
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
export function nearestInLane(source: TimelineSource, laneId: string, time: TimeCoord): number {
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

/** The event a DOM event happened on: its mark or its label (both carry `data-id`). */
function eventIdAt(e: Event): string | undefined {
  return (e.target as Element | null)?.closest?.('[data-id]')?.getAttribute('data-id') ?? undefined;
}
