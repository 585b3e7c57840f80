/**
 * Registers `<reel-event>` alone. `define/reel-timeline.js` imports it (both tags at once); the
 * single-file bundle loads it as a chunk, when a page has `<reel-event>` elements or else when it is
 * idle (docs/decisions/bundle-size.md, the thirteenth round).
 */
import { ReelEvent } from '../event/event.js';

if (!customElements.get('reel-event')) customElements.define('reel-event', ReelEvent);

export { ReelEvent };
