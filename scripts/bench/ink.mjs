/**
 * The "ink" colour every library draws its events in during the benchmark, so a screenshot can tell
 * drawn events apart from lane bands, grid lines, axes and labels (which no library draws in it).
 * Shared by the pages (to set the colour) and the driver (to count it).
 */

/** A saturated magenta that none of the three libraries uses by default. */
export const INK = 'rgb(214, 0, 214)';

/**
 * Whether a pixel is ink: magenta hue, also when blended with a light background by opacity or
 * anti-aliasing (red and blue close to each other and well above green).
 */
export function isInk(r, g, b) {
  return r - g > 50 && b - g > 50 && Math.abs(r - b) < 40;
}
