/**
 * Parts of the element a page may never open, loaded on first use (each its own chunk in the
 * bundle, as the languages are): the table view, the sources view, the keyboard map, the log axis,
 * the export toolbar, and the legend and the problems notice (loaded only when there is something to show). Each is a
 * {@link LazyPart} (the one helper for lazy parts), so each brings its styles, adopted by the host's
 * shadow root when it arrives. `ready` lets `updateComplete` wait for them.
 *
 * @module
 */
import { preloaded } from '#preloaded';
import type { ReactiveControllerHost } from 'lit';
import type { DataModel } from './data-controller.js';
import { LazyPart } from './lazy.js';
import type * as LogAxisModule from './log-axis.js';
import type * as ErasModule from './render/eras.js';
import type * as ExportMenuModule from './render/export-menu.js';
import type * as KeysModule from './render/keys.js';
import type * as LegendModule from './render/legend.js';
import type * as NoticeModule from './render/notice.js';
import type * as SourcesViewModule from './render/sources-view.js';
import type * as TableModule from './render/table.js';

/** The log axis module, which has no styles of its own (a part may have some). */
type LogAxisPart = typeof LogAxisModule & { readonly styles?: undefined };

export class LazyParts {
  readonly #table: LazyPart<typeof TableModule>;
  readonly #keys: LazyPart<typeof KeysModule>;
  readonly #sources: LazyPart<typeof SourcesViewModule>;
  readonly #legend: LazyPart<typeof LegendModule>;
  readonly #notice: LazyPart<typeof NoticeModule>;
  readonly #log: LazyPart<LogAxisPart>;
  readonly #export: LazyPart<typeof ExportMenuModule>;
  readonly #eras: LazyPart<typeof ErasModule>;
  /** Parts that failed to load once: updates no longer wait for them (each is asked again when drawn). */
  readonly #failed = new Set<LazyPart<object>>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#table = new LazyPart(host, () => import('./render/table.js'));
    this.#keys = new LazyPart(host, () => import('./render/keys.js'));
    this.#sources = new LazyPart(host, () => import('./render/sources-view.js'));
    this.#legend = new LazyPart(host, () => import('./render/legend.js'), preloaded.legend);
    this.#notice = new LazyPart(host, () => import('./render/notice.js'), preloaded.notice);
    this.#log = new LazyPart<LogAxisPart>(host, () => import('./log-axis.js'));
    this.#export = new LazyPart(host, () => import('./render/export-menu.js'));
    this.#eras = new LazyPart(host, () => import('./render/eras.js'), preloaded.eras);
  }

  /** The legend's chunk, which also draws the marks it explains (render/marks.ts). */
  get marks(): LazyPart<typeof LegendModule> {
    return this.#legend;
  }

  /** The legend's module: loads it (once) when asked, so ask only when there is a legend to show. */
  legend(): typeof LegendModule | undefined {
    return this.#legend.get();
  }

  /** The notice's module: loads it (once) when asked, so ask only when there are problems to show. */
  notice(): typeof NoticeModule | undefined {
    return this.#notice.get();
  }

  /** The eras' renderer: loads it (once) when asked, so ask only when there are eras to draw. */
  eras(): typeof ErasModule | undefined {
    return this.#eras.get();
  }

  /**
   * Loads the eras' renderer for data that has eras, for the update that first draws them to wait
   * for; undefined when it is here (or could not be loaded: then they are drawn when it comes).
   */
  loadEras(): Promise<unknown> | undefined {
    return this.#hold(this.#eras);
  }

  /**
   * Loads the legend's chunk (with the marks of dates other than exact days) for data that shows
   * such dates, for the update that first draws them to wait for; as {@link loadEras}.
   */
  loadMarks(): Promise<unknown> | undefined {
    return this.#hold(this.#legend);
  }

  #hold(part: LazyPart<object>): Promise<unknown> | undefined {
    if (part.get() || this.#failed.has(part)) return undefined;
    return part.ready.then(() => (part.loaded ? this.#failed.delete(part) : this.#failed.add(part)));
  }

  /**
   * Loads the parts a server render may have drawn (the legend, the notice, the eras), for the
   * hydrating update to find them; undefined when they are here.
   */
  loadServerParts(): Promise<unknown> | undefined {
    if (this.#legend.get() && this.#notice.get() && this.#eras.get()) return undefined;
    return Promise.all([this.#legend.ready, this.#notice.ready, this.#eras.ready]);
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
    return Promise.all([
      this.#table.ready,
      this.#keys.ready,
      this.#sources.ready,
      this.#legend.ready,
      this.#notice.ready,
      this.#log.ready,
      this.#export.ready,
      this.#eras.ready,
    ]);
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

  /** The export toolbar's module: loads it (once) when asked, so ask only when `export` is set. */
  exportMenu(): typeof ExportMenuModule | undefined {
    return this.#export.get();
  }

  /** Loads the keyboard map (once). */
  loadKeys(): void {
    this.#keys.get();
  }
}
