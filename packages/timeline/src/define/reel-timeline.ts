/**
 * Registers `<reel-timeline>` and `<reel-event>`. Safe to import more than once (a second copy of
 * the library on the page does not throw).
 *
 * Importing this module also brings in the typings a page needs: the tag names in
 * `HTMLElementTagNameMap` and the `reel-*` events in `GlobalEventHandlersEventMap`, so that
 * `timeline.addEventListener('reel-select', (e) => e.detail.event)` type-checks. (The events are
 * re-exported for that reason: a declaration file only carries what its module imports.)
 */
import { ReelEvent } from './reel-event.js';
import { ReelTimeline } from '../timeline/timeline.js';

// `<reel-event>` is defined first (by the module imported above): children given properties before
// then reflect them in updates that come before their timeline's first.
if (!customElements.get('reel-timeline')) customElements.define('reel-timeline', ReelTimeline);

export { ReelEvent, ReelTimeline };
export { ReelInvalidEvent, ReelRangeChangeEvent, ReelSelectEvent } from '../events/events.js';
export type { ReelInvalidDetail, ReelRangeChangeDetail, ReelSelectDetail } from '../events/events.js';
