/**
 * The English words of the parts loaded on first use, one table per part: they travel with the
 * part's chunk (this module is its own small chunk in the bundle, shared by the parts), not with
 * the entry, and are added to the English table when the part arrives (`addEnglish`, called by
 * `LazyPart`, or by the overview's and the story's own modules). Other languages keep every word
 * in their own chunk (`locales/`), and a page's `strings` override any of them as before.
 *
 * Each table's keys are the only list of its words: `PartWordKey` (`messages.ts`), the words the
 * entry's English leaves out, is derived from them. The eras' and the first contact's words are in
 * modules of their own (`eras-words.ts`, `contact-words.ts`): their chunks do not load this one,
 * and importing it would add a file fetched after theirs, before they can draw.
 *
 * @module
 */
import type { MessageTable } from './messages.js';

/** The problems notice (`render/notice.ts`). */
export const NOTICE_WORDS = {
  problems: { one: '{count} problem in the data', other: '{count} problems in the data' },
  notShown: { one: '{count} item is not shown.', other: '{count} items are not shown.' },
  allShown: 'everything is shown.',
  moreProblems: '…and {count} more (see the problems property).',
  dismiss: 'Dismiss',
} satisfies Partial<MessageTable>;

/** The details (`render/details.ts`, `render/media.ts`). */
export const DETAILS_WORDS = {
  details: 'Details: {title}',
  closeDetails: 'Close details',
  where: 'Where',
  people: 'People',
  tags: 'Tags',
  link: 'Link',
  mediaLoad: 'Load from {host}',
  mediaNotice: 'Shown only when you ask: loading it sends a request to {host}.',
  mediaOpen: 'Open on {host}',
  mediaFrame: 'Embedded content from {host}',
} satisfies Partial<MessageTable>;

/** Shown by the details and the table view. */
export const LANE_WORDS = {
  lane: 'Lane',
} satisfies Partial<MessageTable>;

/** Sources, in the details and the sources view (`render/sources.ts`). */
export const SOURCES_WORDS = {
  sourceCount: { one: 'Source', other: '{count} sources' },
  noSource: 'No source cited',
  sourceOriginal: 'original',
} satisfies Partial<MessageTable>;

/** The sources view (`render/sources-view.ts`). */
export const SOURCES_VIEW_WORDS = {
  sourceSupports: { one: 'Supports {count} event:', other: 'Supports {count} events:' },
  sourceOfSeveral: { one: 'its only source', other: 'one of {count} sources' },
  unsourced: { one: '{count} event cites no source', other: '{count} events cite no source' },
  moreEvents: '…and {count} more.',
} satisfies Partial<MessageTable>;

/** The legend of how dates are drawn (`render/legend.ts`). */
export const LEGEND_WORDS = {
  legend: 'How dates are drawn',
  legendExact: 'Exact date',
  legendPeriod: 'Known to the month or year: somewhere in the span',
  legendApproximate: 'Approximate (c., late 2020)',
  legendPlanned: 'Planned or announced',
  legendUncertain: 'Uncertain',
  legendCancelled: 'Cancelled',
} satisfies Partial<MessageTable>;

/** `<reel-story>` (`story/story.ts`). */
export const STORY_WORDS = {
  storyPrevious: 'Previous',
  storyNext: 'Next',
  storyStep: 'Step {step} of {count}',
  storyLink: 'Link to this step',
  story: 'Story: {title}',
} satisfies Partial<MessageTable>;

/** `<reel-overview>` (`overview/overview.ts`). */
export const OVERVIEW_WORDS = {
  overview: 'Overview: visible range',
  overviewValue: 'Showing {range}',
  overviewHelp: 'Arrow keys move the visible range, Shift + arrow keys widen or narrow it.',
} satisfies Partial<MessageTable>;

/** The keyboard map (`render/keys.ts`). */
export const KEYS_WORDS = {
  keyboardMapClose: 'Close',
  keyboard: {
    move: { keys: ['←', '→'], action: 'Previous or next event in time' },
    lanes: { keys: ['↑', '↓'], action: 'Nearest event in the lane above or below' },
    ends: { keys: ['Home', 'End'], action: 'First or last event' },
    page: { keys: ['Page Up', 'Page Down'], action: 'Pan one screen earlier or later' },
    zoom: { keys: ['+', '−'], action: 'Zoom in or out around the focused event' },
    reset: { keys: ['0'], action: 'Show all events' },
    select: { keys: ['Enter', 'Space'], action: 'Select or unselect the focused event' },
    close: { keys: ['Esc'], action: 'Close the details and return to the event' },
    help: { keys: ['?'], action: 'Show these keys' },
  },
} satisfies Partial<MessageTable>;

/** The table view (`render/table.ts`). */
export const TABLE_WORDS = {
  tableCaption: '{name}: {events}',
  columnDate: 'Date',
  columnTitle: 'Title',
  columnStatus: 'Status',
  tablePages: 'Table pages',
  tablePrevious: 'Previous rows',
  tableNext: 'Next rows',
  tableRows: 'Rows {from}–{to} of {total}',
} satisfies Partial<MessageTable>;
