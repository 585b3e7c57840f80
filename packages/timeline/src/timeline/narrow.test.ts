import deadReckoning from '@reeltime/data';
import { describe, expect, it } from 'vitest';
import { mount } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const root = (el: ReelTimeline) => el.shadowRoot!;

/** Whether two boxes on the same line come closer than a space (names that touch read as one word). */
const GAP = 3;
const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('<reel-timeline> at phone, tablet and desktop widths', () => {
  it('names the years in the axis major row on a 375 px phone, with the quarters marked under them', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 375);
    const axis = root(el).querySelector('[part~="axis"]')!;
    const major = [...axis.querySelectorAll('.major text')].map((t) => t.textContent);
    expect(major.length).toBeGreaterThanOrEqual(3);
    for (const label of major) expect(label).toMatch(/^20\d\d$/);
    // Quarter marks: three between each pair of years.
    const marks = axis.querySelector('.minor .ticks')!.getAttribute('d')!.match(/M/g) ?? [];
    expect(marks.length).toBeGreaterThanOrEqual(major.length * 3);
  });

  it('keeps the month context in the major row when zoomed in on a phone', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 375);
    el.visibleRange = { from: Date.UTC(2020, 1, 1), to: Date.UTC(2020, 8, 1) };
    await el.updateComplete;
    const axis = root(el).querySelector('[part~="axis"]')!;
    await expect.poll(() => axis.querySelector('.major text')?.textContent).toMatch(/2020/);
  });

  it('shortens titles that share their opening so they still read apart; the accessible name stays whole', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 400);
    const ids = ['filming-in-malta', 'filming-in-norway', 'filming-in-south-africa'];
    const labels = ids.map((id) => root(el).querySelector(`.label[data-id="${id}"]`)?.textContent ?? '');
    expect(labels.every((label) => label.includes('…'))).toBe(true);
    expect(new Set(labels).size).toBe(ids.length);
    expect(labels[0]).toMatch(/Malta$/);
    const mark = root(el).querySelector('[part~="event"][data-id="filming-in-malta"]')!;
    expect(mark.getAttribute('aria-label')).toContain('Filming in Malta');
  });

  for (const width of [400, 768, 1280]) {
    it(`draws era names that never overlap or touch and are never clipped at ${width} px`, async () => {
      const el = await mount((el) => (el.data = deadReckoning), width);
      const texts = [...root(el).querySelectorAll<SVGTextElement>('.era text')];
      expect(texts.length).toBeGreaterThan(2);
      const svg = texts[0]!.ownerSVGElement!.getBoundingClientRect();
      const boxes = texts.map((t) => t.getBoundingClientRect());
      boxes.forEach((box, i) => {
        const name = texts[i]!.textContent;
        expect(box.left, name!).toBeGreaterThanOrEqual(svg.left - 0.5);
        expect(box.right, name!).toBeLessThanOrEqual(svg.right + 0.5);
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlap(box, boxes[j]!), `${name} / ${texts[j]!.textContent}`).toBe(false);
      });
    });
  }
});
