/**
 * What a mark says about how well its dates are known, as three separate encodings:
 *
 * - **precision**: an end known only to the month, season, quarter or year fades over its period
 *   (soft edge), so a "2019" never reads as 1 January 2019;
 * - **approximation**: a `c.` date or a part of a period ("late 2020"), or the status
 *   `approximate`, extends dotted fuzz beyond the span on that side;
 * - **status**: `planned` is hollow and dashed, `uncertain` (or a `?` date) carries a "?" badge,
 *   `cancelled` is struck through. Unmarked data has no status and no status word.
 *
 * Pure functions of the event: the marks (`lanes.ts`) and the legend (`legend.ts`) share them.
 *
 * @module
 */
import type { Dataset, DatePrecision, TimelineEvent, TimePoint } from '@reeltime/core';

/** The encodings a legend can explain, in the order it lists them. */
export const ENCODINGS = ['exact', 'period', 'approximate', 'planned', 'uncertain', 'cancelled'] as const;
/** One encoding a legend can explain. */
export type Encoding = (typeof ENCODINGS)[number];

/** How an event's mark is drawn. */
export interface MarkEncoding {
  /** The start is coarser than a day: the mark's leading edge fades. */
  readonly softStart: boolean;
  /** The end (or the start, for a point) is coarser than a day: the trailing edge fades. */
  readonly softEnd: boolean;
  /** Fuzz before the start (a `c.` or early/mid/late start, or status `approximate`). */
  readonly fuzzStart: boolean;
  /** Fuzz after the end. */
  readonly fuzzEnd: boolean;
  /** A "?" badge: status `uncertain` or a date marked `?`. */
  readonly uncertain: boolean;
  readonly planned: boolean;
  readonly cancelled: boolean;
}

/** Precisions of a day or finer; every other names a longer period. */
const FINE: ReadonlySet<DatePrecision> = new Set(['day', 'minute', 'second', 'millisecond']);

/** Whether a date names a period longer than a day (so its exact day is not known). */
export function isCoarse(point: TimePoint): boolean {
  return !FINE.has(point.precision);
}

function fuzzy(point: TimePoint): boolean {
  return point.approximate || point.part !== undefined;
}

/** The encoding of an event's mark. */
export function encodingOf(event: TimelineEvent): MarkEncoding {
  const last = event.end ?? event.start;
  const approximate = event.status === 'approximate';
  return {
    softStart: isCoarse(event.start),
    softEnd: isCoarse(last),
    fuzzStart: approximate || fuzzy(event.start),
    fuzzEnd: approximate || fuzzy(last),
    uncertain: event.status === 'uncertain' || event.start.uncertain || (event.end?.uncertain ?? false),
    planned: event.status === 'planned',
    cancelled: event.status === 'cancelled',
  };
}

/** The encodings an event shows (what a legend must explain for it). */
function encodingsOfEvent(event: TimelineEvent, into: Set<Encoding>): void {
  const mark = encodingOf(event);
  into.add(mark.softStart || mark.softEnd ? 'period' : 'exact');
  if (mark.fuzzStart || mark.fuzzEnd) into.add('approximate');
  if (mark.planned) into.add('planned');
  if (mark.uncertain) into.add('uncertain');
  if (mark.cancelled) into.add('cancelled');
}

const present = new WeakMap<object, readonly Encoding[]>();

/**
 * The encodings present in a dataset's events, in legend order; kept per dataset (one pass per
 * data change, stopping early once every encoding is seen).
 */
export function encodingsIn(dataset: Pick<Dataset, 'events'>): readonly Encoding[] {
  const events = dataset.events;
  let kept = present.get(events);
  if (!kept) {
    const seen = new Set<Encoding>();
    for (const event of events) {
      encodingsOfEvent(event, seen);
      if (seen.size === ENCODINGS.length) break;
    }
    kept = ENCODINGS.filter((encoding) => seen.has(encoding));
    present.set(events, kept);
  }
  return kept;
}
