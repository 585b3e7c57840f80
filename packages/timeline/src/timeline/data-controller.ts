/**
 * Where a timeline's data comes from, as a reactive controller: a ready {@link TimelineSource}
 * (`source`, e.g. a database), the `data` or `events` property, a dataset JSON at `src` (fetched
 * with abort), or `<reel-event>` children (observed). It parses what is in force into a
 * {@link MemorySource}, collects problems (never throws) and asks the host to update when any of
 * it changes. Plain data is parsed by the plain path in the entry chunk; data that needs the
 * careful parser (`#careful`: a chunk in a browser) waits for it: {@link DataController.prepare},
 * asked before each update, returns its load, and the host holds the update back until it is there.
 *
 * @module
 */
import {
  MemorySource,
  parsePlainDataset,
  type Dataset,
  type ParseResult,
  type Problem,
  type TimelineSource,
} from '@reeltime/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { carefulParser, loadCarefulParser } from '#careful';
import { preloaded } from '#preloaded';
import { readEventElement } from '../event/read-event.js';
import { encodingsIn } from './render/encoding.js';

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

/** A day (`2023-07-12`) or an instant on one (`2020-09-01T10:00Z`), not marked uncertain. */
const EXACT = /^\d{4}-\d\d-\d\d(T[^?]*)?$/;

/**
 * Whether data not parsed yet (careful data) may show dates other than exact days: any date but a
 * day or an instant, or a status. It may be wrong only towards yes.
 */
function mayShowMore(input: unknown): boolean {
  const events = (input as { events?: unknown } | null)?.events ?? input;
  return (
    Array.isArray(events) &&
    events.some(
      (event: { start?: unknown; end?: unknown; status?: unknown } | null) =>
        !EXACT.test(String(event?.start)) ||
        (event!.end !== undefined && !EXACT.test(String(event!.end))) ||
        (event!.status !== undefined && event!.status !== 'confirmed'),
    )
  );
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
  /** Problems in the element's own settings (a misspelt time-zone), reported first. */
  #settings: readonly Problem[] = [];
  /** The last failure of the source to answer (reported once). */
  #failure: unknown;
  /** The careful parser could not be loaded (the network went away): the data is reported, not parsed. */
  #carefulFailed = false;
  /** The input read for the inputs in force, and what the plain path made of it (null: declined). */
  #read: { inputs: readonly unknown[]; input: unknown; plain?: ParseResult | null; marks?: boolean } | undefined;

  constructor(host: DataHost, onChange: (model: DataModel) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /**
   * Whether a server read the host's `<reel-event>` children and drew them: `renderTimelines`
   * (`@reeltime/timeline/ssr`) marks such a host `ssr-children`, as Lit's SSR marks hosts
   * `defer-hydration`. Then the hydration reads them too, to find the chart the server drew.
   */
  get childrenServed(): boolean {
    return this.#host.hasAttribute('ssr-children');
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
    this.#read = undefined;
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
    const source = this.#source();
    if (src && (named || !source) && !data && !events && wanted !== this.#fetchedSrc) void this.#load(wanted, src);
    this.#settings = settings;
    const inputs = this.#currentInputs();
    if (!this.#stale && inputs.every((input, i) => input === this.#inputs[i])) return false;
    if (!readChildren && !source && !data && !events && !src) return false;
    if (source) {
      this.#inputs = inputs;
      this.#stale = false;
      this.model = { dataset: { ...source.dataset, events: [] }, source, problems: settings };
      this.#onChange(this.model);
      return true;
    }
    const input = this.#inputFor(inputs);
    const result =
      input === undefined
        ? { dataset: EMPTY_DATASET, problems: [] }
        : input === this.#imported && this.#imported
          ? this.#imported
          : this.#parse(input);
    // The careful parser has not arrived (prepare() was not asked, or its load failed): the model
    // stays, and the data is parsed when the parser is there.
    if (!result) return false;
    this.#inputs = inputs;
    this.#stale = false;
    // The element's own settings first (a misspelt time-zone), then loading, then the data's problems.
    const problems = [...settings, ...this.#loadProblems, ...result.problems];
    const base = input !== undefined && input === this.#loaded ? this.#loadedUrl : undefined;
    this.model = {
      dataset: result.dataset,
      // Steps of 2,000 events (a few ms): an idle slice that overran the frame after it would cost
      // the zoom a frame (at 10,000 a step took longer than a frame on a loaded machine).
      source: new MemorySource(result.dataset, { schedule: idle, sliceSize: 2_000 }),
      problems,
      base,
    };
    this.#onChange(this.model);
    return true;
  }

  /**
   * Asked before an update (from the host's `shouldUpdate`, once pending properties are set), with
   * {@link update}'s argument: when the data the update would parse is not plain and the careful
   * parser has not arrived, starts loading it and returns the load; the host then holds the update
   * back until it settles. So the first view of such data is drawn with it (a hydration finds the
   * server's DOM), and `updateComplete` waits for it too.
   */
  prepare(readChildren = true): Promise<void> | undefined {
    if (carefulParser() || this.#carefulFailed || this.#source()) return undefined;
    const { data, events, src } = this.#host;
    if (!readChildren && !data && !events && !src) return undefined;
    const inputs = this.#currentInputs();
    if (!this.#stale && inputs.every((input, i) => input === this.#inputs[i])) return undefined;
    const input = this.#inputFor(inputs);
    if (input === undefined || input === this.#imported || this.#plain(input)) return undefined;
    return this.#loadCareful();
  }

  /**
   * Whether the data the next update draws has eras (read from its input, before it is parsed):
   * the host loads the eras' renderer beside the parser, and the update waits for both.
   * `readChildren` as for {@link update}.
   */
  erasAhead(readChildren = true): boolean {
    const source = this.#source();
    const { data, events, src } = this.#host;
    if (!source && !readChildren && !data && !events && !src) return false;
    // A dataset, an importer's result (`dataset`), or a ready source's dataset.
    const input = (source ?? this.#inputFor(this.#currentInputs())) as
      { eras?: unknown; dataset?: { eras?: unknown } } | undefined;
    const eras = input?.eras ?? input?.dataset?.eras;
    return Array.isArray(eras) && eras.length > 0;
  }

  /**
   * Whether the data the next update draws shows dates other than exact days (a period, fuzz, a
   * status): the host loads the legend's chunk, which draws such marks, beside the parser, and the
   * update waits for it. Read from the parsed data when the plain path (or an importer) read it,
   * else from its input, once per input; a ready source's answers are drawn as they come.
   * `readChildren` as for {@link update}.
   */
  marksAhead(readChildren = true): boolean {
    const { data, events, src } = this.#host;
    if (this.#source() || (!readChildren && !data && !events && !src)) return false;
    const input = this.#inputFor(this.#currentInputs());
    const read = this.#read!;
    if (input === undefined) return false;
    const parsed = input === this.#imported ? this.#imported : this.#plain(input);
    return (read.marks ??= parsed
      ? encodingsIn(parsed.dataset).some((encoding) => encoding !== 'exact')
      : mayShowMore(input));
  }

  #loadCareful(): Promise<void> {
    return loadCarefulParser().then(() => {
      this.#carefulFailed = !carefulParser();
    });
  }

  /** The ready source in force, if any (a named database's once it has loaded). */
  #source(): TimelineSource | undefined {
    return (typeof this.#host.source == 'string' ? this.#loaded : this.#host.source) as TimelineSource | undefined;
  }

  #currentInputs(): readonly unknown[] {
    const { data, events, src } = this.#host;
    return [this.#source(), data, events, src, this.#loaded, this.#imported, this.#loadProblems, this.#settings];
  }

  /** The input for these inputs, read once (children are read again after {@link invalidate}). */
  #inputFor(inputs: readonly unknown[]): unknown {
    const read = this.#read;
    if (read && read.inputs.length === inputs.length && read.inputs.every((input, i) => input === inputs[i]))
      return read.input;
    const input = this.#currentInput();
    this.#read = { inputs, input };
    return input;
  }

  /** What the plain path makes of the input just read (parsed once for prepare and update). */
  #plain(input: unknown): ParseResult | undefined {
    const read = this.#read;
    if (!read || read.input !== input) return parsePlainDataset(input);
    if (read.plain === undefined) read.plain = parsePlainDataset(input) ?? null;
    return read.plain ?? undefined;
  }

  /** Parses by the plain path, else the careful one; undefined while the careful parser is loading. */
  #parse(input: unknown): ParseResult | undefined {
    const plain = this.#plain(input);
    if (plain) return plain;
    const careful = carefulParser();
    if (careful) return careful(input);
    if (this.#carefulFailed) {
      // Asked again on the next change of the data.
      this.#carefulFailed = false;
      const message = 'The dataset could not be read: the part of reeltime that reads it did not load';
      return { dataset: EMPTY_DATASET, problems: [{ severity: 'error', message, path: [], pointer: '' }] };
    }
    void this.#loadCareful().then(() => this.invalidate());
    return undefined;
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
    const served = preloaded.children?.get(this.#host);
    if (served) return { events: served };
    const children = [...this.#host.querySelectorAll(':scope > reel-event')];
    if (!children.length) return undefined;
    return { events: children.map((child, i) => readEventElement(child, i)) };
  }

  async #load(wanted: string, src: string): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#fetchedSrc = wanted;
    this.loading = true;
    this.progress = -1;
    this.#loaded = this.#imported = undefined;
    this.#loadProblems = [];
    // Fetching and reading files is its own chunk: an element given its data never loads it.
    const { loadInto } = await import('./load.js');
    const loaded = await loadInto(src, abort, this.#host, this, () => abort === this.#abort);
    if (!loaded) return;
    ({ value: this.#loaded, imported: this.#imported, problems: this.#loadProblems, url: this.#loadedUrl } = loaded);
    this.loading = false;
    this.#host.requestUpdate();
  }
}
