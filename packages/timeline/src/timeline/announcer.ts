/**
 * A polite live region's text, written once the view settles: each new text restarts a timer,
 * and only the text still wanted when it fires is written (a zoom gesture announces its end, not
 * every frame). The first text is written at once, and silently: a live region's initial content
 * is not announced.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long the view must stay still before it is announced, in ms. */
export const ANNOUNCE_DELAY = 500;

export class Announcer implements ReactiveController {
  /** The text in the live region now. */
  text = '';
  readonly #host: ReactiveControllerHost;
  readonly #delay: number;
  #wanted = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, delay = ANNOUNCE_DELAY) {
    this.#host = host;
    this.#delay = delay;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The text the view stands for now; written after the delay if it is still wanted then. */
  want(text: string): void {
    if (text === this.#wanted) return;
    this.#wanted = text;
    if (!this.text) {
      this.text = text;
      this.#host.requestUpdate();
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.text === this.#wanted) return;
      this.text = this.#wanted;
      this.#host.requestUpdate();
    }, this.#delay);
  }
}
