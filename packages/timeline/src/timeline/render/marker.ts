/**
 * The marker line: "today" or a given date, with its label kept inside the plot.
 *
 * @module
 */
import type { TimeCoord } from '@reeltime/core';
import { nothing, svg } from 'lit';
import type { RenderContext } from './context.js';

/** Where the marker is and what it says. */
export interface Marker {
  readonly time: TimeCoord;
  readonly label: string;
}

export function renderMarker({ frame, measureSmall, msg }: RenderContext, marker: Marker | undefined) {
  if (!marker) return nothing;
  const { scale, width, height } = frame;
  const x = scale(marker.time);
  if (x < 0 || x > width) return nothing;
  const labelWidth = measureSmall(marker.label);
  // After the line in time when there is room (right of it, or left when right to left), else before.
  const after = frame.rtl ? x - 4 - labelWidth >= 0 : x + 4 + labelWidth <= width;
  const left = after !== frame.rtl ? x + 4 : x - 4 - labelWidth;
  // Text starts at its `x`: the left edge, or the right one right to left.
  const labelX = frame.rtl ? left + labelWidth : left;
  const top = frame.band[0];
  return svg`<g class="marker" part="marker" role="img" aria-label=${msg.text('markerName', { label: marker.label })}>
    <line x1=${x} x2=${x} y1="0" y2=${height}></line>
    <text x=${labelX} y=${top + 12}>${marker.label}</text>
  </g>`;
}
