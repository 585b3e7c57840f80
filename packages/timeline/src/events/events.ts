/**
 * Typed events fired by reeltime elements. Each bubbles, is composed (crosses shadow roots) and
 * carries a typed `detail`, and is registered in `GlobalEventHandlersEventMap` so that
 * `addEventListener('reel-select', (e) => e.detail.event)` is typed.
 *
 * @module
 */
import type { Problem, TimeCoord, TimelineEvent } from '@reeltime/core';

/** Detail of {@link ReelSelectEvent}. */
export interface ReelSelectDetail {
  /** The selected event, or `null` when the selection was cleared. */
  readonly event: TimelineEvent | null;
}

/** Fired when the user selects an event (click, Enter or Space) or clears the selection (Escape). */
export class ReelSelectEvent extends CustomEvent<ReelSelectDetail> {
  static readonly eventName = 'reel-select';
  constructor(detail: ReelSelectDetail) {
    super(ReelSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Detail of {@link ReelRangeChangeEvent}. */
export interface ReelRangeChangeDetail {
  /** First visible instant, on reeltime's time coordinate (ms since 1970 UTC). */
  readonly from: TimeCoord;
  /** Last visible instant. */
  readonly to: TimeCoord;
}

/** Fired when the visible range changes: zoom, pan, keyboard, resize or new data. */
export class ReelRangeChangeEvent extends CustomEvent<ReelRangeChangeDetail> {
  static readonly eventName = 'reel-range-change';
  constructor(detail: ReelRangeChangeDetail) {
    super(ReelRangeChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Detail of {@link ReelInvalidEvent}. */
export interface ReelInvalidDetail {
  /** Every problem found in the current data, each naming the item and field. */
  readonly problems: readonly Problem[];
}

/** Fired when the current data has problems (invalid events, a failed load). The valid rest still renders. */
export class ReelInvalidEvent extends CustomEvent<ReelInvalidDetail> {
  static readonly eventName = 'reel-invalid';
  constructor(detail: ReelInvalidDetail) {
    super(ReelInvalidEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Detail of {@link ReelOverviewChangeEvent}. */
export interface ReelOverviewChangeDetail {
  /** The range the overview's brush now covers. */
  readonly from: TimeCoord;
  readonly to: TimeCoord;
}

/** Fired by `<reel-overview>` when the user drags, resizes or keys its brush to a new range. */
export class ReelOverviewChangeEvent extends CustomEvent<ReelOverviewChangeDetail> {
  static readonly eventName = 'reel-overview-change';
  constructor(detail: ReelOverviewChangeDetail) {
    super(ReelOverviewChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reel-overview-change': ReelOverviewChangeEvent;
    'reel-select': ReelSelectEvent;
    'reel-range-change': ReelRangeChangeEvent;
    'reel-invalid': ReelInvalidEvent;
  }
}
