/**
 * Label widths for layout, from a canvas in the element's font: one `measureText` per distinct
 * character and font (core's glyph table), never one per label.
 *
 * @module
 */
import { createTextMeasurer, type TextMeasurer } from '@reeltime/core';

let context: CanvasRenderingContext2D | null | undefined;
const measurers = new Map<string, TextMeasurer>();

/**
 * A font family standing for "no measuring": glyphs are estimated from the font size. A server
 * render lays out with it (it has no canvas), and so does the browser's first update of a server
 * render (hydration), so that both produce the same DOM.
 */
export const ESTIMATED_FONT = 'estimated';

/**
 * A measurer for `size` px text in `family` at `weight` (the weight the text is drawn at: bold
 * glyphs are wider), shared by every timeline on the page.
 */
export function measurerFor(family: string, size: number, weight = 400): TextMeasurer {
  const font = `${weight} ${size}px ${family}`;
  let measurer = measurers.get(font);
  if (!measurer) {
    // A page rarely uses more than a few fonts; bound the table anyway.
    if (measurers.size > 16) measurers.clear();
    measurer = createTextMeasurer((glyph) => {
      if (context === undefined) {
        // No canvas (server rendering, a DOM shim): an estimate per glyph; the browser re-measures.
        context =
          typeof document === 'undefined' ? null : (document.createElement('canvas').getContext?.('2d') ?? null);
      }
      if (!context || family === ESTIMATED_FONT) return size * 0.6;
      if (context.font !== font) context.font = font;
      return context.measureText(glyph).width;
    });
    measurers.set(font, measurer);
  }
  return measurer;
}
