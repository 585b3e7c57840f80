/**
 * Every word the elements show or announce, as one table per language. English is built in;
 * other languages are registered (`registerMessages`) or loaded on first use (see `locales.ts`),
 * and a page can override any entry through an element's `strings` property.
 *
 * Templates name their values in braces (`"{count} events"`); a plural entry gives one template
 * per CLDR plural category (`one`, `few`, `other`…), chosen with `Intl.PluralRules`. Numbers and
 * dates are formatted with `Intl` in the element's locale before they are filled in.
 *
 * @module
 */
import { ENGLISH_DATE_WORDS, fillTemplate, type DateWords, type EventStatus } from '@reeltime/core';
import type * as ContactWords from './contact-words.js';
import type * as ErasWords from './eras-words.js';
import type * as PartWords from './part-words.js';

/** The rows of the keyboard map, in the order shown. */
export const KEYBOARD_ROWS = ['move', 'lanes', 'ends', 'page', 'zoom', 'reset', 'select', 'close', 'help'] as const;
export type KeyboardRow = (typeof KEYBOARD_ROWS)[number];

/** One row of the keyboard map: the keys as shown (each in its own `<kbd>`) and what they do. */
export interface KeyboardRowWords {
  readonly keys: readonly string[];
  readonly action: string;
}

/** One template per plural category; `other` is required. */
export type PluralTemplate = { readonly other: string } & Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

/** The words of the elements, in one language. */
export interface MessageTable {
  /** The timeline's name when neither `label` nor the dataset's title gives one. */
  readonly timeline: string;
  /** Role description of the chart for screen readers. */
  readonly roleTimeline: string;
  /** How many events: `{count}`. */
  readonly events: PluralTemplate;
  /** The chart's accessible name: `{name}`, `{events}` (the count text), `{range}` (the visible range). */
  readonly chartName: string;
  /** The chart's name before anything is laid out. */
  readonly chartNameNoRange: string;
  readonly zoomGroup: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  /** The reset button's name and its short visible text. */
  readonly showAll: string;
  readonly showAllShort: string;
  readonly loading: string;
  readonly noEvents: string;
  /** The progress bar while a data source's answer is on its way. */
  readonly loadingView: string;
  /** The marker line's label for `marker="today"`. */
  readonly today: string;
  /** A lane without a label. */
  readonly laneFallback: string;
  /** The label of an event that is only planned: `{title}` with a status word. */
  readonly labelPlanned: string;
  /** A dense region's name: `{events}` (the count text), `{range}`. */
  readonly denseRegion: string;
  /** The notice: problems in the data (`{count}`), then how many items are not shown (`{count}`). */
  readonly problems: PluralTemplate;
  readonly notShown: PluralTemplate;
  readonly allShown: string;
  /** `{count}` more problems than the notice lists. */
  readonly moreProblems: string;
  /** The notice: the `time-zone` attribute (`{value}`) names no time zone; times are shown in UTC. */
  readonly badTimeZone: string;
  /** The notice: the `locale` attribute (`{value}`) is no language the browser knows; `{fallback}` is used. */
  readonly badLocale: string;
  readonly dismiss: string;
  /** The details: `{title}`. */
  readonly details: string;
  readonly closeDetails: string;
  readonly lane: string;
  readonly where: string;
  readonly people: string;
  readonly tags: string;
  readonly link: string;
  readonly sources: string;
  /** An era band's name: `{title}`, `{dates}`. */
  readonly eraName: string;
  /** The marker line's name: `{label}`. */
  readonly markerName: string;
  /** The legend of how dates are drawn: its title, then one entry per encoding. */
  readonly legend: string;
  readonly legendExact: string;
  readonly legendPeriod: string;
  readonly legendApproximate: string;
  readonly legendPlanned: string;
  readonly legendUncertain: string;
  readonly legendCancelled: string;
  /** Story mode: the step buttons, the step counter (`{step}`, `{count}`), a step's link. */
  readonly storyPrevious: string;
  readonly storyNext: string;
  readonly storyStep: string;
  readonly storyLink: string;
  /** Story mode's accessible name: `{title}`. */
  readonly story: string;
  /** The sources' heading when there are `{count}` of them (one, or several). */
  readonly sourceCount: PluralTemplate;
  /** The flag on an event that cites no source. */
  readonly noSource: string;
  /** The link to where a source was first published, beside the link to its copy. */
  readonly sourceOriginal: string;
  /** The sources view: how many events a source supports (`{count}`). */
  readonly sourceSupports: PluralTemplate;
  /** The sources view: beside an event that cites `{count}` sources (two or more). */
  readonly sourceOfSeveral: PluralTemplate;
  /** The sources view: the heading over the `{count}` events that cite no source. */
  readonly unsourced: PluralTemplate;
  /** The sources view: `{count}` more events than it lists. */
  readonly moreEvents: string;
  /** The hint shown when a plain wheel scrolled the page instead of zooming (Ctrl, or ⌘ on a Mac). */
  readonly wheelHint: string;
  readonly wheelHintMac: string;
  /** The overview strip's name, its value text (`{range}`) and how to use it from the keyboard. */
  readonly overview: string;
  readonly overviewValue: string;
  readonly overviewHelp: string;
  /** The keyboard map: its button's name, its dialog's title and close button, and its rows. */
  readonly keyboardMap: string;
  readonly keyboardMapClose: string;
  readonly keyboard: Readonly<Record<KeyboardRow, KeyboardRowWords>>;
  /** Announced once the view settles: `{range}` (the visible range), `{events}` (the count text in view). */
  readonly rangeStatus: string;
  /** The view toggle in the header: its group's name and the two views. */
  readonly viewGroup: string;
  readonly viewChart: string;
  readonly viewTable: string;
  /** The table's caption: `{name}`, `{events}` (the count text). */
  readonly tableCaption: string;
  readonly columnDate: string;
  readonly columnTitle: string;
  readonly columnStatus: string;
  /**
   * The table's pages (more rows than one scroll box holds): the pager's name, its buttons, and the
   * rows shown (`{from}`, `{to}`, `{total}`).
   */
  readonly tablePages: string;
  readonly tablePrevious: string;
  readonly tableNext: string;
  readonly tableRows: string;
  /** A third party's player in the details: the button that loads it (`{host}`), the note beside it, the link to open it there, and the player's name. */
  readonly mediaLoad: string;
  readonly mediaNotice: string;
  readonly mediaOpen: string;
  readonly mediaFrame: string;
  /**
   * The export toolbar (the `export` attribute): its button and its group's name, each file, and a
   * failure (`{reason}`). Optional here: the English words load with the toolbar (its own chunk).
   */
  readonly exportMenu?: string;
  readonly exportSvg?: string;
  readonly exportPng?: string;
  readonly exportCsv?: string;
  readonly exportJson?: string;
  readonly exportFailed?: string;
  /** Event statuses as words (`confirmed` is usually not shown). */
  readonly status: Readonly<Record<EventStatus, string>>;
  /** Words around coarse and uncertain dates. */
  readonly dates: DateWords;
}

/** Some of a table's entries (a language may leave some to English; a page may override a few). */
export type PartialMessages = Partial<Omit<MessageTable, 'dates' | 'status' | 'keyboard'>> & {
  readonly dates?: Partial<DateWords>;
  readonly keyboard?: Partial<Record<KeyboardRow, KeyboardRowWords>>;
  readonly status?: Partial<Record<EventStatus, string>>;
};

/** The keys of a module's word tables. */
type KeysOf<M> = { [T in keyof M]: keyof M[T] }[keyof M];

/**
 * The words only a part loaded on first use shows: the keys of `part-words.ts`'s tables, and of the
 * tables of the parts whose chunks do not load that one (`eras-words.ts`, `contact-words.ts`), which
 * hold their English (a word added there leaves the entry's English without another list to edit).
 */
export type PartWordKey = KeysOf<typeof PartWords> | KeysOf<typeof ErasWords> | KeysOf<typeof ContactWords>;

/**
 * English for the words the entry chunk itself shows. Each part loaded on first use (the notice,
 * the details, the legend, the table…) brings its own words' English (`part-words.ts`), added to
 * this table when it arrives (`addEnglish` in `locales.ts`).
 */
export const ENGLISH: Omit<MessageTable, PartWordKey> = {
  timeline: 'Timeline',
  roleTimeline: 'timeline',
  events: { one: '{count} event', other: '{count} events' },
  chartName: '{name}: {events}, showing {range}',
  chartNameNoRange: '{name}: {events}',
  zoomGroup: 'Zoom',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  showAll: 'Show all events',
  showAllShort: 'All',
  loading: 'Loading…',
  noEvents: 'No events to show',
  loadingView: 'Loading events in view',
  today: 'Today',
  laneFallback: 'Events',
  labelPlanned: '{title} (planned)',
  denseRegion: '{events}, {range}: zoom in to show them',
  badTimeZone: 'The time-zone attribute "{value}" is not a time zone (such as "Europe/Paris"); times are shown in UTC.',
  badLocale:
    'The locale attribute "{value}" is not a language this browser knows (such as "fr-FR"); {fallback} is used.',
  sources: 'Sources',
  markerName: 'Marker: {label}',
  keyboardMap: 'Keyboard shortcuts',
  rangeStatus: 'Showing {range}: {events}',
  viewGroup: 'View',
  viewChart: 'Chart',
  viewTable: 'Table',
  status: {
    confirmed: 'confirmed',
    approximate: 'approximate',
    uncertain: 'uncertain',
    planned: 'planned',
    cancelled: 'cancelled',
  },
  dates: ENGLISH_DATE_WORDS,
};

/**
 * The English words of the parts that have arrived (`addEnglish`): the prototype of every table
 * (and of every table's keyboard rows), so a table's own words, a language's or a page's, come
 * first, and a part's English is there for every table the moment the part arrives, without new
 * tables (which would start the layout over). A part's words are read only by that part, which
 * renders only once it has arrived; until then they are missing, which the type does not say
 * (`english.ts` proves the entry's words and the parts' together whole).
 */
const partWords: Partial<MessageTable> = {};
const partKeys: Partial<Record<KeyboardRow, KeyboardRowWords>> = {};

/** Adds a part's English words (done by `LazyPart` when the part's chunk arrives). */
export function addEnglish(words: Partial<MessageTable>): void {
  const { keyboard, ...rest } = words;
  Object.assign(partWords, rest);
  Object.assign(partKeys, keyboard);
}

/** `tables` merged over the parts' English words. */
function overParts(...tables: (Partial<MessageTable> | PartialMessages)[]): MessageTable {
  const keyboard = Object.assign(Object.create(partKeys) as MessageTable['keyboard'], ...tables.map((t) => t.keyboard));
  return Object.assign(Object.create(partWords) as MessageTable, ...tables, { keyboard });
}

/** English as the elements start with it: the entry's words, then each part's as it arrives. */
export const ENGLISH_TABLE: MessageTable = overParts(ENGLISH);

/** A table with `over`'s entries in place of `base`'s. */
export function mergeMessages(base: MessageTable, over: PartialMessages | undefined): MessageTable {
  if (!over) return base;
  return overParts(base, over, {
    status: { ...base.status, ...over.status },
    dates: {
      ...base.dates,
      ...over.dates,
      parts: { ...base.dates.parts, ...over.dates?.parts },
      seasons: { ...base.dates.seasons, ...over.dates?.seasons },
    },
  });
}

/** Plain string entries of a table (the ones `text` can fill). */
type TextKey = { [K in keyof MessageTable]-?: MessageTable[K] extends string ? K : never }[keyof MessageTable];
type PluralKey = {
  [K in keyof MessageTable]-?: MessageTable[K] extends PluralTemplate ? K : never;
}[keyof MessageTable];

/** A table bound to a locale: fills templates, formats numbers and picks plural forms. */
let made = 0;

export class Messages {
  /** Distinct per instance: caches of formatted names key on it. */
  readonly id = ++made;
  readonly table: MessageTable;
  readonly locale: string | undefined;
  readonly #plural: Intl.PluralRules;
  readonly #number: Intl.NumberFormat;

  constructor(table: MessageTable, locale: string | undefined) {
    this.table = table;
    this.locale = locale;
    this.#plural = new Intl.PluralRules(locale);
    this.#number = new Intl.NumberFormat(locale);
  }

  /** A plain entry, its `{names}` filled from `values`. */
  text(key: TextKey, values: Readonly<Record<string, string>> = {}): string {
    return fillTemplate(this.table[key], values);
  }

  /** A plural entry for `count`, with `{count}` in the locale's digits and grouping. */
  count(key: PluralKey, count: number, values: Readonly<Record<string, string>> = {}): string {
    const forms = this.table[key];
    const template = forms[this.#plural.select(count)] ?? forms.other;
    return fillTemplate(template, { ...values, count: this.#number.format(count) });
  }

  /** A number in the locale's digits and grouping. */
  number(value: number): string {
    return this.#number.format(value);
  }
}
