/**
 * d3-zoom's transform and the maths of its programmatic methods (`scaleBy`, `translateBy`), for the
 * time before d3-zoom has loaded. d3-zoom is loaded when a pointer first reaches the plot
 * (`zoom-controller.ts`): a timeline that is only read, or driven from the keyboard, the buttons or
 * `visibleRange`, never fetches it. Until then these functions move the view exactly as d3-zoom's
 * would (the same formulas, in the same order: `zoom-transform.test.ts` holds them to d3-zoom's
 * answers); once it is here, d3-zoom does it all.
 *
 * @module
 */
import type { ZoomScale, ZoomTransform } from 'd3-zoom';

type Point = [number, number];
/** `[[x0, y0], [x1, y1]]`, as d3-zoom's `extent` and `translateExtent`. */
export type Extent = [Point, Point];

/** d3-zoom's `ZoomTransform`: scale `k`, then translate by `x`, `y`. */
export class Transform implements ZoomTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;

  constructor(k: number, x: number, y: number) {
    this.k = k;
    this.x = x;
    this.y = y;
  }

  scale(k: number): Transform {
    return k === 1 ? this : new Transform(this.k * k, this.x, this.y);
  }

  translate(x: number, y: number): Transform {
    return x === 0 && y === 0 ? this : new Transform(this.k, this.x + this.k * x, this.y + this.k * y);
  }

  apply(point: Point): Point {
    return [this.applyX(point[0]), this.applyY(point[1])];
  }

  applyX(x: number): number {
    return x * this.k + this.x;
  }

  applyY(y: number): number {
    return y * this.k + this.y;
  }

  invert(location: Point): Point {
    return [this.invertX(location[0]), this.invertY(location[1])];
  }

  invertX(x: number): number {
    return (x - this.x) / this.k;
  }

  invertY(y: number): number {
    return (y - this.y) / this.k;
  }

  rescaleX<S extends ZoomScale>(x: S): S {
    return x.copy().domain(x.range().map((px) => x.invert(this.invertX(px)))) as S;
  }

  rescaleY<S extends ZoomScale>(y: S): S {
    return y.copy().domain(y.range().map((px) => y.invert(this.invertY(px)))) as S;
  }

  toString(): string {
    return `translate(${this.x},${this.y}) scale(${this.k})`;
  }
}

/** The identity transform (d3-zoom's `zoomIdentity`). */
export const zoomIdentity = new Transform(1, 0, 0);

/** The limits d3-zoom is configured with. */
export interface ZoomLimits {
  readonly extent: Extent;
  readonly translateExtent: Extent;
  readonly scaleExtent: [number, number];
}

/** d3-zoom's default `constrain`: the extent stays inside the translate extent (centred when larger). */
function constrain(t: ZoomTransform, extent: Extent, translateExtent: Extent): ZoomTransform {
  const dx0 = t.invertX(extent[0][0]) - translateExtent[0][0];
  const dx1 = t.invertX(extent[1][0]) - translateExtent[1][0];
  const dy0 = t.invertY(extent[0][1]) - translateExtent[0][1];
  const dy1 = t.invertY(extent[1][1]) - translateExtent[1][1];
  return t.translate(
    dx1 > dx0 ? (dx0 + dx1) / 2 : Math.min(0, dx0) || Math.max(0, dx1),
    dy1 > dy0 ? (dy0 + dy1) / 2 : Math.min(0, dy0) || Math.max(0, dy1),
  );
}

/** d3-zoom's `zoom.scaleBy(selection, factor, point)` on `t0` (point: the extent's centre by default). */
export function scaleBy(t0: ZoomTransform, factor: number, limits: ZoomLimits, point?: Point): ZoomTransform {
  const { extent: e, scaleExtent } = limits;
  const p0: Point = point ?? [(e[0][0] + e[1][0]) / 2, (e[0][1] + e[1][1]) / 2];
  const p1 = t0.invert(p0);
  const k = Math.max(scaleExtent[0], Math.min(scaleExtent[1], t0.k * factor));
  const scaled = k === t0.k ? t0 : new Transform(k, t0.x, t0.y);
  const x = p0[0] - p1[0] * scaled.k;
  const y = p0[1] - p1[1] * scaled.k;
  const moved = x === scaled.x && y === scaled.y ? scaled : new Transform(scaled.k, x, y);
  return constrain(moved, e, limits.translateExtent);
}

/** d3-zoom's `zoom.translateBy(selection, x, y)` on `t0`. */
export function translateBy(t0: ZoomTransform, x: number, y: number, limits: ZoomLimits): ZoomTransform {
  return constrain(t0.translate(x, y), limits.extent, limits.translateExtent);
}
