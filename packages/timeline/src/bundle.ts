/**
 * Entry of the single-file ESM bundle (`dist/reeltime.bundle.js`): Lit and the d3 parts included,
 * the elements registered, the classes exported. For `<script type="module" src=…>` and CDNs.
 *
 * Every value `index.ts` exports but `ENGLISH_MESSAGES`, the whole English table: in the bundle the
 * words of each part loaded on first use travel with that part (`i18n/part-words.ts`), and the
 * whole table would bring them all back into this entry (docs/decisions/bundle-size.md, the tenth
 * round). `registerMessages` and each element's `strings` work as before.
 *
 * Nor `ReelEvent`, a type only here: `<reel-event>` is defined by a chunk (`define/reel-event.js`),
 * loaded at once when the page has `<reel-event>` elements, else when the page is idle;
 * `customElements.whenDefined('reel-event')` resolves then, and `customElements.get('reel-event')`
 * is the class. A timeline needs no definition to read its children (`readEventElement`: their
 * fields and text), so its first view does not wait for it (docs/decisions/bundle-size.md, the
 * thirteenth round).
 */
import { ReelTimeline } from './timeline/timeline.js';

export {
  ReelInvalidEvent,
  ReelRangeChangeEvent,
  ReelSelectEvent,
  ReelTimeline,
  ResizeController,
  ZoomController,
  readEventElement,
  registerMessages,
} from './index.js';
export type * from './index.js';

if (!customElements.get('reel-timeline')) customElements.define('reel-timeline', ReelTimeline);
const defineEvent = () => import('./define/reel-event.js');
if (document.querySelector('reel-event')) void defineEvent();
else (self.requestIdleCallback ?? setTimeout)(defineEvent);
