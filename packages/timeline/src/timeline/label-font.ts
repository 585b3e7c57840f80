/**
 * The layout spec labels are placed with: measured in the element's font, and knowing the words
 * of a planned event's label in the current language. A new font or new words make a new spec,
 * with its own measuring cache.
 *
 * @module
 */
import type { LayoutSpec } from '@reeltime/core';
import { LABEL_FONT_SIZE, MARK_SIZE, MAX_ROWS } from './geometry.js';
import { measurerFor } from './measure.js';

/** The layout spec for labels in `family`, a planned one written as `plannedLabel` (`{title} (planned)`). */
export function layoutFor(family: string, plannedLabel: string): LayoutSpec {
  // `{title} (planned)` → the words before and after the title, kept whole when it is shortened.
  const at = plannedLabel.indexOf('{title}');
  const planned = at < 0 ? undefined : ([plannedLabel.slice(0, at), plannedLabel.slice(at + 7)] as const);
  return {
    measure: measurerFor(family, LABEL_FONT_SIZE),
    pointSize: MARK_SIZE,
    gap: 8,
    maxRows: MAX_ROWS,
    // A planned date is not a fact: its label says so, in the reader's language.
    labelWords: (event) => (event.status === 'planned' ? planned : undefined),
  };
}
