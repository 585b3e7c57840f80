/**
 * Density: events too dense to draw one by one, painted as a strip of counts per pixel (darker
 * where there are more) on each lane's own canvas, which covers only its density row (see
 * `renderStrips` in `lanes.ts`). O(pixels) per lane per frame, whatever the number of events. The
 * strip's regions are named in the SVG (see `lanes.ts`).
 *
 * Its own chunk, loaded when a frame first has a density strip (most timelines never do), with
 * the lane colours the canvas needs ({@link painter}).
 *
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import { LaneColorController } from '../../controllers/lane-colors.js';
import { bucketPosition, type Frame } from '../frame.js';
import { STRIP_HEIGHT } from '../geometry.js';

/** Paints a host's density strips, in its lanes' colours (kept until {@link Painter.reset}). */
export interface Painter {
  paint(canvases: Iterable<HTMLCanvasElement>, frame: Frame): void;
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
    paint: (canvases, frame) => paintDensity(canvases, frame, colors.colorOf),
    reset: () => colors.reset(),
  };
}

/**
 * Paints each lane's density strip on its canvas (`data-lane`, one per density row in the band).
 * `colorOf(lane)` is the lane's mark colour (a resolved CSS colour). A canvas is only as large as
 * its strip: the first drawing on a canvas allocates its whole backing store, which for one canvas
 * over the whole band (1,200 × 1,200 px) cost 20–35 ms of the first view, and for the strips (a few
 * of 1,200 × 16 px) costs about 1 ms.
 */
export function paintDensity(
  canvases: Iterable<HTMLCanvasElement>,
  frame: Frame,
  colorOf: (lane: number) => string,
): void {
  const dpr = globalThis.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(frame.width * dpr));
  const height = Math.max(1, Math.round(STRIP_HEIGHT * dpr));
  const countsOf = new Map(frame.answer.density.map((strip) => [strip.lane, strip.counts]));
  const bucketX = bucketPosition(frame.answer, frame.scale);
  // Bars rise with log(count), in whole pixels.
  const heightOf = (count: number, scale: number) =>
    count ? Math.max(2, Math.round((Math.log1p(count) / scale) * STRIP_HEIGHT)) : 0;
  for (const canvas of canvases) {
    const lane = Number(canvas.dataset['lane']);
    const counts = countsOf.get(lane) ?? [];
    let max = 0;
    for (const count of counts) if (count > max) max = count;
    // A canvas keeps its pixels between frames: one painted before is cleared (zoomed in, its
    // strip went away), a new one (0 × 0) that stays empty is left without a backing store.
    const painted = canvas.width === width && canvas.height === height;
    if (!painted && max === 0) continue;
    // Sizing a canvas clears it: only one painted before needs clearing.
    if (painted) canvas.getContext('2d')?.clearRect(0, 0, width, height);
    else [canvas.width, canvas.height] = [width, height];
    const context = canvas.getContext('2d');
    if (!context || max === 0) continue;
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    const scale = Math.log1p(max);
    context.fillStyle = colorOf(lane);
    // A faint baseline shows where the strip is.
    context.globalAlpha = 0.18;
    context.fillRect(0, STRIP_HEIGHT - 1, frame.width, 1);
    // Neighbours of the same height are one rectangle: a strip is painted with a few hundred calls
    // rather than one per bucket (thousands per zoom frame).
    for (let b = 0; b < counts.length;) {
      const h = heightOf(counts[b]!, scale);
      let end = b + 1;
      while (end < counts.length && heightOf(counts[end]!, scale) === h) end++;
      if (h) {
        context.globalAlpha = 0.35 + 0.55 * (h / STRIP_HEIGHT);
        // Right to left, a bucket's start is its right edge.
        const x = Math.min(bucketX(b), bucketX(end));
        context.fillRect(x, STRIP_HEIGHT - h, Math.max(Math.abs(bucketX(end) - bucketX(b)), 1), h);
      }
      b = end;
    }
    context.globalAlpha = 1;
  }
}
