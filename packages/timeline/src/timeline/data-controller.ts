/**
 * Where a timeline's data comes from, as a reactive controller: a ready {@link TimelineSource}
 * (`source`, e.g. a database), the `data` or `events` property, a dataset JSON at `src` (fetched
 * with abort), or `<reel-event>` children (observed). It parses what is in force into a
 * {@link MemorySource}, collects problems (never throws) and asks the host to update when any of
 * it changes.
 *
 * @module
 */
import {
  MemorySource,
  parseDataset,
  type Dataset,
  type ParseResult,
  type Problem,
  type TimelineSource,
} from '@reeltime/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readEventElement } from '../event/event.js';

/** What the host exposes to its data controller. */
export interface DataHost extends ReactiveControllerHost, HTMLElement {
  /** A ready source, or the name of a database to open `src` with (`duckdb`, see load.ts). */
  source: TimelineSource | string | undefined;
  data: unknown;
  events: unknown;
  src: string;
  /** `timelinejs`, `csv`, `vis`, `reeltime`, or empty to sniff. */
  format: string;
  /** Milliseconds before a load of `src` is given up. */
  loadTimeout: number;
  timeZone: string;
}

/** The parsed data in force. */
export interface DataModel {
  /** Title, lanes and eras; the events too when parsed here (a given `source` keeps its own). */
  readonly dataset: Dataset;
  readonly source: TimelineSource;
  readonly problems: readonly Problem[];
  /**
   * The URL the dataset was loaded from, when it came from `src` (after redirects): links in it
   * (a source's `file`) are relative to it. Undefined for data given as a property or as children.
   */
  readonly base?: string | undefined;
}

const EMPTY_DATASET: Dataset = { lanes: [], eras: [], events: [] };

/**
 * Runs background placement slices when the browser is idle (or soon, where it has no idle
 * callback); the task works while the idle deadline has time left.
 */
function idle(task: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 200 });
  else setTimeout(task, 0);
}

/** Loads, observes and parses a timeline's data. */
export class DataController implements ReactiveController {
  /** Whether `src` is being fetched. */
  loading = false;
  /** While `src` loads: the percentage read when its size is known, -1 when it is not (issue 14). */
  progress = -1;
  /** The model; replaced (never mutated) when the data changes. */
  model: DataModel = { dataset: EMPTY_DATASET, source: new MemorySource(EMPTY_DATASET), problems: [] };
  readonly #host: DataHost;
  readonly #onChange: (model: DataModel) => void;
  #loaded: unknown = undefined;
  /** What the importers made of `src` when it was not a reeltime dataset. */
  #imported: ParseResult | undefined;
  #loadProblems: readonly Problem[] = [];
  #fetchedSrc: string | undefined;
  #loadedUrl: string | undefined;
  #abort: AbortController | undefined;
  #observer: MutationObserver | undefined;
  #stale = true;
  #inputs: readonly unknown[] = [];
  /** The last failure of the source to answer (reported once). */
  #failure: unknown;

  constructor(host: DataHost, onChange: (model: DataModel) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof MutationObserver === 'undefined') return;
    // Children are data: any change inside them re-reads them. The host's own attributes are not data.
    this.#observer ??= new MutationObserver((records) => {
      if (records.some((record) => record.target !== this.#host || record.type === 'childList')) this.invalidate();
    });
    this.#observer.observe(this.#host, { childList: true, subtree: true, attributes: true, characterData: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#abort?.abort();
    if (this.loading) this.#fetchedSrc = undefined;
    this.loading = false;
  }

  /** Marks the data as changed (children edited); the next update re-parses. */
  invalidate(): void {
    this.#stale = true;
    this.#host.requestUpdate();
  }

  /**
   * Called from the host's `willUpdate`: starts a fetch when `src` is the source in force and
   * has not been fetched, and re-parses when an input changed. Returns whether the model changed.
   * `readChildren: false` leaves `<reel-event>` children unread (a server render, and the
   * hydration of one, which must find the same DOM); {@link invalidate} reads them later.
   */
  update(readChildren = true, settings: readonly Problem[] = []): boolean {
    const { data, events, src } = this.#host;
    // A named database (`source="duckdb"`) is opened by the load of `src`: what it loads is the source.
    const named = typeof this.#host.source == 'string';
    const wanted = named ? `${this.#host.source as string}:${src}` : src;
    const source = (named ? this.#loaded : this.#host.source) as TimelineSource | undefined;
    if (src && (named || !source) && !data && !events && wanted !== this.#fetchedSrc) void this.#load(wanted, src);
    const inputs = [source, data, events, src, this.#loaded, this.#imported, this.#loadProblems, settings];
    if (!this.#stale && inputs.every((input, i) => input === this.#inputs[i])) return false;
    if (!readChildren && !source && !data && !events && !src) return false;
    this.#inputs = inputs;
    this.#stale = false;
    if (source) {
      this.model = { dataset: { ...source.dataset, events: [] }, source, problems: settings };
      this.#onChange(this.model);
      return true;
    }
    const input = this.#currentInput();
    const result =
      input === undefined
        ? { dataset: EMPTY_DATASET, problems: [] }
        : input === this.#imported && this.#imported
          ? this.#imported
          : parseDataset(input);
    // The element's own settings first (a misspelt time-zone), then loading, then the data's problems.
    const problems = [...settings, ...this.#loadProblems, ...result.problems];
    const base = input !== undefined && input === this.#loaded ? this.#loadedUrl : undefined;
    this.model = {
      dataset: result.dataset,
      source: new MemorySource(result.dataset, { schedule: idle }),
      problems,
      base,
    };
    this.#onChange(this.model);
    return true;
  }

  /**
   * The source failed to answer (a database or server gone): a problem in the notice and
   * `reel-invalid`, without a new model (the view and its last answer stay).
   */
  reportFailure(error: unknown): void {
    if (error === this.#failure) return;
    this.#failure = error;
    this.model = {
      ...this.model,
      problems: [...this.#loadProblems, { severity: 'error', message: String(error), path: [], pointer: '' }],
    };
    this.#host.requestUpdate();
  }

  #currentInput(): unknown {
    const { data, events, src } = this.#host;
    if (data) return data;
    if (events) return events;
    if (src && typeof this.#host.source != 'string') return this.#imported ?? this.#loaded;
    const children = [...this.#host.querySelectorAll(':scope > reel-event')];
    if (!children.length) return undefined;
    return { events: children.map((child, i) => readEventElement(child, i)) };
  }

  async #load(wanted: string, src: string): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#fetchedSrc = wanted;
    this.loading = true;
    this.progress = -1;
    this.#loaded = undefined;
    this.#imported = undefined;
    this.#loadProblems = [];
    // Fetching and reading files is its own chunk: an element given its data never loads it.
    const { loadSource } = await import('./load.js');
    const outcome = await loadSource(src, abort, this.#host, (loaded, total) => {
      if (abort !== this.#abort || !total) return;
      const percent = Math.floor((loaded / total) * 100);
      if (percent === this.progress) return;
      this.progress = percent;
      this.#host.requestUpdate();
    });
    if (abort !== this.#abort || outcome === undefined) return;
    if ('problem' in outcome) {
      this.#loadProblems = [
        {
          severity: 'error',
          message: `Could not load the dataset from "${src}": ${outcome.problem}`,
          path: [],
          pointer: '',
        },
      ];
    } else {
      this.#loadedUrl = outcome.url;
      if ('imported' in outcome) this.#imported = outcome.imported;
      else this.#loaded = outcome.value;
    }
    this.loading = false;
    this.#host.requestUpdate();
  }
}
