/**
 * `<reel-timeline>`: an interactive, accessible timeline. Lit owns the DOM; `@reeltime/core` and
 * D3 do the maths (scales, ticks, layout) and d3-zoom the behaviour.
 *
 * @module
 */
import {
  axisTicks,
  createTimeScale,
  EventIndex,
  extentOf,
  formatDate,
  formatDateRange,
  MS_PER_HOUR,
  parseDataset,
  parseDate,
  placeEvents,
  viewDomain,
  type AxisTicks,
  type Dataset,
  type DatasetInput,
  type Lane,
  type PlacedCluster,
  type PlacedEvent,
  type Problem,
  type TimeCoord,
  type TimelineEvent,
  type TimelineEventInput,
  type TimeScale,
} from '@reeltime/core';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { ZoomController } from '../controllers/zoom-controller.js';
import { readEventElement } from '../event/event.js';
import { ReelInvalidEvent, ReelRangeChangeEvent, ReelSelectEvent } from '../events/events.js';
import { timelineStyles } from './timeline.styles.js';

/** Heights of the drawing's parts, in CSS pixels. */
const AXIS_HEIGHT = 44;
const LANE_HEADER = 20;
const ROW_HEIGHT = 26;
const LANE_PADDING = 6;
const ERA_STRIP = 22;
const MARK_SIZE = 12;
const BAR_HEIGHT = 14;
/** Rows a lane may grow to before labels give way. */
const MAX_ROWS = 10;
/** The closest zoom shows about this much time across the whole width. */
const MIN_VISIBLE_SPAN = 6 * MS_PER_HOUR;

/** A visible range on reeltime's time coordinate (ms since 1970-01-01 UTC). */
export interface VisibleRange {
  readonly from: TimeCoord;
  readonly to: TimeCoord;
}

interface Model {
  readonly dataset: Dataset;
  readonly index: EventIndex;
  readonly problems: readonly Problem[];
  readonly domain: readonly [TimeCoord, TimeCoord];
}

const EMPTY_DATASET: Dataset = { lanes: [], eras: [], events: [] };

/**
 * An interactive timeline of events in lanes: zoom and pan with wheel, drag, touch or keys; select
 * an event to read its dates, description, places and sources. Data comes from the `data` (a whole
 * dataset) or `events` property, from a dataset JSON at `src`, or from `<reel-event>` children, in that order
 * of precedence. Invalid events are reported (`problems`, `reel-invalid` and a visible notice)
 * while the valid rest renders.
 *
 * @summary An interactive, accessible timeline of events.
 *
 * @slot - `<reel-event>` elements declaring events in HTML (read as data, not displayed).
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The bar with the title, visible range and zoom buttons.
 * @csspart notice - The dismissible notice listing problems in the data.
 * @csspart plot - The drawing area.
 * @csspart axis - The time axis.
 * @csspart lane - A lane's background band.
 * @csspart lane-label - A lane's label.
 * @csspart era - An era's background band.
 * @csspart event - An event's mark and label (focusable).
 * @csspart marker - The marker line ("today" or a custom date).
 * @csspart tooltip - The tooltip shown on hover or focus.
 * @csspart details - The details of the selected event.
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
 * @cssproperty [--reel-color-lane-1=light-dark(#0969da, #58a6ff)] - Marks in lanes 1, 5, 9…
 * @cssproperty [--reel-color-lane-2=light-dark(#1a7f37, #3fb950)] - Marks in lanes 2, 6, 10…
 * @cssproperty [--reel-color-lane-3=light-dark(#8250df, #bc8cff)] - Marks in lanes 3, 7, 11…
 * @cssproperty [--reel-color-lane-4=light-dark(#bc4c00, #f0883e)] - Marks in lanes 4, 8, 12…
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
   * A whole dataset (title, lanes, eras, events), as in a dataset JSON file. Takes precedence over
   * `events`, `src` and children. (Named `data` because `dataset` is HTMLElement's `data-*` map.)
   */
  @property({ attribute: false }) data: DatasetInput | undefined;

  /** Events only. Used when `data` is not set. */
  @property({ attribute: false }) events: TimelineEventInput[] | undefined;

  /** URL of a dataset JSON file, fetched when neither `data` nor `events` is set. */
  @property() src = '';

  /** Accessible name of the timeline; defaults to the dataset's title. */
  @property() label = '';

  /** BCP 47 locale for dates and axis labels; defaults to the page's `lang` or the browser's. */
  @property() locale = '';

  /** IANA time zone for instants (`2020-09-01T10:00Z`). Date-only values never shift. */
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';

  /** A marker line: `today`, a date (`2023-07-12`), or empty for none. */
  @property() marker = 'today';

  /** Text of the marker line's label; defaults to "Today" or the marker's date. */
  @property({ attribute: 'marker-label' }) markerLabel = '';

  /** Colour scheme: `auto` follows `prefers-color-scheme`; `light` or `dark` force one. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  /** Id of the selected event, shown in the details area. */
  @property({ reflect: true }) selected: string | null = null;

  /** Problems found in the current data (parse errors and loading failures). Read-only. */
  get problems(): readonly Problem[] {
    return this.#model.problems;
  }

  /** The parsed dataset that is drawn. Read-only. */
  get model(): Dataset {
    return this.#model.dataset;
  }

  /** The visible range. Setting it zooms and pans to show that range (within the data's bounds). */
  get visibleRange(): VisibleRange {
    const [from, to] = this.#visibleScale().domain() as [number, number];
    return { from, to };
  }

  set visibleRange(range: VisibleRange) {
    // Before the element has a width (not yet connected or laid out) or while data is loading,
    // keep the range and apply it once there is something to apply it to.
    if (this.#plotWidth() === 0 || this.loading) {
      this.#pendingRange = range;
      this.requestUpdate();
      return;
    }
    this.#pendingRange = undefined;
    const base = this.#baseScale();
    const x0 = base(range.from);
    const x1 = base(range.to);
    if (!(x1 > x0)) return;
    const k = this.#plotWidth() / (x1 - x0);
    this.#zoom.set(zoomIdentity.translate(-k * x0, 0).scale(k));
  }

  @state() private loaded: unknown = undefined;
  @state() private loadProblems: readonly Problem[] = [];
  @state() private loading = false;
  @state() private childVersion = 0;
  @state() private noticeDismissed = false;
  @state() private hoveredId: string | null = null;
  /** The roving tab stop: the event focused last (kept after blur, so Tab returns to it). */
  @state() private focusedId: string | null = null;
  /** Whether an event mark has focus now (the tooltip follows it). */
  @state() private focusInside = false;

  @query('svg') private svgElement!: SVGSVGElement | null;

  #model: Model = { dataset: EMPTY_DATASET, index: new EventIndex([]), problems: [], domain: viewDomain(undefined) };
  #placement: readonly PlacedEvent[] = [];
  #clusters: readonly PlacedCluster[] = [];
  #laneTops: number[] = [];
  #laneHeights: number[] = [];
  #ticks: AxisTicks = { unit: 'year', step: 1, minor: [], major: [] };
  #plotHeight = AXIS_HEIGHT + ERA_STRIP;
  #lastRange: VisibleRange | undefined;
  #pendingRange: VisibleRange | undefined;
  #lastProblems: readonly Problem[] = [];
  #loadAbort: AbortController | undefined;
  #childObserver: MutationObserver | undefined;
  #measureContext: CanvasRenderingContext2D | null | undefined;
  #labelWidths = new Map<string, number>();
  #fontFamily = 'sans-serif';

  readonly #size = new ResizeController(this);
  readonly #zoom = new ZoomController(this, { target: () => this.svgElement });

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof MutationObserver === 'undefined') return;
    // Children are data: any change inside them re-reads them. The host's own attributes are not data.
    this.#childObserver ??= new MutationObserver((records) => {
      if (records.some((record) => record.target !== this || record.type === 'childList')) this.childVersion++;
    });
    this.#childObserver.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#childObserver?.disconnect();
    this.#loadAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // `src` is fetched when it is the source in force: when it changes, or when `data`/`events`
    // are cleared and it has not been fetched yet.
    const srcInForce = Boolean(this.src) && !this.data && !this.events;
    const propertyCleared = changed.has('data') || changed.has('events');
    if (srcInForce && (changed.has('src') || (propertyCleared && this.loaded === undefined && !this.loading))) {
      void this.#load(this.src);
    }
    const dataChanged =
      changed.has('data') ||
      changed.has('events') ||
      changed.has('loaded' as keyof ReelTimeline) ||
      changed.has('loadProblems' as keyof ReelTimeline) ||
      changed.has('childVersion' as keyof ReelTimeline) ||
      (changed.has('src') && !this.src);
    if (dataChanged || !this.hasUpdated) this.#rebuildModel();
    this.#layout();
  }

  protected override updated(): void {
    if (this.#pendingRange && this.#plotWidth() > 0 && !this.loading) this.visibleRange = this.#pendingRange;
    const range = this.visibleRange;
    if (
      this.#size.width > 0 &&
      (!this.#lastRange || this.#lastRange.from !== range.from || this.#lastRange.to !== range.to)
    ) {
      this.#lastRange = range;
      this.dispatchEvent(new ReelRangeChangeEvent(range));
    }
    if (this.#model.problems !== this.#lastProblems) {
      this.#lastProblems = this.#model.problems;
      if (this.#model.problems.length) this.dispatchEvent(new ReelInvalidEvent({ problems: this.#model.problems }));
    }
  }

  /** Zooms in (factor > 1) or out (factor < 1) around the focused event, or the centre. */
  zoomBy(factor: number): void {
    const focused = this.#placement.find((p) => p.event.id === this.focusedId);
    this.#zoom.scaleBy(factor, focused ? (focused.x0 + focused.x1) / 2 : this.#plotWidth() / 2);
  }

  /** Shows all the data again. */
  resetZoom(): void {
    this.#zoom.reset();
  }

  /** Selects an event by id (or clears the selection with `null`) and fires `reel-select`. */
  select(id: string | null): void {
    const event = id === null ? null : (this.#model.index.get(id) ?? null);
    this.selected = event ? event.id : null;
    this.dispatchEvent(new ReelSelectEvent({ event }));
  }

  override render(): TemplateResult {
    const { dataset } = this.#model;
    const title = dataset.title ?? '';
    const name = this.label || title || 'Timeline';
    const range = this.visibleRange;
    const rangeText = this.#size.width > 0 ? this.#formatRange(range) : '';
    return html`
      <div class="base" part="base">
        <header part="header">
          <p class="title">${title}</p>
          <span class="range" aria-hidden="true">${rangeText}</span>
          <button type="button" aria-label="Zoom out" title="Zoom out (-)" @click=${() => this.zoomBy(1 / 2)}>−</button>
          <button type="button" aria-label="Zoom in" title="Zoom in (+)" @click=${() => this.zoomBy(2)}>+</button>
          <button type="button" aria-label="Show all events" title="Show all (0)" @click=${() => this.resetZoom()}>
            All
          </button>
        </header>
        ${this.#renderNotice()}
        <div class="plot" part="plot">
          <svg
            role="group"
            aria-label=${`${name}: ${this.#model.index.size} events${rangeText ? `, showing ${rangeText}` : ''}`}
            aria-roledescription="timeline"
            height=${this.#plotHeight}
            @keydown=${this.#handleKeydown}
            @click=${this.#handleClick}
            @focusin=${this.#handleFocusIn}
            @focusout=${() => (this.focusInside = false)}
            @pointerover=${this.#handlePointerOver}
            @pointerleave=${() => (this.hoveredId = null)}
          >
            ${this.#renderEras()} ${this.#renderAxis()} ${this.#renderLanes()} ${this.#renderMarker()}
          </svg>
          ${
            this.loading
              ? html`<div class="empty" role="status">Loading…</div>`
              : this.#model.index.size === 0
                ? html`<div class="empty" role="status">No events to show</div>`
                : nothing
          }
          ${this.#renderTooltip()}
        </div>
        ${this.#renderDetails()}
      </div>
    `;
  }

  #renderNotice() {
    const problems = this.#model.problems;
    if (!problems.length || this.noticeDismissed) return nothing;
    const errors = problems.filter((p) => p.severity === 'error').length;
    const summary =
      `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the data` +
      (errors ? `; ${errors} ${errors === 1 ? 'item is' : 'items are'} not shown.` : '; everything is shown.');
    const shown = problems.slice(0, 5);
    return html`<div class="notice" part="notice" role="status">
      <div>
        <strong>${summary}</strong>
        <ul>
          ${shown.map((problem) => html`<li>${problem.message}</li>`)}
          ${problems.length > shown.length ? html`<li>…and ${problems.length - shown.length} more (see the problems property).</li>` : nothing}
        </ul>
      </div>
      <button type="button" @click=${() => (this.noticeDismissed = true)}>Dismiss</button>
    </div>`;
  }

  #renderAxis() {
    const width = this.#plotWidth();
    const scale = this.#visibleScale();
    const { minor, major } = this.#ticks;
    // The first major label is pinned to the left edge, and gives way to the next one.
    const majorXs = major.map((tick) => scale(tick.value));
    return svg`<g class="axis" part="axis" aria-hidden="true">
      <rect class="axis-band" x="0" y="0" width=${width} height=${AXIS_HEIGHT}></rect>
      <g class="major">
        ${major.map((tick, i) => {
          const x = majorXs[i]!;
          const next = majorXs[i + 1] ?? Infinity;
          const labelX = Math.max(x, 0) + 6;
          const fits = labelX + this.#measure(tick.label, 12) + 8 <= next;
          return svg`${x >= 0 ? svg`<line x1=${x} x2=${x} y1="0" y2=${AXIS_HEIGHT}></line>` : nothing}
            ${fits ? svg`<text x=${labelX} y="16">${tick.label}</text>` : nothing}`;
        })}
      </g>
      <g class="minor">
        ${minor.map((tick) => {
          const x = scale(tick.value);
          return svg`<line x1=${x} x2=${x} y1="26" y2=${AXIS_HEIGHT}></line><text x=${x + 4} y="38">${tick.label}</text>`;
        })}
      </g>
    </g>
    <g class="grid" aria-hidden="true">
      ${minor.map((tick) => {
        const x = scale(tick.value);
        return svg`<line x1=${x} x2=${x} y1=${AXIS_HEIGHT} y2=${this.#plotHeight - ERA_STRIP}></line>`;
      })}
    </g>`;
  }

  #renderEras() {
    const scale = this.#visibleScale();
    const width = this.#plotWidth();
    const bottom = this.#plotHeight;
    return svg`<g class="eras">
      ${this.#model.dataset.eras.map((era) => {
        const x0 = Math.max(scale(era.from), -1);
        const x1 = Math.min(scale(era.to), width + 1);
        if (x1 <= 0 || x0 >= width) return nothing;
        const labelX = Math.max(x0, 0) + 6;
        const fits = labelX + this.#measure(era.title, 11) <= x1;
        const name = `Era: ${era.title}, ${formatDateRange(era.start, era.end, this.#dateOptions())}`;
        return svg`<g class="era" part="era" role="img" aria-label=${name}>
          <title>${name}</title>
          <rect x=${x0} y=${AXIS_HEIGHT} width=${x1 - x0} height=${bottom - AXIS_HEIGHT}></rect>
          ${fits ? svg`<text x=${labelX} y=${bottom - 7} aria-hidden="true">${era.title}</text>` : nothing}
        </g>`;
      })}
    </g>`;
  }

  #renderLanes() {
    const width = this.#plotWidth();
    const lanes = this.#model.dataset.lanes;
    const byLane = new Map<number, PlacedEvent[]>();
    for (const placed of this.#placement) {
      const list = byLane.get(placed.lane) ?? [];
      list.push(placed);
      byLane.set(placed.lane, list);
    }
    const tabStop = this.#tabStopId();
    return svg`${lanes.map((lane) => {
      const top = this.#laneTops[lane.index] ?? AXIS_HEIGHT;
      const height = this.#laneHeights[lane.index] ?? 0;
      const items = byLane.get(lane.index) ?? [];
      const rowsTop = top + (lane.label ? LANE_HEADER : LANE_PADDING);
      return svg`<g class=${`lane lane-${(lane.index % 4) + 1}`} role="group" aria-label=${lane.label || 'Events'}>
        <rect class=${`lane-band${lane.index % 2 ? ' odd' : ''}`} part="lane" x="0" y=${top} width=${width} height=${height}></rect>
        ${lane.label ? svg`<text class="lane-label" part="lane-label" x="8" y=${top + 14} aria-hidden="true">${lane.label}</text>` : nothing}
        ${repeat(
          items,
          (placed) => placed.event.id,
          (placed) => this.#renderEvent(placed, rowsTop, tabStop),
        )}
        ${this.#clusters.filter((cluster) => cluster.lane === lane.index).map((cluster) => this.#renderCluster(cluster, rowsTop))}
        <g class="labels" aria-hidden="true">
          ${repeat(
            items,
            (placed) => placed.event.id,
            (placed) => this.#renderLabel(placed, rowsTop),
          )}
        </g>
      </g>`;
    })}`;
  }

  #renderEvent(placed: PlacedEvent, laneTop: number, tabStop: string | null) {
    const { event } = placed;
    const y = laneTop + placed.row * ROW_HEIGHT;
    const mid = y + ROW_HEIGHT / 2;
    const selected = this.selected === event.id;
    const coarse = placed.bar && event.end === undefined;
    const classes = `event ${event.status}`;
    const mark = placed.bar
      ? svg`<rect class=${`mark bar${coarse ? ' coarse' : ''}`} x=${placed.x0} y=${mid - BAR_HEIGHT / 2} width=${Math.max(placed.x1 - placed.x0, 1)} height=${BAR_HEIGHT} rx="3"></rect>`
      : svg`<rect class="mark point" x=${placed.x0 + 1} y=${mid - MARK_SIZE / 2 + 1} width=${MARK_SIZE - 2} height=${MARK_SIZE - 2} rx="2" transform=${`rotate(45 ${placed.x0 + MARK_SIZE / 2} ${mid})`}></rect>`;
    return svg`<g
      class=${classes}
      part="event"
      role="button"
      tabindex=${tabStop === event.id ? 0 : -1}
      aria-pressed=${selected ? 'true' : 'false'}
      aria-label=${this.#accessibleName(event)}
      data-id=${event.id}
    >
      <rect class="focus-ring" x=${placed.x0 - 3} y=${y + 2} width=${Math.max(placed.x1 - placed.x0, MARK_SIZE) + 6} height=${ROW_HEIGHT - 4} rx="4"></rect>
      ${mark}
    </g>`;
  }

  /** Events too dense to draw one by one: a count that zooms in when activated. */
  #renderCluster(cluster: PlacedCluster, laneTop: number) {
    const y = laneTop + cluster.row * ROW_HEIGHT;
    const mid = y + ROW_HEIGHT / 2;
    const count = cluster.events.length;
    const first = cluster.events[0]!;
    const last = cluster.events.reduce((a, b) => (b.to > a.to ? b : a));
    const span = `${formatDate(first.start, this.#dateOptions())} – ${formatDate(last.end ?? last.start, this.#dateOptions())}`;
    return svg`<g
      class="cluster"
      part="cluster"
      role="button"
      tabindex="-1"
      aria-label=${`${count} more events, ${span}: zoom in to show them`}
      data-from=${cluster.from}
      data-to=${cluster.to}
    >
      <rect class="mark" x=${cluster.x0} y=${mid - BAR_HEIGHT / 2} width=${cluster.x1 - cluster.x0} height=${BAR_HEIGHT} rx=${BAR_HEIGHT / 2}></rect>
      <text x=${(cluster.x0 + cluster.x1) / 2} y=${mid + 4} text-anchor="middle" aria-hidden="true">+${count}</text>
    </g>`;
  }

  /**
   * Labels live in their own layer, outside the focusable marks: a label may be shortened to fit,
   * while the mark's accessible name always carries the whole title and dates.
   */
  #renderLabel(placed: PlacedEvent, laneTop: number) {
    if (!placed.labelVisible) return nothing;
    const mid = laneTop + placed.row * ROW_HEIGHT + ROW_HEIGHT / 2;
    const classes = `label${placed.labelInside ? ' inside' : ''}${this.selected === placed.event.id ? ' selected' : ''}`;
    return svg`<text class=${classes} x=${placed.labelX} y=${mid + 4} data-id=${placed.event.id}>${placed.label}</text>`;
  }

  #renderMarker() {
    const at = this.#markerTime();
    if (at === undefined) return nothing;
    const x = this.#visibleScale()(at.time);
    const width = this.#plotWidth();
    if (x < 0 || x > width) return nothing;
    const labelWidth = this.#measure(at.label, 11);
    const labelX = x + 4 + labelWidth > width ? x - 4 - labelWidth : x + 4;
    return svg`<g class="marker" part="marker" role="img" aria-label=${`Marker: ${at.label}`}>
      <line x1=${x} x2=${x} y1=${AXIS_HEIGHT} y2=${this.#plotHeight}></line>
      <text x=${labelX} y=${AXIS_HEIGHT + 12}>${at.label}</text>
    </g>`;
  }

  /** Visual only: the mark's accessible name already carries the same title and dates. */
  #renderTooltip() {
    const id = this.hoveredId ?? (this.focusInside ? this.focusedId : null);
    const placed = id === null ? undefined : this.#placement.find((p) => p.event.id === id);
    if (!placed) return nothing;
    const lane = this.#laneTops[placed.lane] ?? AXIS_HEIGHT;
    const top =
      lane +
      (this.#model.dataset.lanes[placed.lane]?.label ? LANE_HEADER : LANE_PADDING) +
      (placed.row + 1) * ROW_HEIGHT +
      4;
    const width = this.#plotWidth();
    const left = Math.min(Math.max(placed.x0, 4), Math.max(4, width - 240));
    const { event } = placed;
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${`left:${left}px;top:${top}px`}>
      <strong>${event.title}</strong>
      <span
        >${formatDateRange(event.start, event.end, this.#dateOptions())}${event.status === 'confirmed' ? '' : ` · ${event.status}`}</span
      >
    </div>`;
  }

  #renderDetails() {
    const event = this.selected === null ? undefined : this.#model.index.get(this.selected);
    if (!event) return nothing;
    const lane = this.#model.dataset.lanes.find((l) => l.id === event.lane);
    const options = this.#dateOptions();
    return html`<section class="details" part="details" aria-label=${`Details: ${event.title}`}>
      <div class="details-head">
        <div>
          <h3>${event.title}</h3>
          <p class="when">
            ${formatDateRange(event.start, event.end, options)}
            <span class="status">${event.status}</span>
          </p>
        </div>
        <button type="button" aria-label="Close details" @click=${() => this.select(null)}>×</button>
      </div>
      ${event.description ? html`<p>${event.description}</p>` : nothing}
      <dl>
        ${
          lane?.label
            ? html`<dt>Lane</dt>
                <dd>${lane.label}</dd>`
            : nothing
        }
        ${
          event.locations.length
            ? html`<dt>Where</dt>
                <dd>${event.locations.join('; ')}</dd>`
            : nothing
        }
        ${
          event.people.length
            ? html`<dt>People</dt>
                <dd>${event.people.join(', ')}</dd>`
            : nothing
        }
        ${
          event.tags.length
            ? html`<dt>Tags</dt>
                <dd>${event.tags.join(', ')}</dd>`
            : nothing
        }
        ${
          event.url
            ? html`<dt>Link</dt>
                <dd><a href=${event.url} rel="noopener noreferrer" target="_blank">${event.url}</a></dd>`
            : nothing
        }
      </dl>
      ${
        event.sources.length
          ? html`<strong>Sources</strong>
              <ol class="sources">
                ${event.sources.map(
                  (source) =>
                    html`<li>
                      ${
                        source.url
                          ? html`<a href=${source.url} rel="noopener noreferrer" target="_blank"
                              ><cite>${source.title}</cite></a
                            >`
                          : html`<cite>${source.title}</cite>`
                      }${source.publisher ? html`, ${source.publisher}` : nothing}${
                        source.published ? html`, ${formatDate(source.published, options)}` : nothing
                      }${source.file ? html` <span>(${source.file})</span>` : nothing}
                      ${source.quote ? html`<blockquote>${source.quote}</blockquote>` : nothing}
                    </li>`,
                )}
              </ol>`
          : nothing
      }
    </section>`;
  }

  #rebuildModel(): void {
    const input = this.#currentInput();
    const result = input === undefined ? { dataset: EMPTY_DATASET, problems: [] } : parseDataset(input);
    const { dataset } = result;
    const problems = this.loadProblems.length ? [...this.loadProblems, ...result.problems] : result.problems;
    const domain = viewDomain(extentOf([...dataset.events, ...dataset.eras]));
    this.#model = { dataset, index: new EventIndex(dataset.events), problems, domain };
    this.noticeDismissed = false;
    if (this.selected !== null && !this.#model.index.get(this.selected)) this.selected = null;
    // New data starts from the whole view.
    this.#zoom.transform = zoomIdentity;
    this.#zoom.set(zoomIdentity);
  }

  #currentInput(): unknown {
    if (this.data) return this.data;
    if (this.events) return this.events;
    if (this.src) return this.loaded;
    const children = [...this.querySelectorAll(':scope > reel-event')];
    if (!children.length) return undefined;
    return { events: children.map((child, i) => readEventElement(child, i)) };
  }

  async #load(src: string): Promise<void> {
    this.#loadAbort?.abort();
    const abort = new AbortController();
    this.#loadAbort = abort;
    this.loading = true;
    try {
      const response = await fetch(src, { signal: abort.signal });
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new Error(`it is not valid JSON (${(error as Error).message})`, { cause: error });
      }
      if (abort.signal.aborted) return;
      this.loadProblems = [];
      this.loaded = json;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loaded = undefined;
      this.loadProblems = [
        {
          severity: 'error',
          message: `Could not load the dataset from "${src}": ${(error as Error).message}`,
          path: [],
          pointer: '',
        },
      ];
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  /** Places the visible window: ticks, lanes and events, for the current size and zoom. */
  #layout(): void {
    const width = this.#plotWidth();
    if (width > 0 && typeof getComputedStyle === 'function') {
      this.#fontFamily = getComputedStyle(this).fontFamily || 'sans-serif';
    }
    const [from, to] = this.#model.domain;
    this.#zoom.configure(width, this.#plotHeight, (to - from) / MIN_VISIBLE_SPAN);
    const scale = this.#visibleScale();
    const [vFrom, vTo] = scale.domain() as [number, number];
    this.#ticks = axisTicks([vFrom, vTo], width, {
      locale: this.#locale(),
      measure: (text) => this.#measure(text, 11) + 10,
    });
    const lanes = this.#model.dataset.lanes;
    const visible = width > 0 ? this.#model.index.query(vFrom, vTo) : [];
    const { items, clusters, rows } = placeEvents(visible, lanes, scale, {
      measure: (text) => this.#measure(text, 12),
      measureCount: (text) => this.#measure(text, 11),
      pointSize: MARK_SIZE,
      maxRows: MAX_ROWS,
    });
    this.#placement = items;
    this.#clusters = clusters;
    let top = AXIS_HEIGHT;
    this.#laneTops = [];
    this.#laneHeights = [];
    for (const lane of lanes) {
      const height = (lane.label ? LANE_HEADER : LANE_PADDING) + (rows[lane.index] ?? 1) * ROW_HEIGHT + LANE_PADDING;
      this.#laneTops[lane.index] = top;
      this.#laneHeights[lane.index] = height;
      top += height;
    }
    this.#plotHeight = Math.max(top, AXIS_HEIGHT + 3 * ROW_HEIGHT) + ERA_STRIP;
  }

  #plotWidth(): number {
    return Math.max(0, this.#size.width);
  }

  #baseScale(): TimeScale {
    return createTimeScale(this.#model.domain, [0, this.#plotWidth()]);
  }

  #visibleScale(): TimeScale {
    const transform: ZoomTransform = this.#zoom.transform;
    return transform.rescaleX(this.#baseScale());
  }

  #locale(): string | undefined {
    // `closest` is absent under server rendering's DOM shim.
    const lang = typeof this.closest === 'function' ? this.closest('[lang]')?.getAttribute('lang') : undefined;
    return this.locale || lang || undefined;
  }

  #dateOptions() {
    return { locale: this.#locale(), timeZone: this.timeZone || 'UTC' };
  }

  #formatRange(range: VisibleRange): string {
    const fmt = (t: number) => {
      const parsed = parseDate(new Date(t).toISOString().slice(0, 10));
      return parsed.ok ? formatDate(parsed.value, this.#dateOptions()) : '';
    };
    return Number.isFinite(range.from) && Math.abs(range.from) < 8.64e15 && Math.abs(range.to) < 8.64e15
      ? `${fmt(range.from)} – ${fmt(range.to)}`
      : '';
  }

  #markerTime(): { time: TimeCoord; label: string } | undefined {
    const marker = this.marker.trim();
    if (!marker) return undefined;
    if (marker === 'today') {
      const now = Date.now();
      return { time: now, label: this.markerLabel || 'Today' };
    }
    const parsed = parseDate(marker);
    if (!parsed.ok) return undefined;
    return { time: parsed.value.start, label: this.markerLabel || formatDate(parsed.value, this.#dateOptions()) };
  }

  #accessibleName(event: TimelineEvent): string {
    const lane = this.#model.dataset.lanes.find((l: Lane) => l.id === event.lane);
    const parts = [event.title, formatDateRange(event.start, event.end, this.#dateOptions())];
    if (event.status !== 'confirmed') parts.push(event.status);
    if (lane?.label) parts.push(lane.label);
    return parts.join(', ');
  }

  /** Roving tabindex: the focused event if drawn, else the selected one, else the first drawn. */
  #tabStopId(): string | null {
    const drawn = new Set(this.#placement.map((p) => p.event.id));
    for (const id of [this.focusedId, this.selected]) if (id !== null && drawn.has(id)) return id;
    const first = this.#model.index.sorted.find((event) => drawn.has(event.id));
    return first?.id ?? null;
  }

  /**
   * Width of a label in pixels, measured with a canvas in the element's font. Cached per font and
   * text; the font is read once per layout, not once per label.
   */
  #measure(text: string, size: number): number {
    const font = `${size}px ${this.#fontFamily}`;
    const key = `${font}|${text}`;
    const cached = this.#labelWidths.get(key);
    if (cached !== undefined) return cached;
    if (this.#measureContext === undefined) {
      this.#measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    }
    let width = text.length * size * 0.6;
    if (this.#measureContext) {
      if (this.#measureContext.font !== font) this.#measureContext.font = font;
      width = this.#measureContext.measureText(text).width;
    }
    this.#labelWidths.set(key, width);
    return width;
  }

  /** The event a DOM event happened on: its mark or its label (both carry `data-id`). */
  #eventAt(e: Event): TimelineEvent | undefined {
    const id = (e.target as Element | null)?.closest?.('[data-id]')?.getAttribute('data-id');
    return id ? this.#model.index.get(id) : undefined;
  }

  #handleClick = (e: MouseEvent): void => {
    const cluster = (e.target as Element | null)?.closest?.('[part~="cluster"]');
    if (cluster) {
      this.#openCluster(Number(cluster.getAttribute('data-from')), Number(cluster.getAttribute('data-to')));
      return;
    }
    const event = this.#eventAt(e);
    if (!event) return;
    this.focusedId = event.id;
    this.select(event.id);
  };

  #handleFocusIn = (e: FocusEvent): void => {
    const event = this.#eventAt(e);
    if (!event) return;
    this.focusedId = event.id;
    this.focusInside = true;
  };

  #handlePointerOver = (e: PointerEvent): void => {
    this.hoveredId = this.#eventAt(e)?.id ?? null;
  };

  #handleKeydown = (e: KeyboardEvent): void => {
    const sorted = this.#model.index.sorted;
    const current = this.focusedId === null ? -1 : this.#model.index.positionOf(this.focusedId);
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = Math.min(sorted.length - 1, current + 1);
        break;
      case 'ArrowLeft':
        next = Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = sorted.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const event = current >= 0 ? sorted[current] : undefined;
        if (event) this.select(event.id);
        break;
      }
      case 'Escape':
        if (this.selected !== null) this.select(null);
        break;
      case '+':
      case '=':
        this.zoomBy(2);
        break;
      case '-':
      case '_':
        this.zoomBy(1 / 2);
        break;
      case '0':
        this.resetZoom();
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next === undefined || next < 0) return;
    const target = sorted[next];
    if (target) void this.#focusEvent(target);
  };

  /** Zooms to a cluster's span (at least twice as close), so its events can be drawn one by one. */
  #openCluster(from: TimeCoord, to: TimeCoord): void {
    const { from: vFrom, to: vTo } = this.visibleRange;
    const span = Math.min(Math.max(to - from, MIN_VISIBLE_SPAN) * 1.5, (vTo - vFrom) / 2);
    const mid = (from + to) / 2;
    this.visibleRange = { from: mid - span / 2, to: mid + span / 2 };
  }

  /**
   * Moves focus to an event: pans it into view, and zooms in around it while it is inside a
   * cluster, so that the arrow keys reach every event.
   */
  async #focusEvent(event: TimelineEvent): Promise<void> {
    this.focusedId = event.id;
    const width = this.#plotWidth();
    const x = this.#visibleScale()((event.from + event.to) / 2);
    if (x < 0 || x > width) this.#zoom.translateBy(width / 2 - x);
    const selector = `[part~="event"][data-id="${CSS.escape(event.id)}"]`;
    for (let attempt = 0; attempt < 12; attempt++) {
      await this.updateComplete;
      const element = this.renderRoot.querySelector<SVGGElement>(selector);
      if (element) {
        element.focus();
        return;
      }
      const at = this.#visibleScale()((event.from + event.to) / 2);
      this.#zoom.scaleBy(2, at);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-timeline': ReelTimeline;
  }
}
