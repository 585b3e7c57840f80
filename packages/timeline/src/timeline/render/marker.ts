/**
 * Marker lines: the element's own ("today" or a given date) and the dataset's named ones (a
 * premiere, a deadline). Labels sit in the strip under the lanes, right of their line (or left, when
 * the right would leave the plot); a label with room on
 * neither side is left out, and the line keeps its name for assistive technology.
 *
 * @module
 */
import type { TimeCoord } from '@reeltime/core';
import { nothing, svg } from 'lit';
import { MARKER_STRIP } from '../geometry.js';
import type { RenderContext } from './context.js';

/** Where a marker is and what it says. */
export interface Marker {
  readonly time: TimeCoord;
  readonly label: string;
  /** `own`: the element's `marker` ("today"); `data`: a named line from the dataset. */
  readonly kind?: 'own' | 'data';
}

export function renderMarkers(ctx: RenderContext, markers: readonly Marker[]) {
  const { frame, measureSmall, msg } = ctx;
  const { scale, width, height, rtl } = frame;
  const shown = markers
    .map((marker) => ({ marker, x: scale(marker.time) }))
    .filter(({ x }) => x >= 0 && x <= width)
    .sort((a, b) => a.x - b.x);
  let taken = -Infinity;
  return svg`${shown.map(({ marker, x }) => {
    const labelWidth = measureSmall(marker.label);
    const free = (at: number) => at >= Math.max(0, taken + 6) && at + labelWidth <= width;
    const right = x + 4;
    const left = x - 4 - labelWidth;
    // After the line in time where there is room: to its right, or its left right to left.
    const [first, second] = rtl ? [left, right] : [right, left];
    const at = free(first) ? first : free(second) ? second : undefined;
    if (at !== undefined) taken = at + labelWidth;
    // Text starts at its `x` in the element's direction: right to left, that is its right edge.
    const labelX = at === undefined ? undefined : rtl ? at + labelWidth : at;
    const name = msg.text('markerName', { label: marker.label });
    return svg`<g class=${`marker ${marker.kind ?? 'own'}`} part="marker" role="img" aria-label=${name}>
      <line x1=${x} x2=${x} y1="0" y2=${height}></line>
      ${labelX === undefined ? nothing : svg`<text x=${labelX} y=${height - MARKER_STRIP / 2 + 4}>${marker.label}</text>`}
    </g>`;
  })}`;
}
