/**
 * `@reeltime/timeline/ssr`: server rendering of timelines whose events are `<reel-event>`
 * children. Server only (Node, with `@lit-labs/ssr`); a browser never loads it.
 *
 * Lit's SSR renders a host's shadow root before its light-DOM children, so a plain `render()` of
 * `<reel-timeline>` with children can only show them as a list: the host has nothing to draw yet.
 * {@link renderTimelines} renders twice. The first render writes every timeline's light DOM as
 * the page will have it (the timelines themselves are not drawn, only numbered); that markup is
 * parsed as a browser parses it (parse5) and each timeline's `<reel-event>` children are read with
 * the element's own rules (`readEventElement`). The second render hands each timeline its events
 * before it renders, so it draws the axis, the lanes and the marks; the children are written as
 * before. In the browser the element hydrates that DOM: it reads the same children in its first
 * update (the server marks the host `ssr-children`), finds the chart it would draw, and keeps it.
 *
 * @module
 */
import { LitElementRenderer, render, type RenderInfo } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { parse } from 'parse5';
import { ReelEvent, ReelTimeline } from '../define/reel-timeline.js';
import { readEventElement } from '../event/read-event.js';
import { serverChildren, type ChildEventInput } from '../timeline/server-children.js';
import { elementsWith, ParsedElement } from './parsed.js';

/** Options of {@link renderTimelines}. */
export interface RenderTimelinesOptions {
  /**
   * The address of the page the markup is for. Relative links in the children (a `<cite>`'s
   * `<a href>`) resolve against it, as the browser resolves them against the page; without it,
   * a relative link is left out of the event's sources (absolute links are kept).
   */
  readonly base?: string;
}

/** Numbers each timeline in the first render's markup (never in what is returned). */
const MARK = 'data-reeltime-ssr';

/** What a render met of a timeline: its attributes as written, and those of its `<reel-event>` children. */
interface Met {
  readonly attributes: string;
  readonly children: string[];
}

/** The attributes an element has (before it updates: those the template wrote), as a fingerprint. */
const attributesOf = (element: HTMLElement) =>
  JSON.stringify([...element.attributes].map((attribute) => [attribute.name, attribute.value]));

const subclassOf = (base: typeof HTMLElement) => (ctor: typeof HTMLElement) =>
  ctor === base || ctor.prototype instanceof base;

/** Renders a timeline, noting what it meets of it in `met`. */
class TimelineRenderer extends LitElementRenderer {
  static override matchesClass = subclassOf(ReelTimeline);
  met: Met | undefined;
}

/** Renders a `<reel-event>`, noting its attributes against the timeline it is in (the instance stack). */
class ChildRenderer extends LitElementRenderer {
  static override matchesClass = subclassOf(ReelEvent);
  override renderShadow(renderInfo: RenderInfo) {
    const host = renderInfo.customElementInstanceStack.at(-2);
    if (host instanceof TimelineRenderer) host.met?.children.push(attributesOf(this.element));
    return super.renderShadow(renderInfo);
  }
}

/**
 * Renders `value` (a Lit template, as `render()` of `@lit-labs/ssr` takes) to HTML in which every
 * `<reel-timeline>` whose events are `<reel-event>` children shows them in the chart, with the
 * axis, as it does with `.data`, readable with JavaScript off; the children stay in the light DOM
 * as written. Timelines given their data otherwise render as with `render()`. Registers the
 * elements (imports `define/reel-timeline.js`).
 *
 * The template is rendered twice: it must render the same both times (build repeated parts from
 * arrays, not from one-shot iterators). If it does not, this throws rather than give a timeline
 * events its page does not have.
 *
 * ```ts
 * import { renderTimelines } from '@reeltime/timeline/ssr';
 * const page = await renderTimelines(html`<reel-timeline>
 *   <reel-event start="2023-07-12"><strong>Release</strong></reel-event>
 * </reel-timeline>`);
 * ```
 */
export async function renderTimelines(value: unknown, options: RenderTimelinesOptions = {}): Promise<string> {
  const first: Met[] = [];

  /** First render: the timelines are numbered, not drawn (no update, no shadow root). */
  class Numbering extends TimelineRenderer {
    #index = -1;
    override connectedCallback(): void {
      this.met = { attributes: attributesOf(this.element), children: [] };
      this.#index = first.push(this.met) - 1;
    }
    override renderShadow(): undefined {
      return undefined;
    }
    override renderAttributes() {
      return [...super.renderAttributes(), ` ${MARK}="${this.#index}"`];
    }
  }
  const markup = await collectResult(
    render(value, { elementRenderers: [Numbering, ChildRenderer, LitElementRenderer] }),
  );

  // Each timeline's children, read from the markup as the browser will have it.
  const events: ChildEventInput[][] = first.map(() => []);
  for (const element of elementsWith(parse(markup), MARK)) {
    const timeline = new ParsedElement(element, options.base);
    const read = events[Number(timeline.getAttribute(MARK))];
    for (const child of timeline.children)
      if (child.localName === 'reel-event') read?.push(readEventElement(child, read.length));
  }

  /** Second render: each timeline is handed its children's events before it renders. */
  const second: Met[] = [];
  class Handing extends TimelineRenderer {
    override connectedCallback(): void {
      this.met = { attributes: attributesOf(this.element), children: [] };
      const read = events[second.push(this.met) - 1];
      if (read?.length) {
        serverChildren.set(this.element, read);
        // Says so in the page, for the hydration to read the children too (data-controller.ts).
        this.element.setAttribute('ssr-children', '');
      }
      super.connectedCallback();
    }
  }
  const result = await collectResult(render(value, { elementRenderers: [Handing, ChildRenderer, LitElementRenderer] }));
  if (JSON.stringify(second) !== JSON.stringify(first))
    throw new Error(
      `renderTimelines: the template rendered its <reel-timeline> elements (${first.length}) or their <reel-event> ` +
        `children differently the second time (${second.length}): it must render the same twice (build repeated ` +
        'parts from arrays, not one-shot iterators)',
    );
  return result;
}
