/**
 * Stand-in for `d3-format` in the single-file bundle only (aliased in `vite.bundle.config.ts`;
 * see docs/decisions/bundle-size.md). d3-scale imports it for `scale.tickFormat()`, a method the
 * element never calls: its axis labels and dates are formatted with `Intl` (@reeltime/core's
 * ticks.ts and date.ts), and the bundle exposes no scale. Each export fails loudly if reached.
 *
 * @module
 */

function missing(): never {
  throw new Error('reeltime bundle: d3-format is not included (scale.tickFormat); format with Intl.NumberFormat');
}

export const format = missing;
export const formatPrefix = missing;
export const formatSpecifier = missing;
export const precisionFixed = missing;
export const precisionPrefix = missing;
export const precisionRound = missing;
