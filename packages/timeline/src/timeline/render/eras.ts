/**
 * Eras: labelled background bands behind the lanes, named for assistive technology. Each era has
 * a tab in a row above the lanes that holds its name, pinned to the visible part of the era, so a
 * name stays on screen at every zoom; overlapping eras stack, one row each. A name longer than its
 * era runs on into the free part of its row and is shortened (with "…") only where the next era
 * in that row begins.
 *
 * Its own chunk, loaded when the data has eras (`LazyParts`): the update that first draws them
 * waits for it, so eras never appear a moment after the rest.
 *
 * @module
 */
import { formatDateRange } from '@reeltime/core';
import { nothing, svg } from 'lit';
import { isolated } from '../../i18n/direction.js';
import { ERA_ROW } from '../geometry.js';
import type { RenderContext } from './context.js';
import { eraRows } from './era-rows.js';

export { erasStyles as styles } from './eras.styles.js';
export { ERAS_WORDS as words } from '../../i18n/eras-words.js';
// How eras stack into rows: the host reads it for the lanes' top (data with eras waits for this chunk).
export { eraRows };

/** `text` cut (with "…") to fit `room` pixels, or empty when not even one letter fits. */
function fit(text: string, room: number, measure: (text: string) => number): string {
  if (measure(text) <= room) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const cut = `${text.slice(0, n).trimEnd()}…`;
    if (measure(cut) <= room) return cut;
  }
  return '';
}

export function renderEras({ frame, dataset, dateOptions, measureSmall, msg }: RenderContext) {
  const { scale, width, height, rtl } = frame;
  const { eras } = dataset;
  const { row, count } = eraRows(eras);
  // Left and right edges on screen (right to left, an era's start is its right edge).
  const tabs = eras.map((era) => {
    const a = scale(era.from);
    const b = scale(era.to);
    return [Math.min(a, b), Math.max(a, b)] as const;
  });
  // Names placed so far, per row: a name that does not fit its own row may take a free stretch of
  // another row (where no era's tab and no other name is), so narrow eras stay named.
  const placed: [number, number][][] = Array.from({ length: count }, () => []);
  const free = (r: number, self: number, x0: number, x1: number) =>
    tabs.every(([a, b], j) => j === self || row[j] !== r || b <= x0 || a >= x1) &&
    placed[r]!.every(([a, b]) => b <= x0 || a >= x1);
  return svg`<g class="eras">
    ${eras.map((era, i) => {
      const [left, right] = tabs[i]!;
      const x0 = Math.max(left, -1);
      const x1 = Math.min(right, width + 1);
      if (x1 <= 0 || x0 >= width) return nothing;
      const own = row[i]!;
      // The name starts at the era's visible start; text runs from its `x` in the element's direction.
      let labelX = rtl ? Math.min(x1, width) - 4 : Math.max(x0, 0) + 4;
      const span = (x: number, w: number): [number, number] => (rtl ? [x - w - 4, x + 4] : [x - 4, x + w + 4]);
      const textWidth = measureSmall(era.title);
      const fits = (k: number, x: number) => {
        const [a, b] = span(x, textWidth);
        return a >= 0 && b <= width && free(k, i, a, b);
      };
      let r = own;
      let label = era.title;
      if (!fits(own, labelX)) {
        // Another row, at the era's start or just after a name already there (a little later).
        let found: [number, number] | undefined;
        for (let k = 0; k < count && !found; k++) {
          if (k === own) continue;
          const after = placed[k]!.map(([a, b]) => (rtl ? a - 4 : b + 4)).filter((x) =>
            rtl ? x < labelX && x > labelX - 60 : x > labelX && x < labelX + 60,
          );
          const x = [labelX, ...after].find((candidate) => fits(k, candidate));
          if (x !== undefined) found = [k, x];
        }
        if (found) [r, labelX] = found;
        else {
          // Shortened to the room before the next era (or name) in its own row, in reading order.
          let room = rtl ? labelX : width - labelX;
          tabs.forEach(([a, b], j) => {
            if (j === i || row[j] !== own) return;
            if (!rtl && a >= labelX) room = Math.min(room, a - labelX);
            if (rtl && b <= labelX) room = Math.min(room, labelX - b);
          });
          for (const [a, b] of placed[own]!) {
            if (!rtl && a >= labelX) room = Math.min(room, a - labelX);
            if (rtl && b <= labelX) room = Math.min(room, labelX - b);
          }
          label = fit(era.title, room - 4, measureSmall);
        }
      }
      if (label) placed[r]!.push(span(labelX, measureSmall(label)));
      const name = msg.text('eraName', { title: era.title, dates: formatDateRange(era.start, era.end, dateOptions) });
      const top = own * ERA_ROW;
      // Named by aria-label only, with no <title>: Lit SSR parses templates as HTML, where <title>
      // holds raw text, so an expression inside it breaks a server render (and one left out on the
      // server alone would not match the browser's render when it hydrates).
      return svg`<g class="era" part="era" role="img" aria-label=${name} data-era=${era.id} data-row=${own}>
        <rect class="era-band" x=${x0} y="0" width=${Math.max(x1 - x0, 1)} height=${height}></rect>
        <rect class="era-tab" x=${x0} y=${top + 1} width=${Math.max(x1 - x0, 1)} height=${ERA_ROW - 2}></rect>
        ${label ? svg`<text x=${labelX} y=${r * ERA_ROW + ERA_ROW - 4} aria-hidden="true">${isolated(label, rtl)}</text>` : nothing}
      </g>`;
    })}
  </g>`;
}
