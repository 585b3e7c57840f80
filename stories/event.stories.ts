import '@reeltime/timeline/define/reel-timeline.js';
import type { ReelTimeline } from '@reeltime/timeline';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';

interface Args {
  eventId: string;
  start: string;
  end: string;
  lane: string;
  status: string;
}

/**
 * `<reel-event>` declares one event in HTML inside `<reel-timeline>`: the text is in the page
 * before any script runs (search engines, reader modes, JavaScript off), and the timeline reads
 * it as data once it upgrades. The title is the first heading or `<strong>`, the description the
 * `<p>` children, and each `<cite>` a source.
 */
const meta = {
  title: 'Timeline/reel-event',
  component: 'reel-event',
  args: { eventId: 'wrap', start: '2021-09', end: '', lane: 'Production', status: 'confirmed' },
  render: (args) =>
    html`<reel-timeline lang="en-GB" marker="">
      <reel-event event-id="announced" start="2019" lane="Production"><strong>Two parts announced</strong></reel-event>
      <reel-event event-id=${args.eventId} start=${args.start} end=${args.end} lane=${args.lane} status=${args.status}>
        <strong>Filming wraps</strong>
        <p>Principal photography on Part One ends.</p>
        <cite><a href="https://example.org/wrap">A production article</a></cite>
      </reel-event>
      <reel-event event-id="release" start="2023-07-12" lane="Release"><strong>US release</strong></reel-event>
    </reel-timeline>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Three events written as HTML; the controls edit the middle one's attributes. */
export const Declared: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<ReelTimeline>('reel-timeline')!;
    await waitFor(() => expect(el.model.events).toHaveLength(3));
    const wrap = el.model.events.find((event) => event.id === 'wrap')!;
    expect(wrap.title).toBe('Filming wraps');
    expect(wrap.description).toContain('Principal photography');
  },
};

/** A range with an end date and an uncertain status. */
export const RangeAndStatus: Story = {
  args: { eventId: 'reshoots', start: '2022-01', end: '2022-03', status: 'uncertain' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<ReelTimeline>('reel-timeline')!;
    await waitFor(() => expect(el.model.events.find((event) => event.id === 'reshoots')?.status).toBe('uncertain'));
  },
};
