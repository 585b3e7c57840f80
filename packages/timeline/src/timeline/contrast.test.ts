/**
 * Contrast from the computed styles, in light, dark, selected and forced colours: text 4.5:1 or
 * more against what is behind it (a bar's tint over its lane band over the background), marks and
 * the focus ring 3:1 or more. Also: eight lane colours, and no motion under reduced motion.
 */
import type { DatasetInput } from '@reeltime/core';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { deltaE2000, DEFICIENCIES, lab, simulate } from '../../test/cvd.js';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

type Rgb = [number, number, number];

/** `rgb(…)`/`rgba(…)`/`color(srgb …)` as 0–1 channels and alpha. */
function parse(color: string): { rgb: Rgb; alpha: number } {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/.exec(color);
  if (srgb) return { rgb: [+srgb[1]!, +srgb[2]!, +srgb[3]!], alpha: srgb[4] === undefined ? 1 : +srgb[4] };
  const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/.exec(color);
  if (!m) throw new Error(`cannot parse colour ${color}`);
  return { rgb: [+m[1]! / 255, +m[2]! / 255, +m[3]! / 255], alpha: m[4] === undefined ? 1 : +m[4] };
}

const over = (fg: Rgb, alpha: number, bg: Rgb): Rgb => fg.map((c, i) => c * alpha + bg[i]! * (1 - alpha)) as Rgb;
const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
/** WCAG contrast ratio. */
export const ratio = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** A colour property of an element, composited with its opacity onto `bg`. */
function painted(node: Element, property: 'fill' | 'stroke' | 'color', bg: Rgb): Rgb {
  const style = getComputedStyle(node);
  const { rgb, alpha } = parse(style.getPropertyValue(property));
  const opacity = property === 'color' ? 1 : Number(style.getPropertyValue(`${property}-opacity`) || 1);
  return over(rgb, alpha * opacity, bg);
}

const LANES = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight'];
/** Eight lanes, each with a long bar (label inside), a point (label outside) and an era over some. */
const data: DatasetInput = {
  lanes: LANES.map((label, i) => ({ id: `l${i}`, label })),
  eras: [{ id: 'era', title: 'An era', start: '2020-01', end: '2020-06' }],
  events: LANES.flatMap((_, i) => [
    { id: `bar${i}`, title: `Bar ${i}`, start: '2020-01-01', end: '2021-12-31', lane: `l${i}` },
    { id: `point${i}`, title: `Point ${i}`, start: '2022-06-01', lane: `l${i}` },
    ...(i % 3 === 0
      ? [{ id: `coarse${i}`, title: `Late ${i}`, start: 'late 2022', lane: `l${i}`, status: 'approximate' as const }]
      : []),
  ]),
};

/** Every check of one view: [what, ratio, threshold]. */
function measure(el: ReelTimeline): [string, number, number][] {
  const root = el.shadowRoot!;
  const background = parse(getComputedStyle(el).backgroundColor).rgb;
  const results: [string, number, number][] = [];
  for (const lane of root.querySelectorAll<SVGGElement>('g.lane[data-lane]')) {
    const band = lane.querySelector('.lane-band')!;
    const laneBg = painted(band, 'fill', background);
    const name = lane.getAttribute('aria-label');
    const label = lane.querySelector('.lane-label');
    if (label) results.push([`${name}: lane name`, ratio(painted(label, 'fill', laneBg), laneBg), 4.5]);
    for (const group of lane.querySelectorAll<SVGGElement>('[part~="event"]')) {
      const id = group.dataset['id']!;
      const mark = group.querySelector('.mark')!;
      // The mark's edge against the lane: a soft bar's edge runs along its known part only, a
      // soft point is its pale fill.
      const soft = mark.classList.contains('soft');
      const edge = soft ? group.querySelector('.fills .edge') : mark;
      const visible = edge ? painted(edge, 'stroke', laneBg) : painted(mark, 'fill', laneBg);
      results.push([`${name}: ${id} mark`, ratio(visible, laneBg), 3]);
      const text = lane.querySelector(`.label[data-id="${id}"]`);
      if (!text) continue;
      const tint = soft ? group.querySelector('.fills .core') : mark;
      const behind = text.classList.contains('inside') && tint ? painted(tint, 'fill', laneBg) : laneBg;
      results.push([`${name}: ${id} label`, ratio(painted(text, 'fill', behind), behind), 4.5]);
    }
  }
  for (const text of root.querySelectorAll('[part~="axis"] text')) {
    const band = painted(root.querySelector('.axis-band')!, 'fill', background);
    results.push([`axis ${text.textContent}`, ratio(painted(text, 'fill', band), band), 4.5]);
  }
  const focus = getComputedStyle(root.querySelector('.focus-ring') ?? el).getPropertyValue('stroke');
  if (focus && focus !== 'none') results.push(['focus ring', ratio(parse(focus).rgb, background), 3]);
  return results;
}

function expectContrast(el: ReelTimeline, mode: string): void {
  const results = measure(el);
  expect(results.length).toBeGreaterThan(30);
  const failing = results
    .filter(([, value, min]) => value < min)
    .map(([what, value, min]) => `${what} ${value.toFixed(2)} < ${min}`);
  expect(failing, mode).toEqual([]);
}

/** The lowest ratio of each kind, for the record. */
export function lowest(el: ReelTimeline): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [what, value] of measure(el)) {
    const kind = what
      .replace(/^.*: /, '')
      .replace(/^(bar|point|coarse)\d+ /, '')
      .replace(/^axis .*/, 'axis');
    out[kind] = Math.min(out[kind] ?? Infinity, Math.round(value * 100) / 100);
  }
  return out;
}

async function emulate(features: { name: string; value: string }[]): Promise<void> {
  // The session is Playwright's (typed by @vitest/browser-playwright, not referenced here).
  const session = cdp() as unknown as { send(method: string, params: object): Promise<unknown> };
  await session.send('Emulation.setEmulatedMedia', { features });
}

afterEach(async () => {
  await emulate([]);
});

/** Selects a bar and a point, and focuses the point from the keyboard so the ring shows. */
async function selectAndFocus(el: ReelTimeline): Promise<void> {
  el.select('bar2');
  await settle(el);
  const point = el.shadowRoot!.querySelector<SVGGElement>('[data-id="point3"][part~="event"]')!;
  point.focus({ focusVisible: true } as FocusOptions);
  await settle(el);
}

describe('contrast', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text 4.5:1, marks 3:1, unselected and selected, focus ring 3:1`, async () => {
      const el = await mount((el) => (el.data = data), 1200, '', `lang="en-US" theme="${theme}"`);
      expect(el.shadowRoot!.querySelectorAll('.label.inside').length).toBeGreaterThanOrEqual(8);
      expectContrast(el, theme);
      console.info(theme, JSON.stringify(lowest(el)));
      await selectAndFocus(el);
      expect(el.shadowRoot!.querySelector('.label.selected.inside')).not.toBeNull();
      expectContrast(el, `${theme}, selected`);
      console.info(`${theme} selected`, JSON.stringify(lowest(el)));
    });
  }

  it('forced colours: marks, labels, selection and focus in system colours that keep contrast', async () => {
    await emulate([{ name: 'forced-colors', value: 'active' }]);
    const el = await mount((el) => (el.data = data), 1200);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    await selectAndFocus(el);
    expectContrast(el, 'forced colours');
    console.info('forced', JSON.stringify(lowest(el)));
    // Selection is not left to colour alone: the selected mark's edge is the system highlight.
    const selected = el.shadowRoot!.querySelector('[data-id="bar2"] .mark')!;
    const other = el.shadowRoot!.querySelector('[data-id="bar1"] .mark')!;
    expect(getComputedStyle(selected).stroke).not.toBe(getComputedStyle(other).stroke);
    const results = await axe.run(el, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('dark: axe finds no violations', async () => {
    const el = await mount((el) => (el.data = data), 1200, '', 'lang="en-US" theme="dark"');
    await selectAndFocus(el);
    const results = await axe.run(el, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('lane colours', () => {
  it('eight distinct lane colours before they repeat', async () => {
    const el = await mount((el) => (el.data = { ...data, lanes: [...data.lanes!, { id: 'l8', label: 'Nine' }] }), 1200);
    const colours = [...el.shadowRoot!.querySelectorAll('g.lane[data-lane]')].map(
      (lane) => getComputedStyle(lane).color,
    );
    expect(colours).toHaveLength(9);
    expect(new Set(colours.slice(0, 8)).size).toBe(8);
    expect(colours[8]).toBe(colours[0]);
  });
});

describe('lane colours under colour-vision deficiency', () => {
  // CIEDE2000 from a published pair (Sharma et al. 2005, pair 1): the measure itself is right.
  it('measures CIEDE2000 as published', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
  });

  /** The least CIEDE2000 between any two of the eight lane colours, as seen with each vision. */
  const MIN_DELTA_E = 10;
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every pair of the eight lane colours is ${MIN_DELTA_E} or more apart, with every vision`, async () => {
      const el = await mount((el) => (el.data = data), 1200, '', `lang="en-US" theme="${theme}"`);
      const colours = [...el.shadowRoot!.querySelectorAll('g.lane[data-lane]')].map(
        (lane) => parse(getComputedStyle(lane).color).rgb,
      );
      expect(colours).toHaveLength(8);
      const visions = {
        typical: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        ...DEFICIENCIES,
      };
      const least: Record<string, number> = {};
      const close: string[] = [];
      for (const [vision, matrix] of Object.entries(visions)) {
        const seen = colours.map((rgb) => lab(simulate(rgb, matrix)));
        least[vision] = Infinity;
        for (let i = 0; i < 8; i++)
          for (let j = i + 1; j < 8; j++) {
            const d = deltaE2000(seen[i]!, seen[j]!);
            least[vision] = Math.min(least[vision], Math.round(d * 10) / 10);
            if (d < MIN_DELTA_E) close.push(`${vision}: lanes ${i + 1} and ${j + 1} ${d.toFixed(1)}`);
          }
      }
      console.info(theme, 'least ΔE2000', JSON.stringify(least));
      expect(close).toEqual([]);
    });
  }
});

describe('motion', () => {
  it('nothing transitions or animates under prefers-reduced-motion: reduce', async () => {
    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const el = await mount((el) => (el.data = data), 1200);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
    const moving = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => {
      const style = getComputedStyle(node);
      const durations = `${style.transitionDuration},${style.animationDuration}`.split(',');
      return style.animationName !== 'none' || durations.some((d) => parseFloat(d) > 0);
    });
    expect(moving.map((node) => node.getAttribute('class') ?? node.tagName)).toEqual([]);
    // d3-zoom's double-click zoom is instantaneous: one dblclick, one new range, no frames in between.
    const before = el.visibleRange;
    const plot = el.shadowRoot!.querySelector('.plot')!;
    const box = plot.getBoundingClientRect();
    plot.dispatchEvent(
      new MouseEvent('dblclick', { bubbles: true, composed: true, clientX: box.left + 300, clientY: box.top + 100 }),
    );
    await el.updateComplete;
    const span = el.visibleRange.to - el.visibleRange.from;
    expect(span).toBeCloseTo((before.to - before.from) / 2, -5);
  });
});
