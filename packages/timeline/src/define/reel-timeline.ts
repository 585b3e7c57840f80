/**
 * Registers `<reel-timeline>` and `<reel-event>`. Safe to import more than once (a second copy of
 * the library on the page does not throw).
 */
import { ReelEvent } from '../event/event.js';
import { ReelTimeline } from '../timeline/timeline.js';

if (!customElements.get('reel-event')) customElements.define('reel-event', ReelEvent);
if (!customElements.get('reel-timeline')) customElements.define('reel-timeline', ReelTimeline);

export { ReelEvent, ReelTimeline };
