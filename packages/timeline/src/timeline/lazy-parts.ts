/**
 * Parts of the element a page may never open, loaded on first use (each its own chunk in the
 * bundle, as the languages are): the table view, the sources view and the keyboard map. Each brings its styles,
 * adopted by the host's shadow root when it arrives. `ready` lets `updateComplete` wait for them.
 *
 * @module
 */
import type { CSSResult, ReactiveControllerHost } from 'lit';
import type * as KeysModule from './render/keys.js';
import type * as SourcesViewModule from './render/sources-view.js';
import type * as TableModule from './render/table.js';

export class LazyParts {
  table: typeof TableModule | undefined;
  keys: typeof KeysModule | undefined;
  sources: typeof SourcesViewModule | undefined;
  /** Settles when every part asked for so far has arrived. */
  ready: Promise<unknown> = Promise.resolve();
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #asked = new Set<string>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  /** Loads the table view (once). */
  loadTable(): void {
    this.#load(
      'table',
      () => import('./render/table.js'),
      (module) => (this.table = module),
    );
  }

  /** Loads the sources view (once). */
  loadSources(): void {
    this.#load(
      'sources',
      () => import('./render/sources-view.js'),
      (module) => (this.sources = module),
    );
  }

  /** Loads the keyboard map (once). */
  loadKeys(): void {
    this.#load(
      'keys',
      () => import('./render/keys.js'),
      (module) => (this.keys = module),
    );
  }

  #load<M extends { readonly styles: CSSResult }>(name: string, load: () => Promise<M>, keep: (m: M) => void): void {
    if (this.#asked.has(name)) return;
    this.#asked.add(name);
    const loaded = load().then((module) => {
      keep(module);
      const root = this.#host.shadowRoot;
      const sheet = module.styles.styleSheet;
      if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.#host.requestUpdate();
    });
    this.ready = Promise.all([this.ready, loaded]);
  }
}
