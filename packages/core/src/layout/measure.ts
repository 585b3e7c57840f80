/**
 * Text measurement that stays cheap on large data: a per-glyph width table. Each distinct
 * character is measured once per font (by whatever the caller has: a canvas, a font metrics
 * table), and a label's width is the sum of its characters' widths. A million labels cost a
 * million table sums, not a million `measureText` calls, and the table is bounded by the number
 * of distinct characters, not by the number of distinct labels.
 *
 * @module
 */

/** Measures one character (a code point, possibly two UTF-16 units) in pixels. */
export type GlyphMeasure = (glyph: string) => number;

/** A label measurer with its glyph table. */
export interface TextMeasurer {
  /** Width of `text` in pixels: the sum of its glyphs' widths (never less than the real width by more than kerning). */
  (text: string): number;
  /** Number of glyphs measured so far (the table's size). */
  readonly glyphs: number;
  /** Forgets every width (call when the font changes). */
  clear(): void;
}

/** Options for {@link createTextMeasurer}. */
export interface TextMeasurerOptions {
  /** The table is emptied when it grows past this many glyphs (default 8,192). */
  maxGlyphs?: number;
}

/** Creates a measurer that asks `measureGlyph` once per distinct character. */
export function createTextMeasurer(measureGlyph: GlyphMeasure, options: TextMeasurerOptions = {}): TextMeasurer {
  const { maxGlyphs = 8192 } = options;
  // ASCII in a typed array (the common case, no hashing), everything else in a map.
  const ascii = new Float64Array(128).fill(-1);
  const other = new Map<string, number>();
  let glyphs = 0;
  const measurer = (text: string): number => {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        let w = ascii[code]!;
        if (w < 0) {
          w = ascii[code] = measureGlyph(text[i]!);
          glyphs++;
        }
        width += w;
        continue;
      }
      // A surrogate pair is one glyph.
      const pair = code >= 0xd800 && code < 0xdc00 && i + 1 < text.length;
      const glyph = pair ? text.slice(i, i + 2) : text[i]!;
      if (pair) i++;
      let w = other.get(glyph);
      if (w === undefined) {
        if (other.size >= maxGlyphs) other.clear();
        w = measureGlyph(glyph);
        other.set(glyph, w);
        glyphs++;
      }
      width += w;
    }
    return width;
  };
  Object.defineProperty(measurer, 'glyphs', { get: () => glyphs });
  (measurer as unknown as { clear: () => void }).clear = () => {
    ascii.fill(-1);
    other.clear();
    glyphs = 0;
  };
  return measurer as TextMeasurer;
}
