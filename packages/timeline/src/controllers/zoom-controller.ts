/**
 * d3-zoom as a reactive controller. D3 owns the behaviour (wheel, drag, pinch, bounds, inertia-free
 * maths); the host owns the DOM. The zoom handler only stores the transform and asks the host to
 * update; the host derives its visible scale with `transform.rescaleX` in `willUpdate`.
 *
 * @module
 */
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options for {@link ZoomController}. */
export interface ZoomControllerOptions {
  /** The element d3-zoom listens on; rendered by the host, so found after each update. */
  target: () => Element | null | undefined;
  /** Called when the user (or code) changes the transform. */
  onChange?: (transform: ZoomTransform, sourceEvent: Event | null) => void;
  /** Which input d3-zoom handles (d3's `zoom.filter`); d3's default when omitted. */
  filter?: (event: Event) => boolean;
  /** How far a wheel event zooms (d3's `zoom.wheelDelta`); d3's default when omitted. */
  wheelDelta?: (event: WheelEvent) => number;
}

/** Wraps a d3-zoom behaviour bound to a host-rendered element. */
export class ZoomController implements ReactiveController {
  /** The current transform; identity until the user zooms. */
  transform: ZoomTransform = zoomIdentity;
  /** Whether input (wheel, drag, pinch) changed the transform since {@link takeInput} was last asked. */
  #input = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: ZoomControllerOptions;
  readonly #behavior: ZoomBehavior<Element, unknown>;
  #bound: Selection<Element, unknown, null, undefined> | undefined;

  constructor(host: ReactiveControllerHost, options: ZoomControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#behavior = zoom<Element, unknown>()
      // Every zoom is instantaneous, double-click included: no motion to reduce, and the bundle
      // can leave d3-transition out (shims/d3-transition.ts).
      .duration(0)
      .scaleExtent([1, 1])
      .on('zoom', (event: D3ZoomEvent<Element, unknown>) => {
        this.transform = event.transform;
        if (event.sourceEvent) this.#input = true;
        this.#options.onChange?.(event.transform, event.sourceEvent as Event | null);
        this.#host.requestUpdate();
      });
    if (options.filter) this.#behavior.filter(options.filter);
    if (options.wheelDelta) this.#behavior.wheelDelta(options.wheelDelta);
    host.addController(this);
  }

  hostConnected(): void {
    this.#attach();
  }

  hostUpdated(): void {
    this.#attach();
  }

  hostDisconnected(): void {
    this.#bound?.on('.zoom', null);
    this.#bound = undefined;
  }

  /**
   * Sets the viewport size and the limits: zoom from the whole data (k = 1) to `maxScale`, and pan
   * no further than the data's domain.
   */
  configure(width: number, height: number, maxScale: number): void {
    const extent: [[number, number], [number, number]] = [
      [0, 0],
      [Math.max(1, width), Math.max(1, height)],
    ];
    this.#behavior
      .extent(extent)
      .translateExtent(extent)
      .scaleExtent([1, Math.max(1, maxScale)]);
  }

  /** Whether input changed the transform since the last call (the host paces such updates by frame). */
  takeInput(): boolean {
    const input = this.#input;
    this.#input = false;
    return input;
  }

  /** Multiplies the zoom by `factor` around `x` (default: the centre). */
  scaleBy(factor: number, x?: number): void {
    if (!this.#bound) return;
    this.#behavior.scaleBy(this.#bound, factor, x === undefined ? undefined : [x, 0]);
  }

  /** Pans by `dx` pixels. */
  translateBy(dx: number): void {
    if (!this.#bound) return;
    this.#behavior.translateBy(this.#bound, dx / this.transform.k, 0);
  }

  /** Sets the transform (clamped to the limits). */
  set(transform: ZoomTransform): void {
    if (!this.#bound) {
      this.transform = transform;
      return;
    }
    this.#behavior.transform(this.#bound, transform);
  }

  /** Back to the whole data. */
  reset(): void {
    this.set(zoomIdentity);
  }

  #attach(): void {
    const target = this.#options.target();
    if (!target || this.#bound?.node() === target) return;
    this.#bound?.on('.zoom', null);
    this.#bound = select(target);
    // Keep the stored transform when re-attaching (reconnect, re-render of the target), without
    // firing a zoom event from inside the host's update.
    this.#bound.property('__zoom', this.transform).call(this.#behavior);
  }
}
