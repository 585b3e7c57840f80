import deadReckoning, { datasetUrl } from '@reeltime/data';
import '@reeltime/timeline/define/reel-timeline.js';
import type { ReelTimeline } from '@reeltime/timeline';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, spyOn, userEvent, waitFor } from 'storybook/test';
import { BACKSTOP } from './backstop.js';

interface Args {
  /** `view` exports the range on screen, `all` the whole range of the data. */
  range: 'view' | 'all';
  /** PNG pixels per CSS pixel (0: the device pixel ratio). */
  scale: number;
  /** The element's own export toolbar: the files it offers (`svg png csv json`), or empty for none. */
  formats: string;
}

const FILES = [
  { label: 'JSON', name: 'timeline.json', make: (el: ReelTimeline) => el.exportData('json', { blob: true }) },
  { label: 'CSV', name: 'timeline.csv', make: (el: ReelTimeline) => el.exportData('csv', { blob: true, bom: true }) },
] as const;

/** Calls an export method and puts a download link for its result under the buttons. */
async function exportTo(button: HTMLElement, name: string, make: (el: ReelTimeline) => Promise<string | Blob>) {
  const root = button.closest('.export-story')!;
  const el = root.querySelector('reel-timeline')!;
  const result = await make(el);
  const blob = typeof result === 'string' ? new Blob([result], { type: 'text/plain' }) : result;
  const list = root.querySelector('.downloads')!;
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  // Text, not HTML: the name and size only.
  link.textContent = `${name} (${Math.ceil(blob.size / 1024)} KB)`;
  item.append(link);
  list.append(item);
}

const meta = {
  title: 'Timeline/Export',
  component: 'reel-timeline',
  args: { range: 'view', scale: 0, formats: 'svg png csv json' },
  argTypes: {
    range: { control: 'inline-radio', options: ['view', 'all'] },
    scale: { control: { type: 'number', min: 0, max: 4, step: 0.5 } },
    formats: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Exports from the element: `exportData("json" | "csv", { blob? })` gives the dataset as a string or a Blob; ' +
          '`exportImage("svg" | "png", { range?, scale?, blob? })` gives a standalone SVG (styles inlined, text as text) ' +
          'or a PNG Blob. The exporter loads on the first call, as its own chunk. ' +
          'The `export` attribute (`export="svg png csv json"`) adds the element\'s own toolbar: a Download ' +
          'button in the header opening those files, each downloaded after a cancelable `reel-export` event.',
      },
    },
  },
  render: (args) => {
    const image = (format: 'svg' | 'png') => (el: ReelTimeline) =>
      el.exportImage(format, { range: args.range, blob: true, ...(args.scale > 0 ? { scale: args.scale } : {}) });
    const buttons = [
      ...FILES,
      { label: 'SVG', name: 'timeline.svg', make: image('svg') },
      { label: 'PNG', name: 'timeline.png', make: image('png') },
    ];
    return html`<div class="export-story">
      <div role="group" aria-label="Export" style="display:flex;gap:8px;margin-bottom:8px">
        ${buttons.map(
          (b) =>
            html`<button type="button" @click=${(e: Event) => exportTo(e.currentTarget as HTMLElement, b.name, b.make)}>
              Export ${b.label}
            </button>`,
        )}
      </div>
      <ul class="downloads" aria-label="Downloads"></ul>
      <reel-timeline
        .data=${deadReckoning}
        base=${datasetUrl}
        locale="en-US"
        marker=""
        export=${args.formats || nothing}
      ></reel-timeline>
    </div>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Each button makes a file and a link to download it. */
export const Buttons: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('reel-timeline')!;
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="event"]').length).toBeGreaterThan(10), {
      timeout: BACKSTOP,
    });
    const links = () => [...canvasElement.querySelectorAll<HTMLAnchorElement>('.downloads a')];
    for (const [i, button] of [
      ...canvasElement.querySelectorAll<HTMLButtonElement>('[aria-label="Export"] button'),
    ].entries()) {
      await userEvent.click(button);
      await waitFor(() => expect(links().length).toBe(i + 1), { timeout: BACKSTOP });
    }
    expect(links().map((a) => a.download)).toEqual(['timeline.json', 'timeline.csv', 'timeline.svg', 'timeline.png']);
    const svg = await (await fetch(links()[2]!.href)).text();
    expect(svg).toContain('Filming wraps');
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  },
};

/** The whole range of the data, however the view is zoomed. */
export const WholeRange: Story = { args: { range: 'all', scale: 1 } };

/** The toolbar's Download button, its popover and the files in it (in the timeline's shadow root). */
function toolbar(el: ReelTimeline) {
  const part = el.shadowRoot!.querySelector<HTMLElement>('[part~="export"]')!;
  const menu = part.querySelector<HTMLElement>('[popover]')!;
  return { button: part.querySelector<HTMLButtonElement>('button[popovertarget]')!, menu };
}

/**
 * The element's own toolbar (`export="svg png csv json"`): Download opens the files; choosing
 * one fires `reel-export` with the file and downloads it (here the link's click is intercepted).
 */
export const Toolbar: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('reel-timeline')!;
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="export"] [popover]')).not.toBeNull(), {
      timeout: BACKSTOP,
    });
    const { button, menu } = toolbar(el);
    const clicked: HTMLAnchorElement[] = [];
    const click = spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    try {
      const exported: Blob[] = [];
      el.addEventListener('reel-export', (e) => exported.push(e.detail.blob));
      await userEvent.click(button);
      await waitFor(() => expect(menu.matches(':popover-open')).toBe(true));
      await userEvent.click(menu.querySelector<HTMLButtonElement>('[data-format="csv"]')!);
      await waitFor(() => expect(clicked).toHaveLength(1), { timeout: BACKSTOP });
      expect(clicked[0]!.download).toBe('Mission Impossible – Dead Reckoning Part One production history.csv');
      expect(clicked[0]!.href).toMatch(/^blob:/);
      expect(exported).toHaveLength(1);
      expect(await exported[0]!.text()).toContain('Filming wraps');
      expect(menu.matches(':popover-open')).toBe(false);
    } finally {
      click.mockRestore();
    }
  },
};

/** The toolbar's popover left open, so that axe checks it too (light, dark, forced colours). */
export const ToolbarOpen: Story = {
  args: { formats: 'png svg' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('reel-timeline')!;
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="export"] [popover]')).not.toBeNull(), {
      timeout: BACKSTOP,
    });
    const { button, menu } = toolbar(el);
    await userEvent.click(button);
    await waitFor(() => expect(menu.matches(':popover-open')).toBe(true));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect([...menu.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual(['PNG image', 'SVG image']);
  },
};
