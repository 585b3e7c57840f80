// The server-rendering helper is a typed, server-only subpath (never bundled for the page).
import { renderTimelines, type RenderTimelinesOptions } from '@reeltime/timeline/ssr';

const options: RenderTimelinesOptions = { base: 'https://example.org/timeline/' };
export const page: Promise<string> = renderTimelines('<reel-timeline></reel-timeline>', options);
// @ts-expect-error `base` is the page's address, a string
export const wrong = renderTimelines('', { base: 1 });
