/**
 * d3-zoom loads when a pointer first reaches the plot (zoom-controller.ts). Before that, keys,
 * buttons and `visibleRange` move the view with zoom-transform.ts, which must agree with d3-zoom.
 */
import { createTimeScale, type TimeScale } from '@reeltime/core';
import deadReckoning from '@reeltime/data';
import { select } from 'd3-selection';
import { zoom, zoomTransform, ZoomTransform, type ZoomScale } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import { scaleBy, Transform, translateBy, type Extent } from './zoom-transform.js';

describe('zoom-transform.ts', () => {
  const starts = [
    [1, 0, 0],
    [4, -900, 0],
    [2.5, -123.4, 7],
    [40, -30_000, -3],
  ] as const;
  const sizes = [
    [960, 300, 50],
    [380, 120, 4],
    [1, 1, 1],
  ] as const;

  /** d3-zoom's answer: its behaviour's own method on a node holding `start`. */
  function d3(
    start: readonly [number, number, number],
    [width, height, max]: readonly [number, number, number],
    act: (behavior: ReturnType<typeof zoom<Element, unknown>>, node: Element) => void,
  ): ZoomTransform {
    const extent: Extent = [
      [0, 0],
      [width, height],
    ];
    const behavior = zoom<Element, unknown>().extent(extent).translateExtent(extent).scaleExtent([1, max]);
    const node = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    select(node).property('__zoom', new ZoomTransform(start[0], start[1], start[2]));
    act(behavior, node);
    return zoomTransform(node);
  }

  it('scales and pans exactly as d3-zoom does, within the same limits', () => {
    let cases = 0;
    for (const start of starts) {
      for (const size of sizes) {
        const [width, height, max] = size;
        const limits = {
          extent: [
            [0, 0],
            [width, height],
          ] as Extent,
          translateExtent: [
            [0, 0],
            [width, height],
          ] as Extent,
          scaleExtent: [1, max] as [number, number],
        };
        const t0 = new Transform(start[0], start[1], start[2]);
        for (const factor of [0.25, 0.5, 1, 1.2, 2, 100]) {
          for (const x of [undefined, 0, width / 3, width]) {
            const point: [number, number] | undefined = x === undefined ? undefined : [x, 0];
            const theirs = d3(start, size, (b, node) => b.scaleBy(select(node), factor, point));
            const ours = scaleBy(t0, factor, limits, point);
            expect([ours.k, ours.x, ours.y], `scaleBy ${factor} at ${x} from ${t0}`).toEqual([
              theirs.k,
              theirs.x,
              theirs.y,
            ]);
            cases++;
          }
        }
        for (const dx of [-5000, -10, 0, 33.3, 5000]) {
          const theirs = d3(start, size, (b, node) => b.translateBy(select(node), dx, 0));
          const ours = translateBy(t0, dx, 0, limits);
          expect([ours.k, ours.x, ours.y], `translateBy ${dx} from ${t0}`).toEqual([theirs.k, theirs.x, theirs.y]);
          cases++;
        }
      }
    }
    expect(cases).toBe(4 * 3 * (6 * 4 + 5));
  });

  it('rescales, inverts and prints as d3-zoom’s transform', () => {
    const ours = new Transform(3, -40, 2);
    const theirs = new ZoomTransform(3, -40, 2);
    expect(ours.toString()).toBe(theirs.toString());
    expect(ours.invert([10, 20])).toEqual(theirs.invert([10, 20]));
    expect(ours.apply([10, 20])).toEqual(theirs.apply([10, 20]));
    const base = createTimeScale([0, 1000], [0, 500]) as TimeScale & ZoomScale;
    expect(ours.rescaleX(base).domain()).toEqual(theirs.rescaleX(base).domain());
    expect(ours.rescaleY(base).domain()).toEqual(theirs.rescaleY(base).domain());
  });
});

describe('<reel-timeline> and d3-zoom', () => {
  const hasZoom = (node: Element) => '__zoom' in node;
  const span = (el: { visibleRange: { from: number; to: number } }) => el.visibleRange.to - el.visibleRange.from;

  it('does not load d3-zoom for a view that is only read or driven from the keys and buttons', async () => {
    // The real pointer waits in a corner, away from where the timeline is drawn: Chromium sends
    // pointerover to whatever appears under a pointer left there by an earlier test.
    const corner = document.createElement('div');
    corner.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 4px; height: 4px';
    document.body.append(corner);
    await userEvent.hover(corner);
    corner.remove();
    const el = await mount((el) => (el.data = deadReckoning));
    const plot = el.shadowRoot!.querySelector('.plot')!;
    const full = span(el);
    await userEvent.click(el.shadowRoot!.querySelector('button[aria-label="Zoom in"]')!);
    await settle(el);
    expect(span(el)).toBeLessThan(full * 0.9);
    el.visibleRange = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) };
    await settle(el);
    expect(el.visibleRange.from).toBeCloseTo(Date.UTC(2020, 0, 1), -4);
    // Past the data's end: held at the bound, as d3-zoom would hold it.
    await userEvent.click(el.shadowRoot!.querySelector('button[aria-label="Show all events"]')!);
    await settle(el);
    expect(span(el)).toBeCloseTo(full, -4);
    expect(hasZoom(plot)).toBe(false);
  });

  it('loads d3-zoom on the first wheel over the plot and zooms by that wheel once it is here', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'lang="en-US" wheel="zoom"');
    const plot = el.shadowRoot!.querySelector('.plot')!;
    const full = span(el);
    const ranges: number[] = [];
    el.addEventListener('reel-range-change', (e) => ranges.push(e.detail.to - e.detail.from));
    const box = plot.getBoundingClientRect();
    // No pointerover first: the wheel itself asks for d3-zoom, and is handed to it on arrival.
    const wheel = new WheelEvent('wheel', {
      deltaY: -500, // d3-zoom: 2^(500 × 0.002) = 2× in
      clientX: box.left + box.width / 2,
      clientY: box.top + 40,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    plot.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).toBe(true);
    await settle(el);
    expect(hasZoom(plot)).toBe(true);
    expect(full / span(el)).toBeCloseTo(2, 2);
    expect(ranges).toHaveLength(1);
  });
});
