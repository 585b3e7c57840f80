/**
 * Eras: labelled background bands behind the lanes, named for assistive technology.
 *
 * @module
 */
import { formatDateRange } from '@reeltime/core';
import { nothing, svg } from 'lit';
import { ERA_STRIP } from '../geometry.js';
import type { RenderContext } from './context.js';

export function renderEras({ frame, dataset, dateOptions, measureSmall }: RenderContext) {
  const { scale, width, height } = frame;
  return svg`<g class="eras">
    ${dataset.eras.map((era) => {
      const x0 = Math.max(scale(era.from), -1);
      const x1 = Math.min(scale(era.to), width + 1);
      if (x1 <= 0 || x0 >= width) return nothing;
      const labelX = Math.max(x0, 0) + 6;
      const fits = labelX + measureSmall(era.title) <= x1;
      const name = `Era: ${era.title}, ${formatDateRange(era.start, era.end, dateOptions)}`;
      // Named by aria-label only, with no <title>: Lit SSR parses templates as HTML, where <title>
      // holds raw text, so an expression inside it breaks a server render (and one left out on the
      // server alone would not match the browser's render when it hydrates).
      return svg`<g class="era" part="era" role="img" aria-label=${name}>
        <rect x=${x0} y="0" width=${x1 - x0} height=${height}></rect>
        ${fits ? svg`<text x=${labelX} y=${height - ERA_STRIP / 2 + 4} aria-hidden="true">${era.title}</text>` : nothing}
      </g>`;
    })}
  </g>`;
}
