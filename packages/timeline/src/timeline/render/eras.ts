/**
 * Eras: labelled background bands behind the lanes, named for assistive technology. Each era has
 * a tab in a row above the lanes that holds its name, pinned to the visible part of the era, so a
 * name stays on screen at every zoom; overlapping eras stack, one row each. A name longer than its
 * era runs on into the free part of its row and is shortened (with "…") only where the next era
 * in that row begins.
 *
 * @module
 */
import { formatDateRange, type Era } from '@reeltime/core';
import { nothing, svg } from 'lit';
import { ERA_ROW } from '../geometry.js';
import type { RenderContext } from './context.js';

/** Each era's row (first free row, eras in start order) and the number of rows. */
export interface EraRows {
  readonly row: readonly number[];
  readonly count: number;
}

const rowsKept = new WeakMap<readonly Era[], EraRows>();

/** Stacks overlapping eras into rows; the same for every zoom (computed once per data change). */
export function eraRows(eras: readonly Era[]): EraRows {
  let kept = rowsKept.get(eras);
  if (!kept) {
    const order = eras.map((_, i) => i).sort((a, b) => eras[a]!.from - eras[b]!.from || a - b);
    const ends: number[] = [];
    const row: number[] = new Array<number>(eras.length).fill(0);
    for (const i of order) {
      const era = eras[i]!;
      let r = ends.findIndex((end) => end <= era.from);
      if (r === -1) r = ends.length;
      ends[r] = era.to;
      row[i] = r;
    }
    kept = { row, count: ends.length };
    rowsKept.set(eras, kept);
  }
  return kept;
}

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
  const { scale, width, height } = frame;
  const { eras } = dataset;
  const { row } = eraRows(eras);
  return svg`<g class="eras">
    ${eras.map((era, i) => {
      const x0 = Math.max(scale(era.from), -1);
      const x1 = Math.min(scale(era.to), width + 1);
      if (x1 <= 0 || x0 >= width) return nothing;
      const r = row[i]!;
      // The name runs from the visible start of the era to where the next era in its row begins.
      let next = width;
      eras.forEach((other, j) => {
        if (row[j] === r && other.from >= era.to) next = Math.min(next, scale(other.from));
      });
      const labelX = Math.max(x0, 0) + 4;
      const label = fit(era.title, next - labelX - 4, measureSmall);
      const name = msg.text('era', { title: era.title, range: formatDateRange(era.start, era.end, dateOptions) });
      const top = r * ERA_ROW;
      return svg`<g class="era" part="era" role="img" aria-label=${name} data-era=${era.id} data-row=${r}>
        <title>${name}</title>
        <rect class="era-band" x=${x0} y="0" width=${Math.max(x1 - x0, 1)} height=${height}></rect>
        <rect class="era-tab" x=${x0} y=${top + 1} width=${Math.max(x1 - x0, 1)} height=${ERA_ROW - 2}></rect>
        ${label ? svg`<text x=${labelX} y=${top + ERA_ROW - 4} aria-hidden="true">${label}</text>` : nothing}
      </g>`;
    })}
  </g>`;
}
