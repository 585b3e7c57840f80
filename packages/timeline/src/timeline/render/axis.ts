/**
 * The time axis (its own SVG, sticky at the top of the plot) and the grid lines in the body.
 *
 * @module
 */
import { nothing, svg } from 'lit';
import { AXIS_HEIGHT } from '../geometry.js';
import type { RenderContext } from './context.js';

/** Major and minor ticks with their labels. The first major label is pinned to the left edge. */
export function renderAxis({ frame, measureLabel }: RenderContext) {
  const { scale, width } = frame;
  const { minor, major } = frame.ticks;
  const majorXs = major.map((tick) => scale(tick.value));
  return svg`<rect class="axis-band" x="0" y="0" width=${width} height=${AXIS_HEIGHT}></rect>
    <g class="major">
      ${major.map((tick, i) => {
        const x = majorXs[i]!;
        const next = majorXs[i + 1] ?? Infinity;
        const labelX = Math.max(x, 0) + 6;
        const fits = labelX + measureLabel(tick.label) + 8 <= next;
        return svg`${x >= 0 ? svg`<line x1=${x} x2=${x} y1="0" y2=${AXIS_HEIGHT}></line>` : nothing}
          ${fits ? svg`<text x=${labelX} y="16">${tick.label}</text>` : nothing}`;
      })}
    </g>
    <g class="minor">
      ${minor.map((tick) => {
        const x = scale(tick.value);
        return svg`<line x1=${x} x2=${x} y1="26" y2=${AXIS_HEIGHT}></line><text x=${x + 4} y="38">${tick.label}</text>`;
      })}
    </g>`;
}

/** Vertical grid lines at the minor ticks, across the drawn band of the body. */
export function renderGrid({ frame }: RenderContext) {
  const [top, bottom] = frame.band;
  return svg`<g class="grid" aria-hidden="true">
    ${frame.ticks.minor.map((tick) => {
      const x = frame.scale(tick.value);
      return svg`<line x1=${x} x2=${x} y1=${top} y2=${bottom}></line>`;
    })}
  </g>`;
}
