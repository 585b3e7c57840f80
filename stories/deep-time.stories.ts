import type { DatasetInput } from '@reeltime/core';
import { convertTimelineJS } from '@reeltime/core/io';
import '@reeltime/timeline/define/reel-timeline.js';
import type { ReelTimeline } from '@reeltime/timeline';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import cosmology from '../packages/core/test/fixtures/timelinejs3/cosmo.json';
import ancient from './data/ancient.json';
import deepTime from './data/deep-time.json';
import { BACKSTOP } from './backstop.js';

interface Args {
  data: DatasetInput;
  locale?: string;
  scale?: 'linear' | 'log';
}

const meta = {
  title: 'Timeline/Deep time',
  component: 'reel-timeline',
  args: { locale: 'en-US' },
  render: (args) =>
    html`<reel-timeline
      .data=${args.data}
      locale=${args.locale ?? ''}
      scale=${args.scale ?? 'linear'}
      marker=""
      overview
    ></reel-timeline>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * The element once its axis has labels; the labels of both rows. When the ticks have no coarser
 * row, the axis shows the finest labels in its upper row (render/axis.ts): `minor` is then those.
 */
async function axisOf(canvasElement: HTMLElement): Promise<{ el: ReelTimeline; minor: string[]; major: string[] }> {
  const el = canvasElement.querySelector('reel-timeline')!;
  const row = (name: string) =>
    [...el.shadowRoot!.querySelectorAll(`[part~="axis"] .${name} text`)].map((text) => text.textContent ?? '');
  const fine = () => (row('minor').length ? row('minor') : row('major'));
  await waitFor(() => expect(fine().length).toBeGreaterThan(1), { timeout: BACKSTOP });
  const minor = fine();
  const major = row('minor').length ? row('major') : [];
  for (const label of [...minor, ...major]) expect(label).not.toMatch(/NaN|Invalid|undefined/);
  expect(new Set(minor).size).toBe(minor.length);
  return { el, minor, major };
}

/**
 * From the Big Bang to Webb's first images, on one linear axis: dates written as years ago
 * ("13.8 billion years ago", "4.54 Ga", `{ "ago": 13.8e9 }`) keep their precision; zoom with `+`
 * on a focused event down to a week around a day-precision one.
 */
export const CosmosToToday: Story = {
  args: { data: deepTime as DatasetInput },
  play: async ({ canvasElement }) => {
    const { el, minor } = await axisOf(canvasElement);
    expect(el.problems).toEqual([]);
    expect(minor.every((label) => label.endsWith(' billion years ago'))).toBe(true);
  },
};

/** The same in Japanese: compact numbers and years-ago words from the locale ("138億年前"). */
export const CosmosToTodayJapanese: Story = {
  args: { data: deepTime as DatasetInput, locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    // The Japanese words arrive with their chunk: read the labels again until they are there.
    await waitFor(
      async () => expect((await axisOf(canvasElement)).minor.every((label) => label.endsWith('億年前'))).toBe(true),
      { timeout: BACKSTOP },
    );
  },
};

/**
 * The same data on a log "years ago" axis (`scale="log"`): every power of ten of years before the
 * present takes the same width, so cave paintings, writing, Apollo 11 and Webb's first images stand
 * apart instead of sharing the last pixel of 13.8 billion years. Zoom and pan as on any axis.
 */
export const DeepTimeLogAxis: Story = {
  name: 'Deep time, log axis',
  args: { data: deepTime as DatasetInput, scale: 'log' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('reel-timeline')!;
    const labels = () =>
      [...el.shadowRoot!.querySelectorAll('[part~="axis"] text')].map((text) => text.textContent ?? '');
    await waitFor(() => expect(labels()).toContain('100 years ago'), { timeout: BACKSTOP });
    expect(labels()).toContain('1 million years ago');
    for (const label of labels()) expect(label).not.toMatch(/NaN|Invalid|undefined/);
    expect(el.problems).toEqual([]);
    const x = (id: string) =>
      el.shadowRoot!.querySelector(`[part~="event"][data-id="${id}"]`)?.getBoundingClientRect().left ?? NaN;
    // Writing and the Moon landing, 5,000 years apart, are hundreds of pixels apart here.
    await waitFor(() => expect(x('apollo-11') - x('cuneiform')).toBeGreaterThan(100), { timeout: BACKSTOP });
  },
};

/**
 * TimelineJS3's cosmology sample, through the TimelineJS3 importer: its negative years are
 * historians' (-3500 is 3500 BC), and every one of its events is drawn with no problem.
 */
export const TimelineJS3Cosmology: Story = {
  args: { data: convertTimelineJS(cosmology).input },
  play: async ({ canvasElement }) => {
    const { el } = await axisOf(canvasElement);
    expect(el.problems).toEqual([]);
    expect(el.model.events).toHaveLength(cosmology.events.length);
  },
};

/**
 * Around year zero: 44 BC from "-0043-03-15", "27 BC" to "AD 14", and ISO year 0000 labelled
 * 1 BC; the axis counts its years in their era, with no year 0.
 */
export const AroundYearZero: Story = {
  args: { data: ancient as DatasetInput },
  play: async ({ canvasElement }) => {
    const { el, minor } = await axisOf(canvasElement);
    expect(el.problems).toEqual([]);
    expect(minor.some((label) => label.endsWith(' BC'))).toBe(true);
    expect(minor).not.toContain('0');
    const ides = el.shadowRoot!.querySelector('[part~="event"][data-id="ides"]');
    await waitFor(() => expect(ides?.getAttribute('aria-label')).toMatch(/Mar 15, 44 BC/), { timeout: BACKSTOP });
  },
};
