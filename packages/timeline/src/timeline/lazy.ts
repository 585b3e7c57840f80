/**
 * A part of the element loaded on first use, as its own chunk: the first view of a timeline does
 * not pay for what a reader may never open (the details, the table view…). Until the module
 * arrives the part renders nothing; then the host updates, and `ready` lets `updateComplete`
 * wait for it. A module that exports `styles` has them adopted by the host's shadow root on arrival,
 * so the entry's stylesheet need not carry them; one that exports `words` (its English) has them added
 * to the English table first, so the entry's table need not carry them either.
 *
 * @module
 */
import type { CSSResult, ReactiveControllerHost } from 'lit';
import { addEnglish, type MessageTable } from '../i18n/messages.js';

/** What a part's module may bring besides its code: its styles and its words' English. */
interface PartExtras {
  readonly styles?: CSSResult;
  readonly words?: Partial<MessageTable>;
}

export class LazyPart<M extends object> {
  #module: M | undefined;
  #pending: Promise<void> | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #load: () => Promise<M>;

  readonly #arrived: () => void;

  /**
   * `preloaded`: the module when it is already here (a server render, see preloaded.node.ts).
   * `arrived`: what the module's arrival changes, when that is less than a whole update of the
   * host (the density painter only paints the drawn frame's canvas).
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    load: () => Promise<M>,
    preloaded?: M,
    arrived = () => host.requestUpdate(),
  ) {
    this.#host = host;
    this.#load = load;
    this.#arrived = arrived;
    if (preloaded) {
      const { words } = preloaded as PartExtras;
      if (words) addEnglish(words);
      this.#module = preloaded;
      this.#pending = Promise.resolve();
    }
  }

  /** The module when loaded; otherwise starts loading it (once) and returns undefined. */
  get(): M | undefined {
    this.#pending ??= this.#load().then(
      (module) => {
        this.#module = module;
        const { styles, words } = module as PartExtras;
        if (words) addEnglish(words);
        const root = this.#host.shadowRoot;
        const sheet = styles?.styleSheet;
        if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.#arrived();
      },
      // A chunk that fails to load (the network went away) may be asked for again later.
      () => {
        this.#pending = undefined;
      },
    );
    return this.#module;
  }

  /** The module if it has arrived, without starting a load. */
  get loaded(): M | undefined {
    return this.#module;
  }

  /** Settles when a load that was started has finished. */
  get ready(): Promise<void> {
    return this.#pending ?? Promise.resolve();
  }
}
