/**
 * `<reel-timeline>` in React 19: React sets `data` as a property (it is one on the element) and
 * listens to `reel-select` through the `onreel-select` prop. The JSX typings come from
 * `@reeltime/timeline/react`.
 */
import type {} from '@reeltime/timeline/react';
import '@reeltime/timeline/define/reel-timeline.js';
import deadReckoning from '@reeltime/data';
import type { ReelSelectEvent } from '@reeltime/timeline';
import { useState } from 'react';

export function App() {
  const [selected, setSelected] = useState<string | null>(null);
  const onSelect = (e: ReelSelectEvent) => setSelected(e.detail.event?.title ?? null);
  return (
    <main>
      <h1>Dead Reckoning Part One, in React</h1>
      <reel-timeline data={deadReckoning} locale="en-GB" marker="" onreel-select={onSelect} />
      <p aria-live="polite" data-testid="selection">
        {selected ? `Selected: ${selected}` : 'Select an event on the timeline.'}
      </p>
    </main>
  );
}
