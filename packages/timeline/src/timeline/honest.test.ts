import deadReckoning from '@reeltime/data';
import type { DatasetInput, TimelineEventInput } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';
import { legendStyles } from './render/legend.styles.js';

/** One event per encoding, each in its own lane so nothing is drawn as density. */
const ENCODED: TimelineEventInput[] = [
  { id: 'day', title: 'Premiere', start: '2022-07-12', lane: 'a' },
  { id: 'days', title: 'Reshoots', start: '2021-03-01', end: '2021-05-15', lane: 'b' },
  { id: 'year', title: 'Announced', start: '2019', lane: 'c' },
  { id: 'months', title: 'Shoot', start: '2020-02', end: '2021-09', lane: 'd' },
  { id: 'circa', title: 'Test screening', start: 'c. 2022-03', lane: 'e' },
  { id: 'late', title: 'Restart', start: 'late 2020', lane: 'f' },
  { id: 'planned', title: 'Sequel', start: '2023-06-28', status: 'planned', lane: 'g' },
  { id: 'unsure', title: 'Trailer', start: '2022-03-01?', lane: 'h' },
  { id: 'cancelled', title: 'Tour', start: '2022-09-01', end: '2022-11-30', status: 'cancelled', lane: 'i' },
];

const root = (el: ReelTimeline) => el.shadowRoot!;
const mark = (el: ReelTimeline, id: string) => root(el).querySelector<SVGGElement>(`[part~="event"][data-id="${id}"]`)!;
const label = (el: ReelTimeline, id: string) => root(el).querySelector<SVGTextElement>(`.label[data-id="${id}"]`);

describe('<reel-timeline>: precision, approximation and status are three encodings', () => {
  it('draws exact days hard-edged and periods soft, fading over the period at each coarse end', async () => {
    const el = await mount((el) => (el.events = ENCODED), 1200);
    // A day: one solid shape, no fades.
    expect(mark(el, 'day').querySelector('.point:not(.soft)')).not.toBeNull();
    expect(mark(el, 'days').querySelector('.bar:not(.soft)')).not.toBeNull();
    expect(mark(el, 'days').querySelectorAll('.fade')).toHaveLength(0);
    // A month range: a solid core, each end fading over about a month.
    const months = mark(el, 'months');
    expect(months.classList).toContain('soft');
    const fadeIn = months.querySelector<SVGRectElement>('.fade-in')!;
    const fadeOut = months.querySelector<SVGRectElement>('.fade-out')!;
    expect(fadeIn.getAttribute('fill')).toMatch(/^url\(#reel-fade-in-\d+\)$/);
    expect(fadeOut.getAttribute('fill')).toMatch(/^url\(#reel-fade-out-\d+\)$/);
    const core = months.querySelector<SVGRectElement>('.core')!;
    const w = (node: SVGRectElement) => Number(node.getAttribute('width'));
    expect(w(core)).toBeGreaterThan(w(fadeIn) * 3);
    const outline = months.querySelector<SVGRectElement>('.mark')!;
    const monthPx = w(outline) / 20; // Feb 2020 – Sep 2021: 20 months
    expect(w(fadeIn)).toBeCloseTo(monthPx, -0.5);
    // The fade really fades: its gradient runs from transparent to the bar's tint (the core's).
    const gradient = root(el).querySelector(fadeIn.getAttribute('fill')!.slice(4, -1))!;
    const stops = [...gradient.querySelectorAll('stop')].map((stop) => getComputedStyle(stop).stopOpacity);
    expect(Number(stops[0])).toBe(0);
    expect(Number(stops[1])).toBe(Number(getComputedStyle(core).fillOpacity));
    expect(Number(stops[1])).toBeGreaterThan(0);
    // The edge runs along the known part only: from the end of one fade to the start of the other.
    const edge = months.querySelector<SVGPathElement>('.fills .edge')!;
    expect(edge.getBBox().x).toBeCloseTo(w(fadeIn), 0);
    // A year point: a pale band over the whole year with soft edges, no outline.
    const year = mark(el, 'year');
    expect(year.classList).toContain('period');
    expect(year.querySelectorAll('.fade')).toHaveLength(2);
    expect(Number(getComputedStyle(year.querySelector('.fills')!).opacity)).toBeLessThan(1);
    // Not under the pointer (a hovered soft mark shows its outline), wherever an earlier test left it.
    await userEvent.unhover(year);
    await expect.poll(() => year.matches(':hover')).toBe(false);
    expect(getComputedStyle(year.querySelector('.mark')!).stroke).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
  });

  it("draws such marks (the legend's chunk) in the update that first draws the data, legend and all", async () => {
    for (const events of [
      // The plain path reads these; the careful path reads ENCODED (circa, late, "?").
      [
        { id: 'day', title: 'Premiere', start: '2022-07-12' },
        { id: 'year', title: 'Announced', start: '2019' },
      ],
      ENCODED,
    ]) {
      // The empty element has drawn before the data arrives, as in engine.test.
      const el = await mount(() => {}, 1200);
      const drawn: [number, number, boolean][] = [];
      const spied = el as unknown as { updated(changed: unknown): void };
      const updated = spied.updated.bind(el);
      spied.updated = (changed) => {
        const marks = root(el).querySelectorAll('[part~="event"]');
        drawn.push([
          marks.length,
          root(el).querySelectorAll('.mark.soft').length,
          !!root(el).querySelector('[part~="legend"]'),
        ]);
        updated(changed);
      };
      el.events = events;
      await settle(el);
      // Held until the marks' renderer was here: the first update that draws the data draws them
      // (and the legend), never plain marks first. (Nine lanes reach past the viewport: the
      // updates that follow are the viewport's, each drawn the same.)
      expect(drawn.length, JSON.stringify(drawn)).toBeGreaterThan(0);
      for (const [marks, soft, legend] of drawn) {
        expect(marks).toBe(events.length);
        expect(soft).toBeGreaterThan(0);
        expect(legend).toBe(true);
      }
    }
  });

  it("does not load the legend's chunk for exact days", async () => {
    const el = await mount(
      (el) =>
        (el.events = [
          { id: 'a', title: 'Start', start: '2020-02-03' },
          { id: 'b', title: 'Wrap', start: '2020-06-20T10:00Z', end: '2020-06-21' },
        ]),
      1200,
    );
    expect(root(el).querySelectorAll('[part~="event"]')).toHaveLength(2);
    expect(root(el).adoptedStyleSheets).not.toContain(legendStyles.styleSheet);
  });

  it('keeps a coarse point too narrow for its period visible: a pale diamond, selected with a ring', async () => {
    const el = await mount(
      (el) => (el.events = [...ENCODED, { id: 'wide', title: 'Wide', start: '1900', end: '2030', lane: 'z' }]),
      360,
    );
    const point = root(el).querySelector<SVGRectElement>('[part~="event"] .point.soft')!;
    expect(point).not.toBeNull();
    const style = getComputedStyle(point);
    expect(style.fill).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(Number(style.fillOpacity)).toBeLessThan(1);
    el.select('months');
    await settle(el);
    const selected = getComputedStyle(mark(el, 'months').querySelector('.mark')!);
    expect(selected.stroke).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
  });

  it('draws approximation as fuzz beyond the span, and nothing for exact or merely coarse dates', async () => {
    const el = await mount((el) => (el.events = ENCODED), 1200);
    for (const id of ['day', 'days', 'months', 'year', 'planned', 'cancelled'])
      expect(mark(el, id).querySelector('.fuzz'), id).toBeNull();
    // "c. Mar 2022" and "late 2020" reach beyond their spans on both sides.
    for (const id of ['circa', 'late']) {
      const g = mark(el, id);
      expect(g.classList, id).toContain('fuzzy');
      const width = Number(g.querySelector('.mark')!.getAttribute('width') ?? 0);
      const fuzz = [...g.querySelectorAll('.fuzz')];
      expect(fuzz.length, id).toBeGreaterThan(0);
      if (g.querySelector('.bar')) {
        expect(g.querySelector('.fuzz-start')!.getAttribute('d')).toMatch(/^M-\d/);
        expect(Number(/H(\d+(?:\.\d+)?)$/.exec(g.querySelector('.fuzz-end')!.getAttribute('d')!)![1])).toBeGreaterThan(
          width,
        );
      } else expect(g.querySelector('.fuzz-ring')).not.toBeNull();
    }
    expect(mark(el, 'circa').getAttribute('aria-label')).toContain('c. Mar 2022');
    expect(mark(el, 'late').getAttribute('aria-label')).toContain('late 2020');
  });

  it('draws status: planned hollow and dashed with an italic label, "?" badged, cancelled struck', async () => {
    const el = await mount((el) => (el.events = ENCODED), 1200);
    const planned = mark(el, 'planned');
    const plannedShape = getComputedStyle(planned.querySelector('.mark')!);
    expect(plannedShape.strokeDasharray).not.toBe('none');
    expect(plannedShape.fill).toBe(getComputedStyle(el).backgroundColor);
    expect(planned.getAttribute('aria-label')).toMatch(/planned/);
    expect(getComputedStyle(label(el, 'planned')!).fontStyle).toBe('italic');
    // Labelled, not only drawn hollow: a planned date is not a fact. Other statuses keep the title.
    expect(label(el, 'planned')!.textContent).toBe('Sequel (planned)');
    expect(label(el, 'cancelled')!.textContent).toBe('Tour');
    expect(label(el, 'day')!.textContent).toBe('Premiere');

    const unsure = mark(el, 'unsure');
    expect(unsure.querySelector('.badge text')!.textContent).toBe('?');
    expect(unsure.getAttribute('aria-label')).toContain('Mar 1, 2022?');
    for (const id of ['day', 'months', 'planned', 'cancelled'])
      expect(mark(el, id).querySelector('.badge'), id).toBeNull();

    const cancelled = mark(el, 'cancelled');
    const strike = cancelled.querySelector<SVGLineElement>('.strike')!;
    expect(Number(strike.getAttribute('x2'))).toBeGreaterThan(
      Number(cancelled.querySelector('.mark')!.getAttribute('width')),
    );
    expect(getComputedStyle(label(el, 'cancelled')!).textDecorationLine).toBe('line-through');
    expect(cancelled.getAttribute('aria-label')).toMatch(/cancelled/);
  });

  it('gives unmarked events no status word, and says "confirmed" only where the data does', async () => {
    const el = await mount((el) => (el.events = ENCODED), 1200);
    for (const id of ['day', 'year', 'months', 'circa']) {
      expect(mark(el, id).getAttribute('aria-label'), id).not.toMatch(/confirmed|approximate|uncertain/);
      expect(el.model.events.find((event) => event.id === id)!.status, id).toBeUndefined();
    }
    el.select('year');
    await settle(el);
    expect(root(el).querySelector('[part~="details"] .status')).toBeNull();
  });

  it('explains in a legend only the encodings the data uses', async () => {
    const el = await mount((el) => (el.events = ENCODED), 1200);
    const entries = () =>
      [...root(el).querySelectorAll<HTMLElement>('[part~="legend"] li')].map((li) => li.dataset['encoding']);
    expect(entries()).toEqual(['exact', 'period', 'approximate', 'planned', 'uncertain', 'cancelled']);
    expect(root(el).querySelector('[part~="legend"]')!.textContent).toContain('Planned or announced');
    // The legend goes with the chart: the table keeps its own caption, without it above.
    el.view = 'table';
    await settle(el);
    expect(root(el).querySelector('[part~="legend"]')).toBeNull();
    el.view = 'chart';
    await settle(el);
    expect(entries()).toHaveLength(6);
    el.events = ENCODED.filter((event) => ['day', 'months'].includes(event.id));
    await settle(el);
    expect(entries()).toEqual(['exact', 'period']);
    // Only exact days: nothing to explain, no legend.
    el.events = ENCODED.filter((event) => ['day', 'days'].includes(event.id));
    await settle(el);
    expect(root(el).querySelector('[part~="legend"]')).toBeNull();
  });

  it('speaks the legend in German', async () => {
    const el = await mount((el) => (el.events = ENCODED), 1200, '', 'lang="de"');
    await settle(el);
    expect(root(el).querySelector('[part~="legend"]')!.textContent).toContain('Geplant oder angekündigt');
  });

  it("words the planned label in the reader's language, and in the page's own words", async () => {
    const el = await mount((el) => (el.events = ENCODED), 1200, '', 'lang="de"');
    await settle(el);
    expect(label(el, 'planned')!.textContent).toBe('Sequel (geplant)');
    el.locale = 'ja';
    await settle(el);
    expect(label(el, 'planned')!.textContent).toBe('Sequel（予定）');
    el.strings = { labelPlanned: 'Planned: {title}' };
    await settle(el);
    expect(label(el, 'planned')!.textContent).toBe('Planned: Sequel');
  });
});

describe('<reel-timeline>: zoom limits follow the finest precision', () => {
  it('never zooms a dataset of days to hours, and never shows hour ticks', async () => {
    const el = await mount((el) => (el.events = [{ id: 'r', title: 'Release', start: '2023-07-12' }]), 1200);
    const axis = () => root(el).querySelector('[part~="axis"]')!.textContent!;
    expect(axis()).not.toMatch(/AM|PM|:\d\d/);
    for (let i = 0; i < 8; i++) el.zoomBy(4);
    await settle(el);
    const { from, to } = el.visibleRange;
    expect(to - from).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(axis()).not.toMatch(/AM|PM|:\d\d/);
  });

  it('stops a dataset of months at months, and lets instants zoom to hours', async () => {
    const el = await mount((el) => (el.events = [{ id: 'a', title: 'A', start: '2020-02', end: '2020-06' }]), 1200);
    for (let i = 0; i < 8; i++) el.zoomBy(4);
    await settle(el);
    expect(el.visibleRange.to - el.visibleRange.from).toBeGreaterThan(150 * 86_400_000);
    el.events = [
      { id: 'a', title: 'A', start: '2020-09-01T10:00Z' },
      { id: 'b', title: 'B', start: '2020-09-01T16:00Z' },
    ];
    await settle(el);
    for (let i = 0; i < 8; i++) el.zoomBy(4);
    await settle(el);
    expect(el.visibleRange.to - el.visibleRange.from).toBeLessThan(86_400_000);
  });
});

describe('<reel-timeline>: eras stay named, markers come from data', () => {
  it('draws eras (their own chunk) in the update that first draws the data, in one update', async () => {
    // The empty element has drawn before the data arrives, as in engine.test.
    const el = await mount(() => {}, 1200);
    const drawn: [number, number][] = [];
    const spied = el as unknown as { updated(changed: unknown): void };
    const updated = spied.updated.bind(el);
    spied.updated = (changed) => {
      drawn.push([
        root(el).querySelectorAll('[part~="event"]').length,
        root(el).querySelectorAll('[part~="era"]').length,
      ]);
      updated(changed);
    };
    // Exact days only (no legend, which would arrive as a part of its own and update once more).
    el.data = {
      eras: [{ id: 'shoot', title: 'Shoot', start: '2020-02-01', end: '2020-06-30' }],
      events: [
        { id: 'a', title: 'Start', start: '2020-02-03' },
        { id: 'b', title: 'Wrap', start: '2020-06-20' },
      ],
    };
    await settle(el);
    // Held until the eras' renderer was here, then made once, eras and all: never drawn without them.
    expect(drawn).toHaveLength(1);
    expect(drawn[0]![0]).toBeGreaterThan(0);
    expect(drawn[0]![1]).toBeGreaterThan(0);
  });

  const data = deadReckoning as DatasetInput;

  it('names every era in view, at every zoom, in rows above the lanes, stacking overlaps', async () => {
    const el = await mount((el) => (el.data = data), 1280);
    const eras = () => [...root(el).querySelectorAll<SVGGElement>('[part~="era"]')];
    const names = () => eras().map((g) => g.querySelector('text')?.textContent ?? '');
    // At 1,280 px every era is named in full, the narrow ones (a month of filming, the halt) too.
    for (const title of [
      'Development',
      'Filming',
      'COVID-19 halt',
      'Filming resumes',
      'Post-production',
      'Featurette campaign',
      'Release',
    ])
      expect(names()).toContain(title);
    // The featurette campaign overlaps post-production: a row of its own.
    const rowOf = (id: string) => eras().find((g) => g.dataset['era'] === id)!.dataset['row'];
    expect(rowOf('marketing-campaign')).not.toBe(rowOf('post-production'));
    // The COVID-19 halt is a gap between the two filming eras, named in it.
    const box = (id: string) =>
      eras()
        .find((g) => g.dataset['era'] === id)!
        .querySelector('.era-tab')!
        .getBoundingClientRect();
    expect(box('covid-halt').left).toBeGreaterThanOrEqual(box('filming').right - 0.5);
    expect(box('filming-resumed').left).toBeGreaterThanOrEqual(box('covid-halt').right - 0.5);
    // Zoomed into the middle of a long era, its name is pinned to the left edge of the plot.
    el.visibleRange = { from: Date.UTC(2022, 0, 1), to: Date.UTC(2022, 2, 1) };
    await settle(el);
    const post = eras().find((g) => g.dataset['era'] === 'post-production')!;
    const text = post.querySelector('text')!;
    expect(text.textContent).toBe('Post-production');
    const plot = root(el).querySelector('.body')!.getBoundingClientRect();
    expect(text.getBoundingClientRect().left).toBeGreaterThanOrEqual(plot.left);
    expect(text.getBoundingClientRect().left).toBeLessThan(plot.left + 12);
    // Names sit above the lanes: no lane label or event label overlaps one.
    const names2 = [...root(el).querySelectorAll('.era text')].map((t) => t.getBoundingClientRect());
    const others = [...root(el).querySelectorAll('.label, .lane-label')].map((t) => t.getBoundingClientRect());
    for (const a of names2)
      for (const b of others) expect(a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5).toBe(true);
    expect(post.getAttribute('aria-label')).toMatch(/^Era: Post-production, Oct 2021/);
  });

  it("draws the dataset's named markers beside today, each named", async () => {
    const el = await mount((el) => (el.data = data), 1280, '', 'lang="en-US" marker="2023-01-01" marker-label="Now"');
    const markers = [...root(el).querySelectorAll<SVGGElement>('[part~="marker"]')];
    expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual(['Marker: Now', 'Marker: US release']);
    expect(markers[1]!.classList).toContain('data');
    expect(markers[1]!.querySelector('text')!.textContent).toBe('US release');
  });
});
