// Svelte 5 reads element props from `svelte/elements`; the typings add <reel-timeline> there.
import type {} from '@reeltime/timeline/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
import deadReckoning from '@reeltime/data';

export const props: SvelteHTMLElements['reel-timeline'] = {
  data: deadReckoning,
  theme: 'dark',
  'onreel-select': (e) => console.log(e.detail.event?.title),
};
// @ts-expect-error: theme is 'auto' | 'light' | 'dark'
export const wrong: SvelteHTMLElements['reel-timeline'] = { theme: 'blue' };
