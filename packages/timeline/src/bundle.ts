/**
 * Entry of the single-file ESM bundle (`dist/reeltime.bundle.js`): Lit and the d3 parts included,
 * the elements registered, the classes exported. For `<script type="module" src=…>` and CDNs.
 *
 * Every value `index.ts` exports but `ENGLISH_MESSAGES`, the whole English table: in the bundle the
 * words of each part loaded on first use travel with that part (`i18n/part-words.ts`), and the
 * whole table would bring them all back into this entry (docs/decisions/bundle-size.md, the tenth
 * round). `registerMessages` and each element's `strings` work as before.
 */
export {
  ReelEvent,
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
export * from './define/reel-timeline.js';
