/**
 * Eras: labelled background bands behind the lanes, named for assistive technology.
 *
 * @module
 */
import { formatDateRange } from '@reeltime/core';
import { nothing, svg } from 'lit';
import { ERA_STRIP } from '../geometry.js';
import type { RenderContext } from './context.js';

export function renderEras({ frame, dataset, dateOptions, measureSmall, msg }: RenderContext) {
  const { scale, width, height } = frame;
  return svg`<g class="eras">
    ${dataset.eras.map((era) => {
      // Either way round: right to left, an era's start is its right edge.
      const x0 = Math.max(Math.min(scale(era.from), scale(era.to)), -1);
      const x1 = Math.min(Math.max(scale(era.from), scale(era.to)), width + 1);
      if (x1 <= 0 || x0 >= width) return nothing;
      // The title starts at the era's start (text starts at its `x` in the element's direction).
      const labelX = frame.rtl ? Math.min(x1, width) - 6 : Math.max(x0, 0) + 6;
      const fits = frame.rtl ? labelX - measureSmall(era.title) >= x0 : labelX + measureSmall(era.title) <= x1;
      const name = msg.text('eraName', { title: era.title, dates: formatDateRange(era.start, era.end, dateOptions) });
      return svg`<g class="era" part="era" role="img" aria-label=${name}>
        <title>${name}</title>
        <rect x=${x0} y="0" width=${x1 - x0} height=${height}></rect>
        ${fits ? svg`<text x=${labelX} y=${height - ERA_STRIP / 2 + 4} aria-hidden="true">${era.title}</text>` : nothing}
      </g>`;
    })}
  </g>`;
}
