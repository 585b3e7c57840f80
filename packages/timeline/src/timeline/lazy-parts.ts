/**
 * Parts of the element a page may never open, loaded on first use (each its own chunk in the
 * bundle, as the languages are): the table view, the sources view and the keyboard map. Each is a
 * {@link LazyPart} (the one helper for lazy parts), so each brings its styles, adopted by the host's
 * shadow root when it arrives. `ready` lets `updateComplete` wait for them.
 *
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import { LazyPart } from './lazy.js';
import type * as KeysModule from './render/keys.js';
import type * as SourcesViewModule from './render/sources-view.js';
import type * as TableModule from './render/table.js';

export class LazyParts {
  readonly #table: LazyPart<typeof TableModule>;
  readonly #keys: LazyPart<typeof KeysModule>;
  readonly #sources: LazyPart<typeof SourcesViewModule>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#table = new LazyPart(host, () => import('./render/table.js'));
    this.#keys = new LazyPart(host, () => import('./render/keys.js'));
    this.#sources = new LazyPart(host, () => import('./render/sources-view.js'));
  }

  get table(): typeof TableModule | undefined {
    return this.#table.loaded;
  }

  get keys(): typeof KeysModule | undefined {
    return this.#keys.loaded;
  }

  get sources(): typeof SourcesViewModule | undefined {
    return this.#sources.loaded;
  }

  /** Settles when every part asked for so far has arrived. */
  get ready(): Promise<unknown> {
    return Promise.all([this.#table.ready, this.#keys.ready, this.#sources.ready]);
  }

  /** Loads the table view (once). */
  loadTable(): void {
    this.#table.get();
  }

  /** Loads the sources view (once). */
  loadSources(): void {
    this.#sources.get();
  }

  /** Loads the keyboard map (once). */
  loadKeys(): void {
    this.#keys.get();
  }
}
