/**
 * The time axis (its own SVG, sticky at the top of the plot) and the grid lines in the body.
 *
 * @module
 */
import { nothing, svg } from 'lit';
import { AXIS_HEIGHT } from '../geometry.js';
import type { RenderContext } from './context.js';

/**
 * Vertical lines at `xs` from `y0` to `y1` as one path: a zoom frame moves all of them with a single
 * attribute write instead of two per line.
 */
function ticksPath(xs: readonly number[], y0: number, y1: number): string {
  let d = '';
  for (const x of xs) d += `M${Math.round(x * 100) / 100} ${y0}V${y1}`;
  return d;
}

/**
 * Where quarters begin inside the years at `years` (UTC): unlabelled marks under a row of years,
 * so a narrow axis that can only name years still shows the seasons.
 */
function quarterStarts(years: readonly number[]): number[] {
  const out: number[] = [];
  for (const value of years) {
    const year = new Date(value).getUTCFullYear();
    for (const month of [3, 6, 9]) out.push(Date.UTC(year, month, 1));
  }
  return out;
}

/**
 * Major and minor ticks with their labels. The first major label is pinned to the start edge (the
 * left, or the right when time flows right to left). Text starts at its `x` in the element's
 * direction, so right to left a label's `x` is its right edge and it reads leftwards from its tick.
 * When the view can only name years (a phone, a long span) there is no coarser row: the years move
 * up into the major row, where the context is read, and the row under them marks the quarters.
 */
export function renderAxis({ frame, measureLabel }: RenderContext) {
  const { scale, width, rtl } = frame;
  const promoted = frame.ticks.major.length === 0;
  const major = promoted ? frame.ticks.minor : frame.ticks.major;
  const minor = promoted ? [] : frame.ticks.minor;
  const majorXs = major.map((tick) => scale(tick.value));
  const minorXs = minor.map((tick) => scale(tick.value));
  let marks = minorXs;
  if (promoted && frame.ticks.unit === 'year' && frame.ticks.step === 1) {
    const quarters = quarterStarts(major.map((tick) => tick.value)).map((t) => scale(t));
    // Only when they stand apart: closer than a few pixels they read as a smudge.
    if (quarters.length > 1 && Math.abs(quarters[1]! - quarters[0]!) >= 6) marks = quarters;
  }
  const sign = rtl ? -1 : 1;
  return svg`<rect class="axis-band" x="0" y="0" width=${width} height=${AXIS_HEIGHT}></rect>
    <g class="major">
      <path class="ticks" d=${ticksPath(
        majorXs.filter((x) => (rtl ? x <= width : x >= 0)),
        0,
        AXIS_HEIGHT,
      )}></path>
      ${major.map((tick, i) => {
        const x = majorXs[i]!;
        const labelX = (rtl ? Math.min(x, width) : Math.max(x, 0)) + 6 * sign;
        // Distance to the next tick, in the direction labels run.
        const room = ((majorXs[i + 1] ?? sign * Infinity) - labelX) * sign;
        const fits = measureLabel(tick.label) + 8 <= room;
        return fits ? svg`<text x=${labelX} y="16">${tick.label}</text>` : nothing;
      })}
    </g>
    <g class="minor">
      <path class="ticks" d=${ticksPath(marks, 26, AXIS_HEIGHT)}></path>
      ${minor.map((tick, i) => svg`<text x=${minorXs[i]! + 4 * sign} y="38">${tick.label}</text>`)}
    </g>`;
}

/** Vertical grid lines at the minor ticks, across the drawn band of the body. */
export function renderGrid({ frame }: RenderContext) {
  const [top, bottom] = frame.band;
  const xs = frame.ticks.minor.map((tick) => frame.scale(tick.value));
  return svg`<g class="grid" aria-hidden="true"><path class="ticks" d=${ticksPath(xs, top, bottom)}></path></g>`;
}
