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
  formatDate,
  formatSpan,
  MS_PER_DAY,
  parseDate,
  viewDomain,
  type Dataset,
  type DatasetInput,
  type LayoutSpec,
  type Problem,
  type TimeCoord,
  type TimelineEventInput,
  type TimelineSource,
} from '@reeltime/core';
import {
  html,
  isServer,
  LitElement,
  nothing,
  type PropertyValues,
  type ReactiveController,
  type TemplateResult,
} from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { GestureController, zoomModifierIsMeta, type WheelMode } from '../controllers/gesture-controller.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { ViewportController } from '../controllers/viewport-controller.js';
import {
  ReelInvalidEvent,
  ReelRangeChangeEvent,
  ReelSelectEvent,
  type ReelOverviewChangeEvent,
} from '../events/events.js';
import { DirectionController } from '../i18n/direction.js';
import { canonicalLocale, MessagesController } from '../i18n/locales.js';
import type { Messages, PartialMessages } from '../i18n/messages.js';
import { DataController, type DataModel } from './data-controller.js';
import type { Frame } from './frame.js';
import { FrameController } from './frame-controller.js';
import {
  AXIS_HEIGHT,
  ERA_ROW,
  LABEL_FONT_SIZE,
  MARK_SIZE,
  MAX_ROWS,
  SMALL_FONT_SIZE,
  zoomLimitsFor,
  type ZoomLimits,
} from './geometry.js';
import { Announcer } from './announcer.js';
import { Interaction, type InteractionHost } from './interaction.js';
import type { DataFormat, ExportDataOptions, ExportImageOptions, ImageFormat } from './export.js';
import { LazyPart } from './lazy.js';
import { LazyParts } from './lazy-parts.js';
import { ESTIMATED_FONT, measurerFor } from './measure.js';
import { checkSettings, type Settings } from './settings.js';
import { renderAxis, renderGrid } from './render/axis.js';
import type { RenderContext } from './render/context.js';
import type { Painter } from './render/density.js';
import { encodingsIn, type Encoding } from './render/encoding.js';
import { eraRows, renderEras } from './render/eras.js';
import { headingLevelOf } from './render/heading.js';
import { renderFocusRing, renderLanes } from './render/lanes.js';
import { renderMarkers, type Marker } from './render/marker.js';
import type { TableController } from './render/table.js';
import { renderTooltip } from './render/tooltip.js';
import { timelineStyles } from './timeline.styles.js';
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
 *
 * @since 0.1.0
 */
export class ReelTimeline extends LitElement {
  static override styles = timelineStyles;

  /**
   * A data source answering the view's question itself (e.g. over a database): takes precedence
   * over every other input. Its answers may be promises; the last view stays until they land.
   * As an attribute, `source="duckdb"` reads the Parquet, CSV or Arrow file at `src` with
   * DuckDB-WASM (`@reeltime/duckdb`, imported on demand: not part of the element's bundle).
   */
  @property() source: TimelineSource | 'duckdb' | undefined;

  /**
   * A whole dataset (title, lanes, eras, events), as in a dataset JSON file. Takes precedence over
   * `events`, `src` and children. (Named `data` because `dataset` is HTMLElement's `data-*` map.)
   */
  @property({ attribute: false }) data: DatasetInput | undefined;

  /** Events only. Used when `data` is not set. */
  @property({ attribute: false }) events: TimelineEventInput[] | undefined;

  /**
   * URL of a data file, fetched when neither `data` nor `events` is set: a reeltime dataset,
   * TimelineJS3 JSON, CSV (TimelineJS3's spreadsheet template or columns named like the fields) or
   * vis-timeline items. A new `src` aborts the load before it.
   */
  @property() src = '';

  /** The format of `src`: `reeltime`, `timelinejs`, `csv` or `vis`; sniffed from the file when empty. */
  @property() format: '' | 'reeltime' | 'timelinejs' | 'csv' | 'vis' = '';

  /** Milliseconds to wait for `src` before giving up with a message (default 30 s). */
  @property({ attribute: 'load-timeout', type: Number }) loadTimeout = 30_000;

  /** Accessible name of the timeline; defaults to the dataset's title. */
  @property() label = '';

  /**
   * BCP 47 locale for every word, date and number; defaults to the page's `lang` or the browser's.
   * English, German, French, Spanish, Japanese and Arabic are built in (each loaded on first use).
   */
  @property() locale = '';

  /**
   * Words to use instead of the built-in ones (any subset of the message table, e.g.
   * `{ zoomIn: 'Closer' }`); see `registerMessages` to add a whole language.
   */
  @property({ attribute: false }) strings: PartialMessages | undefined;

  /** IANA time zone for instants (`2020-09-01T10:00Z`). Date-only values never shift. */
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';

  /** A marker line: `today`, a date (`2023-07-12`), or empty for none. */
  @property() marker = 'today';

  /** Text of the marker line's label; defaults to "Today" or the marker's date. */
  @property({ attribute: 'marker-label' }) markerLabel = '';

  /**
   * What a plain vertical wheel does over the plot: `auto` scrolls the page when it can scroll (then
   * Ctrl/⌘ + wheel or a pinch zooms, and a hint says so) and zooms where nothing scrolls; `zoom`
   * always zooms (full-screen apps). A horizontal or Shift + wheel pans either way.
   */
  @property() wheel: WheelMode = 'auto';

  /**
   * Shows an overview strip under the plot: the whole dataset in miniature with a brush over the
   * visible range (drag, resize or key it to move the view). Loaded on first use, as its own chunk.
   */
  @property({ type: Boolean }) overview = false;

  /**
   * Keeps the visible range and the selection in the URL's hash (`#reel=2020-01-01,2021-01-01;sel=id`,
   * keyed by the element's id when it has one), restores them on load, and follows back/forward.
   */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /**
   * How the events are shown: `chart` (the timeline), `table` (a sortable table of every event) or
   * `sources` (every source cited and the events it supports; events without one are flagged).
   */
  @property({ reflect: true }) view: 'chart' | 'table' | 'sources' = 'chart';

  /** Level (1–6) of the headings the element shows (the details' title, the keyboard map's). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * The address relative links in the data (a source's `file`) resolve against. Defaults to the
   * address `src` was loaded from; set it when the data is given as a property (e.g. `@reeltime/data`'s
   * `datasetUrl`), or links resolve against the page.
   */
  @property() base = '';

  /**
   * The time axis: `linear`, or `log`, years before the present on a logarithmic axis (every power of
   * ten of years the same width) for data spanning many magnitudes, the Big Bang to today. Loaded on
   * first use, as its own chunk. Data given as a ready `source` stays linear.
   */
  @property() scale: 'linear' | 'log' = 'linear';

  /** Colour scheme: `auto` follows `prefers-color-scheme`; `light` or `dark` force one. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  /** Id of the selected event, shown in the details area. */
  @property({ reflect: true })
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

  @state() private noticeDismissed = false;
  /** Whether the keyboard map is open. */
  @state() private keysOpen = false;

  @query('.plot') private plotElement!: HTMLElement | null;
  @query('.body') private bodyElement!: HTMLElement | null;
  @query('canvas') private canvasElement!: HTMLCanvasElement | null;
  @query('dialog.keys') private keysDialog!: HTMLDialogElement | null;

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
  /** What an update is held back for: the careful parser, or a hydration's parts (see `shouldUpdate`). */
  #careful: Promise<void> | undefined;
  /** The details of the selected event: loaded on the first selection. */
  readonly #details = new LazyPart(this, () => import('./render/details.js'));
  readonly #direction = new DirectionController(this);
  /** Time flows right to left in this update (see `isRtl`). */
  #rtl = false;
  readonly #announcer = new Announcer(this);
  /** The table view and the keyboard map, loaded on first use. */
  readonly #parts = new LazyParts(this);
  #table: TableController | undefined;
  /** What had focus when the keyboard map opened (focus goes back there). */
  #keysOpener: HTMLElement | SVGElement | undefined;
  /** The selection at the last update (opening the details scrolls them into view). */
  #lastSelected: string | null = null;
  /** Focus was in the view that was just hidden: it goes to the other one once that is drawn. */
  #focusToView = false;
  /** The words in force for this update. */
  #msg!: Messages;
  /** The time zone instants are drawn in (`time-zone`, or UTC when it names none), and problems in the settings. */
  #zone = 'UTC';
  #settings: Settings[1] = [];
  readonly #interaction = new Interaction(this.#interactionHost());
  /** The density strip's painter: loaded when a frame first has a strip (its own chunk). */
  readonly #density = new LazyPart(this, () => import('./render/density.js'));
  #painter: Painter | undefined;
  #domain: readonly [TimeCoord, TimeCoord] = viewDomain(undefined);
  /** How close the view may zoom: follows the finest date precision in the data. */
  #limits: ZoomLimits = zoomLimitsFor([]);
  #fontFamily = '';
  /** The template of a planned event's label (`{title} (planned)`), in the current language. */
  #plannedLabel = '{title}';
  #layout: LayoutSpec = this.#layoutFor('sans-serif');
  #lastRange: VisibleRange | undefined;
  #lastProblems: readonly Problem[] = [];
  /** Whether the shadow root came from a server render (declarative shadow DOM) to hydrate. */
  readonly #serverRendered = !isServer && this.shadowRoot !== null;
  /** The URL sync, once `sync-url` was set and its module loaded. */
  #urlSync: ReactiveController | undefined;
  #urlSyncLoading = false;
  /** Resolves at the frame after a gesture's last update: until then, its next update waits. */
  #gestureFrame: Promise<unknown> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const msg = this.#messages.for(this.#locale(), this.strings);
    if (msg !== this.#msg || changed.has('timeZone') || changed.has('locale'))
      [this.#zone, this.#settings] = checkSettings(this.timeZone, this.locale, this.#locale(), msg);
    this.#msg = msg;
    const planned = msg.text('labelPlanned', { title: '{title}' });
    if (planned !== this.#plannedLabel) {
      // New words mean new label widths: a new layout spec (its own measuring cache).
      this.#plannedLabel = planned;
      this.#layout = this.#layoutFor(this.#fontFamily || 'sans-serif');
    }
    this.#rtl = this.#direction.rtl(this.#locale(), canonicalLocale(this.locale) !== undefined);
    if (this.view === 'table') this.#parts.loadTable();
    if (this.view === 'sources') this.#parts.loadSources();
    if (changed.has('view') && changed.get('view') !== undefined) {
      const active = (this.renderRoot as ShadowRoot).activeElement;
      if (active?.closest('.plot, .table-scroll, .sources-view')) this.#focusToView = true;
    }
    if (this.keysOpen) this.#parts.loadKeys();
    if (!isServer) this.#interaction.rememberFocus();
    // Hydrating a server render of `<reel-event>` children: the first update finds what the server
    // rendered (the children unread); the next reads them.
    this.#data.update(!(isServer || (this.#serverRendered && !this.hasUpdated)), this.#settings);
    const mode = this.scale == 'log' ? this.#parts.logAxis(this.#data.model) : undefined;
    if (mode != this.#view.mode) this.#dataChanged(this.#data.model, (this.#view.mode = mode));
    // A server render (Lit SSR) has no container or canvas to measure: it lays out at a common
    // width with estimated text. The browser's first update of a server render (hydration) does
    // the same, so that it finds the DOM it would render; the next update lays out for real.
    const serverLayout = isServer || (this.#serverRendered && !this.hasUpdated);
    const width = Math.max(0, serverLayout ? SERVER_WIDTH : this.#size.width);
    if (serverLayout) {
      if (this.#fontFamily !== ESTIMATED_FONT) this.#layout = this.#layoutFor((this.#fontFamily = ESTIMATED_FONT));
    } else if (
      width > 0 &&
      (changed.has('theme') || !this.#fontFamily || this.#fontFamily === ESTIMATED_FONT || this.#view.width !== width)
    )
      this.#readFont();
    this.#view.configure(this.#domain, width, this.#frame?.height ?? AXIS_HEIGHT, this.#limits.minSpan, this.#rtl);
    this.#computeFrame(width);
    // A source that failed to answer (a database gone): a problem in the notice, the last view kept.
    if (this.#frames.error !== undefined) this.#data.reportFailure(this.#frames.error);
  }

  /**
   * Data that is not plain waits for the careful parser (a chunk, see data-controller.ts): the update
   * is held back until it is there (asked here, where properties set before the element was defined
   * are in place), then made with every change it would have had. So the data is drawn once, a
   * hydration finds the server's DOM, and `updateComplete` waits for it.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const hydrating = this.#serverRendered && !this.hasUpdated;
    const careful = this.#data.prepare(!(isServer || hydrating));
    // A server render may hold a legend and a notice: the hydrating update must draw them too.
    const parts = hydrating ? this.#parts.loadServerParts() : undefined;
    if (!careful && !parts) return true;
    this.#careful = Promise.all([careful, parts]).then(() => {
      for (const [key, old] of changed) this.requestUpdate(key, old);
      this.requestUpdate();
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
    ]);
    return (await super.getUpdateComplete()) && done;
  }

  get #frame(): Frame | undefined {
    return this.#frames.frame;
  }

  /** Whether the data can only come from `<reel-event>` children (no property, no `src`). */
  get #childrenOnly(): boolean {
    return !this.source && !this.data && !this.events && !this.src;
  }

  protected override firstUpdated(): void {
    // Print styles must be in place before the print dialog opens: loaded now, as their own chunk.
    void import('./print.js').then((m) => m.watchPrint(this));
    if (this.#serverRendered && this.#childrenOnly) this.#data.invalidate();
  }

  protected override updated(): void {
    this.#connectUrlSync();
    this.#interaction.restoreFocus();
    this.#view.applyPending();
    const frame = this.#frame;
    // Once painted, always painted: a strip that went away (zoomed in) must be cleared.
    if (
      this.canvasElement &&
      frame &&
      (this.#painter || frame.answer.density.some((strip) => strip.counts.some(Boolean)))
    ) {
      const density = this.#density.get();
      if (density) (this.#painter ??= density.painter(this)).paint(this.canvasElement, frame);
    }
    const range = this.visibleRange;
    if (this.#size.width > 0 && (this.#lastRange?.from !== range.from || this.#lastRange.to !== range.to)) {
      this.#lastRange = range;
      this.dispatchEvent(new ReelRangeChangeEvent(range));
    }
    this.#afterExploreUpdate();
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
   * whatever the view shows; invalid items are left out (they are in `problems`). With a `source`,
   * only its title, lanes and eras. `{ blob: true }` gives a `Blob` for a download link. The
   * exporter loads on first use, as its own chunk.
   */
  exportData(format?: DataFormat, options?: ExportDataOptions): Promise<string | Blob> {
    return import('./export.js').then((m) => m.exportData(this, format, options));
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
    const active = (this.renderRoot as ShadowRoot).activeElement;
    this.#keysOpener = active instanceof HTMLElement || active instanceof SVGElement ? active : undefined;
    this.keysOpen = true;
  }

  /**
   * Closes the details and gives focus back to the event they were about (never to the page):
   * its mark in the chart, its row in the table.
   */
  readonly #closeDetails = (): void => {
    const id = this.#view.selectedId;
    this.select(null);
    if (id === null) return;
    if (this.view === 'table') void this.#focusRow(id);
    else if (this.view === 'sources') this.#focusView();
    else void this.#interaction.focusPosition(this.#data.model.source.positionOf(id));
  };

  /** Selects an event by id (or clears the selection with `null`) and fires `reel-select`. */
  select(id: string | null): void {
    const event = id === null ? null : (this.#data.model.source.get(id) ?? null);
    this.selected = event ? event.id : null;
    this.dispatchEvent(new ReelSelectEvent({ event }));
  }

  override render(): TemplateResult {
    const { dataset, source } = this.#data.model;
    const title = dataset.title ?? '';
    const msg = this.#msg;
    const name = this.label || title || msg.text('timeline');
    const frame = this.#frame;
    const range = this.visibleRange;
    // `<reel-event>` children on a server (which renders a host before its children) and in the
    // hydration that follows are not read yet: they are shown as written, the chart waits.
    const childrenOnly = this.#childrenOnly;
    const childrenPending = childrenOnly && (isServer || (this.#serverRendered && !this.hasUpdated));
    const rangeText = frame && frame.width > 0 && !childrenPending ? this.#formatRange(range) : '';
    const ctx = frame && this.#context(frame);
    const events = msg.count('events', source.size);
    // The chart's name and the live region say what is in view, not what the data holds.
    const shown = frame && rangeText ? msg.count('events', frame.answer.total) : events;
    const percent = this.#data.loading ? this.#data.progress : -1;
    if (rangeText) this.#announcer.want(msg.text('rangeStatus', { range: rangeText, events: shown }));
    return html`
      <div class="base" part="base" dir=${this.#rtl ? 'rtl' : 'ltr'}>
        <header part="header">
          <p class="title" dir="auto">${title}</p>
          <span class="range">${rangeText}</span>
          ${this.#renderExploreButtons()}
          <span class="zoom" role="group" aria-label=${msg.text('zoomGroup')}>
            <button
              type="button"
              aria-label=${msg.text('zoomOut')}
              title=${`${msg.text('zoomOut')} (-)`}
              @click=${() => this.zoomBy(1 / 2)}
            >
              −
            </button>
            <button
              type="button"
              aria-label=${msg.text('zoomIn')}
              title=${`${msg.text('zoomIn')} (+)`}
              @click=${() => this.zoomBy(2)}
            >
              +
            </button>
            <button
              type="button"
              aria-label=${msg.text('showAll')}
              title=${`${msg.text('showAll')} (0)`}
              @click=${() => this.resetZoom()}
            >
              ${msg.text('showAllShort')}
            </button>
          </span>
        </header>
        ${
          this.#data.model.problems.length && !this.noticeDismissed
            ? this.#parts
                .notice()
                ?.renderNotice(this.#data.model.problems, false, () => (this.noticeDismissed = true), msg)
            : nothing
        }
        <div class="children" ?hidden=${!childrenOnly || source.size > 0}><slot></slot></div>
        <div class="plot" part="plot" ?hidden=${this.view !== 'chart' || childrenPending}>
          <div class="axis" part="axis" aria-hidden="true">
            <svg height=${AXIS_HEIGHT}>${ctx ? renderAxis(ctx) : nothing}</svg>
          </div>
          <div class="body" style=${`height:${frame?.height ?? 0}px`}>
            <svg
              tabindex="-1"
              role="group"
              aria-label=${msg.text(rangeText ? 'chartName' : 'chartNameNoRange', { name, events: shown, range: rangeText })}
              aria-roledescription=${msg.text('roleTimeline')}
              aria-busy=${this.#frames.pending ? 'true' : 'false'}
              height=${frame?.height ?? 0}
              @keydown=${this.#interaction.keydown}
              @click=${this.#interaction.click}
              @focusin=${this.#interaction.focusIn}
              @focusout=${this.#interaction.focusOut}
              @pointerover=${this.#interaction.pointerOver}
              @pointerleave=${this.#interaction.pointerLeave}
            >
              ${ctx ? [renderEras(ctx), renderGrid(ctx), renderLanes(ctx), renderMarkers(ctx, this.#markers()), renderFocusRing(ctx)] : nothing}
            </svg>
            <canvas
              aria-hidden="true"
              style=${frame ? `top:${frame.band[0]}px;height:${frame.band[1] - frame.band[0]}px` : ''}
            ></canvas>
          </div>
          ${
            this.#data.loading
              ? html`<div class="empty" role="status">${msg.text('loading')}</div>`
              : source.size === 0
                ? html`<div class="empty" role="status">${msg.text('noEvents')}</div>`
                : nothing
          }
          ${
            // While src loads: how much has arrived when its size is known (issue 14); a running bar otherwise.
            this.#data.loading || this.#frames.pending
              ? html`<div
                  class="progress"
                  part="progress"
                  role="progressbar"
                  aria-label=${msg.text(this.#data.loading ? 'loading' : 'loadingView')}
                  aria-valuenow=${percent < 0 ? nothing : percent}
                  style=${percent < 0 ? '' : `animation:none;background:var(--_accent) 0/${percent}% 100% no-repeat`}
                ></div>`
              : nothing
          }
          ${ctx ? renderTooltip(ctx, AXIS_HEIGHT) : nothing} ${this.#renderWheelHint()}
        </div>
        ${this.view === 'chart' ? this.#renderLegend(encodingsIn(dataset), msg) : nothing} ${this.#renderOverview()}
        ${
          ctx && this.view === 'table' && this.#parts.table
            ? this.#parts.table.renderTable(ctx, {
                table: (this.#table ??= new this.#parts.table.TableController(this)),
                name,
                locale: this.#locale(),
                onSelect: this.#selectRow,
              })
            : nothing
        }
        ${
          ctx && this.view === 'sources'
            ? (this.#parts.sources?.renderSourcesView(ctx, {
                level: headingLevelOf(this.headingLevel),
                onReveal: this.#reveal,
              }) ?? nothing)
            : nothing
        }
        ${
          ctx && this.#view.selectedId !== null
            ? (this.#details.get()?.renderDetails(ctx, this.#closeDetails, headingLevelOf(this.headingLevel)) ??
              nothing)
            : nothing
        }
        <div class="live" role="status" aria-live="polite">${this.#announcer.text}</div>
        ${
          this.keysOpen && this.#parts.keys
            ? this.#parts.keys.renderKeyboardMap(msg, headingLevelOf(this.headingLevel), this.#keysClosed)
            : nothing
        }
      </div>
    `;
  }

  /** Loads the URL sync the first time `sync-url` is set (its own chunk), and adds or removes it. */
  #connectUrlSync(): void {
    if (this.#urlSync) {
      if (!this.syncUrl) {
        this.removeController(this.#urlSync);
        this.#urlSync = undefined;
      }
      return;
    }
    if (!this.syncUrl || this.#urlSyncLoading) return;
    this.#urlSyncLoading = true;
    void import('./url-sync.js').then(({ UrlSync }) => {
      this.#urlSyncLoading = false;
      if (!this.syncUrl || this.#urlSync) return;
      this.#urlSync = new UrlSync(
        this,
        () => !this.#data.loading && this.#data.model.source.size > 0 && this.#view.width > 0,
      );
      this.requestUpdate();
    });
  }

  /** The overview strip, once its module has loaded (the first time `overview` is set). */
  #renderOverview(): TemplateResult | typeof nothing {
    if (!this.overview) return nothing;
    if (!customElements.get('reel-overview')) {
      void import('../define/reel-overview.js').then(() => this.requestUpdate());
      return nothing;
    }
    return html`<reel-overview
      part="overview"
      .source=${this.#view.mode?.source ?? this.#data.model.source}
      .warp=${this.#view.mode?.warp}
      .domain=${this.#domain}
      .range=${this.visibleRange}
      .layout=${this.#layout}
      .messages=${this.#msg}
      .dateOptions=${this.#dateOptions()}
      .rtl=${this.#rtl}
      @reel-overview-change=${this.#overviewChanged}
    ></reel-overview>`;
  }

  readonly #overviewChanged = (e: ReelOverviewChangeEvent): void => {
    // The overview is a part of this element: its event stays inside; the page hears reel-range-change.
    e.stopPropagation();
    this.#view.setRange(e.detail);
  };

  /** The legend, from its chunk, loaded only when the data uses an encoding other than exact days. */
  #renderLegend(encodings: readonly Encoding[], msg: Messages) {
    return encodings.some((encoding) => encoding !== 'exact')
      ? (this.#parts.legend()?.renderLegend(encodings, msg) ?? nothing)
      : nothing;
  }

  /** The brief hint that a plain wheel scrolled the page: for pointer users, so hidden from the accessibility tree. */

  #renderWheelHint(): TemplateResult | typeof nothing {
    if (!this.#gestures.hint) return nothing;
    const text = this.#msg.text(zoomModifierIsMeta() ? 'wheelHintMac' : 'wheelHint');
    return html`<div class="wheel-hint" part="wheel-hint" aria-hidden="true">${text}</div>`;
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
      top: eraRows(this.#data.model.dataset.eras).count * ERA_ROW,
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

  #interactionHost(): InteractionHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters below need the element
    const element = this;
    return {
      view: this.#view,
      get source() {
        return element.#view.mode?.source ?? element.#data.model.source;
      },
      get frame() {
        return element.#frame;
      },
      get layout() {
        return element.#layout;
      },
      get renderRoot() {
        return element.renderRoot;
      },
      get updateComplete() {
        return element.updateComplete;
      },
      requestUpdate: () => this.requestUpdate(),
      select: (id) => this.select(id),
      zoomBy: (factor) => this.zoomBy(factor),
      resetZoom: () => this.resetZoom(),
      showKeys: () => this.showKeyboardMap(),
    };
  }

  #context(frame: Frame): RenderContext {
    const family = this.#fontFamily || 'sans-serif';
    return {
      frame,
      view: this.#view,
      dataset: this.#data.model.dataset,
      source: this.#data.model.source,
      base: this.#base(),
      dateOptions: this.#dateOptions(),
      msg: this.#msg,
      // At the weight they are drawn (600): measured at 400, bold names ran into each other.
      measureSmall: measurerFor(family, SMALL_FONT_SIZE, 600),
      measureLabel: measurerFor(family, LABEL_FONT_SIZE, 600),
    };
  }

  // --- Exploring: the keyboard map, the view toggle, the table and the details' place (issue 13) ---

  /** The header's keyboard-map button and chart/table toggle. */
  #renderExploreButtons(): TemplateResult {
    const msg = this.#msg;
    return html`<span class="explore" role="group" aria-label=${msg.text('viewGroup')}>
        ${(['chart', 'table', 'sources'] as const).map(
          (view) =>
            html`<button type="button" aria-pressed=${this.view === view} @click=${() => (this.view = view)}>
              ${msg.text(view === 'chart' ? 'viewChart' : view === 'table' ? 'viewTable' : 'sources')}
            </button>`,
        )}
      </span>
      <button
        type="button"
        class="keys-button"
        aria-label=${msg.text('keyboardMap')}
        title=${`${msg.text('keyboardMap')} (?)`}
        aria-haspopup="dialog"
        @click=${() => this.showKeyboardMap()}
      >
        ?
      </button>`;
  }

  /** A button of the sources view: selects its event and shows it in the chart, focused. */
  readonly #reveal = (id: string): void => {
    this.#focusToView = true;
    this.view = 'chart';
    this.select(id);
  };

  /** A row's button toggles its event's selection (the details open below the table). */
  readonly #selectRow = (id: string): void => {
    this.select(this.#view.selectedId === id ? null : id);
  };

  readonly #keysClosed = (): void => {
    this.keysOpen = false;
    const opener = this.#keysOpener;
    this.#keysOpener = undefined;
    void this.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
      else if (this.#view.focusedId !== null)
        void this.#interaction.focusPosition(this.#data.model.source.positionOf(this.#view.focusedId));
    });
  };

  /** Scrolls the table to event `id`'s row and focuses its button. */
  async #focusRow(id: string): Promise<void> {
    const { source, dataset } = this.#data.model;
    const table = this.#table;
    const rowHeight = this.#parts.table?.TABLE_ROW;
    const row = table ? table.rowOf(source, dataset.lanes, this.#locale(), id) : -1;
    const box = this.renderRoot.querySelector<HTMLElement>('.table-scroll');
    if (!box || !table || !rowHeight || row < 0) return;
    const button = () => this.renderRoot.querySelector<HTMLButtonElement>(`tr[data-id="${CSS.escape(id)}"] button`);
    if (!button()) {
      box.scrollTop = row * rowHeight;
      table.scrolled(box.scrollTop);
      await this.updateComplete;
    }
    (button() ?? box).focus();
  }

  /** Focus into the view shown now (its selected or focused event, else the view itself). */
  #focusView(): void {
    const root = this.renderRoot;
    const id = this.#view.selectedId ?? this.#view.focusedId;
    if (this.view === 'sources') {
      const view = root.querySelector<HTMLElement>('.sources-view');
      if (!view) return; // not loaded yet: the next update tries again
      this.#focusToView = false;
      (view.querySelector<HTMLElement>(`.reveal[data-id="${CSS.escape(id ?? '')}"]`) ?? view).focus();
    } else if (this.view === 'table') {
      const box = root.querySelector<HTMLElement>('.table-scroll');
      if (!box) return; // not loaded yet: the next update tries again
      this.#focusToView = false;
      if (id === null) box.focus();
      else void this.#focusRow(id);
    } else {
      this.#focusToView = false;
      if (id === null) root.querySelector<SVGElement>('svg[role="group"]')?.focus();
      else void this.#interaction.focusPosition(this.#data.model.source.positionOf(id));
    }
  }

  /** After each update: open the keyboard map, write the live region, bring new details into view. */
  #afterExploreUpdate(): void {
    if (this.#focusToView) this.#focusView();
    const dialog = this.keysDialog;
    if (dialog && !dialog.open) dialog.showModal();
    const selected = this.#view.selectedId;
    // Only a selection the reader made in here (focus is inside) brings the details into view: a
    // page or a story selecting from outside keeps its own scroll position (a story's deep link
    // otherwise opened with the page scrolled past the story's heading).
    if (selected !== null && selected !== this.#lastSelected && this.matches(':focus-within')) {
      const details = this.renderRoot.querySelector<HTMLElement>('[part~="details"]');
      // Not drawn yet (the details load as a chunk on the first selection): after the next update.
      if (!details) return;
      const box = details.getBoundingClientRect();
      // In a tall timeline the details sit far below the event: bring them into view, or a click
      // seems to do nothing. "nearest" leaves them alone when they are already in view.
      if (box.top >= window.innerHeight || box.bottom <= 0) {
        const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
        details.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
      }
    }
    this.#lastSelected = selected;
  }

  /** The `base` attribute made absolute against the page, else the address `src` was loaded from. */
  #base(): string | undefined {
    if (!this.base) return this.#data.model.base;
    try {
      return new URL(this.base, typeof document === 'object' ? document.baseURI : undefined).href;
    } catch {
      return this.#data.model.base;
    }
  }

  #readFont(): void {
    if (typeof getComputedStyle !== 'function') return;
    const family = getComputedStyle(this).fontFamily || 'sans-serif';
    if (family === this.#fontFamily) return;
    this.#fontFamily = family;
    this.#layout = this.#layoutFor(family);
  }

  #layoutFor(family: string): LayoutSpec {
    // `{title} (planned)` → the words before and after the title, kept whole when it is shortened.
    const at = this.#plannedLabel.indexOf('{title}');
    const planned = at < 0 ? undefined : ([this.#plannedLabel.slice(0, at), this.#plannedLabel.slice(at + 7)] as const);
    return {
      measure: measurerFor(family, LABEL_FONT_SIZE),
      pointSize: MARK_SIZE,
      gap: 8,
      maxRows: MAX_ROWS,
      // A planned date is not a fact: its label says so, in the reader's language.
      labelWords: (event) => (event.status === 'planned' ? planned : undefined),
    };
  }

  #locale(): string | undefined {
    // `closest` is absent under server rendering's DOM shim.
    const lang = typeof this.closest === 'function' ? this.closest('[lang]')?.getAttribute('lang') : undefined;
    return canonicalLocale(this.locale) ?? canonicalLocale(lang);
  }

  #dateOptions() {
    return { locale: this.#locale(), timeZone: this.#zone, words: this.#msg.table.dates };
  }

  #formatRange(range: VisibleRange): string {
    if (!Number.isFinite(range.from) || !Number.isFinite(range.to)) return '';
    return formatSpan(range.from, range.to, this.#dateOptions());
  }

  /** The element's own marker (`marker`), then the dataset's named ones. */
  #markers(): Marker[] {
    const named = (this.#data.model.dataset.markers ?? []).map((m): Marker => ({
      time: m.at,
      label: m.label,
      kind: 'data',
    }));
    const marker = this.marker.trim();
    if (!marker) return named;
    if (marker === 'today') return [{ time: Date.now(), label: this.markerLabel || this.#msg.text('today') }, ...named];
    const parsed = parseDate(marker);
    if (!parsed.ok) return named;
    const label = this.markerLabel || formatDate(parsed.value, this.#dateOptions());
    return [{ time: parsed.value.start, label }, ...named];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-timeline': ReelTimeline;
  }
}
