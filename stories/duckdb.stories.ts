/**
 * A million events in DuckDB-WASM: generated in the page with DuckDB's `range()` (no file to
 * download), answered per view by SQL through @reeltime/duckdb. Kept out of the story tests
 * (`!test`): making a million rows in WebAssembly takes seconds; the element over DuckDB-WASM is
 * tested in packages/timeline/src/timeline/duckdb.test.ts on a small file.
 */
import '@reeltime/timeline/define/reel-timeline.js';
import type { ReelTimeline } from '@reeltime/timeline';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  /** Events to generate. */
  count: number;
}

const meta = {
  title: 'Timeline/Large data (DuckDB)',
  component: 'reel-timeline',
  tags: ['!test', '!autodocs'],
  args: { count: 1_000_000 },
  render: ({ count }) => {
    const mount = async (el: ReelTimeline) => {
      const { openGenerated } = await import('@reeltime/duckdb/wasm');
      el.source = await openGenerated({ count, title: `${count.toLocaleString('en')} events in DuckDB-WASM` });
    };
    queueMicrotask(() => {
      const el = document.querySelector<ReelTimeline>('reel-timeline#duckdb-story');
      if (el && !el.source) void mount(el);
    });
    return html`<reel-timeline id="duckdb-story" lang="en-US" style="height: 520px"></reel-timeline>`;
  },
} satisfies Meta<Args>;

export default meta;

/** One million generated events, six lanes, 25 years. */
export const MillionEvents: StoryObj<Args> = {};
