/**
 * Entry of the single-file ESM bundle (`dist/reeltime.bundle.js`): Lit and the d3 parts included,
 * the elements registered, the classes exported. For `<script type="module" src=…>` and CDNs.
 */
export * from './index.js';
export * from './define/reel-timeline.js';
