/**
 * The font labels are laid out in and the layout spec built from it: the element's font family
 * (read from its computed style, or estimated for a server render) and the words of a planned
 * event's label in the current language. A new font or new words make a new spec, with its own
 * measuring cache.
 *
 * @module
 */
import type { LayoutSpec } from '@reeltime/core';
import { LABEL_FONT_SIZE, MARK_SIZE, MAX_ROWS } from './geometry.js';
import { ESTIMATED_FONT, measurerFor } from './measure.js';

export class LabelFont {
  /** The element's font family as last read: empty until then, `ESTIMATED_FONT` for a server layout. */
  family = '';
  /** The template of a planned event's label (`{title} (planned)`), in the current language. */
  #plannedLabel = '{title}';
  /** The layout spec for the current font and words. */
  layout: LayoutSpec = this.#layoutFor('sans-serif');

  /** The words of a planned event's label (`msg.text('labelPlanned', { title: '{title}' })`). */
  setPlanned(planned: string): void {
    if (planned !== this.#plannedLabel) {
      // New words mean new label widths: a new layout spec (its own measuring cache).
      this.#plannedLabel = planned;
      this.layout = this.#layoutFor(this.family || 'sans-serif');
    }
  }

  /** Lays out with estimated text (a server render and its hydration have no canvas to measure). */
  estimate(): void {
    if (this.family !== ESTIMATED_FONT) this.layout = this.#layoutFor((this.family = ESTIMATED_FONT));
  }

  /** Reads `element`'s font family; a new one gets a new layout spec. */
  read(element: Element): void {
    if (typeof getComputedStyle !== 'function') return;
    const family = getComputedStyle(element).fontFamily || 'sans-serif';
    if (family === this.family) return;
    this.family = family;
    this.layout = this.#layoutFor(family);
  }

  #layoutFor(family: string): LayoutSpec {
    // `{title} (planned)` → the words before and after the title, kept whole when it is shortened.
    const at = this.#plannedLabel.indexOf('{title}');
    const planned = at < 0 ? undefined : ([this.#plannedLabel.slice(0, at), this.#plannedLabel.slice(at + 7)] as const);
    return {
      measure: measurerFor(family, LABEL_FONT_SIZE),
      pointSize: MARK_SIZE,
      gap: 8,
      maxRows: MAX_ROWS,
      // A planned date is not a fact: its label says so, in the reader's language.
      labelWords: (event) => (event.status === 'planned' ? planned : undefined),
    };
  }
}
