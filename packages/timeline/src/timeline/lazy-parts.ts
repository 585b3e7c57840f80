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
  // Each part is a field callers ask directly (`get()` loads it once, `loaded` only reads it): a
  // getter or loader per part cost its name and body in every page's entry. Ask for the legend, the
  // notice, the eras and the export toolbar only when there is something of theirs to show.
  readonly table: LazyPart<typeof TableModule>;
  readonly keys: LazyPart<typeof KeysModule>;
  readonly sources: LazyPart<typeof SourcesViewModule>;
  /** The legend, with the marks of dates other than exact days. */
  readonly legend: LazyPart<typeof LegendModule>;
  readonly notice: LazyPart<typeof NoticeModule>;
  readonly log: LazyPart<LogAxisPart>;
  readonly exportMenu: LazyPart<typeof ExportMenuModule>;
  readonly eras: LazyPart<typeof ErasModule>;
  /** Parts that failed to load once: updates no longer wait for them (each is asked again when drawn). */
  readonly #failed = new Set<LazyPart<object>>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.table = new LazyPart(host, () => import('./render/table.js'));
    this.keys = new LazyPart(host, () => import('./render/keys.js'));
    this.sources = new LazyPart(host, () => import('./render/sources-view.js'));
    this.legend = new LazyPart(host, () => import('./render/legend.js'), preloaded.legend);
    this.notice = new LazyPart(host, () => import('./render/notice.js'), preloaded.notice);
    this.log = new LazyPart<LogAxisPart>(host, () => import('./log-axis.js'));
    this.exportMenu = new LazyPart(host, () => import('./render/export-menu.js'));
    this.eras = new LazyPart(host, () => import('./render/eras.js'), preloaded.eras);
  }

  /**
   * Asks for a part the next update must wait for (the eras, the marks): the promise of its
   * arrival, or undefined when it is here or failed before.
   */
  hold(part: LazyPart<object>): Promise<unknown> | undefined {
    if (part.get() || this.#failed.has(part)) return undefined;
    return part.ready.then(() => (part.loaded ? this.#failed.delete(part) : this.#failed.add(part)));
  }

  /** A hydration draws what the server drew: the legend, the notice and the eras, all here. */
  loadServerParts(): Promise<unknown> | undefined {
    if (this.legend.get() && this.notice.get() && this.eras.get()) return undefined;
    return Promise.all([this.legend.ready, this.notice.ready, this.eras.ready]);
  }

  /** Settles when every part asked for so far has arrived. */
  get ready(): Promise<unknown> {
    return Promise.all([
      this.table.ready,
      this.keys.ready,
      this.sources.ready,
      this.legend.ready,
      this.notice.ready,
      this.log.ready,
      this.exportMenu.ready,
      this.eras.ready,
    ]);
  }
}
