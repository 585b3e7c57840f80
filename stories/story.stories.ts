import deadReckoning from '@reeltime/data';
import type { DatasetInput } from '@reeltime/core';
import '@reeltime/timeline/define/reel-story.js';
import type { ReelStory, StoryStep } from '@reeltime/timeline/define/reel-story.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { BACKSTOP } from './backstop.js';

/** From the announcement to the release, each step told only as far as its sources go. */
const DEAD_RECKONING_STEPS: StoryStep[] = [
  {
    id: 'announced',
    title: 'Two films, shot back to back',
    text: 'In 2019 Dead Reckoning was announced as a two-part story, Part One and Part Two to be filmed back to back.\n\nThe source gives only the year, so the timeline draws the whole of 2019, softly edged.',
    event: 'two-parts-announced',
  },
  {
    id: 'filming-begins',
    title: 'Filming begins in Italy',
    text: 'Production began in Italy in February 2020: a month, not a day.',
    event: 'filming-begins-italy',
  },
  {
    id: 'halt',
    title: 'The COVID-19 halt',
    text: 'The pandemic halted production soon after it began. The source dates the halt no more finely than 2020, which is why the mark is approximate.',
    event: 'production-halted-covid',
    from: '2019-10',
    to: '2021-03',
  },
  {
    id: 'resumes',
    title: 'Filming resumes',
    text: 'Filming resumed “later in the year”. No month is given, so none is drawn.',
    event: 'filming-resumes',
    from: '2019-10',
    to: '2021-03',
  },
  {
    id: 'wrap',
    title: 'A wrap in September 2021',
    text: 'Principal photography wrapped in September 2021, after shoots in Italy, Norway, the UK and elsewhere.',
    event: 'filming-wraps',
    from: '2020-01',
    to: '2022-03',
  },
  {
    id: 'featurettes',
    title: 'The featurette campaign',
    text: 'From December 2022, behind-the-scenes featurettes showed how the big stunts were shot, starting with the motorcycle cliff jump.',
    event: 'featurette-motorcycle-stunt',
    from: '2022-10',
    to: '2023-08',
  },
  {
    id: 'release',
    title: 'Release: 12 July 2023',
    text: 'Part One opened in the United States on 12 July 2023, the one date in this story known to the day from every source.',
    event: 'us-release',
  },
];

interface Args {
  data: DatasetInput;
  steps: StoryStep[];
  label: string;
}

const meta = {
  title: 'Story/reel-story',
  component: 'reel-story',
  args: {
    data: deadReckoning,
    steps: DEAD_RECKONING_STEPS,
    label: 'Dead Reckoning Part One, from announcement to release',
  },
  render: (args) =>
    html`<reel-story lang="en-GB" deep-link .data=${args.data} .steps=${args.steps} label=${args.label}></reel-story>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const storyOf = (canvasElement: HTMLElement) => canvasElement.querySelector('reel-story')!;
const heading = (story: ReelStory) => story.shadowRoot!.querySelector('h2')?.textContent;
const timelineOf = (story: ReelStory) => story.shadowRoot!.querySelector('reel-timeline')!;
const spanOf = (story: ReelStory) => timelineOf(story).visibleRange.to - timelineOf(story).visibleRange.from;
/** Settled: the range no longer changes between two polls (a condition, not a time). */
async function settled(story: ReelStory): Promise<void> {
  let last = Number.NaN;
  await waitFor(() => {
    const span = spanOf(story);
    const same = span === last;
    last = span;
    expect(same).toBe(true);
  });
}

/**
 * The production of *Dead Reckoning Part One* as a story: previous and next (or the arrow keys)
 * move between steps; the timeline pans and zooms to each and selects its event.
 */
export const DeadReckoningStory: Story = {
  play: async ({ canvasElement }) => {
    history.replaceState(null, '', '#');
    const story = storyOf(canvasElement);
    await waitFor(() => expect(timelineOf(story).selected).toBe('two-parts-announced'), { timeout: BACKSTOP });
    expect(heading(story)).toBe('Two films, shot back to back');
    // The step's sources, with their quotes.
    await waitFor(() =>
      expect(story.shadowRoot!.querySelector('[part~="sources"]')!.textContent).toContain('Announced back in 2019'),
    );

    // Keyboard only: Tab to the story's buttons, then Enter and the arrow keys.
    const buttons = [...story.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="nav"] button')];
    buttons[1]!.focus();
    // The move zooms out to show both steps, then in to the next: record the widest view on the way.
    await settled(story);
    const before = spanOf(story);
    let widest = 0;
    const record = () => (widest = Math.max(widest, spanOf(story)));
    timelineOf(story).addEventListener('reel-range-change', record);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(heading(story)).toBe('Filming begins in Italy'));
    await waitFor(() => expect(timelineOf(story).selected).toBe('filming-begins-italy'));
    const live = story.shadowRoot!.querySelector('[role="status"]')!;
    await waitFor(() => expect(live.textContent).toBe('Step 2 of 7: Filming begins in Italy'));
    expect(location.hash).toBe('#filming-begins');
    // Settled at the step (the range stops changing), having passed through a wider view.
    await waitFor(() => {
      const { from, to } = timelineOf(story).visibleRange;
      expect(from).toBeLessThan(Date.UTC(2020, 1, 1));
      expect(to).toBeGreaterThan(Date.UTC(2020, 2, 1));
      expect(to - from).toBeLessThan(400 * 86_400_000);
    });
    await settled(story);
    timelineOf(story).removeEventListener('reel-range-change', record);
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches)
      expect(widest).toBeGreaterThan(Math.max(before, spanOf(story)));

    for (let i = 0; i < 5; i++) await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(heading(story)).toBe('Release: 12 July 2023'));
    await waitFor(() => expect(timelineOf(story).selected).toBe('us-release'));
    // The timeline zoomed in around the release.
    await waitFor(() => {
      const { from, to } = timelineOf(story).visibleRange;
      expect(from).toBeLessThan(Date.UTC(2023, 6, 12));
      expect(to).toBeGreaterThan(Date.UTC(2023, 6, 13));
      expect(to - from).toBeLessThan(400 * 86_400_000);
    });
    // Past the last step nothing moves, and focus stays on the button.
    await userEvent.keyboard('{ArrowRight}');
    expect(heading(story)).toBe('Release: 12 July 2023');
    expect(story.shadowRoot!.activeElement).toBe(buttons[1]);
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(heading(story)).toBe('The featurette campaign'));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(heading(story)).toBe('Two films, shot back to back'));
  },
};

/** A deep link opens its step: `#wrap` starts at the wrap. */
export const DeepLink: Story = {
  render: (args) => {
    history.replaceState(null, '', '#wrap');
    return html`<reel-story
      lang="en-GB"
      deep-link
      .data=${args.data}
      .steps=${args.steps}
      label=${args.label}
    ></reel-story>`;
  },
  play: async ({ canvasElement }) => {
    const story = storyOf(canvasElement);
    await waitFor(() => expect(heading(story)).toBe('A wrap in September 2021'));
    await waitFor(() => expect(timelineOf(story).selected).toBe('filming-wraps'));
    history.replaceState(null, '', '#');
  },
};

/**
 * On a busy page whose frames come late (here every frame reports a time 10 s on), a move still
 * shows the wide view holding both steps before it zooms in: never a jump straight to the step.
 */
export const LateFrames: Story = {
  render: (args) => {
    history.replaceState(null, '', '#');
    return html`<reel-story lang="en-GB" .data=${args.data} .steps=${args.steps} label=${args.label}></reel-story>`;
  },
  play: async ({ canvasElement }) => {
    const story = storyOf(canvasElement);
    await waitFor(() => expect(timelineOf(story).selected).toBe('two-parts-announced'), { timeout: BACKSTOP });
    await settled(story);
    const before = spanOf(story);
    let widest = 0;
    const record = () => (widest = Math.max(widest, spanOf(story)));
    timelineOf(story).addEventListener('reel-range-change', record);
    const real = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => real((now) => callback(now + 10_000));
    try {
      story.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="nav"] button')[1]!.click();
      await waitFor(() => expect(timelineOf(story).selected).toBe('filming-begins-italy'));
      await settled(story);
    } finally {
      window.requestAnimationFrame = real;
      timelineOf(story).removeEventListener('reel-range-change', record);
    }
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches)
      expect(widest).toBeGreaterThan(Math.max(before, spanOf(story)));
  },
};
