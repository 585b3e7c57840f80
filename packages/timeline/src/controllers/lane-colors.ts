/**
 * Lane colours for what is painted on the canvas, resolved by the browser from the lanes' CSS and
 * kept: reading a computed style right after a render forces a style recalculation, which on a
 * zoom frame costs more than the painting itself. The kept colours are dropped when they may have
 * changed: new data, the `theme` property, the colour scheme, forced colours, or the host's `style`/`class`.
 * Lanes take eight colours (`--reel-color-lane-1`…`-8`, see `LANE_COLORS`); each lane's is read
 * from its own group, so a page's overrides and forced colours reach the canvas too.
 * Inert without a DOM (server rendering).
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LaneColorController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #resolve: (lane: number) => string | undefined;
  readonly #colors = new Map<number, string>();
  #observer: MutationObserver | undefined;
  #media: MediaQueryList[] = [];

  /** `resolve(lane)` reads a lane's colour from the rendered DOM (undefined while it is not drawn). */
  constructor(host: ReactiveControllerHost & HTMLElement, resolve: (lane: number) => string | undefined) {
    this.#host = host;
    this.#resolve = resolve;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof MutationObserver !== 'undefined') {
      this.#observer ??= new MutationObserver(this.clear);
      this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['style', 'class', 'theme'] });
    }
    if (typeof matchMedia === 'function') {
      if (!this.#media.length)
        this.#media = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((query) => matchMedia(query));
      for (const media of this.#media) media.addEventListener('change', this.clear);
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    for (const media of this.#media) media.removeEventListener('change', this.clear);
  }

  /** A lane's colour (a resolved CSS colour). */
  readonly colorOf = (lane: number): string => {
    let color = this.#colors.get(lane);
    if (color === undefined) {
      color = this.#resolve(lane);
      if (color === undefined) return 'gray';
      this.#colors.set(lane, color);
    }
    return color;
  };

  /** Forgets the kept colours without asking for an update (the host is updating anyway). */
  reset(): void {
    this.#colors.clear();
  }

  /** Forgets the kept colours and asks for an update, which paints with them read again. */
  readonly clear = (): void => {
    if (!this.#colors.size) return;
    this.#colors.clear();
    this.#host.requestUpdate();
  };
}
