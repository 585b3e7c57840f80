/**
 * `<reel-timeline>`: an interactive, accessible timeline. A thin host: the data controller loads
 * and parses, the view state holds range, focus and selection, the frame asks the data source
 * what to draw, and one module per renderer turns that into templates. Lit owns the DOM; D3 does
 * the maths and, through d3-zoom, the behaviour.
 *
 * @module
 */
import {
  extentOf,
  MS_PER_DAY,
  viewDomain,
  type Dataset,
  type LayoutSpec,
  type DatasetInput,
  type Problem,
  type TimeCoord,
  type TimelineEventInput,
  type TimelineSource,
} from '@reeltime/core';
import { preloaded } from '#preloaded';
import {
  isServer,
  LitElement,
  nothing,
  type PropertyDeclaration,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { GestureController, type WheelMode } from '../controllers/gesture-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { ViewportController } from '../controllers/viewport-controller.js';
import { ReelInvalidEvent, ReelRangeChangeEvent, ReelSelectEvent } from '../events/events.js';
import { DirectionController } from '../i18n/direction.js';
import { canonicalLocale, MessagesController } from '../i18n/locales.js';
import type { Messages, PartialMessages } from '../i18n/messages.js';
import { DataController, type DataModel } from './data-controller.js';
import type { Frame } from './frame.js';
import { FrameController } from './frame-controller.js';
import { AXIS_HEIGHT, ERA_ROW, LABEL_FONT_SIZE, SMALL_FONT_SIZE, zoomLimitsFor, type ZoomLimits } from './geometry.js';
import { Announcer } from './announcer.js';
import { Explore } from './explore.js';
import { Interaction, interactionHostOf } from './interaction.js';
import type { DataFormat, ExportDataOptions, ExportImageOptions, ImageFormat } from './export.js';
import { LazyPart } from './lazy.js';
import { LazyParts } from './lazy-parts.js';
import { layoutFor } from './label-font.js';
import { localeOf, resolveBase } from './format.js';
import { ESTIMATED_FONT, measurerFor } from './measure.js';
import { checkSettings, type Settings } from './settings.js';
import type { RenderContext } from './render/context.js';
import type { Painter } from './render/density.js';
import { renderHost } from './render/host.js';
import { timelineStyles } from './timeline.styles.js';
import { UrlSyncLink } from './url-sync-link.js';
import { ViewState, type VisibleRange } from './view-state.js';

export type { VisibleRange } from './view-state.js';

/** The width a server render lays out at, in CSS pixels. */
const SERVER_WIDTH = 960;

/**
 * An interactive timeline of events in lanes: zoom and pan with wheel, drag, touch or keys; select
 * an event to read its dates, description, places and sources. Data comes from `source` (a ready
 * data source, e.g. a database), the `data` (a whole dataset) or `events` property, a dataset JSON
 * at `src`, or `<reel-event>` children, in that order of precedence. Invalid events are reported
 * (`problems`, `reel-invalid` and a visible notice) while the valid rest renders. Events too dense to draw one by one at the current zoom are drawn
 * as a density strip per lane, named for screen readers, and open by zooming in.
 *
 * @summary An interactive, accessible timeline of events.
 *
 * @slot - `<reel-event>` elements declaring events in HTML (read as data, not displayed).
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The bar with the title, visible range and zoom buttons.
 * @csspart export - The export toolbar (with the `export` attribute): its "Download" button and the popover of files.
 * @csspart notice - The dismissible notice listing problems in the data.
 * @csspart plot - The drawing area (axis and body).
 * @csspart axis - The time axis (stays at the top while the page scrolls past a tall plot).
 * @csspart lane - A lane's background band.
 * @csspart lane-label - A lane's label.
 * @csspart era - An era's background band.
 * @csspart event - An event's mark and label (focusable).
 * @csspart density - A run of events too dense to draw one by one (focusable, opens on click).
 * @csspart progress - A bar under the axis while a data source's answer for the view is on its way.
 * @csspart marker - A marker line ("today" or a custom date, and the dataset's named markers).
 * @csspart legend - The legend under the plot: how dates are drawn (only what the data uses).
 * @csspart tooltip - The tooltip shown on hover or focus.
 * @csspart wheel-hint - The brief hint that Ctrl/⌘ + wheel zooms, shown when a plain wheel scrolled the page.
 * @csspart details - The details of the selected event.
 * @csspart overview - The overview strip (`<reel-overview>`), with the `overview` attribute.
 * @csspart table - The table view's scroll box (around its `<table>`).
 * @csspart sources-view - The sources view: each source and the events it supports.
 * @csspart keyboard-map - The dialog listing the keys.
 *
 * @cssproperty [--reel-font-family=system-ui] - Font of all text.
 * @cssproperty [--reel-font-size=13px] - Base font size.
 * @cssproperty [--reel-color-text=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssproperty [--reel-color-muted=light-dark(#57606a, #9ea7b3)] - Secondary text (axis, dates).
 * @cssproperty [--reel-color-background=light-dark(#ffffff, #0d1117)] - Background.
 * @cssproperty [--reel-color-surface=light-dark(#f6f8fa, #161b22)] - Axis band, alternate lanes, buttons.
 * @cssproperty [--reel-color-border=light-dark(#d0d7de, #30363d)] - Borders.
 * @cssproperty [--reel-color-grid=light-dark(#eaeef2, #21262d)] - Grid lines.
 * @cssproperty [--reel-color-accent=light-dark(#0969da, #58a6ff)] - Links and hover.
 * @cssproperty [--reel-color-selected=light-dark(#bf3989, #f778ba)] - The selected event.
 * @cssproperty [--reel-color-focus=light-dark(#0550ae, #79c0ff)] - Focus rings.
 * @cssproperty [--reel-color-era=light-dark(#fff8c5, #2d2a12)] - Era bands.
 * @cssproperty [--reel-color-era-text=light-dark(#6a5300, #e3b341)] - Era titles.
 * @cssproperty [--reel-color-marker=light-dark(#cf222e, #ff7b72)] - The marker line.
 * @cssproperty [--reel-color-warning=light-dark(#fff8c5, #3b2e08)] - The problems notice.
 * @cssproperty [--reel-color-lane-1=light-dark(#0078bc, #5f9bcb)] - Marks in lanes 1, 9, 17… (eight hues after Okabe–Ito, 3:1 or more against the background in both themes, pairs CIEDE2000 ≥ 10 apart under simulated protanopia, deuteranopia and tritanopia)
 * @cssproperty [--reel-color-lane-2=light-dark(#85530d, #f1a844)] - Marks in lanes 2, 10, 18…
 * @cssproperty [--reel-color-lane-3=light-dark(#166b44, #c0f3d2)] - Marks in lanes 3, 11, 19…
 * @cssproperty [--reel-color-lane-4=light-dark(#560c3a, #ba6491)] - Marks in lanes 4, 12, 20…
 * @cssproperty [--reel-color-lane-5=light-dark(#b6765c, #e26324)] - Marks in lanes 5, 13, 21…
 * @cssproperty [--reel-color-lane-6=light-dark(#596e81, #7ed9ff)] - Marks in lanes 6, 14, 22…
 * @cssproperty [--reel-color-lane-7=light-dark(#877d03, #f7eb94)] - Marks in lanes 7, 15, 23…
 * @cssproperty [--reel-color-lane-8=light-dark(#5b5c5d, #b7b7b7)] - Marks in lanes 8, 16, 24…
 * @cssproperty [--reel-color-fuzz=the lane colour] - Dotted fuzz beyond an approximate date.
 * @cssproperty [--reel-color-badge=light-dark(#9a6700, #d29922)] - The "?" badge of an uncertain event.
 * @cssproperty [--reel-color-badge-text=light-dark(#ffffff, #0d1117)] - The "?" in the badge.
 * @cssproperty [--reel-period-opacity=0.55] - Opacity of an event known only to its month or year.
 * @cssproperty [--reel-radius=6px] - Corner radius of the frame.
 *
 * @fires {ReelSelectEvent} reel-select - An event was selected (or the selection cleared).
 * @fires {ReelRangeChangeEvent} reel-range-change - The visible range changed.
 * @fires {ReelInvalidEvent} reel-invalid - The data has problems; the valid rest still renders.
 * @fires {ReelExportEvent} reel-export - The export toolbar made a file (`detail`: `format`, `blob`, `filename`); cancelable: `preventDefault()` stops the download.
 *
 * @since 0.1.0
 */
export class ReelTimeline extends LitElement {
  // On a server, the styles of the parts a server render draws too (see preloaded.ts).
  static override styles = [timelineStyles, preloaded.styles ?? []];

  /**
   * The reactive properties and their attributes (each documented where it is declared below). A
   * table rather than `@property` decorators: in the single-file bundle each decorator is a call
   * naming the prototype and the field, plus the compiler's decorate helper and Lit's decorators,
   * ~0.3 KB min+gz that every page loads (docs/decisions/bundle-size.md, the fourteenth round).
   */
  static override properties: PropertyDeclarations = {
    source: {},
    data: { attribute: false },
    events: { attribute: false },
    src: {},
    format: {},
    loadTimeout: { attribute: 'load-timeout', type: Number },
    label: {},
    locale: {},
    strings: { attribute: false },
    timeZone: { attribute: 'time-zone' },
    marker: {},
    markerLabel: { attribute: 'marker-label' },
    wheel: {},
    overview: { type: Boolean },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    view: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    base: {},
    scale: {},
    export: {},
    theme: { reflect: true },
    selected: { reflect: true },
    noticeDismissed: { state: true },
  };

  /**
   * A data source answering the view's question itself (e.g. over a database): takes precedence
   * over every other input. Its answers may be promises; the last view stays until they land.
   * As an attribute, `source="duckdb"` reads the Parquet, CSV or Arrow file at `src` with
   * DuckDB-WASM (`@reeltime/duckdb`, imported on demand: not part of the element's bundle), or
   * attaches a database prepared with `pnpm prepare:duckdb` (`.duckdb`), reading only its pages in view.
   * With it, a `local-copy` attribute keeps a copy of that database in the origin's private file
   * system, downloaded in the background and then read from the disk, on this visit and later
   * ones while the server sends the same file (`openUrl`'s `localCopy`).
   */
  source: TimelineSource | 'duckdb' | undefined;

  /**
   * A whole dataset (title, lanes, eras, events), as in a dataset JSON file. Takes precedence over
   * `events`, `src` and children. (Named `data` because `dataset` is HTMLElement's `data-*` map.)
   */
  data: DatasetInput | undefined;

  /** Events only. Used when `data` is not set. */
  events: TimelineEventInput[] | undefined;

  /**
   * URL of a data file, fetched when neither `data` nor `events` is set: a reeltime dataset,
   * TimelineJS3 JSON, CSV (TimelineJS3's spreadsheet template or columns named like the fields) or
   * vis-timeline items. A new `src` aborts the load before it.
   */
  src = '';

  /**
   * The format of `src`: `reeltime`, `timelinejs`, `csv` or `vis`; sniffed from the file when empty.
   * With `source="duckdb"`: `parquet`, `csv`, `arrow` or `duckdb` (a prepared database); from the file name when empty.
   */
  format: '' | 'reeltime' | 'timelinejs' | 'csv' | 'vis' | 'parquet' | 'arrow' | 'duckdb' = '';

  /** Milliseconds to wait for `src` before giving up with a message (default 30 s). */
  loadTimeout = 30_000;

  /** Accessible name of the timeline; defaults to the dataset's title. */
  label = '';

  /**
   * BCP 47 locale for every word, date and number; defaults to the page's `lang` or the browser's.
   * English, German, French, Spanish, Japanese and Arabic are built in (each loaded on first use).
   */
  locale = '';

  /**
   * Words to use instead of the built-in ones (any subset of the message table, e.g.
   * `{ zoomIn: 'Closer' }`); see `registerMessages` to add a whole language.
   */
  strings: PartialMessages | undefined;

  /** IANA time zone for instants (`2020-09-01T10:00Z`). Date-only values never shift. */
  timeZone = 'UTC';

  /** A marker line: `today`, a date (`2023-07-12`), or empty for none. */
  marker = 'today';

  /** Text of the marker line's label; defaults to "Today" or the marker's date. */
  markerLabel = '';

  /**
   * What a plain vertical wheel does over the plot: `auto` scrolls the page when it can scroll (then
   * Ctrl/⌘ + wheel or a pinch zooms, and a hint says so) and zooms where nothing scrolls; `zoom`
   * always zooms (full-screen apps). A horizontal or Shift + wheel pans either way.
   */
  wheel: WheelMode = 'auto';

  /**
   * Shows an overview strip under the plot: the whole dataset in miniature with a brush over the
   * visible range (drag, resize or key it to move the view). Loaded on first use, as its own chunk.
   */
  overview = false;

  /**
   * Keeps the visible range and the selection in the URL's hash (`#reel=2020-01-01,2021-01-01;sel=id`,
   * keyed by the element's id when it has one), restores them on load, and follows back/forward.
   */
  syncUrl = false;

  /**
   * How the events are shown: `chart` (the timeline), `table` (a sortable table of every event) or
   * `sources` (every source cited and the events it supports; events without one are flagged).
   */
  view: 'chart' | 'table' | 'sources' = 'chart';

  /** Level (1–6) of the headings the element shows (the details' title, the keyboard map's). */
  headingLevel = 2;

  /**
   * The address relative links in the data (a source's `file`) resolve against. Defaults to the
   * address `src` was loaded from; set it when the data is given as a property (e.g. `@reeltime/data`'s
   * `datasetUrl`), or links resolve against the page.
   */
  base = '';

  /**
   * The time axis: `linear`, or `log`, years before the present on a logarithmic axis (every power of
   * ten of years the same width) for data spanning many magnitudes, the Big Bang to today. Loaded on
   * first use, as its own chunk. Data given as a ready `source` stays linear.
   */
  scale: 'linear' | 'log' = 'linear';

  /**
   * Shows an export toolbar in the header: a "Download" button opening the files listed, of `svg`,
   * `png` (the chart as on screen), `csv` and `json` (the dataset), e.g. `export="svg png csv json"`;
   * every format when empty (`<reel-timeline export>`). Each downloads a file named from the
   * dataset's title, after a cancelable `reel-export`. Loaded on first use, as its own chunk.
   */
  export: string | null = null;

  /** Colour scheme: `auto` follows `prefers-color-scheme`; `light` or `dark` force one. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** Id of the selected event, shown in the details area. */
  get selected(): string | null {
    return this.#view.selectedId;
  }

  set selected(id: string | null) {
    const old = this.#view.selectedId;
    this.#view.selectedId = id;
    this.requestUpdate('selected', old);
  }

  /** Problems found in the current data (parse errors and loading failures). Read-only. */
  get problems(): readonly Problem[] {
    return this.#data.model.problems;
  }

  /** The parsed dataset that is drawn. Read-only. */
  get model(): Dataset {
    return this.#data.model.dataset;
  }

  /** The visible range. Setting it zooms and pans to show that range (within the data's bounds). */
  get visibleRange(): VisibleRange {
    return this.#view.range;
  }

  set visibleRange(range: VisibleRange) {
    if (this.#data.loading) this.#view.defer(range);
    else this.#view.setRange(range);
  }

  private noticeDismissed = false;

  private get plotElement(): HTMLElement | null {
    return this.renderRoot?.querySelector('.plot') ?? null;
  }

  private get bodyElement(): HTMLElement | null {
    return this.renderRoot?.querySelector('.body') ?? null;
  }

  readonly #gestures: GestureController = new GestureController(this, {
    target: () => this.plotElement,
    mode: () => this.wheel,
    panBy: (dx) => this.#view.panBy(dx),
  });
  readonly #view = new ViewState(this, () => this.plotElement, this.#gestures);
  readonly #data = new DataController(this, (model) => this.#dataChanged(model));
  readonly #size = new ResizeController(this);
  readonly #viewport = new ViewportController(this, () => this.bodyElement);
  readonly #frames = new FrameController(this);
  readonly #messages = new MessagesController(this);
  /** What an update is held back for: the careful parser, the eras, or a hydration's parts (see `shouldUpdate`). */
  #careful: Promise<void> | undefined;
  /** The changes of the updates held back so far, with their first old values (see `shouldUpdate`). */
  #held: Map<PropertyKey, unknown> | undefined;
  /** The details of the selected event: loaded on the first selection. */
  readonly #details = new LazyPart(this, () => import('./render/details.js'));
  readonly #direction = new DirectionController(this);
  /** Time flows right to left in this update (see `isRtl`). */
  #rtl = false;
  readonly #announcer = new Announcer(this, () => this.#serverRendered && !this.hasUpdated);
  /** The table view and the keyboard map, loaded on first use. */
  readonly #parts = new LazyParts(this);
  /** The words in force for this update. */
  #msg!: Messages;
  /** The time zone instants are drawn in (`time-zone`, or UTC when it names none), and problems in the settings. */
  #zone = 'UTC';
  #settings: Settings[1] = [];
  readonly #interaction = new Interaction(
    interactionHostOf(
      this,
      this.#view,
      () => this.#view.mode?.source ?? this.#data.model.source,
      () => this.#frame,
      () => this.#layout,
    ),
  );
  /** The keyboard map, the views' focus and the details' place. */
  readonly #explore = new Explore(this, this.#view, this.#data, this.#interaction);
  /** The density strip's painter: loaded when a frame first has a strip (its own chunk). */
  readonly #density = new LazyPart(
    this,
    () => import('./render/density.js'),
    undefined,
    () => this.#paintDensity(),
  );
  #painter: Painter | undefined;
  #domain: readonly [TimeCoord, TimeCoord] = viewDomain(undefined);
  /** How close the view may zoom: follows the finest date precision in the data. */
  #limits: ZoomLimits = zoomLimitsFor([]);
  #fontFamily = '';
  /** The template of a planned event's label (`{title} (planned)`), in the current language. */
  #plannedLabel = '{title}';
  #layout: LayoutSpec = layoutFor('sans-serif', this.#plannedLabel);
  #lastRange: VisibleRange | undefined;
  #lastProblems: readonly Problem[] = [];
  /** Whether the shadow root came from a server render (declarative shadow DOM) to hydrate. */
  readonly #serverRendered = !isServer && this.shadowRoot !== null;
  /** The overview strip (`overview`), with `<reel-overview>`: loaded the first time it is shown. */
  readonly #overview = new LazyPart(this, () => import('./overview-strip.js'));
  /** The URL sync, once `sync-url` is set. */
  readonly #urlSync = new UrlSyncLink(
    this,
    () => !this.#data.loading && this.#data.model.source.size > 0 && this.#view.width > 0,
  );
  /** Resolves at the frame after a gesture's last update: until then, its next update waits. */
  #gestureFrame: Promise<unknown> | undefined;

  /**
   * Many events given as `data` or `events` will likely draw a density strip: its painter's chunk is
   * asked for now, before the update's work starts, so that its fetch runs beside that work rather
   * than after it (the first view waits for the strip).
   */
  override requestUpdate(name?: PropertyKey, old?: unknown, options?: PropertyDeclaration): void {
    if ((name === 'data' || name === 'events') && !isServer && (this.data?.events ?? this.events ?? []).length > 200)
      this.#density.get();
    super.requestUpdate(name, old, options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const msg = this.#messages.for(this.#locale(), this.strings);
    if (msg !== this.#msg || changed.has('timeZone') || changed.has('locale'))
      [this.#zone, this.#settings] = checkSettings(this.timeZone, this.locale, this.#locale(), msg);
    this.#msg = msg;
    const planned = msg.text('labelPlanned', { title: '{title}' });
    if (planned !== this.#plannedLabel) {
      // New words mean new label widths: a new layout spec (its own measuring cache).
      this.#plannedLabel = planned;
      this.#layout = layoutFor(this.#fontFamily || 'sans-serif', planned);
    }
    this.#rtl = this.#direction.rtl(this.#locale(), canonicalLocale(this.locale) !== undefined);
    if (this.view === 'table') this.#parts.table.get();
    if (this.view === 'sources') this.#parts.sources.get();
    if (changed.has('view') && changed.get('view') !== undefined) this.#explore.viewChanged();
    if (this.#explore.keysOpen) this.#parts.keys.get();
    if (!isServer) this.#interaction.rememberFocus();
    // Hydrating a server render of `<reel-event>` children: the first update finds what the server
    // rendered (the children unread, unless it read them); the next reads them.
    this.#data.update(!this.#childrenUnread, this.#settings);
    const mode = this.scale == 'log' ? this.#parts.log.get()?.logAxisFor(this.#data.model) : undefined;
    if (mode != this.#view.mode) this.#dataChanged(this.#data.model, (this.#view.mode = mode));
    // A server render (Lit SSR) has no container or canvas to measure: it lays out at a common
    // width with estimated text. The browser's first update of a server render (hydration) does
    // the same, so that it finds the DOM it would render; the next update lays out for real.
    const serverLayout = isServer || (this.#serverRendered && !this.hasUpdated);
    const width = Math.max(0, serverLayout ? SERVER_WIDTH : this.#size.width);
    if (serverLayout) {
      if (this.#fontFamily !== ESTIMATED_FONT)
        this.#layout = layoutFor((this.#fontFamily = ESTIMATED_FONT), this.#plannedLabel);
    } else if (
      width > 0 &&
      (changed.has('theme') || !this.#fontFamily || this.#fontFamily === ESTIMATED_FONT || this.#view.width !== width)
    )
      this.#readFont();
    this.#view.configure(this.#domain, width, this.#frame?.height ?? AXIS_HEIGHT, this.#limits.minSpan, this.#rtl);
    this.#computeFrame(width);
    // The table is drawn with a frame (see render): its rows in view and their reads, before render.
    if (this.#frame && this.view === 'table') this.#parts.table.loaded?.updateTable(this.#explore, this, this.#data);
    // A source that failed to answer (a database gone): a problem in the notice, the last view kept.
    if (this.#frames.error !== undefined) this.#data.reportFailure(this.#frames.error);
  }

  /**
   * Data that is not plain waits for the careful parser (a chunk, see data-controller.ts): the update
   * is held back until it is there (asked here, where properties set before the element was defined
   * are in place), then made with every change it would have had. Data with eras waits for the
   * eras' renderer the same way, and data showing more than exact days for the legend's chunk
   * (which draws such marks). So the data is drawn once, a hydration finds the server's DOM, and
   * `updateComplete` waits for it.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const hydrating = this.#serverRendered && !this.hasUpdated;
    const careful = this.#data.prepare(!this.#childrenUnread);
    // Eras are drawn by a chunk: the update that first draws them waits for it.
    const eras = this.#data.erasAhead(!this.#childrenUnread) ? this.#parts.hold(this.#parts.eras) : undefined;
    // So are the marks of dates other than exact days (the legend's chunk).
    const marks =
      this.#parts.legend.loaded || !this.#data.marksAhead(!this.#childrenUnread)
        ? undefined
        : this.#parts.hold(this.#parts.legend);
    // A server render may hold a legend, a notice and eras: the hydrating update must draw them too.
    const parts = hydrating ? this.#parts.loadServerParts() : undefined;
    const all = changed as Map<PropertyKey, unknown>;
    if (!careful && !parts && !eras && !marks) {
      // The first update after a hold makes the held changes (with their first old values), once:
      // whether the hold's end asked for it or a part's arrival, a few microtasks earlier.
      for (const [key, old] of this.#held ?? []) all.set(key, old);
      this.#held = undefined;
      return true;
    }
    const held = (this.#held ??= new Map());
    for (const [key, old] of all) if (!held.has(key)) held.set(key, old);
    this.#careful = Promise.all([careful, parts, eras, marks]).then(() => {
      if (this.#held) this.requestUpdate();
    });
    return false;
  }

  /**
   * One update per frame while a gesture streams input: the first of a frame's wheel (or drag)
   * events updates at once, any more wait for the next frame and are drawn together.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.#view.takeGesture()) {
      await this.#gestureFrame;
      this.#gestureFrame = new Promise((resolve) =>
        requestAnimationFrame(() => resolve((this.#gestureFrame = undefined))),
      );
    }
    super.scheduleUpdate();
  }

  /** Also waits for the words of the element's language when they load on first use. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await Promise.all([
      this.#messages.ready,
      this.#details.ready,
      this.#parts.ready,
      this.#careful,
      this.#density.ready,
      this.#view.ready,
      this.#interaction.ready,
    ]);
    return (await super.getUpdateComplete()) && done;
  }

  get #frame(): Frame | undefined {
    return this.#frames.frame;
  }

  /**
   * `<reel-event>` children are left unread in this update: on a server (which renders a host
   * before its children) and in the hydration of its render, which must find the same DOM; unless
   * that server read them (`renderTimelines`, `@reeltime/timeline/ssr`).
   */
  get #childrenUnread(): boolean {
    return (isServer || (this.#serverRendered && !this.hasUpdated)) && !this.#data.childrenServed;
  }

  /** Whether the data can only come from `<reel-event>` children (no property, no `src`). */
  get #childrenOnly(): boolean {
    return !this.source && !this.data && !this.events && !this.src;
  }

  protected override firstUpdated(): void {
    // Print styles must be in place before the print dialog opens: loaded now, as their own chunk.
    void import('./print.js').then((m) => m.watchPrint(this));
    if (this.#serverRendered && this.#childrenOnly && !this.#data.childrenServed) this.#data.invalidate();
  }

  protected override updated(): void {
    this.#urlSync.connect();
    this.#interaction.restoreFocus();
    this.#view.applyPending();
    this.#paintDensity();
    const range = this.visibleRange;
    if (this.#size.width > 0 && (this.#lastRange?.from !== range.from || this.#lastRange.to !== range.to)) {
      this.#lastRange = range;
      this.dispatchEvent(new ReelRangeChangeEvent(range));
    }
    this.#explore.afterUpdate();
    const { problems } = this.#data.model;
    if (problems !== this.#lastProblems) {
      this.#lastProblems = problems;
      if (problems.length) this.dispatchEvent(new ReelInvalidEvent({ problems }));
    }
  }

  /** Zooms in (factor > 1) or out (factor < 1) around the focused event, or the centre. */
  zoomBy(factor: number): void {
    const focused = this.#frame?.items.find((item) => item.event.id === this.#view.focusedId);
    this.#view.zoomBy(factor, focused ? (focused.x0 + focused.x1) / 2 : undefined);
  }

  /** Shows all the data again. */
  resetZoom(): void {
    this.#view.reset();
  }

  /**
   * The data as a file: `json`, a reeltime dataset keeping every field, or `csv` (the columns
   * `fromCsv` reads; no sources or media). It is the parsed dataset (`model`): every valid event,
   * whatever the view shows; invalid items are left out (they are in `problems`). With a `source`
   * (a database), every event it holds, read from it page by page (`source="duckdb"` reads up to
   * 200,000 and rejects a larger table with a message naming that limit). `{ blob: true }` gives a
   * `Blob` for a download link. The exporter loads on first use, as its own chunk.
   */
  exportData(format?: DataFormat, options?: ExportDataOptions): Promise<string | Blob> {
    return import('./export.js').then((m) => m.exportData(this, format, options, this.#data.model.source));
  }

  /**
   * The chart as an image: `svg` gives standalone SVG markup (styles inlined, text as text, fonts
   * named, the title, range and axis included, nothing referenced outside the file; `{ blob: true }`
   * for a `Blob`), `png` a PNG `Blob` at `devicePixelRatio` (or `{ scale }`). `{ range: 'all' }`
   * draws the whole range of the data instead of the view, then puts the view back.
   */
  exportImage(format?: ImageFormat, options?: ExportImageOptions): Promise<string | Blob> {
    return import('./export.js').then((m) => m.exportImage(this, format, options));
  }

  /** Shows the keyboard map (a modal dialog); closing it gives focus back to what had it. */
  showKeyboardMap(): void {
    this.#explore.showKeys();
  }

  /** Selects an event by id (or clears the selection with `null`) and fires `reel-select`. */
  select(id: string | null): void {
    const event = id === null ? null : (this.#data.model.source.get(id) ?? null);
    this.selected = event ? event.id : null;
    this.dispatchEvent(new ReelSelectEvent({ event }));
  }

  override render(): TemplateResult {
    const frame = this.#frame;
    // `<reel-event>` children not read yet (see `#childrenUnread`) are shown as written, the chart waits.
    const childrenOnly = this.#childrenOnly;
    const childrenPending = childrenOnly && this.#childrenUnread;
    const ctx = frame && this.#context(frame);
    return renderHost(
      this,
      ctx,
      this.#msg,
      this.#rtl,
      childrenOnly,
      childrenPending,
      this.noticeDismissed,
      () => (this.noticeDismissed = true),
      this.#renderOverview(),
      this.#data,
      this.#frames,
      this.#gestures,
      this.#interaction,
      this.#parts,
      this.#explore,
      this.#details,
      this.#announcer,
    );
  }

  /** The overview strip (`overview`), once its chunk has arrived (asked for the first time it is shown). */
  #renderOverview(): TemplateResult | typeof nothing {
    if (!this.overview) return nothing;
    const strip = this.#overview.get();
    return strip
      ? strip.renderOverview(
          this,
          this.#view,
          this.#data.model.source,
          this.#domain,
          this.#layout,
          this.#msg,
          this.#dateOptions(),
          this.#rtl,
        )
      : nothing;
  }

  /** New data: new domain, whole view, selection kept only if the event still exists. */
  #dataChanged(model: DataModel, mode = this.#view.mode): void {
    const { source, dataset } = model;
    this.#frames.setSource(mode?.source ?? source);
    this.#painter?.reset();
    const extent = extentOf([
      ...(source.extent ? [{ from: source.extent[0], to: source.extent[1] }] : []),
      ...dataset.eras,
    ]);
    this.#limits = zoomLimitsFor(dataset.events);
    this.#domain = mode?.domain ?? viewDomain(extent, { minSpan: Math.max(this.#limits.minSpan, MS_PER_DAY) });
    this.noticeDismissed = false;
    if (this.#view.selectedId !== null && !source.get(this.#view.selectedId)) this.selected = null;
    this.#view.resetForData();
  }

  /** The frame for the current view (the frame controller keeps it while nothing it depends on changed). */
  #computeFrame(width: number): void {
    const { eras } = this.#data.model.dataset;
    const small = measurerFor(this.#fontFamily || 'sans-serif', SMALL_FONT_SIZE);
    this.#frames.compute({
      lanes: this.#data.model.dataset.lanes,
      scale: this.#view.scale(),
      width,
      band: this.#viewport.band,
      layout: this.#layout,
      locale: this.#locale(),
      words: this.#msg.table.dates,
      minTickUnit: this.#limits.minUnit,
      // The eras' rows: stacked by their chunk, which the first update of data with eras waits for.
      top: ((eras.length && this.#parts.eras.get()?.eraRows(eras).count) || 0) * ERA_ROW,
      // Always pinned, drawn or not: an event dropped when its lane leaves the band would lose its
      // focus, and re-pinned at the next frame it would flip in and out while the page scrolls.
      pinned: [this.#view.focusedId, this.#view.selectedId].filter((id): id is string => id !== null),
      tickMeasure: (label) => small(label) + 10,
      // Years move up to the major row (renderAxis): its font, its 6 px inset and 8 px of room.
      yearMeasure: (label) => measurerFor(this.#fontFamily || 'sans-serif', LABEL_FONT_SIZE, 600)(label) + 14,
      style: this.#fontFamily,
      ticks: this.#view.mode?.ticks,
    });
  }

  /** Paints the density strips of the drawn frame (loading the painter when there are some). */
  #paintDensity(): void {
    // The painter's chunk, asked for as many events were set, may arrive before the first update
    // (before there is a render root): that update paints, once drawn (`updated`).
    if (!this.hasUpdated) return;
    const frame = this.#frame;
    // A canvas per lane with a density row in the band (its strip may be empty, or was painted
    // before and must be cleared): the painter's chunk loads with the first one.
    const canvases = this.renderRoot.querySelectorAll<HTMLCanvasElement>('.body>canvas');
    const density = frame && canvases.length ? this.#density.get() : undefined;
    if (density) (this.#painter ??= density.painter(this)).paint(canvases, frame!);
  }

  #context(frame: Frame): RenderContext {
    const family = this.#fontFamily || 'sans-serif';
    return {
      frame,
      // Undefined until measured (a server render and its hydration) or when drawing every lane.
      visible: this.#viewport.band && this.#viewport.view,
      view: this.#view,
      dataset: this.#data.model.dataset,
      source: this.#data.model.source,
      base: resolveBase(this.base, this.#data.model.base),
      dateOptions: this.#dateOptions(),
      msg: this.#msg,
      // At the weight they are drawn (600): measured at 400, bold names ran into each other.
      measureSmall: measurerFor(family, SMALL_FONT_SIZE, 600),
      measureLabel: measurerFor(family, LABEL_FONT_SIZE, 600),
      marks: this.#parts.legend,
    };
  }

  #readFont(): void {
    if (typeof getComputedStyle !== 'function') return;
    const family = getComputedStyle(this).fontFamily || 'sans-serif';
    if (family === this.#fontFamily) return;
    this.#fontFamily = family;
    this.#layout = layoutFor(family, this.#plannedLabel);
  }

  #locale(): string | undefined {
    return localeOf(this, this.locale);
  }

  #dateOptions() {
    return { locale: this.#locale(), timeZone: this.#zone, words: this.#msg.table.dates };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-timeline': ReelTimeline;
  }
}
