// The README's TypeScript snippet, as a user would paste it: the define module alone brings the
// tag names and the typed `reel-*` events.
import '@reeltime/timeline/define/reel-timeline.js';
import deadReckoning from '@reeltime/data';

const timeline = document.querySelector('reel-timeline')!;
timeline.data = deadReckoning; // or: timeline.events = [{ id, title, start, … }]
timeline.addEventListener('reel-select', (e) => console.log(e.detail.event?.title));
timeline.addEventListener('reel-range-change', (e) => console.log(e.detail.from, e.detail.to));
timeline.addEventListener('reel-invalid', (e) => console.warn(e.detail.problems));

// @ts-expect-error: a ReelSelectEvent's detail has no `from`
timeline.addEventListener('reel-select', (e) => console.log(e.detail.from));
// @ts-expect-error: theme is 'auto' | 'light' | 'dark'
timeline.theme = 'blue';

export { timeline };
