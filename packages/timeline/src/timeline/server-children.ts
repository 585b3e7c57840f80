/**
 * `<reel-event>` children read on a server, by timeline element. A server render has no DOM to read
 * a host's children from, and renders a host before them: `renderTimelines`
 * (`@reeltime/timeline/ssr`) reads them from a first render's markup and leaves them here for the
 * element before it renders again. Node only (reached through `#preloaded`, preloaded.node.ts).
 *
 * @module
 */
import type { TimelineEventInput } from '@reeltime/core';

/** Event input as read from `<reel-event>` elements (see `readEventElement`). */
export type ChildEventInput = Partial<TimelineEventInput> & Record<string, unknown>;

/** The children read for each timeline element (never empty: a timeline without any is not listed). */
export const serverChildren = new WeakMap<object, readonly ChildEventInput[]>();
