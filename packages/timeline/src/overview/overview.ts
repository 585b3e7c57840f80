/**
 * `<reel-overview>`: the whole dataset in miniature, with a brush over the range a timeline shows.
 * The miniature is the answer to the engine's one data question over the whole domain (events
 * drawn one by one and the density of the rest, per pixel); d3-brush does the behaviour inside an
 * empty Lit-rendered `<g>`, so Lit owns every node it rendered.
 *
 * @module
 */
import {
  formatSpan,
  type DateFormatOptions,
  type LayoutSpec,
  type TimeCoord,
  type TimelineSource,
  type TimeWarp,
  type ViewAnswer,
} from '@reeltime/core';
import { brushSelection, brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { pointer, select } from 'd3-selection';
import {
  html,
  LitElement,
  nothing,
  svg,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { ResizeController } from '../controllers/resize-controller.js';
import { ReelOverviewChangeEvent } from '../events/events.js';
import { addEnglish, ENGLISH_TABLE, Messages } from '../i18n/messages.js';
import { OVERVIEW_WORDS } from '../i18n/part-words.js';
import { overviewStyles } from './overview.styles.js';

// The strip's words come with it (its own chunk in the bundle), not with the timeline.
addEnglish(OVERVIEW_WORDS);

/** Height of the strip, in px. */
const HEIGHT = 36;
/** How far one arrow key moves the range (a share of its span), and how much Shift + arrow widens it. */
const STEP = 0.1;
const RESIZE = 1.25;

/** A range on reeltime's time coordinate. */
interface Range {
  readonly from: TimeCoord;
  readonly to: TimeCoord;
}

/**
 * The whole dataset in miniature with a brush over the visible range. Dragging or resizing the
 * brush, or the arrow keys on it (Shift + arrows widen or narrow it, Page Up/Down move a whole
 * span, Home/End go to the ends), fire `reel-overview-change`; setting `range` moves the brush.
 * `<reel-timeline overview>` renders one and wires it to its view.
 *
 * @summary The whole dataset in miniature, with a brush over the visible range.
 *
 * @csspart strip - The focusable strip (a slider whose value is the visible range).
 * @csspart density - The miniature of the data.
 *
 * @fires {ReelOverviewChangeEvent} reel-overview-change - The user moved or resized the brush.
 *
 * @since 0.2.0
 */
export class ReelOverview extends LitElement {
  static override styles = overviewStyles;

  /**
   * The reactive properties (documented where declared below): a table rather than `@property`
   * decorators, as `<reel-timeline>` has (see its `properties`).
   */
  static override properties: PropertyDeclarations = {
    source: { attribute: false },
    domain: { attribute: false },
    warp: { attribute: false },
    range: { attribute: false },
    layout: { attribute: false },
    messages: { attribute: false },
    dateOptions: { attribute: false },
    rtl: { type: Boolean },
    counts: { state: true },
  };

  /** The data source to draw in miniature (asked once for the whole domain, and again when it has better answers). */
  source: TimelineSource | undefined;

  /** The whole range the timeline can show. */
  domain: readonly [TimeCoord, TimeCoord] = [0, 1];

  /**
   * The timeline's axis when it is not linear (the log axis): the miniature, the brush and the keys
   * work on the warped axis, as the timeline draws it. The `source` then counts on it too.
   */
  warp: TimeWarp | undefined;

  /** The range the timeline shows: where the brush is. */
  range: Range = { from: 0, to: 1 };

  /** The timeline's layout (the source keeps its placement per layout, so sharing it shares the work). */
  layout: LayoutSpec | undefined;

  /** The words to use (the timeline's). */
  messages: Messages = new Messages(ENGLISH_TABLE, 'en');

  /** Locale, time zone and date words for the value text. */
  dateOptions: DateFormatOptions = {};

  /** Whether time runs right to left (the timeline's direction): the strip mirrors and so do the arrow keys. */
  rtl = false;

  /** The per-pixel counts of the miniature. */
  private counts: Float64Array | undefined;

  private get brushGroup(): SVGGElement | null {
    return this.renderRoot?.querySelector('g.brush') ?? null;
  }

  readonly #size = new ResizeController(this);
  readonly #brush: BrushBehavior<unknown> = brushX()
    .handleSize(10)
    .on('brush end', (event: D3BrushEvent<unknown>) => this.#brushed(event));
  /** Whether the user is dragging the brush (then `range` does not move it). */
  #dragging = false;
  #question = '';
  #unsubscribe: (() => void) | undefined;
  #answers = 0;
  #brushWidth = 0;
  /** The miniature's outline, drawn again only when the counts change. */
  #path: TemplateResult | typeof nothing = nothing;
  #pathOf: Float64Array | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#question = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) {
      this.#question = '';
      this.#unsubscribe?.();
      this.#unsubscribe = this.source?.subscribe(() => {
        this.#question = '';
        this.requestUpdate();
      });
    }
    this.#ask();
  }

  protected override updated(): void {
    const g = this.brushGroup;
    const width = this.#size.width;
    if (!g || width <= 0) return;
    if (width !== this.#brushWidth) {
      this.#brushWidth = width;
      this.#brush.extent([
        [0, 0],
        [width, HEIGHT],
      ]);
      select(g).call(this.#brush);
    }
    if (this.#dragging) return;
    const [x0, x1] = [this.#x(this.range.from), this.#x(this.range.to)];
    const current = brushSelection(g) as [number, number] | null;
    if (current && Math.abs(current[0] - x0) < 0.5 && Math.abs(current[1] - x1) < 0.5) return;
    this.#brush.move(select(g), [x0, Math.max(x1, x0 + 1)]);
  }

  override render(): TemplateResult {
    const width = this.#size.width;
    const msg = this.messages;
    const range = formatSpan(this.range.from, this.range.to, this.dateOptions);
    const [d0, d1] = this.domain.map(this.#u);
    const span = d1! - d0! || 1;
    const mid = (this.#u(this.range.from) + this.#u(this.range.to)) / 2;
    return html`
      <div
        class="strip"
        part="strip"
        role="slider"
        tabindex="0"
        aria-label=${msg.text('overview')}
        aria-describedby="help"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(Math.min(100, Math.max(0, ((mid - d0!) / span) * 100)))}
        aria-valuetext=${msg.text('overviewValue', { range })}
        @keydown=${this.#keydown}
      >
        <svg height=${HEIGHT} aria-hidden="true">
          <g transform=${this.rtl && width > 0 ? `translate(${width},0) scale(-1,1)` : nothing}>
            ${width > 0 ? this.#renderDensity(width) : nothing}
            <g class="brush"></g>
          </g>
        </svg>
      </div>
      <span id="help" class="help">${msg.text('overviewHelp')}</span>
    `;
  }

  /** The miniature: a step outline of the events per pixel, on a square-root scale so lone events show. */
  #renderDensity(width: number): TemplateResult | typeof nothing {
    const counts = this.counts;
    if (!counts || counts.length !== width) return nothing;
    if (counts !== this.#pathOf) {
      this.#pathOf = counts;
      this.#path = outline(counts);
    }
    return this.#path;
  }

  /** Asks the source about the whole domain at one bucket per pixel, once per change. */
  #ask(): void {
    const { source, layout } = this;
    const width = this.#size.width;
    if (!source || !layout || width <= 0) return;
    const [from, to] = this.domain;
    const question = `${from}|${to}|${width}`;
    if (question === this.#question) return;
    this.#question = question;
    const asked = ++this.#answers;
    const result = source.query({ from, to, pixels: width, layout });
    const land = (answer: ViewAnswer) => {
      if (asked === this.#answers) this.counts = countsOf(answer, width, this.#u);
    };
    if ('then' in result) result.then(land, () => {});
    else land(result);
  }

  /** A time on the axis as drawn (warped on a log axis). */
  readonly #u = (time: TimeCoord): number => (this.warp ? this.warp.forward(time) : time);

  /** The time at a position on the axis as drawn. */
  readonly #t = (u: number): TimeCoord => (this.warp ? this.warp.inverse(u) : u);

  #x(time: TimeCoord): number {
    const [d0, d1] = this.domain.map(this.#u) as [number, number];
    return ((this.#u(time) - d0) / (d1 - d0 || 1)) * this.#size.width;
  }

  #time(x: number): TimeCoord {
    const [d0, d1] = this.domain.map(this.#u) as [number, number];
    return this.#t(d0 + (x / (this.#size.width || 1)) * (d1 - d0));
  }

  #brushed(event: D3BrushEvent<unknown>): void {
    // Moves made from `range` (no source event) only follow the timeline.
    if (!event.sourceEvent) return;
    const selection = event.selection as [number, number] | null;
    this.#dragging = event.type !== 'end';
    if (selection) {
      this.#change({ from: this.#time(selection[0]), to: this.#time(selection[1]) });
    } else if (event.type === 'end') {
      // A click beside the brush: the same span, centred there.
      const x = pointer(event.sourceEvent as MouseEvent, this.brushGroup)[0];
      const half = (this.#u(this.range.to) - this.#u(this.range.from)) / 2;
      const at = this.#u(this.#time(x));
      this.#change({ from: this.#t(at - half), to: this.#t(at + half) });
    }
    // The timeline may clamp the range: draw the brush where it really is once the gesture ends.
    if (event.type === 'end') this.requestUpdate();
  }

  readonly #keydown = (e: KeyboardEvent): void => {
    // Right to left, time runs leftwards: the horizontal arrows swap (up and down keep their meaning).
    const mirrored: Record<string, string> = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' };
    const key = this.rtl ? (mirrored[e.key] ?? e.key) : e.key;
    // On the axis as drawn: a log axis moves by a share of its width, not of its years.
    const [from, to] = [this.range.from, this.range.to].map(this.#u) as [number, number];
    const span = to - from;
    const [d0, d1] = this.domain.map(this.#u) as [number, number];
    const move = (by: number) => ({ from: from + by, to: to + by });
    const resize = (factor: number) => {
      const mid = (from + to) / 2;
      const half = Math.min((span * factor) / 2, (d1 - d0) / 2);
      return { from: mid - half, to: mid + half };
    };
    let next: Range | undefined;
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        next = e.shiftKey ? resize(1 / RESIZE) : move(-span * STEP);
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        next = e.shiftKey ? resize(RESIZE) : move(span * STEP);
        break;
      case 'PageDown':
        next = move(-span);
        break;
      case 'PageUp':
        next = move(span);
        break;
      case 'Home':
        next = { from: d0, to: d0 + span };
        break;
      case 'End':
        next = { from: d1 - span, to: d1 };
        break;
      default:
        return;
    }
    e.preventDefault();
    // Kept within the data, the span unchanged.
    const shift = next.from < d0 ? d0 - next.from : next.to > d1 ? d1 - next.to : 0;
    this.#change({ from: this.#t(next.from + shift), to: this.#t(next.to + shift) });
  };

  #change(range: Range): void {
    this.dispatchEvent(new ReelOverviewChangeEvent(range));
  }
}

/** A step outline of events per pixel, on a square-root scale so lone events show. */
function outline(counts: Float64Array): TemplateResult | typeof nothing {
  let max = 0;
  for (const c of counts) max = Math.max(max, c);
  if (max === 0) return nothing;
  const top = 4;
  const y = (c: number) => (HEIGHT - (HEIGHT - top) * Math.sqrt(c / max)).toFixed(1);
  let d = `M0,${HEIGHT}`;
  for (let b = 0; b < counts.length; b++) d += `V${y(counts[b]!)}H${b + 1}`;
  d += `V${HEIGHT}Z`;
  return svg`<path class="density" part="density" d=${d}></path>`;
}

/**
 * Events per pixel in an answer: the density counts of every lane plus the events drawn one by one.
 * `u` puts a time on the axis as drawn (a log axis's warp; the time itself by default).
 */
export function countsOf(answer: ViewAnswer, pixels: number, u = (time: TimeCoord) => time): Float64Array {
  const counts = new Float64Array(pixels);
  for (const lane of answer.density) {
    for (let b = 0; b < Math.min(pixels, lane.counts.length); b++) counts[b]! += lane.counts[b]!;
  }
  const from = u(answer.from);
  const width = (u(answer.to) - from) / pixels || 1;
  for (const { event } of answer.items) {
    const b0 = Math.max(0, Math.floor((u(event.from) - from) / width));
    const b1 = Math.min(pixels - 1, Math.floor((u(event.to) - from) / width));
    for (let b = b0; b <= b1; b++) counts[b]! += 1;
  }
  return counts;
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-overview': ReelOverview;
  }
}
