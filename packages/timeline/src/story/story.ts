/**
 * `<reel-story>`: a guided tour through a timeline. It wraps a `<reel-timeline>` and drives it
 * through its public surface only (`visibleRange`, `select`), so it lives in its own module and
 * define file and the timeline's bundle does not carry it.
 *
 * @module
 */
import {
  formatDate,
  parseDate,
  type DatasetInput,
  type Source,
  type SourceInput,
  type TimeCoord,
} from '@reeltime/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { canonicalLocale, MessagesController } from '../i18n/locales.js';
import { addEnglish, type PartialMessages } from '../i18n/messages.js';
import { STORY_WORDS } from '../i18n/part-words.js';
import type { ReelTimeline, VisibleRange } from '../timeline/timeline.js';
import { storyStyles } from './story.styles.js';

// The story's words come with it (`define/reel-story.js`, never in the timeline's bundle).
addEnglish(STORY_WORDS);

/** One step of a story. */
export interface StoryStep {
  /** Stable id, used in the step's deep link (`#<id>`). */
  readonly id: string;
  /** The step's heading. */
  readonly title: string;
  /** The narrative, plain text (paragraphs separated by blank lines). */
  readonly text: string;
  /** An event to select and show; its sources are shown unless the step gives its own. */
  readonly event?: string;
  /** The range to show, as reeltime dates (`"2019"`, `"2020-02"`); default: around the event. */
  readonly from?: string;
  readonly to?: string;
  /** Sources for the narrative; default: the event's. */
  readonly sources?: readonly SourceInput[];
}

/** Detail of {@link ReelStepChangeEvent}. */
export interface ReelStepChangeDetail {
  /** Index of the step now shown. */
  readonly index: number;
  readonly step: StoryStep;
}

/** Fired when the story moves to another step (buttons, keys, deep link or the `step` property). */
export class ReelStepChangeEvent extends CustomEvent<ReelStepChangeDetail> {
  static readonly eventName = 'reel-step-change';
  constructor(detail: ReelStepChangeDetail) {
    super(ReelStepChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** How long a move between steps takes, when motion is welcome. */
const MOVE_MS = 450;

/**
 * Steps through a curated sequence of a timeline's events with narrative text: previous and next
 * buttons or the left and right arrow keys move between steps; the timeline pans and zooms to
 * each step (at once when the reader prefers reduced motion) and selects its event; each step's
 * sources are listed; each step has a deep link (`#<step id>`), and the step is announced to
 * screen readers through a polite live region.
 *
 * @summary A guided story through a timeline.
 *
 * @csspart base - The wrapper.
 * @csspart panel - The narrative panel: counter, heading, text, sources, buttons.
 * @csspart timeline - The wrapped `<reel-timeline>`.
 * @csspart sources - The list of the step's sources.
 * @csspart nav - The previous and next buttons.
 *
 * @cssproperty [--reel-story-panel-width=20rem] - Width of the narrative panel beside the timeline.
 *
 * @fires {ReelStepChangeEvent} reel-step-change - The story moved to another step.
 *
 * @since 0.2.0
 */
export class ReelStory extends LitElement {
  static override styles = storyStyles;

  /** The steps, in order. */
  @property({ attribute: false }) steps: readonly StoryStep[] = [];

  /** The dataset the timeline draws (or use `src`). */
  @property({ attribute: false }) data: DatasetInput | undefined;

  /** URL of a dataset JSON file, when `data` is not set. */
  @property() src = '';

  /** The story's name (for assistive technology and the heading). */
  @property() label = '';

  /** BCP 47 locale of the words and dates; defaults to the page's `lang`. */
  @property() locale = '';

  /** Words to use instead of the built-in ones (passed on to the timeline too). */
  @property({ attribute: false }) strings: PartialMessages | undefined;

  /** Index of the step shown. */
  @property({ type: Number, reflect: true }) step = 0;

  /**
   * Keep the page's address in step with the story (`#<step id>`), start from it, and show each
   * step's link. Off by default, so that several stories can share a page.
   */
  @property({ type: Boolean, attribute: 'deep-link' }) deepLink = false;

  @state() private announced = '';

  @query('reel-timeline') private timeline!: ReelTimeline | null;

  readonly #messages = new MessagesController(this);
  #applied = -1;
  #animation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#hashChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#hashChanged);
    cancelAnimationFrame(this.#animation);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('steps') && this.deepLink) this.#readHash();
    const last = Math.max(0, this.steps.length - 1);
    if (this.step > last || this.step < 0 || !Number.isInteger(this.step))
      this.step = Math.min(last, Math.max(0, Math.trunc(this.step) || 0));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('step') || changed.has('steps') || changed.has('data') || changed.has('src')) {
      this.#applied = -1;
      void this.#show();
    }
  }

  /** Shows the next step (no-op at the last). */
  next(): void {
    this.go(this.step + 1);
  }

  /** Shows the previous step (no-op at the first). */
  previous(): void {
    this.go(this.step - 1);
  }

  /** Shows step `index` (clamped), announces it and fires `reel-step-change`. */
  go(index: number): void {
    const target = Math.min(Math.max(0, index), Math.max(0, this.steps.length - 1));
    if (target === this.step) return;
    this.step = target;
    const step = this.steps[target];
    if (!step) return;
    if (this.deepLink && location.hash !== `#${step.id}`) history.replaceState(null, '', `#${step.id}`);
    this.dispatchEvent(new ReelStepChangeEvent({ index: target, step }));
  }

  override render(): TemplateResult {
    const msg = this.#messages.for(this.#locale(), this.strings);
    const step = this.steps[this.step];
    const count = this.steps.length;
    const counter = msg.text('storyStep', { step: msg.number(this.step + 1), count: msg.number(count) });
    return html`<section class="base" part="base" aria-label=${msg.text('story', { title: this.label })}>
      <reel-timeline
        part="timeline"
        .data=${this.data}
        src=${this.src}
        locale=${this.locale}
        .strings=${this.strings}
        marker=""
        @reel-range-change=${this.#timelineReady}
      ></reel-timeline>
      <div class="panel" part="panel" @keydown=${this.#keydown}>
        ${this.label ? html`<p class="story-title">${this.label}</p>` : nothing}
        <p class="counter">${counter}</p>
        ${
          step
            ? html`<h2 id="step-title">${step.title}</h2>
                ${step.text.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)}
                ${this.#renderSources(step, msg.text('sources'))}
                ${this.deepLink ? html`<p class="link"><a href=${`#${step.id}`}>${msg.text('storyLink')}</a></p>` : nothing}`
            : nothing
        }
        <div class="nav" part="nav">
          <button type="button" aria-disabled=${this.step <= 0 ? 'true' : 'false'} @click=${() => this.previous()}>
            <span aria-hidden="true">←</span> ${msg.text('storyPrevious')}
          </button>
          <button type="button" aria-disabled=${this.step >= count - 1 ? 'true' : 'false'} @click=${() => this.next()}>
            ${msg.text('storyNext')} <span aria-hidden="true">→</span>
          </button>
        </div>
        <p class="live" role="status" aria-live="polite">${this.announced}</p>
      </div>
    </section>`;
  }

  #renderSources(step: StoryStep, heading: string) {
    const sources: readonly (Source | SourceInput)[] = step.sources ?? this.#eventSources(step);
    if (!sources.length) return nothing;
    const options = this.#dateOptions();
    return html`<div class="sources" part="sources">
      <strong>${heading}</strong>
      <ul>
        ${sources.map((source) => {
          const published = typeof source.published === 'string' ? parseDate(source.published) : undefined;
          const when =
            published?.ok === true
              ? formatDate(published.value, options)
              : source.published && typeof source.published === 'object'
                ? formatDate(source.published, options)
                : '';
          const title = source.url ? html`<a href=${source.url}>${source.title}</a>` : source.title;
          return html`<li>
            ${title}${source.publisher ? html`, ${source.publisher}` : nothing}${when ? html` (${when})` : nothing}
            ${source.quote ? html`<q>${source.quote}</q>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #eventSources(step: StoryStep): readonly Source[] {
    if (!step.event) return [];
    return this.timeline?.model.events.find((event) => event.id === step.event)?.sources ?? [];
  }

  /** Moves the timeline to the step, once its data is in (retried when the timeline reports a range). */
  async #show(): Promise<void> {
    const timeline = this.timeline;
    const step = this.steps[this.step];
    if (!timeline || !step || this.#applied === this.step) return;
    await timeline.updateComplete;
    const event = step.event ? timeline.model.events.find((candidate) => candidate.id === step.event) : undefined;
    if (step.event && !event) return; // Not loaded yet: #timelineReady calls again.
    const range = this.#rangeOf(step, event);
    if (!range) return;
    this.#applied = this.step;
    if (event) timeline.select(event.id);
    this.#move(timeline, range);
    this.announced = `${this.#messages.for(this.#locale(), this.strings).text('storyStep', {
      step: String(this.step + 1),
      count: String(this.steps.length),
    })}: ${step.title}`;
    // The sources come from the timeline's model: draw them now that it is loaded.
    this.requestUpdate();
  }

  #rangeOf(step: StoryStep, event: { from: TimeCoord; to: TimeCoord } | undefined) {
    const from = step.from ? parseDate(step.from) : undefined;
    const to = step.to ? parseDate(step.to) : undefined;
    if (from?.ok && to?.ok) return { from: from.value.start, to: to.value.end };
    if (!event) return undefined;
    // Around the event: its span and as much again on each side, at least about two months.
    const span = Math.max(event.to - event.from, 60 * 86_400_000);
    const mid = (event.from + event.to) / 2;
    return { from: mid - span, to: mid + span };
  }

  /**
   * Pans and zooms to `range`: at once with reduced motion; else out to a view holding both the
   * step left and the step ahead (the reader sees where the story goes), then in to the step,
   * each half eased over a short moment.
   */
  #move(timeline: ReelTimeline, range: { from: number; to: number }): void {
    cancelAnimationFrame(this.#animation);
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const start = timeline.visibleRange;
    if (reduce || !Number.isFinite(start.from)) {
      timeline.visibleRange = range;
      return;
    }
    const from = Math.min(start.from, range.from);
    const to = Math.max(start.to, range.to);
    const pad = (to - from) * 0.1;
    const context = { from: from - pad, to: to + pad };
    const between = (a: VisibleRange, b: VisibleRange, t: number) => {
      const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      return { from: a.from + (b.from - a.from) * e, to: a.to + (b.to - a.to) * e };
    };
    const began = performance.now();
    let last = 0;
    const frame = (now: number) => {
      // The wide view (t = 0.5) is drawn at least once, however late the frames come (a busy
      // page, a slow phone): the reader always sees where the story goes.
      const t = (last = Math.min(last < 0.5 ? 0.5 : 1, (now - began) / (2 * MOVE_MS)));
      timeline.visibleRange = t < 0.5 ? between(start, context, t * 2) : between(context, range, t * 2 - 1);
      if (t < 1) this.#animation = requestAnimationFrame(frame);
    };
    this.#animation = requestAnimationFrame(frame);
  }

  readonly #timelineReady = (): void => {
    if (this.#applied !== this.step) void this.#show();
  };

  readonly #keydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') this.next();
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.previous();
    else if (event.key === 'Home') this.go(0);
    else if (event.key === 'End') this.go(this.steps.length - 1);
    else return;
    event.preventDefault();
  };

  readonly #hashChanged = (): void => {
    if (this.deepLink) this.#readHash();
  };

  #readHash(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    const index = this.steps.findIndex((step) => step.id === id);
    if (index !== -1) this.step = index;
  }

  #locale(): string | undefined {
    const lang = this.closest('[lang]')?.getAttribute('lang');
    return canonicalLocale(this.locale) ?? canonicalLocale(lang);
  }

  #dateOptions() {
    const msg = this.#messages.for(this.#locale(), this.strings);
    return { locale: this.#locale(), timeZone: 'UTC', words: msg.table.dates };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-story': ReelStory;
  }
  interface GlobalEventHandlersEventMap {
    'reel-step-change': ReelStepChangeEvent;
  }
}
