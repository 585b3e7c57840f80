import type { DatasetInput } from '@reeltime/core';
import deadReckoning, { datasetUrl } from '@reeltime/data';
import '@reeltime/timeline/define/reel-timeline.js';
import type { ReelTimeline } from '@reeltime/timeline';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { syntheticDataset } from './synthetic.js';
import { BACKSTOP } from './backstop.js';

interface Args {
  data?: DatasetInput;
  /** Where the data's relative links (its source articles) resolve. */
  base?: string;
  events?: DatasetInput['events'];
  src?: string;
  locale?: string;
  marker?: string;
  theme?: 'auto' | 'light' | 'dark';
  view?: 'chart' | 'table' | 'sources';
  width?: string;
}

/** The element in a container; waits until it has drawn. */
async function drawn(canvasElement: HTMLElement, minimum = 1): Promise<ReelTimeline> {
  const el = canvasElement.querySelector('reel-timeline')!;
  // Waits on the condition; the timeout only ends a broken story (a busy machine just takes longer).
  await waitFor(
    () => expect(el.shadowRoot!.querySelectorAll('[part~="event"]').length).toBeGreaterThanOrEqual(minimum),
    { timeout: BACKSTOP },
  );
  // The parts that load on first use (the legend, the notice) have arrived too.
  await el.updateComplete;
  return el;
}

const marks = (el: ReelTimeline) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('[part~="event"]')];

const meta = {
  title: 'Timeline/reel-timeline',
  component: 'reel-timeline',
  args: { locale: 'en-US', marker: 'today', theme: 'auto', width: '100%' },
  argTypes: { width: { control: 'text', description: 'Width of the container (story only)' } },
  render: (args) =>
    html`<div style=${`width:${args.width ?? '100%'}`}>
      <reel-timeline
        .data=${args.data}
        .events=${args.events}
        src=${args.src ?? ''}
        base=${args.base ?? ''}
        locale=${args.locale ?? ''}
        marker=${args.marker ?? ''}
        theme=${args.theme ?? 'auto'}
        view=${args.view ?? 'chart'}
      ></reel-timeline>
    </div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The production history of *Mission: Impossible – Dead Reckoning Part One*, loaded from its JSON with `src`. */
export const DeadReckoning: Story = {
  args: { src: './data/dead-reckoning.json' },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, deadReckoning.events.length);
    expect(el.problems).toEqual([]);
    expect(el.shadowRoot!.querySelector('.title')!.textContent).toContain('Dead Reckoning');
    const release = marks(el).find((mark) => mark.dataset['id'] === 'us-release')!;
    expect(release.getAttribute('aria-label')).toContain('Jul 12, 2023');
    await userEvent.click(release);
    const title = deadReckoning.events.find((event) => event.id === 'us-release')!.title;
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="details"] h2')!.textContent).toBe(title));
  },
};

/** Data given as a property instead of a URL: `el.data = deadReckoning`. */
export const FromProperty: Story = {
  args: { data: deadReckoning, base: datasetUrl },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, deadReckoning.events.length);
    expect(el.model.eras.length).toBeGreaterThan(0);
  },
};

/** No events: an axis for the current year and an empty-state message. */
export const Empty: Story = {
  args: { events: [] },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('reel-timeline')!;
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('No events to show'));
    expect(marks(el)).toHaveLength(0);
  },
};

/** A single event. */
export const OneEvent: Story = {
  args: { events: [{ id: 'release', title: 'US release', start: '2023-07-12', status: 'confirmed' }] },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement);
    expect(marks(el)).toHaveLength(1);
    expect(el.shadowRoot!.querySelector('[part~="axis"]')!.textContent).toMatch(/Jul/);
    // A date-only event on a day axis: never hours (no "12:00 PM").
    expect(el.shadowRoot!.querySelector('[part~="axis"]')!.textContent).not.toMatch(/AM|PM|:\d\d/);
  },
};

/** Invalid events: the valid rest renders; the problems are listed in a dismissible notice. */
export const InvalidEvents: Story = {
  args: {
    data: {
      title: 'Some events are invalid',
      events: [
        { id: 'ok-1', title: 'Filming begins', start: '2020-02' },
        { id: 'bad-month', title: 'Month 13', start: '2020-13' },
        { id: 'ok-2', title: 'Filming wraps', start: '2021-09' },
        { id: 'no-start', title: 'No start date' } as unknown as DatasetInput['events'][number],
        { id: 'backwards', title: 'Ends before it starts', start: '2022', end: '2021' },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 2);
    expect(marks(el)).toHaveLength(2);
    expect(el.problems.map((p) => p.eventId)).toEqual(['bad-month', 'no-start', 'backwards']);
    // The notice stays: this story shows it (dismissing it is the next story's test).
    const notice = el.shadowRoot!.querySelector('[part~="notice"]')!;
    expect(notice.textContent).toContain('3 problems in the data');
  },
};

/** The problems notice closes with its button. A test only: not in the sidebar or the docs. */
export const InvalidEventsDismissed: Story = {
  ...InvalidEvents,
  tags: ['!dev', '!autodocs'],
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 2);
    const notice = el.shadowRoot!.querySelector('[part~="notice"]')!;
    await userEvent.click(notice.querySelector('button')!);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="notice"]')).toBeNull());
  },
};

/** `theme="dark"` (or the page's `prefers-color-scheme: dark`). */
export const DarkTheme: Story = {
  args: { src: './data/dead-reckoning.json', theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement);
    expect(getComputedStyle(el).colorScheme).toBe('dark');
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
  },
};

/** A phone-sized container: the axis coarsens and labels give way rather than collide. */
export const NarrowContainer: Story = {
  args: { src: './data/dead-reckoning.json', width: '360px' },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    const labels = [...el.shadowRoot!.querySelectorAll('[part~="axis"] .minor text')].map((t) =>
      t.getBoundingClientRect(),
    );
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.left).toBeGreaterThanOrEqual(labels[i - 1]!.right);
  },
};

/** Events written as HTML: readable before the script loads. */
export const DeclarativeHtml: Story = {
  render: () =>
    html`<reel-timeline lang="en-GB" marker="">
      <reel-event event-id="announced" start="2019" lane="Production"><strong>Two parts announced</strong></reel-event>
      <reel-event event-id="italy" start="2020-02" lane="Production" locations="Italy">
        <strong>Filming begins in Italy</strong>
        <p>Production on Part One begins in Italy.</p>
      </reel-event>
      <reel-event event-id="wrap" start="2021-09" lane="Production"><strong>Filming wraps</strong></reel-event>
      <reel-event event-id="release" start="2023-07-12" lane="Release"><strong>US release</strong></reel-event>
    </reel-timeline>`,
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 4);
    const release = marks(el).find((mark) => mark.dataset['id'] === 'release')!;
    expect(release.getAttribute('aria-label')).toContain('12 Jul 2023');
  },
};

/** 1,000 synthetic events: only the visible window is placed and drawn. */
export const ThousandEvents: Story = {
  args: { data: syntheticDataset(1000), marker: '' },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 100);
    expect(el.model.events).toHaveLength(1000);
    el.visibleRange = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2001, 0, 1) };
    await waitFor(() => expect(marks(el).length).toBeLessThan(200));
    const shown = marks(el).length;
    expect(shown).toBeGreaterThan(0);
  },
};

const arabicIndic = /[\u0660-\u0669]/;

/** Arabic (Egypt): every word in Arabic, Arabic-Indic digits, and the whole chart mirrored (time flows right to left). */
export const LocaleArEG: Story = {
  name: 'Locale: ar-EG (RTL)',
  args: { data: deadReckoning, base: datasetUrl, locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, deadReckoning.events.length);
    const root = el.shadowRoot!;
    // The language's words load on first use (their own chunk); updateComplete waits for them.
    await el.updateComplete;
    await waitFor(() => expect(root.querySelector('header button[aria-label="تكبير"]')).not.toBeNull(), {
      timeout: BACKSTOP,
    });
    const axis = root.querySelector('[part~="axis"]')!.textContent!;
    expect(axis).toMatch(arabicIndic);
    expect(axis).not.toMatch(/[0-9]/);
    expect(root.querySelector('header .range')!.textContent).toMatch(arabicIndic);
    const chart = root.querySelector('svg[role="group"]')!.getAttribute('aria-label')!;
    expect(chart).toContain('٢٣ حدثًا');
    // Time flows right to left: the release is left of the announcement.
    const x = (id: string) =>
      marks(el)
        .find((mark) => mark.dataset['id'] === id)!
        .getBoundingClientRect().left;
    expect(x('us-release')).toBeLessThan(x('two-parts-announced'));
    // Lane names whole, inside the plot.
    const plot = root.querySelector('svg[role="group"]')!.getBoundingClientRect();
    for (const label of root.querySelectorAll<SVGTextElement>('[part~="lane-label"]')) {
      expect(label.getBoundingClientRect().right).toBeLessThanOrEqual(plot.right);
      expect(label.getBoundingClientRect().left).toBeGreaterThanOrEqual(plot.left);
    }
  },
};

/** Japanese: words, date templates ("2020年第3四半期") and dates from Intl. */
export const LocaleJaJP: Story = {
  name: 'Locale: ja-JP',
  args: { data: deadReckoning, base: datasetUrl, locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, deadReckoning.events.length);
    const root = el.shadowRoot!;
    // The language's words load on first use (their own chunk); updateComplete waits for them.
    await el.updateComplete;
    await waitFor(() => expect(root.querySelector('header button[aria-label="拡大"]')).not.toBeNull(), {
      timeout: BACKSTOP,
    });
    expect(root.querySelector('header .zoom button:last-child')!.textContent!.trim()).toBe('すべて');
    const release = marks(el).find((mark) => mark.dataset['id'] === 'us-release')!;
    expect(release.getAttribute('aria-label')).toContain('2023年7月12日');
    expect(root.querySelector('svg[role="group"]')!.getAttribute('aria-label')).toContain('23 件のイベント');
    expect(root.querySelector('[part~="axis"]')!.textContent).toMatch(/年/);
  },
};

/** German: words, date templates ("Ende 2020") and dates from Intl. */
export const LocaleDeDE: Story = {
  name: 'Locale: de-DE',
  args: { data: deadReckoning, base: datasetUrl, locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, deadReckoning.events.length);
    const root = el.shadowRoot!;
    // The language's words load on first use (their own chunk); updateComplete waits for them.
    await el.updateComplete;
    await waitFor(() => expect(root.querySelector('header button[aria-label="Vergrößern"]')).not.toBeNull(), {
      timeout: BACKSTOP,
    });
    const release = marks(el).find((mark) => mark.dataset['id'] === 'us-release')!;
    expect(release.getAttribute('aria-label')).toContain('12. Juli 2023');
    expect(root.querySelector('svg[role="group"]')!.getAttribute('aria-label')).toMatch(
      /^.+: 23 Ereignisse, sichtbar /,
    );
    await userEvent.click(release);
    await waitFor(() => expect(root.querySelector('[part~="details"] strong')!.textContent).toBe('3 Quellen'));
  },
};

/**
 * `overview`: the whole dataset in miniature under the plot, with a brush over the visible range.
 * Drag or resize the brush, or focus it and use the arrow keys (Shift + arrows widen or narrow it);
 * zooming the timeline moves the brush. The overview loads on first use, as its own chunk.
 */
export const Overview: Story = {
  args: { data: syntheticDataset(1000), marker: '' },
  render: (args) =>
    html`<div style=${`width:${args.width ?? '100%'}`}>
      <reel-timeline .data=${args.data} locale=${args.locale ?? ''} marker="" overview></reel-timeline>
    </div>`,
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 10);
    const strip = await waitFor(
      () => {
        const found = el
          .shadowRoot!.querySelector('reel-overview')
          ?.shadowRoot?.querySelector<HTMLElement>('[role="slider"]');
        expect(found?.getRootNode()).toBeTruthy();
        expect((found!.getRootNode() as ShadowRoot).querySelector('.selection')).toBeTruthy();
        return found!;
      },
      { timeout: BACKSTOP },
    );
    expect(strip.getAttribute('aria-valuetext')).toMatch(/^Showing /);
    const full = el.visibleRange.to - el.visibleRange.from;
    strip.focus();
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    await waitFor(() => expect(el.visibleRange.to - el.visibleRange.from).toBeLessThan(full * 0.9));
  },
};

/**
 * `view="table"` (or the header's Table button): every event in a real, sortable `<table>` that
 * shares the selection with the chart. Only the rows in view are rendered, at any number of events.
 */
export const TableView: Story = {
  name: 'Table view',
  args: { data: deadReckoning, base: datasetUrl, view: 'table' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('reel-timeline')!;
    const root = el.shadowRoot!;
    await waitFor(() => expect(root.querySelectorAll('tbody tr:not(.spacer)').length).toBeGreaterThan(5), {
      timeout: BACKSTOP,
    });
    expect(root.querySelector('caption')!.textContent).toContain(`${deadReckoning.events.length} events`);
    const title = root.querySelector<HTMLButtonElement>('th button[data-sort="title"]')!;
    await userEvent.click(title);
    await waitFor(() => expect(title.closest('th')!.getAttribute('aria-sort')).toBe('ascending'));
    const row = root.querySelector<HTMLButtonElement>('tr[data-id="us-release"] button')!;
    await userEvent.click(row);
    await waitFor(() => expect(el.selected).toBe('us-release'));
    const heading = deadReckoning.events.find((event) => event.id === 'us-release')!.title;
    await waitFor(() => expect(root.querySelector('[part~="details"] h2')!.textContent).toBe(heading));
  },
};

/**
 * `view="sources"` (or the header's Sources button): every source the data cites, with its
 * publisher, date and a link that opens the article, and the events it supports; each event is a
 * button that selects it and shows it in the chart. Loaded on first use, as its own chunk.
 */
export const SourcesView: Story = {
  name: 'Sources view',
  args: { data: deadReckoning, base: datasetUrl, view: 'sources' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('reel-timeline')!;
    const root = el.shadowRoot!;
    await waitFor(() => expect(root.querySelectorAll('[part~="sources-view"] .cited').length).toBe(5), {
      timeout: BACKSTOP,
    });
    const link = root.querySelector<HTMLAnchorElement>('[part~="sources-view"] a.source-title')!;
    expect(link.href).toMatch(/\/sources\/[^/]+\.txt$/);
    // Keyboard only: focus an event's button, Enter shows it in the chart, selected and focused.
    root.querySelector<HTMLButtonElement>('button.reveal[data-id="filming-wraps"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(el.selected).toBe('filming-wraps'));
    await waitFor(() => expect(root.activeElement?.getAttribute('data-id')).toBe('filming-wraps'));
    expect(el.view).toBe('chart');
    // Back to the sources view.
    el.view = 'sources';
    await waitFor(() => expect(root.querySelector('[part~="sources-view"]')).not.toBeNull());
  },
};
