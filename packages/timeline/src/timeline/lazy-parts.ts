/**
 * Parts of the element a page may never open, loaded on first use (each its own chunk in the
 * bundle, as the languages are): the table view, the sources view, the keyboard map and the log axis. Each is a
 * {@link LazyPart} (the one helper for lazy parts), so each brings its styles, adopted by the host's
 * shadow root when it arrives. `ready` lets `updateComplete` wait for them.
 *
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import type { DataModel } from './data-controller.js';
import { LazyPart } from './lazy.js';
import type * as LogAxisModule from './log-axis.js';
import type * as KeysModule from './render/keys.js';
import type * as SourcesViewModule from './render/sources-view.js';
import type * as TableModule from './render/table.js';

/** The log axis module, which has no styles of its own (a part may have some). */
type LogAxisPart = typeof LogAxisModule & { readonly styles?: undefined };

export class LazyParts {
  readonly #table: LazyPart<typeof TableModule>;
  readonly #keys: LazyPart<typeof KeysModule>;
  readonly #sources: LazyPart<typeof SourcesViewModule>;
  readonly #log: LazyPart<LogAxisPart>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#table = new LazyPart(host, () => import('./render/table.js'));
    this.#keys = new LazyPart(host, () => import('./render/keys.js'));
    this.#sources = new LazyPart(host, () => import('./render/sources-view.js'));
    this.#log = new LazyPart<LogAxisPart>(host, () => import('./log-axis.js'));
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
    return Promise.all([this.#table.ready, this.#keys.ready, this.#sources.ready, this.#log.ready]);
  }

  /** Loads the table view (once). */
  loadTable(): void {
    this.#table.get();
  }

  /** Loads the sources view (once). */
  loadSources(): void {
    this.#sources.get();
  }

  /** The log axis for `model` (`scale="log"`), once its chunk has loaded (loading it on first use). */
  logAxis(model: DataModel): ReturnType<typeof LogAxisModule.logAxisFor> {
    return this.#log.get()?.logAxisFor(model);
  }

  /** Loads the keyboard map (once). */
  loadKeys(): void {
    this.#keys.get();
  }
}
