/**
 * Deep time in the element (issue 17): a file from the Big Bang to 2022, zoomed by keyboard from
 * the whole span down to a day-precision event; at every level the axis and the header read
 * without NaN, Invalid Date, repeated or overlapping labels.
 */
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import deepTime from '../../../../stories/data/deep-time.json';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const root = (el: ReelTimeline) => el.shadowRoot!;
const labels = (el: ReelTimeline, row: 'major' | 'minor') =>
  [...root(el).querySelectorAll<SVGTextElement>(`[part~="axis"] .${row} text`)].filter(
    (text) => text.getBoundingClientRect().width > 0,
  );
const span = (el: ReelTimeline) => el.visibleRange.to - el.visibleRange.from;

/**
 * Every label of a row is readable, unique (under its major label, for the minor row: "Jan" under
 * "2021" and under "2022") and clear of its neighbours.
 */
function checkRow(texts: SVGTextElement[], where: string, context: SVGTextElement[] = []): void {
  const words = texts.map((text) => text.textContent ?? '');
  expect(words.join(' | '), where).not.toMatch(/NaN|Invalid|undefined|Infinity/);
  const under = (text: SVGTextElement) =>
    context.findLast((major) => major.getBoundingClientRect().left <= text.getBoundingClientRect().left + 8)
      ?.textContent ?? '';
  const keys = texts.map((text, i) => `${under(text)} ${words[i]}`);
  expect(new Set(keys).size, `${where}: ${keys.join(' | ')}`).toBe(keys.length);
  const boxes = texts.map((text) => text.getBoundingClientRect()).sort((a, b) => a.left - b.left);
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.left, `${where}: ${words.join(' | ')}`).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
  }
}

describe('deep time in <reel-timeline>', () => {
  it('zooms by keyboard from the Big Bang to a single day with readable labels at every level', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(deepTime)], { type: 'application/json' }));
    const el = await mount((el) => (el.src = url), 1000);
    await expect.poll(() => el.model.events.length).toBe(deepTime.events.length);
    await settle(el);
    URL.revokeObjectURL(url);
    expect(el.problems).toEqual([]);

    const whole = span(el);
    expect(whole / (365.2425 * 864e5)).toBeGreaterThan(13.8e9);
    // Years have no coarser row: they are drawn in the major row, every one of them readable.
    expect(labels(el, 'minor')).toEqual([]);
    const first = labels(el, 'major').map((t) => t.textContent);
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.every((label) => / billion years ago$/.test(label ?? ''))).toBe(true);
    expect(root(el).querySelectorAll('[part~="axis"] .major text').length).toBe(first.length);
    // Padded by 4% on the left; on the right up to the present only (not 550 million years ahead).
    expect(root(el).querySelector('.range')!.textContent).toMatch(/^14\.\d billion years ago – \d{4}$/);

    // The last event in time is Webb's first images, a day: End focuses it, + zooms around it.
    root(el).querySelector<SVGGElement>('[part~="event"]')!.focus();
    await userEvent.keyboard('{End}');
    await settle(el);
    expect(root(el).activeElement?.getAttribute('data-id')).toBe('jwst');

    const seen: string[] = [];
    let previous = Infinity;
    for (let step = 0; step < 60 && span(el) < previous; step++) {
      previous = span(el);
      const minor = labels(el, 'minor');
      const major = labels(el, 'major');
      const range = root(el).querySelector('.range')!.textContent ?? '';
      const where = `zoom ${step} (${range})`;
      expect(range, where).not.toMatch(/NaN|Invalid|undefined/);
      expect(range, where).not.toBe('');
      expect(minor.length + major.length, where).toBeGreaterThan(0);
      checkRow(minor, where, major);
      checkRow(major, where);
      seen.push(
        `${range}: ${minor.map((t) => t.textContent).join(', ')}` +
          (major.length ? ` [${major.map((t) => t.textContent).join(', ')}]` : ''),
      );
      await userEvent.keyboard('+');
      await settle(el);
    }
    // The zoom stops at the finest precision present (days): about a week across.
    expect(span(el) / 864e5).toBeLessThan(8);
    expect(span(el) / 864e5).toBeGreaterThan(6);
    expect(root(el).activeElement?.getAttribute('data-id')).toBe('jwst');
    expect(root(el).querySelector('.range')!.textContent).toMatch(/Jul \d+, 2022 – Jul \d+, 2022/);
    console.log(`Tick labels per zoom level:\n${seen.join('\n')}`);
  });
});
