/**
 * The one view state of a timeline: the visible range (through d3-zoom's transform over the data's
 * domain), the focused, hovered and selected event. Wheel, drag, pinch, keys, buttons and the
 * `visibleRange` property all write the range through here; renderers only read it.
 *
 * @module
 */
import {
  createTimeScale,
  type AxisTickOptions,
  type AxisTicks,
  type TimeCoord,
  type TimelineSource,
  type TimeScale,
  type TimeWarp,
} from '@reeltime/core';
import type { ZoomScale } from 'd3-zoom';
import type { ReactiveControllerHost } from 'lit';
import { ZoomController, type ZoomControllerOptions } from '../controllers/zoom-controller.js';
import { zoomIdentity } from '../controllers/zoom-transform.js';

/** A visible range on reeltime's time coordinate (ms since 1970-01-01 UTC). */
export interface VisibleRange {
  readonly from: TimeCoord;
  readonly to: TimeCoord;
}

/**
 * A non-linear axis (the log "years ago" axis of `scale="log"`, see log-axis.ts): how time meets
 * pixels. The range, the zoom transform and every path that writes them stay the same; the data is
 * placed where it is drawn (`source`), and ticks are chosen for the axis.
 */
export interface AxisMode {
  readonly warp: TimeWarp;
  /** The data, placed and clustered on the warped axis. */
  readonly source: TimelineSource;
  /** The whole domain, padded on the warped axis. */
  readonly domain: [TimeCoord, TimeCoord];
  ticks(domain: readonly [TimeCoord, TimeCoord], width: number, options?: AxisTickOptions): AxisTicks;
  /** The largest zoom factor, the one that shows `minSpan` where the axis is most stretched. */
  maxZoom(domain: readonly [TimeCoord, TimeCoord], minSpan: number): number;
}

/** Range, focus, hover and selection, with one path for each change. */
export class ViewState {
  /** The axis when it is not linear. */
  mode: AxisMode | undefined;
  /** The roving tab stop: the event focused last (kept after blur, so Tab returns to it). */
  focusedId: string | null = null;
  /** Whether an event mark has focus now (the tooltip and focus ring follow it). */
  focusInside = false;
  /** Whether that focus came from the keyboard (`:focus-visible`): only then is the tooltip shown. */
  focusVisible = false;
  hoveredId: string | null = null;
  selectedId: string | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #zoom: ZoomController;
  #domain: readonly [TimeCoord, TimeCoord] = [0, 1];
  #width = 0;
  #rtl = false;
  #pending: VisibleRange | undefined;

  /** `gestures`: which input d3-zoom takes, and how far a wheel zooms (see `gesture-controller.ts`). */
  constructor(
    host: ReactiveControllerHost,
    target: () => Element | null | undefined,
    gestures: Pick<ZoomControllerOptions, 'filter' | 'wheelDelta'> = {},
  ) {
    this.#host = host;
    this.#zoom = new ZoomController(host, { target, ...gestures });
  }

  /**
   * The data's whole domain, the plot's width and height, and whether time flows right to left;
   * called before every render. A change of direction keeps the visible range.
   */
  configure(
    domain: readonly [TimeCoord, TimeCoord],
    width: number,
    height: number,
    minSpan: number,
    rtl = false,
  ): void {
    const flipped = rtl !== this.#rtl && this.#width > 0 && width > 0 ? this.range : undefined;
    this.#domain = domain;
    this.#width = width;
    this.#rtl = rtl;
    this.#zoom.configure(width, height, this.mode?.maxZoom(domain, minSpan) ?? (domain[1] - domain[0]) / minSpan);
    if (flipped) this.setRange(flipped);
  }

  /** Whether time flows right to left (the scale's range is reversed). */
  get rtl(): boolean {
    return this.#rtl;
  }

  /** Plot width in pixels (0 until laid out). */
  get width(): number {
    return this.#width;
  }

  /**
   * The scale of the whole domain, before zooming. Right to left, its range is reversed: d3-zoom's
   * transform works in pixels, so wheel, drag, pinch, keys and `setRange` all follow without a
   * second path.
   */
  baseScale(): TimeScale {
    return createTimeScale(this.#domain, this.#rtl ? [this.#width, 0] : [0, this.#width], this.mode?.warp);
  }

  /** The scale of the visible range. */
  scale(): TimeScale {
    return this.#zoom.transform.rescaleX(this.baseScale() as TimeScale & ZoomScale);
  }

  /** The visible range. */
  get range(): VisibleRange {
    const [from, to] = this.scale().domain() as [number, number];
    return { from, to };
  }

  /** Shows `range` (clamped to the data's bounds and the zoom limits); kept until there is a width. */
  setRange(range: VisibleRange): void {
    if (this.#width === 0) {
      this.#pending = range;
      this.#host.requestUpdate();
      return;
    }
    this.#pending = undefined;
    const base = this.baseScale();
    const x0 = Math.min(base(range.from), base(range.to));
    const x1 = Math.max(base(range.from), base(range.to));
    if (!(x1 > x0)) return;
    const k = this.#width / (x1 - x0);
    this.#zoom.set(zoomIdentity.translate(-k * x0, 0).scale(k));
  }

  /** Keeps `range` to show after the next data change (set while data is loading). */
  defer(range: VisibleRange): void {
    this.#pending = range;
    this.#host.requestUpdate();
  }

  /** Applies a range set before the plot had a width; called after each update. */
  applyPending(): void {
    if (this.#pending && this.#width > 0) this.setRange(this.#pending);
  }

  /** Zooms by `factor` (> 1 is in) around the pixel `x` (default: the centre). */
  zoomBy(factor: number, x = this.#width / 2): void {
    this.#zoom.scaleBy(factor, x);
  }

  /** Pans by `dx` pixels: positive moves the drawing right (earlier times in view; later ones when {@link rtl}). */
  panBy(dx: number): void {
    this.#zoom.translateBy(dx);
  }

  /** Whether a gesture (wheel, drag, pinch) moved the range since the last call. */
  takeGesture(): boolean {
    return this.#zoom.takeInput();
  }

  /** Back to the whole domain. */
  reset(): void {
    this.#zoom.reset();
  }

  /** Settles when d3-zoom, once a pointer asked for it, has loaded (see zoom-controller.ts). */
  get ready(): Promise<void> {
    return this.#zoom.ready;
  }

  /** New data: the whole view again, no hover. */
  resetForData(): void {
    this.hoveredId = null;
    this.#zoom.transform = zoomIdentity;
    this.#zoom.set(zoomIdentity);
  }
}
