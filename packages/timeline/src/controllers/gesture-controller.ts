/**
 * Gestures that never trap the page. d3-zoom still does the behaviour (wheel zoom, mouse drag,
 * pinch, double-click); this controller decides which input it gets, through its `filter`, and
 * handles the two gestures d3-zoom has no notion of:
 *
 * - **Wheel.** Ctrl/⌘ + wheel, and a trackpad pinch (Chromium sends it as a wheel event with
 *   `ctrlKey`), zoom. A horizontal wheel (`deltaX` dominant) or Shift + wheel pans. A plain vertical
 *   wheel scrolls the page when something around the timeline can scroll, and a brief hint says how
 *   to zoom; where nothing can scroll (a full-screen app), or with `wheel="zoom"`, it zooms.
 * - **Touch.** `touch-action: pan-y` on the plot leaves vertical swipes to the browser, which scrolls
 *   the page. d3-zoom's one-finger touch handling would cancel them (it calls `preventDefault` on
 *   `touchmove`), so single touches are filtered out of it and a horizontal one-finger swipe pans
 *   here, with pointer events: the browser sends `pointercancel` when it takes a swipe as a scroll.
 *   Once a second finger is down, d3-zoom's `touchstart` sees both touches and pinches.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a plain vertical wheel does: `auto` scrolls a scrollable page, `zoom` always zooms. */
export const WHEEL_MODES = ['auto', 'zoom'] as const;
export type WheelMode = (typeof WHEEL_MODES)[number];

/** What a wheel event does over the plot. */
export type WheelAction = 'zoom' | 'pan' | 'scroll';

/** How long the "Ctrl + scroll to zoom" hint stays, in ms. */
const HINT_MS = 1500;

/** Options for {@link GestureController}. */
export interface GestureControllerOptions {
  /** The element d3-zoom listens on (the plot); rendered by the host, so found after each update. */
  target: () => Element | null | undefined;
  /** The host's wheel mode. */
  mode: () => WheelMode;
  /** Pans by `dx` pixels (positive shows earlier times), through the view state. */
  panBy: (dx: number) => void;
}

export class GestureController implements ReactiveController {
  /** Whether the hint that a modifier zooms is showing. */
  hint = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: GestureControllerOptions;
  #bound: Element | undefined;
  #hintTimer: ReturnType<typeof setTimeout> | undefined;
  /** Touch pointers down on the plot, and the one panning (with its last x) while it is alone. */
  readonly #touches = new Set<number>();
  #pan: { id: number; x: number } | undefined;

  constructor(host: ReactiveControllerHost, options: GestureControllerOptions) {
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
    this.#detach();
    clearTimeout(this.#hintTimer);
    this.hint = false;
  }

  /**
   * d3-zoom's filter: the wheel only when it zooms, touches only once two are down, and d3's
   * default for the rest (no Ctrl-click, primary button only).
   */
  readonly filter = (event: Event): boolean => {
    if (event.type === 'wheel') return this.wheelAction(event as WheelEvent) === 'zoom';
    if (event.type.startsWith('touch')) return (event as TouchEvent).touches.length > 1;
    const { ctrlKey, button } = event as MouseEvent;
    return !ctrlKey && !button;
  };

  /**
   * d3-zoom's wheel delta: its default, except that Ctrl's tenfold boost is kept for a pinch's
   * small deltas and not applied to a mouse wheel's notches (a notch would zoom 4× at once).
   */
  readonly wheelDelta = (event: WheelEvent): number => {
    const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
    const boost = event.ctrlKey && event.deltaMode === 0 && Math.abs(event.deltaY) < 50 ? 10 : 1;
    return -event.deltaY * unit * boost;
  };

  /** What a wheel event over the plot does. */
  wheelAction(event: WheelEvent): WheelAction {
    if (event.ctrlKey || event.metaKey) return 'zoom';
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return 'pan';
    if (this.#options.mode() === 'zoom') return 'zoom';
    const target = this.#options.target();
    return target && canScroll(target) ? 'scroll' : 'zoom';
  }

  /** The plot's wheel and touch-pointer listener (one object for all types, so attaching is a loop). */
  handleEvent(event: Event): void {
    if (event.type === 'wheel') this.#wheel(event as WheelEvent);
    else if ((event as PointerEvent).pointerType === 'touch') this.#pointer(event as PointerEvent);
  }

  #wheel(event: WheelEvent): void {
    const action = this.wheelAction(event);
    if (action === 'scroll') {
      this.#showHint();
      return;
    }
    // A zoom at its limit is not taken by d3-zoom; the browser would zoom the page instead.
    event.preventDefault();
    if (action === 'pan') {
      const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
      const delta = horizontal ? event.deltaX : event.deltaY;
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode ? (this.#options.target()?.clientWidth ?? 800) : 1;
      this.#options.panBy(-delta * unit);
    }
  }

  /** One finger pans; a second one leaves the gesture to d3-zoom's pinch. */
  #pointer({ type, pointerId, clientX }: PointerEvent): void {
    const pan = this.#pan;
    if (type === 'pointerdown') {
      this.#touches.add(pointerId);
      this.#pan = this.#touches.size === 1 ? { id: pointerId, x: clientX } : undefined;
    } else if (type === 'pointermove') {
      if (pan?.id !== pointerId) return;
      const dx = clientX - pan.x;
      pan.x = clientX;
      if (dx) this.#options.panBy(dx);
    } else {
      this.#touches.delete(pointerId);
      if (pan?.id === pointerId) this.#pan = undefined;
    }
  }

  #showHint(): void {
    clearTimeout(this.#hintTimer);
    this.#hintTimer = setTimeout(() => {
      this.hint = false;
      this.#host.requestUpdate();
    }, HINT_MS);
    if (this.hint) return;
    this.hint = true;
    this.#host.requestUpdate();
  }

  #attach(): void {
    const target = this.#options.target() ?? undefined;
    if (target === this.#bound) return;
    this.#detach();
    this.#bound = target;
    for (const type of LISTENED) target?.addEventListener(type, this, { passive: false });
  }

  #detach(): void {
    for (const type of LISTENED) this.#bound?.removeEventListener(type, this);
    this.#bound = undefined;
    this.#touches.clear();
    this.#pan = undefined;
  }
}

/** What the plot listens to besides d3-zoom. */
const LISTENED = ['wheel', 'pointerdown', 'pointermove', 'pointerup', 'pointercancel'];

/**
 * Whether a vertical wheel over `node` would scroll something: an ancestor (across shadow roots)
 * that scrolls vertically and has more to show, or the page itself.
 */
export function canScroll(node: Element): boolean {
  for (let el: Element | null = node; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null)) {
    if (el.scrollHeight <= el.clientHeight) continue;
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'overlay') return true;
  }
  const { scrollingElement: page, documentElement, body } = node.ownerDocument;
  if (!page || page.scrollHeight <= page.clientHeight) return false;
  // A page that hides its overflow (a full-screen app) does not scroll.
  return ![documentElement, body].some((el) => el && /hidden|clip/.test(getComputedStyle(el).overflowY));
}
