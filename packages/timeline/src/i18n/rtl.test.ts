import deadReckoning from '@reeltime/data';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';
import { isRtl, isRtlLocale } from './direction.js';

const root = (el: ReelTimeline) => el.shadowRoot!;
const marks = (el: ReelTimeline) => [...root(el).querySelectorAll<SVGGElement>('[part~="event"]')];
const markOf = (el: ReelTimeline, id: string) => marks(el).find((mark) => mark.dataset['id'] === id)!;
const centre = (node: Element) => {
  const box = node.getBoundingClientRect();
  return (box.left + box.right) / 2;
};

/** Where an event's start is drawn: a bar's right edge right to left, a point's centre. */
function startX(el: ReelTimeline, id: string): number | undefined {
  const mark = markOf(el, id)?.querySelector('.mark');
  if (!mark) return undefined;
  return mark.classList.contains('bar') ? mark.getBoundingClientRect().right : centre(mark);
}

/** Every event in start order: in RTL each later start is left of the one before. */
function expectTimeFlowsRightToLeft(el: ReelTimeline): void {
  const events = [...el.model.events].sort((a, b) => a.from - b.from);
  let checked = 0;
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [startX(el, events[i - 1]!.id), startX(el, events[i]!.id)];
    if (a === undefined || b === undefined || events[i]!.from - events[i - 1]!.from < 7 * 864e5) continue;
    expect(b, `${events[i]!.id} after ${events[i - 1]!.id}`).toBeLessThan(a);
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(8);
}

/** Lane names whole and inside the plot; event labels inside the plot and beside, not over, their marks. */
function expectLabelsInPlace(el: ReelTimeline): void {
  const plot = root(el).querySelector('svg[role="group"]')!.getBoundingClientRect();
  const lanes = [...root(el).querySelectorAll<SVGTextElement>('[part~="lane-label"]')];
  expect(lanes.length).toBe(deadReckoning.lanes!.length);
  for (const label of lanes) {
    const box = label.getBoundingClientRect();
    expect(box.left, label.textContent!).toBeGreaterThanOrEqual(plot.left);
    expect(box.right, label.textContent!).toBeLessThanOrEqual(plot.right);
    // Not clipped to a letter: as wide as the text measures.
    expect(box.width).toBeGreaterThanOrEqual(label.getComputedTextLength() - 0.5);
    expect(box.width).toBeGreaterThan(30);
  }
  const labels = [...root(el).querySelectorAll<SVGTextElement>('.label:not(.inside)')];
  expect(labels.length).toBeGreaterThan(5);
  for (const label of labels) {
    const box = label.getBoundingClientRect();
    const mark = markOf(el, label.dataset['id']!).querySelector('.mark')!.getBoundingClientRect();
    expect(box.left).toBeGreaterThanOrEqual(plot.left - 1);
    expect(box.right).toBeLessThanOrEqual(plot.right + 1);
    const overlaps = box.left < mark.right - 0.5 && mark.left < box.right - 0.5;
    expect(overlaps, `label ${label.textContent} over its mark`).toBe(false);
  }
}

describe('right to left', () => {
  it('knows which locales are written right to left', () => {
    expect(['ar', 'ar-EG', 'he-IL', 'fa', 'ur-PK'].map(isRtlLocale)).toEqual([true, true, true, true, true]);
    expect(['en-US', 'de', 'ja-JP', 'fr', 'es'].map(isRtlLocale)).toEqual([false, false, false, false, false]);
    const host = document.createElement('div');
    host.dir = 'rtl';
    const child = host.appendChild(document.createElement('span'));
    expect(isRtl(child, 'en-US', false)).toBe(true);
    expect(isRtl(child, 'en-US', true)).toBe(false);
    child.dir = 'rtl';
    expect(isRtl(child, 'en-US', true)).toBe(true);
  });

  it('dir="rtl" on an ancestor: time flows right to left, labels beside their marks, lane names whole', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'lang="en-US"');
    el.parentElement!.dir = 'rtl';
    el.requestUpdate();
    await settle(el);
    expect(root(el).querySelector('.base')!.getAttribute('dir')).toBe('rtl');
    expectTimeFlowsRightToLeft(el);
    expectLabelsInPlace(el);
    // The axis too: a later tick is further left.
    const ticks = [...root(el).querySelectorAll<SVGTextElement>('[part~="axis"] .minor text')];
    expect(ticks.length).toBeGreaterThan(2);
    expect(centre(ticks.at(-1)!)).toBeLessThan(centre(ticks[0]!));
  });

  it('locale="ar-EG" mirrors the chart without any dir; dir="ltr" on the element overrides it', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'locale="ar-EG"');
    expectTimeFlowsRightToLeft(el);
    expectLabelsInPlace(el);
    // The header is mirrored: the title on the right, the zoom buttons on the left.
    const title = root(el).querySelector('.title')!.getBoundingClientRect();
    const zoom = root(el).querySelector('.zoom')!.getBoundingClientRect();
    expect(zoom.right).toBeLessThan(title.left + 1);
    el.dir = 'ltr';
    await settle(el);
    expect(centre(markOf(el, 'fallout-predecessor'))).toBeLessThan(centre(markOf(el, 'us-release')));
  });

  it('lays out data text by its own direction: an English label shortened in an Arabic chart ends in "…"', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 375, '', 'locale="ar"');
    const shortened = [...root(el).querySelectorAll<SVGTextElement>('.label')].filter((label) =>
      label.textContent!.includes('…'),
    );
    expect(shortened.length).toBeGreaterThan(3);
    for (const label of shortened) {
      const text = label.textContent!;
      // Isolated: its own first letters set its direction, whatever the chart's.
      expect(text.startsWith('\u2068') && text.endsWith('\u2069'), text).toBe(true);
      const ellipsis = text.indexOf('…');
      const first = label.getStartPositionOfChar(1).x;
      // Read left to right: the ellipsis is drawn after (right of) the first letter, not before it.
      expect(label.getStartPositionOfChar(ellipsis).x, text).toBeGreaterThan(first);
    }
    // The English title in the Arabic header: laid out left to right, cut at its end.
    expect(getComputedStyle(root(el).querySelector('.title')!).direction).toBe('ltr');
  });

  it('keeps the visible range when the direction changes, and zooms and pans the same range either way', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'lang="en-US"');
    const range = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) };
    el.visibleRange = range;
    await settle(el);
    el.dir = 'rtl';
    await settle(el);
    expect(el.visibleRange.from).toBeCloseTo(range.from, -3);
    expect(el.visibleRange.to).toBeCloseTo(range.to, -3);
    el.zoomBy(2);
    await settle(el);
    const span = el.visibleRange.to - el.visibleRange.from;
    expect(span).toBeCloseTo((range.to - range.from) / 2, -5);
  });

  it('←/→ follow what is seen: ← goes to the next event in time', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'locale="ar-EG"');
    const events = [...el.model.events].sort((a, b) => a.from - b.from);
    await userEvent.click(markOf(el, events[0]!.id));
    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    const focused = root(el).activeElement as SVGGElement;
    expect(focused.dataset['id']).toBe(events[1]!.id);
    expect(centre(focused)).toBeLessThan(centre(markOf(el, events[0]!.id)));
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect((root(el).activeElement as SVGGElement).dataset['id']).toBe(events[0]!.id);
  });
});
