/// <reference types="@vitest/browser-playwright" />
/**
 * Gestures that never trap the page, driven with real input through the Chrome DevTools Protocol
 * (the browser's own scrolling only follows trusted input): vertical swipes and plain wheels scroll
 * the page, Ctrl + wheel zooms, horizontal swipes and wheels pan.
 */
import deadReckoning from '@reeltime/data';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { mount, pointAtPlot, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

/** A point in this frame's viewport, in the top page's coordinates (the test frame is scaled). */
function toPage(x: number, y: number): { x: number; y: number } {
  for (let win: Window = window; win !== win.parent; win = win.parent) {
    const rect = win.frameElement!.getBoundingClientRect();
    const scale = rect.width / win.innerWidth;
    x = rect.left + x * scale;
    y = rect.top + y * scale;
  }
  return { x, y };
}

/** A one-finger swipe from one point to another, in small steps. */
async function swipe(from: [number, number], to: [number, number], steps = 10): Promise<void> {
  const session = cdp();
  const at = (t: number) => toPage(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t);
  await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
  for (let i = 1; i <= steps; i++) {
    await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i / steps)] });
  }
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A wheel event at a point; `modifiers` as CDP counts them (2: Ctrl, 8: Shift). */
async function wheel(x: number, y: number, deltaX: number, deltaY: number, modifiers = 0): Promise<void> {
  const point = toPage(x, y);
  await cdp().send('Input.dispatchMouseEvent', { type: 'mouseWheel', ...point, deltaX, deltaY, modifiers });
}

/** A page taller than the window, with the timeline at its top, scrolled to the top. */
async function onScrollablePage(attributes = 'lang="en-US"'): Promise<ReelTimeline> {
  const el = await mount((el) => (el.data = deadReckoning), 380, '', attributes);
  const spacer = document.createElement('div');
  spacer.style.height = '3000px';
  el.parentElement!.after(spacer);
  spacers.push(spacer);
  window.scrollTo(0, 0);
  el.visibleRange = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) };
  await settle(el);
  return el;
}

const spacers: HTMLElement[] = [];
afterEach(() => {
  for (const spacer of spacers.splice(0)) spacer.remove();
  window.scrollTo(0, 0);
});

/** A point in the middle of the plot's visible part. */
function plotPoint(el: ReelTimeline): [number, number] {
  const box = el.shadowRoot!.querySelector('.body')!.getBoundingClientRect();
  return [box.left + Math.min(box.width, innerWidth) / 2, box.top + Math.min(box.height, innerHeight - box.top) / 2];
}

const span = (el: ReelTimeline) => el.visibleRange.to - el.visibleRange.from;

describe('<reel-timeline> gestures that never trap the page', () => {
  it('scrolls the page with a one-finger vertical swipe over the timeline, leaving the range alone', async () => {
    const el = await onScrollablePage();
    const before = el.visibleRange;
    const [x, y] = plotPoint(el);
    await swipe([x, y + 100], [x, y - 150]);
    await expect.poll(() => window.scrollY).toBeGreaterThan(50);
    expect(el.visibleRange).toEqual(before);
  });

  it('pans with a one-finger horizontal swipe, without scrolling the page', async () => {
    const el = await onScrollablePage();
    const before = el.visibleRange;
    const [x, y] = plotPoint(el);
    await swipe([x + 120, y], [x - 120, y]);
    await expect.poll(() => el.visibleRange.from).toBeGreaterThan(before.from);
    expect(span(el)).toBeCloseTo(before.to - before.from, -3);
    expect(window.scrollY).toBe(0);
  });

  it('scrolls the page with a plain wheel, keeps the range and hints at Ctrl + scroll', async () => {
    const el = await onScrollablePage();
    const before = el.visibleRange;
    const [x, y] = plotPoint(el);
    await wheel(x, y, 0, 200);
    await expect.poll(() => window.scrollY).toBeGreaterThan(0);
    await settle(el);
    expect(el.visibleRange).toEqual(before);
    const hint = el.shadowRoot!.querySelector('[part~="wheel-hint"]');
    expect(hint?.textContent).toMatch(/^Use (Ctrl|⌘) \+ scroll to zoom$/);
    expect(hint?.getAttribute('aria-hidden')).toBe('true');
    await expect.poll(() => el.shadowRoot!.querySelector('[part~="wheel-hint"]'), { timeout: 4000 }).toBeNull();
  });

  it('zooms with Ctrl + wheel (and a trackpad pinch, sent as one), without scrolling the page', async () => {
    const el = await onScrollablePage();
    const before = span(el);
    const [x, y] = plotPoint(el);
    await wheel(x, y, 0, -200, 2);
    await expect.poll(() => span(el)).toBeLessThan(before * 0.8);
    const after = span(el);
    // A pinch: small deltas with ctrlKey zoom about as much as a few notches.
    await wheel(x, y, 0, -10, 2);
    await expect.poll(() => span(el)).toBeLessThan(after * 0.9);
    expect(window.scrollY).toBe(0);
  });

  it('pans with a horizontal wheel and with Shift + wheel', async () => {
    const el = await onScrollablePage();
    const [x, y] = plotPoint(el);
    const start = el.visibleRange;
    await wheel(x, y, 150, 0);
    await expect.poll(() => el.visibleRange.from).toBeGreaterThan(start.from);
    const panned = el.visibleRange;
    expect(panned.to - panned.from).toBeCloseTo(start.to - start.from, -3);
    await wheel(x, y, 0, -150, 8);
    await expect.poll(() => el.visibleRange.from).toBeLessThan(panned.from);
    expect(window.scrollY).toBe(0);
  });

  it('zooms with a plain wheel when wheel="zoom"', async () => {
    const el = await onScrollablePage('lang="en-US" wheel="zoom"');
    const [x, y] = plotPoint(el);
    const before = span(el);
    await wheel(x, y, 0, -200);
    await expect.poll(() => span(el)).toBeLessThan(before * 0.8);
    expect(window.scrollY).toBe(0);
  });

  it('zooms with a plain wheel where nothing can scroll (a full-screen app)', async () => {
    const fixed = await mount((el) => (el.data = deadReckoning), 380);
    document.documentElement.style.overflow = 'hidden';
    try {
      const full = span(fixed);
      const [fx, fy] = plotPoint(fixed);
      await wheel(fx, fy, 0, -200);
      await expect.poll(() => span(fixed)).toBeLessThan(full * 0.8);
    } finally {
      document.documentElement.style.overflow = '';
    }
  });

  it('zooms on double-click at once, with no animation (reduced motion or not)', async () => {
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    });
    try {
      const el = await mount((el) => (el.data = deadReckoning), 380);
      await pointAtPlot(el);
      const before = span(el);
      const [x, y] = plotPoint(el);
      const svg = el.shadowRoot!.querySelector('svg[role="group"]')!;
      svg.dispatchEvent(
        new MouseEvent('dblclick', { clientX: x, clientY: y, bubbles: true, composed: true, view: window }),
      );
      // Synchronously: the whole zoom happened in the event, no frame later.
      expect(span(el)).toBeCloseTo(before / 2, -3);
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });
});
