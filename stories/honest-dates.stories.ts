import type { TimelineEventInput } from '@reeltime/core';
import '@reeltime/timeline/define/reel-timeline.js';
import type { ReelTimeline } from '@reeltime/timeline';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { BACKSTOP } from './backstop.js';

interface Args {
  events: TimelineEventInput[];
}

const meta = {
  title: 'Timeline/Honest dates',
  component: 'reel-timeline',
  render: (args) => html`<reel-timeline lang="en-US" marker="" .events=${args.events}></reel-timeline>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

async function drawn(canvasElement: HTMLElement, count: number): Promise<ReelTimeline> {
  const el = canvasElement.querySelector('reel-timeline')!;
  await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="event"]').length).toBe(count), {
    timeout: BACKSTOP,
  });
  // The parts that load on first use (the legend, the notice) have arrived too.
  await el.updateComplete;
  return el;
}

const markOf = (el: ReelTimeline, id: string) =>
  el.shadowRoot!.querySelector<SVGGElement>(`[part~="event"][data-id="${id}"]`)!;
const legendOf = (el: ReelTimeline) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="legend"] li')].map((li) => li.dataset['encoding']);

/** Precision: a day is exact; a month or a year spans its period with soft edges. */
export const Precision: Story = {
  args: {
    events: [
      { id: 'day', title: 'Premiere (a day)', start: '2022-07-12', lane: 'Day' },
      { id: 'month', title: 'Casting (a month)', start: '2021-03', lane: 'Month' },
      { id: 'months', title: 'Shoot (months)', start: '2020-02', end: '2021-09', lane: 'Months' },
      { id: 'year', title: 'Announced (a year)', start: '2019', lane: 'Year' },
    ],
  },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 4);
    expect(markOf(el, 'day').querySelector('.fade')).toBeNull();
    expect(markOf(el, 'months').querySelectorAll('.fade')).toHaveLength(2);
    expect(markOf(el, 'year').classList).toContain('period');
    expect(legendOf(el)).toEqual(['exact', 'period']);
  },
};

/** Approximation: "c." and "late 2020" reach beyond their span as dotted fuzz. */
export const Approximation: Story = {
  args: {
    events: [
      { id: 'exact', title: 'Wrap (a month)', start: '2021-09', lane: 'Exact' },
      { id: 'circa', title: 'Test screening (c. Mar 2022)', start: 'c. 2022-03', lane: 'Circa' },
      { id: 'late', title: 'Restart (late 2020)', start: 'late 2020', lane: 'Part' },
      { id: 'range', title: 'Reshoots (c. 2021 – early 2022)', start: 'c. 2021', end: 'early 2022', lane: 'Range' },
    ],
  },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 4);
    expect(markOf(el, 'exact').querySelector('.fuzz')).toBeNull();
    for (const id of ['circa', 'late', 'range']) expect(markOf(el, id).querySelector('.fuzz'), id).not.toBeNull();
    expect(markOf(el, 'late').getAttribute('aria-label')).toContain('late 2020');
    expect(legendOf(el)).toContain('approximate');
  },
};

/** Status: planned is hollow and dashed, uncertain carries "?", cancelled is struck through. */
export const Status: Story = {
  args: {
    events: [
      { id: 'unmarked', title: 'Release (unmarked)', start: '2023-07-12', lane: 'Unmarked' },
      { id: 'planned', title: 'Sequel', start: '2024-06-28', status: 'planned', lane: 'Planned' },
      { id: 'uncertain', title: 'Trailer (uncertain)', start: '2023-03?', lane: 'Uncertain' },
      {
        id: 'cancelled',
        title: 'Premiere tour (cancelled)',
        start: '2023-08',
        end: '2023-10',
        status: 'cancelled',
        lane: 'Cancelled',
      },
    ],
  },
  play: async ({ canvasElement }) => {
    const el = await drawn(canvasElement, 4);
    expect(markOf(el, 'unmarked').getAttribute('aria-label')).not.toMatch(/confirmed/);
    expect(markOf(el, 'planned').getAttribute('aria-label')).toMatch(/planned/);
    expect(el.shadowRoot!.querySelector('.label[data-id="planned"]')!.textContent).toBe('Sequel (planned)');
    expect(getComputedStyle(markOf(el, 'planned').querySelector('.mark')!).strokeDasharray).not.toBe('none');
    expect(markOf(el, 'uncertain').querySelector('.badge')!.textContent).toBe('?');
    expect(markOf(el, 'cancelled').querySelector('.strike')).not.toBeNull();
    expect(legendOf(el)).toEqual(['exact', 'period', 'planned', 'uncertain', 'cancelled']);
  },
};
