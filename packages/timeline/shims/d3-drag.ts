/**
 * Stand-in for `d3-drag` in the single-file bundle only (aliased in `vite.bundle.config.ts`; see
 * docs/decisions/bundle-size.md). d3-zoom imports `dragDisable` and `dragEnable` from it, around a
 * mouse drag: no native drag or text selection starts while the plot is dragged, and the click that
 * ends a real drag is swallowed. Both follow d3-drag 3 (ISC licence, Mike Bostock), listeners
 * under the same `.drag` names. d3-drag's fallback for browsers without `selectstart` (Firefox
 * before 52, which cannot run this ES2022 bundle anyway) is left out, and so is the `drag`
 * behaviour itself, which reeltime does not use.
 *
 * @module
 */
import { select } from 'd3-selection';

const nonpassivecapture = { capture: true, passive: false };

function noevent(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** As d3's: no native drag and no text selection in `view` until `dragEnable`. */
export function dragDisable(view: Window): void {
  select(view).on('dragstart.drag selectstart.drag', noevent, nonpassivecapture);
}

/** As d3's: undoes `dragDisable`; with `noclick`, also swallows the click that ends the drag. */
export function dragEnable(view: Window, noclick?: boolean): void {
  const selection = select(view).on('dragstart.drag selectstart.drag', null);
  if (noclick) {
    selection.on('click.drag', noevent, nonpassivecapture);
    setTimeout(() => selection.on('click.drag', null), 0);
  }
}

/** The drag behaviour is not included; fail loudly instead of never dragging. */
export function drag(): never {
  throw new Error('reeltime bundle: d3-drag is not included (d3-zoom pans by itself); import the ESM build');
}
