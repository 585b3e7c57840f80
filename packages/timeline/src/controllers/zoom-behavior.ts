/**
 * d3-zoom and d3-selection, loaded by `zoom-controller.ts` when a pointer first reaches the plot:
 * its own chunk in the bundle, so the first view of a timeline does not wait for the behaviour
 * (docs/decisions/bundle-size.md, "The tenth round").
 *
 * @module
 */
import { select } from 'd3-selection';
import { zoom, ZoomTransform, type D3ZoomEvent } from 'd3-zoom';

export { select, zoom, ZoomTransform };
export type { D3ZoomEvent };
