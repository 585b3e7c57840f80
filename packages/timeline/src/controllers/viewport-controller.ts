/**
 * Tracks which vertical part of an element is in the viewport, so that a timeline taller than the
 * window draws only the lanes that can be seen (plus a margin). Listens to scrolling anywhere on
 * the page (capture), to window resizes and to the target's own size (a `ResizeObserver`, which
 * reports after layout), and updates the host only when the band, rounded to steps, changes. It
 * never reads layout right after the host rendered, which would force a synchronous layout on
 * every zoom frame. Inert without a DOM (server rendering). An export or a print draws every lane
 * for a while ({@link ViewportController.whole}), found through {@link viewportOf}.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Band rounding and margin, in pixels. */
const STEP = 200;
const MARGIN = 400;

const controllers = new WeakMap<ReactiveControllerHost, ViewportController>();

/** The viewport controller of `host`, for the chunks that draw every lane (export, print). */
export const viewportOf = (host: ReactiveControllerHost) => controllers.get(host);

export class ViewportController implements ReactiveController {
  /** `[top, bottom)` of the target in view, in the target's own pixels (rounded out to steps); undefined for all. */
  get band(): readonly [number, number] | undefined {
    return this.#whole ? undefined : this.#band;
  }

  /**
   * `[top, bottom)` of the target in the viewport itself, without the margin (not rounded), once
   * measured. Lanes outside it but in the band are drawn after the first view (render/deferred.ts).
   */
  view: readonly [number, number] | undefined;

  #band: readonly [number, number] | undefined;
  #whole = false;
  readonly #host: ReactiveControllerHost;
  readonly #target: () => Element | null | undefined;
  #frame = 0;
  #observer: ResizeObserver | undefined;
  #observed: Element | undefined;

  constructor(host: ReactiveControllerHost, target: () => Element | null | undefined) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
    controllers.set(host, this);
  }

  /** Draws every lane, in view or not (an export, a print), until called with `false`. */
  whole(on: boolean): void {
    this.#whole = on;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    if (typeof window === 'undefined') return;
    window.addEventListener('scroll', this.#schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.#schedule, { passive: true });
  }

  hostDisconnected(): void {
    if (typeof window === 'undefined') return;
    window.removeEventListener('scroll', this.#schedule, { capture: true });
    window.removeEventListener('resize', this.#schedule);
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = undefined;
  }

  hostUpdated(): void {
    // Observing reports the first size at once; after that, only changes. The band is then read at
    // the next frame (updating from inside the observer would resize what it observes).
    const target = this.#target();
    if (!target || target === this.#observed || typeof ResizeObserver === 'undefined') return;
    this.#observer ??= new ResizeObserver(this.#schedule);
    if (this.#observed) this.#observer.unobserve(this.#observed);
    this.#observed = target;
    this.#observer.observe(target);
  }

  /** Re-reads the band now; requests an update when it changed. */
  measure(): void {
    const target = this.#target();
    if (!target || typeof window === 'undefined') return;
    const box = target.getBoundingClientRect();
    const viewport = window.innerHeight || document.documentElement.clientHeight;
    let top = Math.max(0, -box.top);
    // Not clipped to the target's height: the band then does not change when the target grows
    // (the first data arriving in an empty element), so that growth costs no second frame. Lanes
    // below the target's end do not exist, so a band reaching past it draws nothing more.
    let bottom = viewport - box.top;
    // Out of view (above or below): keep the first screen drawn, so it is ready when scrolled to.
    if (box.bottom <= 0 || box.top >= viewport)
      [top, bottom] = box.top >= viewport ? [0, viewport] : [Math.max(0, box.height - viewport), box.height];
    this.view = [top, bottom];
    // Kept while it covers the view with half the margin: a target that moves a little (new data
    // changing what is above it) or a short scroll costs no new frame.
    const kept = this.#band;
    if (kept && kept[0] <= Math.max(0, top - MARGIN / 2) && kept[1] >= bottom + MARGIN / 2) return;
    this.#band = [
      Math.max(0, Math.floor((top - MARGIN) / STEP) * STEP),
      Math.ceil((bottom + MARGIN) / STEP) * STEP,
    ] as const;
    this.#host.requestUpdate();
  }

  readonly #schedule = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.measure());
  };
}
