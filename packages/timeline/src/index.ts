/**
 * `@reeltime/timeline`: the Lit elements. Importing this module defines nothing; import
 * `@reeltime/timeline/define/reel-timeline.js` (or the single-file bundle) to register the tags.
 *
 * @packageDocumentation
 */
export { ReelTimeline } from './timeline/timeline.js';
export type { VisibleRange } from './timeline/timeline.js';
export { ReelEvent } from './event/event.js';
export { readEventElement } from './event/read-event.js';
export { ReelInvalidEvent, ReelRangeChangeEvent, ReelSelectEvent } from './events/events.js';
export type { ReelInvalidDetail, ReelRangeChangeDetail, ReelSelectDetail } from './events/events.js';
// Types only: the overview is registered (and loaded) by `define/reel-overview.js`, so that the
// bundle's entry does not carry it (see docs/decisions/bundle-size.md, the fifth round).
export type { ReelOverviewChangeDetail, ReelOverviewChangeEvent } from './events/events.js';
// Types only: `reel-export` is fired by the export toolbar, which loads as its own chunk.
export type { ExportFormat, ReelExportDetail, ReelExportEvent } from './events/export.js';
export type { ReelOverview } from './overview/overview.js';
export type { WheelMode } from './controllers/gesture-controller.js';
// <reel-story> as types only: its code loads with `define/reel-story.js`, not with this entry (or
// the single-file bundle). The framework typings (`/react`, `/vue`, `/svelte`) name them from here.
export type { ReelStepChangeDetail, ReelStepChangeEvent, ReelStory, StoryStep } from './story/story.js';
export { ResizeController } from './controllers/resize-controller.js';
export { ZoomController } from './controllers/zoom-controller.js';
export type { ZoomControllerOptions } from './controllers/zoom-controller.js';
export { registerMessages } from './i18n/locales.js';
export { ENGLISH_MESSAGES } from './i18n/english.js';
export type { MessageTable, PartialMessages, PluralTemplate } from './i18n/messages.js';
