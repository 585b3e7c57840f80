/**
 * A polite live region's text, written once the view settles: each new text restarts a timer,
 * and only the text still wanted when it fires is written (a zoom gesture announces its end, not
 * every frame). The first text is written at once, and silently: a live region's initial content
 * is not announced.
 *
 * The text lives in a text node of the announcer's own, which the host's template places in the
 * live region (`content`): writing it changes that node, not the host, so an announcement costs no
 * update of the whole element (it came half a second after every new view, and after new data a
 * second update of every mark). A server render, and the browser's first update of one (hydration,
 * which must find what the server wrote), take the text as a string instead.
 *
 * @module
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** How long the view must stay still before it is announced, in ms. */
export const ANNOUNCE_DELAY = 500;

export class Announcer implements ReactiveController {
  /** The text in the live region now. */
  text = '';
  /** The live region's content in the browser; undefined in a server render. */
  readonly #node = isServer ? undefined : document.createTextNode('');
  readonly #hydrating: () => boolean;
  readonly #delay: number;
  #wanted = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `hydrating`: whether this update takes up a server render's DOM. */
  constructor(host: ReactiveControllerHost, hydrating: () => boolean, delay = ANNOUNCE_DELAY) {
    this.#hydrating = hydrating;
    this.#delay = delay;
    host.addController(this);
  }

  /** What the template puts in the live region. */
  get content(): Text | string {
    return !this.#node || this.#hydrating() ? this.text : this.#node;
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
      this.#write(text);
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.text !== this.#wanted) this.#write(this.#wanted);
    }, this.#delay);
  }

  #write(text: string): void {
    this.text = text;
    if (this.#node) this.#node.data = text;
  }
}
