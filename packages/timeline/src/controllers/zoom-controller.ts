/**
 * d3-zoom as a reactive controller. D3 owns the behaviour (wheel, drag, pinch, double-click, bounds,
 * inertia-free maths); the host owns the DOM. The zoom handler only stores the transform and asks
 * the host to update; the host derives its visible scale with `transform.rescaleX` in `willUpdate`.
 *
 * d3-zoom is loaded when a pointer first reaches the target (`pointerover`, or a press, a wheel or
 * a double-click that comes first), as a chunk of its own (`zoom-behavior.ts`): the first view does
 * not need it, and keys, buttons and `visibleRange` move the view through the same maths without it
 * (`zoom-transform.ts`). A wheel or a double-click that arrives before it is handed to d3-zoom
 * once it is here; `ready` settles then.
 *
 * @module
 */
import type { Selection } from 'd3-selection';
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'd3-zoom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as BehaviorModule from './zoom-behavior.js';
import { scaleBy, translateBy, zoomIdentity, type Extent, type ZoomLimits } from './zoom-transform.js';

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

/** The input that loads d3-zoom; a wheel or double-click before it arrives is replayed to it. */
const FIRST_INPUT = ['pointerover', 'pointerdown', 'mousedown', 'touchstart', 'wheel', 'dblclick'];

/** d3-zoom's default filter: no Ctrl-click (a context menu on a Mac), primary button only. */
const defaultFilter = (event: Event): boolean =>
  (!(event as MouseEvent).ctrlKey || event.type === 'wheel') && !(event as MouseEvent).button;

/** Wraps a d3-zoom behaviour bound to a host-rendered element. */
export class ZoomController implements ReactiveController {
  /** The current transform; identity until the user zooms. */
  transform: ZoomTransform = zoomIdentity;
  /** Whether input (wheel, drag, pinch) changed the transform since {@link takeInput} was last asked. */
  #input = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: ZoomControllerOptions;
  #limits: ZoomLimits = {
    extent: [
      [0, 0],
      [1, 1],
    ],
    translateExtent: [
      [-Infinity, -Infinity],
      [Infinity, Infinity],
    ],
    scaleExtent: [1, 1],
  };
  #d3: { module: typeof BehaviorModule; behavior: ZoomBehavior<Element, unknown> } | undefined;
  #loading: Promise<void> | undefined;
  /** Where d3-zoom listens, once loaded. */
  #bound: Selection<Element, unknown, null, undefined> | undefined;
  /** Where the first input is awaited, until d3-zoom is loaded. */
  #waiting: Element | undefined;
  /** Wheels and double-clicks that came before d3-zoom, for it to handle when it arrives. */
  #early: Event[] = [];

  constructor(host: ReactiveControllerHost, options: ZoomControllerOptions) {
    this.#host = host;
    this.#options = options;
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
    this.#wait(undefined);
  }

  /** Settles when d3-zoom, once asked for, has loaded and taken the input that came before it. */
  get ready(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  /**
   * Sets the viewport size and the limits: zoom from the whole data (k = 1) to `maxScale`, and pan
   * no further than the data's domain.
   */
  configure(width: number, height: number, maxScale: number): void {
    const extent: Extent = [
      [0, 0],
      [Math.max(1, width), Math.max(1, height)],
    ];
    this.#limits = { extent, translateExtent: extent, scaleExtent: [1, Math.max(1, maxScale)] };
    this.#configure();
  }

  /** Whether input changed the transform since the last call (the host paces such updates by frame). */
  takeInput(): boolean {
    const input = this.#input;
    this.#input = false;
    return input;
  }

  /** Multiplies the zoom by `factor` around `x` (default: the centre). */
  scaleBy(factor: number, x?: number): void {
    const point: [number, number] | undefined = x === undefined ? undefined : [x, 0];
    if (this.#bound) this.#d3?.behavior.scaleBy(this.#bound, factor, point);
    else this.#set(scaleBy(this.transform, factor, this.#limits, point));
  }

  /** Pans by `dx` pixels. */
  translateBy(dx: number): void {
    if (this.#bound) this.#d3?.behavior.translateBy(this.#bound, dx / this.transform.k, 0);
    else this.#set(translateBy(this.transform, dx / this.transform.k, 0, this.#limits));
  }

  /** Sets the transform (as d3-zoom's `zoom.transform`, which does not constrain it). */
  set(transform: ZoomTransform): void {
    if (this.#bound) this.#d3?.behavior.transform(this.#bound, transform);
    else this.#set(transform);
  }

  /** Back to the whole data. */
  reset(): void {
    this.set(zoomIdentity);
  }

  /** The first input: loads d3-zoom, keeping a wheel or double-click it would have taken. */
  handleEvent(event: Event): void {
    if ((event.type === 'wheel' || event.type === 'dblclick') && (this.#options.filter ?? defaultFilter)(event)) {
      // As d3-zoom does with the input it takes: the page sees only the copy handed to it later.
      event.preventDefault();
      event.stopImmediatePropagation();
      this.#early.push(event);
    }
    this.#load();
  }

  /** What d3-zoom's zoom event does, without d3-zoom: store, tell, update. */
  #set(transform: ZoomTransform): void {
    this.transform = transform;
    this.#options.onChange?.(transform, null);
    this.#host.requestUpdate();
  }

  #load(): void {
    this.#loading ??= import('./zoom-behavior.js').then((module) => {
      const behavior = module
        .zoom<Element, unknown>()
        // Every zoom is instantaneous, double-click included: no motion to reduce, and the bundle
        // can leave d3-transition out (shims/d3-transition.ts).
        .duration(0)
        .on('zoom', (event: D3ZoomEvent<Element, unknown>) => {
          this.transform = event.transform;
          if (event.sourceEvent) this.#input = true;
          this.#options.onChange?.(event.transform, event.sourceEvent as Event | null);
          this.#host.requestUpdate();
        });
      if (this.#options.filter) behavior.filter(this.#options.filter);
      if (this.#options.wheelDelta) behavior.wheelDelta(this.#options.wheelDelta);
      this.#d3 = { module, behavior };
      this.#configure();
      this.#attach();
      const early = this.#early;
      this.#early = [];
      const node = this.#bound?.node();
      // A copy of each (an event is dispatched once), made from the original's own fields.
      for (const event of early) node?.dispatchEvent(new (event.constructor as typeof MouseEvent)(event.type, event));
    });
  }

  #configure(): void {
    const { extent, translateExtent, scaleExtent } = this.#limits;
    this.#d3?.behavior.extent(extent).translateExtent(translateExtent).scaleExtent(scaleExtent);
  }

  #attach(): void {
    const target = this.#options.target() ?? undefined;
    if (!this.#d3) {
      this.#wait(target);
      return;
    }
    this.#wait(undefined);
    if (!target || this.#bound?.node() === target) return;
    this.#bound?.on('.zoom', null);
    const { module, behavior } = this.#d3;
    const { k, x, y } = this.transform;
    this.#bound = module.select(target);
    // Keep the stored transform when re-attaching (reconnect, re-render of the target), without
    // firing a zoom event from inside the host's update.
    this.#bound.property('__zoom', new module.ZoomTransform(k, x, y)).call(behavior);
  }

  /** Listens for the first input on `target` (none: stops listening). */
  #wait(target: Element | undefined): void {
    if (target === this.#waiting) return;
    for (const type of FIRST_INPUT) this.#waiting?.removeEventListener(type, this);
    this.#waiting = target;
    for (const type of FIRST_INPUT) target?.addEventListener(type, this, { passive: false });
  }
}
