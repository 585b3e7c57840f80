/**
 * Density: events too dense to draw one by one, painted on a canvas as a strip of counts per
 * pixel (darker where there are more), in each lane's density row. O(pixels) per lane per frame,
 * whatever the number of events. The strip's regions are named in the SVG (see `lanes.ts`).
 *
 * Its own chunk, loaded when a frame first has a density strip (most timelines never do), with
 * the lane colours the canvas needs ({@link painter}).
 *
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import { LaneColorController } from '../../controllers/lane-colors.js';
import { bucketPosition, type Frame } from '../frame.js';
import { DENSITY_ROW } from '../geometry.js';

/** Paints a host's density strips, in its lanes' colours (kept until {@link Painter.reset}). */
export interface Painter {
  paint(canvas: HTMLCanvasElement, frame: Frame): void;
  /** Forgets the lane colours (new data). */
  reset(): void;
}

/** A painter for `host`, reading each lane's mark colour from its rendered lane group. */
export function painter(host: ReactiveControllerHost & HTMLElement): Painter {
  const colors = new LaneColorController(host, (lane) => {
    const group = host.shadowRoot?.querySelector(`.lane[data-lane="${lane}"]`);
    return group ? getComputedStyle(group).getPropertyValue('color') || undefined : undefined;
  });
  return {
    paint: (canvas, frame) => paintDensity(canvas, frame, colors.colorOf),
    reset: () => colors.reset(),
  };
}

/**
 * Paints the density rows of the lanes in the frame's band. `colorOf(lane)` is the lane's mark
 * colour (a resolved CSS colour). The canvas covers the band: its top is `frame.band[0]`.
 */
export function paintDensity(canvas: HTMLCanvasElement, frame: Frame, colorOf: (lane: number) => string): void {
  const dpr = globalThis.devicePixelRatio || 1;
  const [top, bottom] = frame.band;
  const width = Math.max(1, Math.round(frame.width * dpr));
  const height = Math.max(1, Math.round((bottom - top) * dpr));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width, height);
  context.setTransform(dpr, 0, 0, dpr, 0, -top * dpr);
  const byLane = new Map(frame.lanes.map((box) => [box.index, box]));
  const rowHeight = DENSITY_ROW - 6;
  const bucketX = bucketPosition(frame.answer, frame.scale);
  for (const { lane, counts } of frame.answer.density) {
    const box = byLane.get(lane);
    if (box?.densityTop === undefined || !counts.length) continue;
    const y0 = box.densityTop + 2;
    if (y0 > bottom || y0 + rowHeight < top) continue;
    let max = 0;
    for (const count of counts) if (count > max) max = count;
    if (max === 0) continue;
    const scale = Math.log1p(max);
    context.fillStyle = colorOf(lane);
    // A faint baseline shows where the strip is; bars rise with log(count).
    context.globalAlpha = 0.18;
    context.fillRect(0, y0 + rowHeight - 1, frame.width, 1);
    // Bars rise in whole pixels, so neighbours of the same height are one rectangle: a strip is
    // painted with a few hundred calls rather than one per bucket (thousands per zoom frame).
    const heightOf = (count: number) => (count ? Math.max(2, Math.round((Math.log1p(count) / scale) * rowHeight)) : 0);
    for (let b = 0; b < counts.length;) {
      const h = heightOf(counts[b]!);
      let end = b + 1;
      while (end < counts.length && heightOf(counts[end]!) === h) end++;
      if (h) {
        context.globalAlpha = 0.35 + 0.55 * (h / rowHeight);
        // Right to left, a bucket's start is its right edge.
        const x = Math.min(bucketX(b), bucketX(end));
        context.fillRect(x, y0 + rowHeight - h, Math.max(Math.abs(bucketX(end) - bucketX(b)), 1), h);
      }
      b = end;
    }
  }
  context.globalAlpha = 1;
}
