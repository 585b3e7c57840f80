// React 19: <reel-timeline> in JSX, with the dataset as a property and a typed reel-select handler.
import type {} from '@reeltime/timeline/react';
import '@reeltime/timeline/define/reel-timeline.js';
import deadReckoning from '@reeltime/data';

export function App({ onSelect }: { onSelect: (title: string | undefined) => void }) {
  return (
    <reel-timeline
      data={deadReckoning}
      locale="en-GB"
      theme="dark"
      onreel-select={(e) => onSelect(e.detail.event?.title)}
      onreel-range-change={(e) => console.log(e.detail.from, e.detail.to)}
    >
      <reel-event event-id="wrap" start="2021-09" lane="production">
        <strong>Filming wraps</strong>
      </reel-event>
    </reel-timeline>
  );
}

// @ts-expect-error: theme is 'auto' | 'light' | 'dark'
export const wrongTheme = <reel-timeline theme="blue" />;
// @ts-expect-error: there is no `colour` prop
export const unknownProp = <reel-timeline colour="red" />;
// @ts-expect-error: data is a dataset, not a number
export const wrongData = <reel-timeline data={42} />;
// @ts-expect-error: the handler receives a ReelSelectEvent, whose detail has no `from`
export const wrongHandler = <reel-timeline onreel-select={(e) => e.detail.from} />;
