/**
 * The event model: what a dataset file holds (`*Input` types, plain JSON) and what parsing turns it
 * into (dates parsed at their precision, defaults applied, problems collected).
 *
 * @module
 */
import type { TimeCoord } from './calendar.js';
import type { TimePoint } from './date.js';

/** How sure the dataset is about an event. */
export const EVENT_STATUSES = ['confirmed', 'approximate', 'uncertain', 'planned', 'cancelled'] as const;
/** How sure the dataset is about an event. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A citation as written in a dataset file. At least one of `file` or `url` says where it is. */
export interface SourceInput {
  /** The source's headline; for an untitled text, its opening words ending in "…". */
  title: string;
  /** Who published it. */
  publisher?: string;
  /** When it was published, as a reeltime date string. */
  published?: string;
  /**
   * A copy of the source, as a path relative to the dataset file (e.g. `../sources/000.txt`).
   * A viewer that loaded the dataset from a URL resolves it against that URL.
   */
  file?: string;
  /** Where the source was published, as an http(s) URL. */
  url?: string;
  /** A short verbatim quote from the source that supports the event. */
  quote?: string;
}

/**
 * A picture, video or page that goes with an event (TimelineJS3's `media`), as written in a dataset
 * file. Kept as data: the element links to it and never loads a third party on its own.
 */
export interface MediaInput {
  /** An http(s) URL of the image, video or page. */
  url: string;
  /** What it shows; plain text. */
  caption?: string;
  /** Who made it; plain text. */
  credit?: string;
  /** An http(s) URL of a small image of it. */
  thumbnail?: string;
}

/** A lane (row group) as written in a dataset file. */
export interface LaneInput {
  id: string;
  label: string;
  description?: string;
}

/** An era (a labelled background band) as written in a dataset file. */
export interface EraInput {
  id: string;
  title: string;
  start: string;
  /** Inclusive at its precision: `"2021-09"` runs to the end of September 2021. */
  end: string;
  description?: string;
  sources?: SourceInput[];
}

/** A named marker line (a premiere, a deadline) as written in a dataset file. */
export interface MarkerInput {
  /** The date the line marks; drawn at the start of its span (`"2023-07-12"`, `"2020-03"`). */
  date: string;
  /** The line's label. */
  label: string;
}

/** An event as written in a dataset file or passed to the `events` property. */
export interface TimelineEventInput {
  /** Unique, stable identifier. */
  id: string;
  /** Short human title. */
  title: string;
  /** When it happened, at the precision the source supports (`"2019"`, `"2020-02"`, `"late 2020"`…). */
  start: string;
  /** When it ended; inclusive at its precision. Present only for ranges. */
  end?: string;
  /** Plain text, never HTML. */
  description?: string;
  /** Lane id; events without one share the default lane. */
  lane?: string;
  tags?: string[];
  locations?: string[];
  people?: string[];
  /**
   * How sure the dataset is, when it says so. Unmarked events have no status (not `confirmed`):
   * a date's own `c.` or `?` is drawn from the date.
   */
  status?: EventStatus;
  sources?: SourceInput[];
  /** An http(s) link for more. */
  url?: string;
  /** How to write the dates instead of formatting them (TimelineJS3's `display_date`); plain text. */
  displayDate?: string;
  /** A picture, video or page that goes with the event. */
  media?: MediaInput;
  /**
   * The description as HTML (TimelineJS3's `text.text`), shown in the details through a sanitizer
   * that keeps paragraphs, links, emphasis, quotes, lists and line breaks; `description` holds its
   * plain text for everything else (table, search, tooltips).
   */
  descriptionHtml?: string;
}

/** A dataset file: metadata, lanes, eras and events. */
export interface DatasetInput {
  $schema?: string;
  title?: string;
  description?: string;
  lanes?: LaneInput[];
  eras?: EraInput[];
  /** Named marker lines, drawn beside the element's own `marker` ("today"). */
  markers?: MarkerInput[];
  events: TimelineEventInput[];
}

/** A parsed citation. */
export interface Source {
  readonly title: string;
  readonly publisher?: string;
  readonly published?: TimePoint;
  readonly file?: string;
  readonly url?: string;
  readonly quote?: string;
}

/** Parsed media: the same fields, read-only. */
export interface Media {
  readonly url: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly thumbnail?: string;
}

/** A parsed lane. `index` is its order on screen. */
export interface Lane {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly index: number;
}

/** A parsed era. `[from, to)` is the span it covers. */
export interface Era {
  readonly id: string;
  readonly title: string;
  readonly start: TimePoint;
  readonly end: TimePoint;
  readonly from: TimeCoord;
  readonly to: TimeCoord;
  readonly description?: string;
  readonly sources: readonly Source[];
}

/** A parsed marker line at `at` (the start of its date's span). */
export interface DatasetMarker {
  readonly date: TimePoint;
  readonly label: string;
  readonly at: TimeCoord;
}

/**
 * A parsed event. `[from, to)` is everything its dates allow: a day-precision point covers that day,
 * a month-precision point the month, a range from the start of `start` to the end of `end`.
 */
export interface TimelineEvent {
  readonly id: string;
  readonly title: string;
  readonly start: TimePoint;
  readonly end?: TimePoint;
  readonly description?: string;
  readonly lane: string;
  readonly tags: readonly string[];
  readonly locations: readonly string[];
  readonly people: readonly string[];
  /** What the dataset says about the event, or `undefined` when it says nothing. */
  readonly status: EventStatus | undefined;
  readonly sources: readonly Source[];
  readonly url?: string;
  readonly displayDate?: string;
  readonly media?: Media;
  /** The description as HTML, unsanitised as the data gave it (see `TimelineEventInput`). */
  readonly descriptionHtml?: string;
  readonly from: TimeCoord;
  readonly to: TimeCoord;
  /** Position in the input, for stable ordering and for naming the event in problems. */
  readonly index: number;
}

/** A parsed dataset: only valid items, in input order. */
export interface Dataset {
  readonly title?: string;
  readonly description?: string;
  readonly lanes: readonly Lane[];
  readonly eras: readonly Era[];
  /** Named marker lines (always set by the parser; optional so hand-made datasets stay valid). */
  readonly markers?: readonly DatasetMarker[];
  readonly events: readonly TimelineEvent[];
}

/** `error`: the item or field could not be used. `warning`: it was used with an adjustment. */
export const PROBLEM_SEVERITIES = ['error', 'warning'] as const;
/** How bad a problem is. */
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];

/** One thing wrong with the input, located precisely. */
export interface Problem {
  readonly severity: ProblemSeverity;
  /** A readable sentence naming the item, the field and what was expected. */
  readonly message: string;
  /** Path into the input, e.g. `['events', 3, 'start']`. */
  readonly path: readonly (string | number)[];
  /** The same path as a JSON Pointer, e.g. `/events/3/start`. */
  readonly pointer: string;
  /** The event's id, when the problem is in an event that has one. */
  readonly eventId?: string;
  /** The event's index in the input, when the problem is in an event. */
  readonly index?: number;
  /** The field at fault, e.g. `start`. */
  readonly field?: string;
  /**
   * The message without the item's name (`start: "2020-13" is not a valid date…`): problems with
   * the same detail are the same problem in different items, and a notice can group them.
   */
  readonly detail?: string;
}

/** The result of parsing: never thrown, always both parts. */
export interface ParseResult {
  readonly dataset: Dataset;
  readonly problems: readonly Problem[];
}
