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
  const { row, count } = eraRows(eras);
  const tabs = eras.map((era) => [scale(era.from), scale(era.to)] as const);
  // Names placed so far, per row: a name that does not fit its own row may take a free stretch of
  // another row (where no era's tab and no other name is), so narrow eras stay named.
  const placed: [number, number][][] = Array.from({ length: count }, () => []);
  const free = (r: number, self: number, x0: number, x1: number) =>
    tabs.every(([a, b], j) => j === self || row[j] !== r || b <= x0 || a >= x1) &&
    placed[r]!.every(([a, b]) => b <= x0 || a >= x1);
  return svg`<g class="eras">
    ${eras.map((era, i) => {
      const [from, to] = tabs[i]!;
      const x0 = Math.max(from, -1);
      const x1 = Math.min(to, width + 1);
      if (x1 <= 0 || x0 >= width) return nothing;
      const own = row[i]!;
      let labelX = Math.max(x0, 0) + 4;
      const textWidth = measureSmall(era.title);
      let r = own;
      let label = era.title;
      const fits = (k: number, x: number) => x + textWidth + 4 <= width && free(k, i, x - 4, x + textWidth + 4);
      if (!fits(own, labelX)) {
        // Another row, at the era's start or just after a name already there (a little later).
        let found: [number, number] | undefined;
        for (let k = 0; k < count && !found; k++) {
          if (k === own) continue;
          const starts = [labelX, ...placed[k]!.map(([, b]) => b + 4).filter((x) => x > labelX && x < labelX + 60)];
          const x = starts.find((candidate) => fits(k, candidate));
          if (x !== undefined) found = [k, x];
        }
        if (found) [r, labelX] = found;
        else {
          // Shortened to the room before the next era (or name) in its own row.
          let next = width;
          tabs.forEach(([a], j) => {
            if (j !== i && row[j] === own && a >= labelX) next = Math.min(next, a);
          });
          for (const [a] of placed[own]!) if (a >= labelX) next = Math.min(next, a);
          label = fit(era.title, next - labelX - 4, measureSmall);
        }
      }
      if (label) placed[r]!.push([labelX - 4, labelX + measureSmall(label) + 4]);
      // An era within one date ("2020-02" to "2020-02") is named by that date once.
      const end = era.end.input === era.start.input ? undefined : era.end;
      const name = msg.text('era', { title: era.title, range: formatDateRange(era.start, end, dateOptions) });
      const top = own * ERA_ROW;
      return svg`<g class="era" part="era" role="img" aria-label=${name} data-era=${era.id} data-row=${own}>
        <title>${name}</title>
        <rect class="era-band" x=${x0} y="0" width=${Math.max(x1 - x0, 1)} height=${height}></rect>
        <rect class="era-tab" x=${x0} y=${top + 1} width=${Math.max(x1 - x0, 1)} height=${ERA_ROW - 2}></rect>
        ${label ? svg`<text x=${labelX} y=${r * ERA_ROW + ERA_ROW - 4} aria-hidden="true">${label}</text>` : nothing}
      </g>`;
    })}
  </g>`;
}
