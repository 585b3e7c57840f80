/**
 * Stand-in for `d3-transition` in the single-file bundle only (aliased in `vite.bundle.config.ts`;
 * see docs/decisions/bundle-size.md). d3-zoom (and later d3-brush) imports `interrupt` and relies on
 * `selection.interrupt()`, which cancel running transitions. reeltime never starts one: every
 * programmatic zoom and the double-click zoom are instantaneous (`zoom.duration(0)`), which also
 * honours `prefers-reduced-motion`. So there is never anything to interrupt, and the real module
 * (with d3-timer, d3-ease, d3-color and d3-interpolate's colour and string interpolators, ~13 KB
 * min+gz) is left out.
 *
 * @module
 */
import { selection } from 'd3-selection';

/** Nothing to interrupt: no transition ever runs in the bundle. */
export function interrupt(_node?: Element, _name?: string): void {}

/** The real `transition` is not included; fail loudly instead of animating nothing. */
export function transition(): never {
  throw new Error(
    'reeltime bundle: d3-transition is not included (zoom is instantaneous); import the ESM build to animate',
  );
}

/** Not included either: no transition is ever active. */
export function active(): null {
  return null;
}

interface Interruptible {
  interrupt(this: unknown, name?: string): unknown;
  transition(this: unknown, name?: string): never;
}
const proto = selection.prototype as unknown as Interruptible;
proto.interrupt = function interruptSelection(this: unknown) {
  return this;
};
proto.transition = transition;
