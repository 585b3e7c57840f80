/**
 * Tracks the host's content-box size with a ResizeObserver, so the element is sized by its
 * container. Inert where ResizeObserver does not exist (server rendering).
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Reactive controller that keeps the width of the host's content box. Only width is tracked: the
 * host's height follows from its content, and reacting to it would loop.
 */
export class ResizeController implements ReactiveController {
  width = 0;
  readonly #host: ReactiveControllerHost & Element;
  #observer: ResizeObserver | undefined;
  #frame = 0;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.#observer ??= new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (!box) return;
      const width = Math.round(box.width);
      if (width === this.width) return;
      this.width = width;
      // Re-render in the next frame, not inside the observer's delivery: a render that changes
      // the page's layout (a scrollbar appearing) would otherwise be an observer loop.
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    cancelAnimationFrame(this.#frame);
  }
}
