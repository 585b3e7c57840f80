/**
 * Stand-in for `d3-interpolate` in the single-file bundle only (aliased in `vite.bundle.config.ts`;
 * see docs/decisions/bundle-size.md). The element's scales map numbers to pixels, so d3-scale's
 * linear scale only ever interpolates numbers; the generic `interpolate` (colours, strings, dates,
 * objects, which pulls in all of d3-color) is replaced by a numeric one that rejects anything else.
 * d3-zoom imports `interpolateZoom` for animated zooms only, which the element never runs
 * (`zoom.duration(0)`).
 *
 * @module
 */

type Interpolator<T> = (t: number) => T;

/** As d3's: `a` at t = 0, `b` at t = 1. */
export function interpolateNumber(a: number, b: number): Interpolator<number> {
  a = +a;
  b = +b;
  return (t) => a * (1 - t) + b * t;
}

/** As d3's: the numeric interpolation, rounded. */
export function interpolateRound(a: number, b: number): Interpolator<number> {
  a = +a;
  b = +b;
  return (t) => Math.round(a * (1 - t) + b * t);
}

/** d3's generic interpolator, for numbers only: other values fail loudly rather than become NaN. */
export function interpolate(a: unknown, b: unknown): Interpolator<number> {
  if (typeof b !== 'number' || (typeof a !== 'number' && a != null)) {
    throw new TypeError('reeltime bundle: only numbers are interpolated (d3-interpolate is reduced to numbers)');
  }
  return interpolateNumber(Number(a), b);
}

/** As d3's: one interpolator across several values, each span by `interpolator`. */
export function piecewise<T>(interpolator: (a: T, b: T) => Interpolator<T>, values: readonly T[]): Interpolator<T> {
  const n = values.length - 1;
  const parts = values.slice(1).map((value, i) => interpolator(values[i] as T, value));
  return (t) => {
    const i = Math.max(0, Math.min(n - 1, Math.floor((t *= n))));
    return parts[i]!(t - i);
  };
}

/** Animated (van Wijk) zooms are not included: every zoom is instantaneous. */
export function interpolateZoom(): never {
  throw new Error('reeltime bundle: animated zoom is not included (zoom.duration is 0)');
}
