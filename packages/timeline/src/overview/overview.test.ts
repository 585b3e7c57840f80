import deadReckoning from '@reeltime/data';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';
import type { ReelOverview } from './overview.js';

/** A timeline with its overview, once the overview's module has loaded and drawn. */
async function withOverview(attributes = ''): Promise<{ el: ReelTimeline; overview: ReelOverview }> {
  const el = await mount((el) => (el.data = deadReckoning), 960, '', `lang="en-US" overview ${attributes}`);
  await expect
    .poll(() => el.shadowRoot!.querySelector('reel-overview')?.shadowRoot?.querySelector('.selection'))
    .toBeTruthy();
  const overview = el.shadowRoot!.querySelector('reel-overview')!;
  await settle(el);
  await overview.updateComplete;
  return { el, overview };
}

const part = (overview: ReelOverview, selector: string) => overview.shadowRoot!.querySelector(selector)!;

/** The brush's drawn selection, in px from the strip's left. */
function brushed(overview: ReelOverview): [number, number] {
  const rect = part(overview, '.selection');
  const x = Number(rect.getAttribute('x'));
  return [x, x + Number(rect.getAttribute('width'))];
}

describe('<reel-timeline overview>', () => {
  it('draws the whole dataset in miniature, with the brush over the visible range and a name and value', async () => {
    const { el, overview } = await withOverview();
    expect(part(overview, '[part~="density"]').getAttribute('d')).toMatch(/^M0,36V/);
    const strip = part(overview, '[role="slider"]');
    expect(strip.getAttribute('aria-label')).toBe('Overview: visible range');
    expect(strip.getAttribute('aria-valuetext')).toBe(`Showing ${el.shadowRoot!.querySelector('.range')!.textContent}`);
    // The whole view: the brush covers the whole strip.
    const width = strip.getBoundingClientRect().width;
    const [x0, x1] = brushed(overview);
    expect(x0).toBeCloseTo(0, 0);
    expect(x1).toBeCloseTo(width, 0);
    const results = await axe.run(el.parentElement!, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('moves the brush when the main view zooms', async () => {
    const { el, overview } = await withOverview();
    const width = part(overview, '[role="slider"]').getBoundingClientRect().width;
    el.zoomBy(4);
    await settle(el);
    await overview.updateComplete;
    const [x0, x1] = brushed(overview);
    expect(x1 - x0).toBeCloseTo(width / 4, -1);
    expect(part(overview, '[role="slider"]').getAttribute('aria-valuetext')).toBe(
      `Showing ${el.shadowRoot!.querySelector('.range')!.textContent}`,
    );
  });

  it('sets the main range when the brush is dragged or drawn anew', async () => {
    const { el, overview } = await withOverview();
    el.zoomBy(4);
    await settle(el);
    await overview.updateComplete;
    const before = el.visibleRange;
    const g = part(overview, 'g.brush');
    const box = g.getBoundingClientRect();
    const [x0, x1] = brushed(overview);
    const y = box.top + box.height / 2;
    const mouse = (type: string, x: number, target: EventTarget) =>
      target.dispatchEvent(
        new MouseEvent(type, {
          clientX: box.left + x,
          clientY: y,
          button: 0,
          bubbles: true,
          composed: true,
          view: window,
        }),
      );
    // Drag the brush 100 px later: the view moves, at the same zoom.
    const grab = (x0 + x1) / 2;
    mouse('mousedown', grab, part(overview, '.selection'));
    mouse('mousemove', grab + 50, window);
    mouse('mousemove', grab + 100, window);
    mouse('mouseup', grab + 100, window);
    await settle(el);
    expect(el.visibleRange.from).toBeGreaterThan(before.from);
    expect(el.visibleRange.to - el.visibleRange.from).toBeCloseTo(before.to - before.from, -4);
    // Draw a new, wider brush on the strip: the view shows that stretch.
    mouse('mousedown', 20, part(overview, '.overlay'));
    mouse('mousemove', 200, window);
    mouse('mousemove', 500, window);
    mouse('mouseup', 500, window);
    await settle(el);
    await overview.updateComplete;
    const [b0, b1] = brushed(overview);
    expect(b0).toBeCloseTo(20, -1);
    expect(b1).toBeCloseTo(500, -1);
    expect(el.visibleRange.to - el.visibleRange.from).toBeGreaterThan(before.to - before.from);
  });

  it('moves with the arrow keys and widens or narrows with Shift + arrows', async () => {
    const { el, overview } = await withOverview();
    el.visibleRange = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) };
    await settle(el);
    (part(overview, '[role="slider"]') as HTMLElement).focus();
    const start = el.visibleRange;
    const span = start.to - start.from;
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(el.visibleRange.from - start.from).toBeCloseTo(span * 0.1, -4);
    expect(el.visibleRange.to - el.visibleRange.from).toBeCloseTo(span, -4);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await settle(el);
    expect(el.visibleRange.to - el.visibleRange.from).toBeCloseTo(span * 1.25, -4);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}');
    await settle(el);
    expect(el.visibleRange.to - el.visibleRange.from).toBeCloseTo(span / 1.25, -4);
    await userEvent.keyboard('{Home}');
    await settle(el);
    expect(brushed(overview)[0]).toBeCloseTo(0, 0);
    // Focus stays on the strip through it all.
    expect(overview.shadowRoot!.activeElement?.getAttribute('role')).toBe('slider');
  });

  it('mirrors right to left: later is leftwards, for the brush, a drag and the arrow keys', async () => {
    const { el, overview } = await withOverview('dir="rtl"');
    const strip = part(overview, '[role="slider"]') as HTMLElement;
    const box = strip.getBoundingClientRect();
    // Zoomed into the last quarter of the data: the brush sits at the strip's left end.
    const [d0, d1] = overview.domain;
    el.visibleRange = { from: d1 - (d1 - d0) / 4, to: d1 };
    await settle(el);
    await overview.updateComplete;
    const sel = () => part(overview, '.selection').getBoundingClientRect();
    expect(sel().left - box.left).toBeCloseTo(0, -1);
    expect(sel().width).toBeCloseTo(box.width / 4, -1);
    // The miniature mirrors too: the path is drawn under a mirroring transform.
    expect(part(overview, 'svg > g').getAttribute('transform')).toMatch(/scale\(-1,\s*1\)/);
    // Dragging the brush rightwards goes back in time.
    const before = el.visibleRange;
    const y = box.top + box.height / 2;
    const mouse = (type: string, x: number, target: EventTarget) =>
      target.dispatchEvent(
        new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true, composed: true, view: window }),
      );
    const grab = sel().left + sel().width / 2;
    mouse('mousedown', grab, part(overview, '.selection'));
    mouse('mousemove', grab + 50, window);
    mouse('mousemove', grab + 100, window);
    mouse('mouseup', grab + 100, window);
    await settle(el);
    await overview.updateComplete;
    expect(el.visibleRange.to).toBeLessThan(before.to);
    expect(el.visibleRange.to - el.visibleRange.from).toBeCloseTo(before.to - before.from, -4);
    expect(sel().left - box.left).toBeCloseTo(100, -1);
    // ArrowLeft moves later (leftwards), ArrowRight earlier; Shift + ArrowLeft widens.
    strip.focus();
    const start = el.visibleRange;
    const span = start.to - start.from;
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    expect(el.visibleRange.from - start.from).toBeCloseTo(span * 0.1, -4);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await settle(el);
    expect(el.visibleRange.from - start.from).toBeCloseTo(-span * 0.1, -4);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    await settle(el);
    expect(el.visibleRange.to - el.visibleRange.from).toBeCloseTo(span * 1.25, -4);
  });

  it('loads nothing for the overview until it is asked for', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    expect(el.shadowRoot!.querySelector('reel-overview')).toBeNull();
    el.overview = true;
    await expect.poll(() => el.shadowRoot!.querySelector('reel-overview')).toBeTruthy();
  });
});
