/**
 * Server rendering with @lit-labs/ssr, in Node with Lit's own DOM shim: `<reel-timeline>` given
 * the Dead Reckoning dataset renders to HTML (a declarative shadow root) that shows every event's
 * title and date and the axis, readable with JavaScript off; and Chromium, loading that HTML
 * with the client (test/hydration/entry.ts, built with Vite), hydrates it: the server's nodes
 * stay, nothing is drawn twice, and the element works. The same with `<reel-event>` children: a
 * server renders a host before its children, so `render()` shows them as written (title, their
 * date at its precision, text); hydrating keeps that DOM, then reads them and draws the chart. And
 * `renderTimelines` (`@reeltime/timeline/ssr`) draws the children in the chart, with the axis, on
 * the server: the chart the same as for the events given as data, and hydrating keeps it.
 */
import deadReckoning from '@reeltime/data';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import '../src/define/reel-timeline.js';
import { renderTimelines } from '../src/ssr/index.js';
import {
  closePages,
  hydrated,
  marksOf,
  openServerPage,
  selectByClick,
  serverNodeCount,
  settled,
  textOf,
} from './hydration/page.js';

afterAll(closePages);

const renderTimeline = () =>
  collectResult(
    render(
      html`<reel-timeline
        data-hydrate
        .data=${deadReckoning}
        lang="en-GB"
        locale="en-GB"
        marker=""
        style="width: 960px"
      ></reel-timeline>`,
    ),
  );

/** The `<g part="event">` marks in `markup`, each as the text of its attributes (title, dates, lane…). */
const marksIn = (markup: string) =>
  [...markup.matchAll(/<g\s[^>]*part="event"[^>]*>/g)].map((match) =>
    textOf(match[0].replace(/^<g|>$/g, '').replace(/[\w-]+="([^"]*)"/g, ' $1 ')),
  );

describe('<reel-timeline> rendered on the server', () => {
  it('renders the Dead Reckoning events (titles and dates) and the axis into a declarative shadow root', async () => {
    const markup = await renderTimeline();
    expect(markup).toContain('<template shadowroot="open" shadowrootmode="open">');
    const text = textOf(markup);
    // Every event is a mark named with its title and dates, as in the browser…
    const marks = marksIn(markup);
    for (const event of deadReckoning.events)
      expect(
        marks.some((mark) => mark.includes(event.title)),
        event.title,
      ).toBe(true);
    expect(marks).toHaveLength(deadReckoning.events.length);
    expect(marks.find((mark) => mark.includes('US theatrical release'))).toMatch(/12 Jul 2023/);
    // …and the titles are on screen as text, but for a label with no room beside its mark (as at
    // this width in the browser too).
    const shown = deadReckoning.events.filter((event) => text.includes(event.title));
    expect(shown.length).toBeGreaterThanOrEqual(deadReckoning.events.length - 2);
    // The axis, with its years.
    const axis = /part="axis"[\s\S]*?<\/g>\s*<\/svg>|part="axis"[\s\S]*/.exec(markup)![0];
    for (const year of ['2020', '2021', '2022', '2023']) expect(textOf(axis)).toContain(year);
    expect(text).toContain('Dead Reckoning');
    // The parts a server draws bring their styles into its shadow root (a browser adopts them as
    // each part's chunk arrives): the legend, the era bands, the notice.
    const style = /<style>([\s\S]*?)<\/style>/.exec(markup)![1]!;
    expect(markup).toContain('part="legend"');
    for (const rule of [/\.legend\s*\{/, /\.era \.era-band\s*\{/, /\.notice\s*\{/]) expect(style).toMatch(rule);
  });

  it('hydrates in Chromium: the server DOM is kept, not drawn again, and the element works', async () => {
    const { page, errors } = await openServerPage(
      await renderTimeline(),
      '[part~="event"], [part~="axis"], [part~="lane"]',
    );
    const serverNodes = await serverNodeCount(page);
    expect(serverNodes).toBeGreaterThan(deadReckoning.events.length);
    // Hydrated and laid out at the real size: updated, and nothing pending.
    await settled(page);
    const state = await hydrated(page);
    expect(errors).toEqual([]);
    // The server's marks, lanes and axis are the live ones: none re-created, none doubled.
    expect(state).toEqual({
      kept: serverNodes,
      marks: deadReckoning.events.length,
      bases: 1,
      childrenShown: false,
      plotShown: true,
      dates: [],
    });
    // And it is interactive: a click selects and fires reel-select.
    expect(await selectByClick(page, 'filming-begins-italy')).toBe('filming-begins-italy');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** `<reel-event>` children: Dead Reckoning events of each precision written in HTML, with their dates as shown. */
const childDates: Record<string, string> = {
  'two-parts-announced': '2019',
  'cinemacon-title-reveal': '2019 – 2022',
  'filming-begins-italy': 'Feb 2020',
  'rome-car-chase': 'Feb 2020 – Sep 2021',
  'featurette-rome-car-chase': 'c. Jun 14, 2023',
  'us-release': 'Jul 12, 2023',
};
const childEvents = deadReckoning.events.filter((event) => event.id in childDates);
/** A timeline with `events` written as `<reel-event>` children (only what the data says: no status). */
const childrenTemplate = (events: typeof childEvents) =>
  html`<reel-timeline lang="en-US" style="width: 960px"
    >${events.map(
      (event) =>
        html`<reel-event
          event-id=${event.id}
          start=${event.start}
          end=${event.end ?? nothing}
          lane=${event.lane ?? nothing}
          ><strong>${event.title}</strong>
          <p>${event.description ?? ''}</p></reel-event
        >`,
    )}</reel-timeline
  >`;
const renderChildren = () => collectResult(render(childrenTemplate(childEvents)));

/** Every child is in the light DOM as written, its date at its precision before its title. */
function expectChildrenAsWritten(markup: string) {
  for (const event of childEvents) {
    const child = new RegExp(`<reel-event[^>]*event-id="${event.id}"[^>]*>([\\s\\S]*?)</reel-event\\s*>`).exec(markup);
    expect(child, event.id).not.toBeNull();
    const text = textOf(child![1]!);
    expect(text).toContain(event.title);
    expect(text.indexOf(childDates[event.id]!), `${event.id}: ${text}`).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(childDates[event.id]!)).toBeLessThan(text.indexOf(event.title));
    // A declarative shadow root that shows the content (a slot), not one that hides it.
    expect(child![1]).toMatch(/<template shadowroot="open"[^>]*>[\s\S]*<slot><\/slot>[\s\S]*<\/template>/);
  }
  expect(childEvents).toHaveLength(6);
  // No empty attributes added to what the author wrote.
  expect(markup).not.toMatch(/<reel-event[^>]*\s(end|status|tags|locations|people)[\s>]/);
}

describe('<reel-timeline> with <reel-event> children rendered on the server', () => {
  it('shows every child as written with its date at its precision, and no empty chart', async () => {
    const markup = await renderChildren();
    expectChildrenAsWritten(markup);
    // The timeline's shadow root slots them in, and hides the chart it cannot draw yet (the
    // server renders a host before its children): no "No events", no axis of the current year.
    expect(markup).toMatch(/<div class="children" ><slot><\/slot><\/div>/);
    expect(markup).toMatch(/<div class="plot" part="plot" hidden>/);
    expect(markup).not.toContain('ssr-children');
  });

  it('hydrates in Chromium: the children stay as they were, then the chart draws them', async () => {
    const { page, errors } = await openServerPage(await renderChildren(), '.children, [part~="base"]');
    const serverNodes = await serverNodeCount(page);
    // The timeline's base and children box, and each child's date and slot.
    expect(serverNodes).toBe(2 + childEvents.length * 2);
    await page.waitForFunction(
      (count) =>
        document.querySelector('reel-timeline')!.shadowRoot!.querySelectorAll('[part~="event"]').length === count,
      childEvents.length,
      { timeout: 60_000 },
    );
    await expectChildrenHydrated(page, errors, serverNodes);
    // Every child is a mark named with its title.
    for (const event of childEvents)
      await expect
        .poll(() => page.locator(`reel-timeline [part~="event"][data-id="${event.id}"]`).getAttribute('aria-label'))
        .toContain(event.title);
    await page.close();
  });
});

/** The chart's markup: the plot, from its axis to the end of the marks' `<svg>`. */
const chartIn = (markup: string) => /<div class="plot"[\s\S]*?<div class="body"[\s\S]*?<\/svg>/.exec(markup)![0];

describe('renderTimelines (@reeltime/timeline/ssr): <reel-event> children drawn on the server', () => {
  it('draws every child in the chart, with the axis, and keeps the children as written', async () => {
    const markup = await renderTimelines(childrenTemplate(childEvents));
    // The chart shows (the children's list is hidden behind it, as in the browser), marked as read.
    expect(markup).toMatch(/<div class="children" hidden><slot><\/slot><\/div>/);
    expect(markup).toMatch(/<div class="plot" part="plot" >/);
    expect(markup).toMatch(/<reel-timeline\s[^>]*\bssr-children[\s>]/);
    expect(markup).not.toContain('data-reeltime-ssr');
    // Every child is a mark named with its title and its date at its precision…
    const marks = marksIn(markup);
    expect(marks).toHaveLength(childEvents.length);
    for (const event of childEvents)
      expect(
        marks.find((mark) => mark.includes(event.title)),
        event.id,
      ).toContain(`${event.title}, ${childDates[event.id]}, ${event.lane}`);
    // …with its title on screen, but for a label with no room beside its mark.
    const chartText = textOf(chartIn(markup));
    expect(childEvents.filter((event) => chartText.includes(event.title)).length).toBeGreaterThanOrEqual(
      childEvents.length - 1,
    );
    // The axis, with its years, and the range in the header.
    const axis = textOf(/part="axis"[\s\S]*?<\/svg>/.exec(markup)![0]);
    for (const year of ['2019', '2020', '2021', '2022', '2023']) expect(axis).toContain(year);
    expect(textOf(markup)).toContain('2018 – 2023');
    // The children are still there as written, and the plain render() path is unchanged.
    expectChildrenAsWritten(markup);
    expect(await renderChildren()).toMatch(/<div class="plot" part="plot" hidden>/);
  });

  it('draws the chart the events draw when given as data, mark for mark', async () => {
    const asData = childEvents.map(({ id, title, start, end, lane, description }) => ({
      id,
      title,
      start,
      ...(end ? { end } : {}),
      ...(lane ? { lane } : {}),
      ...(description ? { description } : {}),
    }));
    const given = await collectResult(
      render(html`<reel-timeline lang="en-US" style="width: 960px" .events=${asData}></reel-timeline>`),
    );
    const markup = await renderTimelines(childrenTemplate(childEvents));
    expect(marksIn(given)).toHaveLength(childEvents.length);
    expect(chartIn(markup)).toBe(chartIn(given));
  });

  it('hydrates in Chromium: the server chart and children are kept, nothing is drawn twice', async () => {
    const { page, errors } = await openServerPage(
      await renderTimelines(childrenTemplate(childEvents)),
      '.children, [part~="base"], [part~="axis"], [part~="lane"], [part~="event"]',
    );
    const serverNodes = await serverNodeCount(page);
    // The base, children box and axis, a band per lane, the marks; each child's date and slot.
    expect(serverNodes).toBe(3 + new Set(childEvents.map((event) => event.lane)).size + childEvents.length * 3);
    await expectChildrenHydrated(page, errors, serverNodes);
    // Laid out by the client at the same width, each mark is in the lane and the place the server drew.
    const { server, client } = await marksOf(page);
    expect(server).toHaveLength(childEvents.length);
    expect(client).toEqual(server);
    // And it is interactive: a click selects and fires reel-select.
    expect(await selectByClick(page, 'filming-begins-italy')).toBe('filming-begins-italy');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Once the page has settled, the hydrated `<reel-event>` timeline kept every server node, draws one
 * mark per child in one chart, hides the children's list and keeps one date per child; no error.
 */
async function expectChildrenHydrated(page: Page, errors: string[], serverNodes: number): Promise<void> {
  await settled(page);
  const state = await hydrated(page);
  expect(errors).toEqual([]);
  expect(state).toEqual({
    kept: serverNodes,
    marks: childEvents.length,
    bases: 1,
    childrenShown: false,
    plotShown: true,
    dates: childEvents.map(() => 1),
  });
}
