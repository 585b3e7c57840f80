/**
 * What every renderer reads: the frame (geometry already computed), the view state and the data.
 * Renderers are functions of this context to Lit templates; none of them computes layout.
 *
 * @module
 */
import type { Dataset, DateFormatOptions, TimelineSource } from '@reeltime/core';
import type { Messages } from '../../i18n/messages.js';
import type { Frame } from '../frame.js';
import type { LazyPart } from '../lazy.js';
import type * as LegendModule from './legend.js';
import type { ViewState } from '../view-state.js';

export interface RenderContext {
  readonly frame: Frame;
  /**
   * The part of the body in the viewport (`[top, bottom)`), when the frame's band reaches beyond it:
   * lanes in the band but outside it are drawn after the first view. Undefined: every lane at once.
   */
  readonly visible?: readonly [number, number] | undefined;
  readonly view: ViewState;
  readonly dataset: Dataset;
  readonly source: TimelineSource;
  /** The URL the dataset was loaded from (`src`), which links in it are relative to; else undefined. */
  readonly base?: string | undefined;
  /** Locale, time zone and date words. */
  readonly dateOptions: DateFormatOptions;
  /** The interface's words in the element's language. */
  readonly msg: Messages;
  /** Width of 11 px semi-bold (600) text: era and marker names. */
  readonly measureSmall: (text: string) => number;
  /** Width of 12 px semi-bold (600) text: major axis labels. */
  readonly measureLabel: (text: string) => number;
  /** The legend's chunk, which draws the marks of dates other than exact days (marks.ts). */
  readonly marks: LazyPart<typeof LegendModule>;
}
