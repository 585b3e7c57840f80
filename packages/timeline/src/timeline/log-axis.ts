/**
 * The log "years ago" axis of `scale="log"`, as its own chunk: loaded only when a page asks for it,
 * so the entry bundle carries none of it. See docs/decisions/log-time-axis.md.
 *
 * @module
 */
import {
  extentOf,
  logAgoTicks,
  logAgoWarp,
  warpedDomain,
  warpedMaxZoom,
  WarpedSource,
  type TimeCoord,
} from '@reeltime/core';
import type { DataModel } from './data-controller.js';
import type { AxisMode } from './view-state.js';

const axes = new WeakMap<DataModel, AxisMode | null>();

/**
 * The log axis for the data in `model`, counting years back from the present (or from the data's
 * end, when that is later), and shown up to there. Undefined when it cannot be drawn: no data, one instant, or a source
 * given ready-made (a database), whose placement is its own and linear: that stays linear.
 */
export function logAxisFor(model: DataModel, now: TimeCoord = Date.now()): AxisMode | undefined {
  let axis = axes.get(model);
  if (axis === undefined) axes.set(model, (axis = build(model, now) ?? null));
  return axis ?? undefined;
}

function build({ dataset, source }: DataModel, now: TimeCoord): AxisMode | undefined {
  if (dataset.events.length !== source.size) return undefined;
  const extent = extentOf([...dataset.events, ...dataset.eras]);
  if (!extent) return undefined;
  const warp = logAgoWarp(Math.max(now, extent[1]));
  const domain = warpedDomain(warp, extent);
  if (!domain) return undefined;
  // Up to the present, which the years are counted from: data ending in 2022 ends the view today,
  // not in 2025 (its padding) nor in the future.
  if (extent[1] < warp.ref) domain[1] = warp.ref;
  return {
    warp,
    domain,
    source: new WarpedSource(dataset, warp),
    maxZoom: (d, minSpan) => warpedMaxZoom(warp, d, minSpan, extent[1]),
    ticks: (d, width, options) => logAgoTicks(d, width, warp, options),
  };
}
