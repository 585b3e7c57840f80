import deadReckoning from '@reeltime/data';
import type { DatasetInput, TimelineEventInput } from '@reeltime/core';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, pointAtPlot, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';
import { contactStyles } from './render/contact.styles.js';
import { erasStyles } from './render/eras.styles.js';
import { legendStyles } from './render/legend.styles.js';
import { noticeStyles } from './render/notice.styles.js';
import { timelineStyles } from './timeline.styles.js';

const marks = (el: ReelTimeline) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('[part~="event"]')];
const part = (el: ReelTimeline, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<reel-timeline> with the Dead Reckoning dataset', () => {
  it('draws the events, lanes, axis and eras', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    expect(el.model.events.length).toBe(deadReckoning.events.length);
    expect(el.problems).toEqual([]);
    expect(marks(el).length).toBe(deadReckoning.events.length);
    const lanes = [...el.shadowRoot!.querySelectorAll('[part~="lane-label"]')].map((node) => node.textContent);
    expect(lanes).toEqual(['Production', 'Stunts & locations', 'Marketing & featurettes', 'Release']);
    const axis = part(el, 'axis')!;
    expect(axis.textContent).toContain('2020');
    expect(axis.textContent).toContain('2023');
    expect(el.shadowRoot!.querySelectorAll('[part~="era"]').length).toBeGreaterThan(0);
    expect(el.shadowRoot!.querySelector('.title')!.textContent).toContain('Dead Reckoning');
  });

  it('gives every mark a focusable role and an accessible name with title and date', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const release = marks(el).find((mark) => mark.dataset['id'] === 'us-release')!;
    expect(release.getAttribute('role')).toBe('button');
    expect(release.getAttribute('aria-label')).toMatch(/Jul 12, 2023/);
    expect(marks(el).every((mark) => mark.getAttribute('aria-label'))).toBe(true);
    // Roving tabindex: exactly one mark is in the tab order.
    expect(marks(el).filter((mark) => mark.getAttribute('tabindex') === '0')).toHaveLength(1);
  });

  it('never lets two shown labels overlap', async () => {
    for (const width of [360, 960, 1600]) {
      const el = await mount((el) => (el.data = deadReckoning), width);
      const boxes = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('.label, .lane-label')].map((text) =>
        text.getBoundingClientRect(),
      );
      expect(boxes.length).toBeGreaterThan(3);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap =
            a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          const texts = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('.label, .lane-label')].map(
            (t) => t.textContent,
          );
          expect(
            overlap,
            `labels ${texts[i]} ${JSON.stringify(a)} and ${texts[j]} ${JSON.stringify(b)} overlap at ${width}px`,
          ).toBe(false);
        }
      }
    }
  });

  it('draws 1,000 events: marks and labels never overlap, the rest is a density strip that accounts for every event', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      start: `${1990 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      lane: `lane-${i % 3}`,
    }));
    const el = await mount((el) => (el.events = events), 1200);
    const root = el.shadowRoot!;
    const regions = [...root.querySelectorAll('[part~="density"]')];
    expect(regions.length).toBeGreaterThan(0);
    // Each region is named with the number of events it stands for and the span they cover.
    const counted = regions.reduce((sum, r) => {
      const match = /^([\d,]+) events?, (.+): zoom in to show them$/.exec(r.getAttribute('aria-label')!);
      expect(match, r.getAttribute('aria-label')!).not.toBeNull();
      return sum + Number(match![1]!.replace(/,/g, ''));
    }, 0);
    // Every event is drawn once: as a mark of its own or counted in a region.
    expect(marks(el).length + counted).toBeGreaterThanOrEqual(1000);
    expect(marks(el).length).toBeGreaterThan(50);
    // The strip is painted.
    const canvas = root.querySelector('canvas')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
    expect(painted).toBeGreaterThan(500);
    const boxes = [
      ...[...root.querySelectorAll<SVGTextElement>('.label')].map((t) => ({
        key: `label ${t.closest('[data-id]')!.getAttribute('data-id')}`,
        box: t.getBoundingClientRect(),
      })),
      ...marks(el).map((m) => ({
        key: `mark ${m.dataset['id']}`,
        box: m.querySelector('.mark')!.getBoundingClientRect(),
      })),
    ];
    boxes.sort((a, b) => a.box.left - b.box.left);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && boxes[j]!.box.left < boxes[i]!.box.right; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.key.split(' ')[1] === b.key.split(' ')[1]) continue; // an event's own mark and label
        const overlap =
          a.box.left < b.box.right - 0.5 &&
          b.box.left < a.box.right - 0.5 &&
          a.box.top < b.box.bottom - 0.5 &&
          b.box.top < a.box.bottom - 0.5;
        expect(overlap, `${a.key} overlaps ${b.key}`).toBe(false);
      }
    }
  });

  it('paints the density strip in the lane colour, and follows a colour changed on the element', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      start: `${1990 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}-01`,
      lane: 'only',
    }));
    const el = await mount((el) => (el.events = events), 1200);
    /** The most saturated painted pixel's [r, g, b]. */
    const strongest = () => {
      const canvas = el.shadowRoot!.querySelector('canvas')!;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let best = [0, 0, 0, 0];
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3]! > best[3]!) best = [...pixels.slice(i, i + 4)];
      expect(best[3]).toBeGreaterThan(0);
      return best.slice(0, 3);
    };
    const [r0, , b0] = strongest();
    expect(b0).toBeGreaterThan(r0!); // the first lane's default blue
    el.style.setProperty('--reel-color-lane-1', 'rgb(220, 0, 0)');
    await settle(el);
    const [r1, g1, b1] = strongest();
    expect(r1).toBeGreaterThan(200);
    expect(Math.max(g1!, b1!)).toBeLessThan(40);
  });

  it('opens a dense region by clicking it, and reaches dense events with the keyboard', async () => {
    const events = Array.from({ length: 300 }, (_, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      start: `2000-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    }));
    events.push({ id: 'last', title: 'Last', start: '2001-06-01' });
    const el = await mount((el) => (el.events = events), 800);
    const before = el.visibleRange.to - el.visibleRange.from;
    const region = el.shadowRoot!.querySelector<SVGRectElement>('[part~="density"]')!;
    expect(region.getAttribute('aria-label')).toMatch(/^\d+ events, .*: zoom in to show them$/);
    await userEvent.click(region);
    await settle(el);
    expect(el.visibleRange.to - el.visibleRange.from).toBeLessThan(before / 2);
    el.resetZoom();
    await settle(el);
    // Events in time order (start, then input order); the 40th is surely dense at full view.
    const order = events.map((e, i) => ({ ...e, i })).sort((a, b) => a.start.localeCompare(b.start) || a.i - b.i);
    const target = order[40]!.id;
    expect(marks(el).some((m) => m.dataset['id'] === target)).toBe(false);
    marks(el)
      .find((m) => m.getAttribute('tabindex') === '0')!
      .focus();
    await userEvent.keyboard('{ArrowRight>40/}');
    await settle(el);
    const focused = el.shadowRoot!.activeElement as SVGGElement;
    expect(focused.getAttribute('part')).toBe('event');
    expect(focused.dataset['id']).toBe(target);
    // Zoomed out again, the focused event is dense: focus goes to its region, not to the page.
    el.resetZoom();
    await settle(el);
    expect(focused.isConnected).toBe(false);
    const holder = el.shadowRoot!.activeElement as SVGRectElement | null;
    expect(holder?.getAttribute('part')).toBe('density');
    // And the keys still work from there.
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect((el.shadowRoot!.activeElement as SVGGElement).dataset['id']).toBe(order[41]!.id);
  });

  it('selects on click, fires reel-select and shows the details with sources', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const selected: (string | null)[] = [];
    el.addEventListener('reel-select', (e) => selected.push(e.detail.event?.id ?? null));
    const wrap = marks(el).find((mark) => mark.dataset['id'] === 'filming-wraps')!;
    await userEvent.click(wrap);
    await settle(el);
    expect(selected).toEqual(['filming-wraps']);
    expect(el.selected).toBe('filming-wraps');
    const details = part(el, 'details')!;
    expect(details.querySelector('h2')!.textContent).toBe('Filming wraps');
    expect(details.textContent).toContain('Sep 2021');
    expect(details.querySelectorAll('.sources li').length).toBeGreaterThan(0);
    expect(details.textContent).toContain('Collider');
    await userEvent.click(details.querySelector('button[aria-label="Close details"]')!);
    await settle(el);
    expect(el.selected).toBeNull();
    expect(part(el, 'details')).toBeNull();
  });

  it('takes one tab stop for the events: from the zoom buttons, Tab goes straight to a mark', async () => {
    const el = await mount((el) => (el.data = deadReckoning as DatasetInput));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Show all events"]')!.focus();
    await userEvent.tab();
    const focused = el.shadowRoot!.activeElement!;
    expect(focused.getAttribute('part')).toBe('event');
    await userEvent.tab();
    // Out of the plot: one stop for all the marks, none for the drawing itself.
    expect(el.shadowRoot!.activeElement?.closest('svg')).toBeFalsy();
  });

  it('closes the details with Escape or the close button and gives focus back to the event', async () => {
    const el = await mount((el) => (el.data = deadReckoning as DatasetInput));
    const root = el.shadowRoot!;
    for (const close of ['Escape', 'button'] as const) {
      root
        .querySelector<SVGGElement>('[part~="event"][data-id="us-release"]')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await settle(el);
      const button = root.querySelector<HTMLButtonElement>('[part~="details"] button')!;
      button.focus();
      if (close === 'Escape') await userEvent.keyboard('{Escape}');
      else await userEvent.click(button);
      await settle(el);
      expect(root.querySelector('[part~="details"]'), close).toBeNull();
      expect(el.selected, close).toBeNull();
      expect(root.activeElement?.getAttribute('data-id'), close).toBe('us-release');
    }
  });

  it('moves focus in time order with the arrow keys and selects with Enter', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const first = marks(el).find((mark) => mark.getAttribute('tabindex') === '0')!;
    first.focus();
    await settle(el);
    expect(part(el, 'tooltip')).not.toBeNull();
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    const focused = el.shadowRoot!.activeElement as SVGGElement;
    expect(focused).not.toBe(first);
    expect(focused.getAttribute('tabindex')).toBe('0');
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(el.selected).toBe(focused.dataset['id']);
    await userEvent.keyboard('{Escape}');
    await settle(el);
    expect(el.selected).toBeNull();
    await userEvent.keyboard('{End}');
    await settle(el);
    expect((el.shadowRoot!.activeElement as SVGGElement).dataset['id']).toBe('part-two-planned-release');
    (el.shadowRoot!.activeElement as SVGGElement).blur();
    await settle(el);
    expect(part(el, 'tooltip')).toBeNull();
  });

  it('shows a tooltip with title and dates on hover, and hides it when the pointer leaves', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const wrap = marks(el).find((mark) => mark.dataset['id'] === 'filming-wraps')!;
    await userEvent.hover(wrap);
    await settle(el);
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.textContent).toContain('Filming wraps');
    expect(tooltip.textContent).toContain('Sep 2021');
    await userEvent.unhover(el.shadowRoot!.querySelector('svg')!);
    await userEvent.hover(el.shadowRoot!.querySelector('header')!);
    await settle(el);
    expect(part(el, 'tooltip')).toBeNull();
  });

  it('selects when the label is clicked, like the mark', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const label = el.shadowRoot!.querySelector<SVGTextElement>('.label[data-id="us-release"]')!;
    await userEvent.click(label);
    await settle(el);
    expect(el.selected).toBe('us-release');
    expect(label.classList.contains('selected')).toBe(true);
  });

  it('zooms with the wheel and the buttons, bounded to the data, and reports the range', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const ranges: number[] = [];
    el.addEventListener('reel-range-change', (e) => ranges.push(e.detail.to - e.detail.from));
    const full = el.visibleRange.to - el.visibleRange.from;
    const svg = el.shadowRoot!.querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    svg.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -500,
        clientX: box.left + box.width / 2,
        clientY: box.top + 80,
        bubbles: true,
        cancelable: true,
      }),
    );
    await settle(el);
    const zoomed = el.visibleRange.to - el.visibleRange.from;
    expect(zoomed).toBeLessThan(full);
    expect(ranges.at(-1)).toBe(zoomed);
    await userEvent.click(el.shadowRoot!.querySelector('button[aria-label="Zoom out"]')!);
    await userEvent.click(el.shadowRoot!.querySelector('button[aria-label="Zoom out"]')!);
    await userEvent.click(el.shadowRoot!.querySelector('button[aria-label="Zoom out"]')!);
    await settle(el);
    // Never further out than the whole data.
    expect(el.visibleRange.to - el.visibleRange.from).toBeCloseTo(full, -3);
    el.visibleRange = { from: Date.UTC(2023, 5, 1), to: Date.UTC(2023, 7, 1) };
    await settle(el);
    expect(el.visibleRange.from).toBeCloseTo(Date.UTC(2023, 5, 1), -4);
    expect(part(el, 'axis')!.textContent).toContain('Jul');
    const shown = marks(el).map((mark) => mark.dataset['id']);
    expect(shown).toContain('us-release');
    expect(shown).not.toContain('two-parts-announced');
  });

  it('draws a marker line at a custom date, with its label, and none when empty', async () => {
    const el = await mount((el) => {
      el.data = deadReckoning;
      el.marker = '2023-07-12';
      el.markerLabel = 'Release day';
    });
    const own = () => el.shadowRoot!.querySelector('[part~="marker"].own');
    const marker = own()!;
    expect(marker.getAttribute('aria-label')).toBe('Marker: Release day');
    const line = marker.querySelector('line')!.getBoundingClientRect();
    const release = marks(el)
      .find((m) => m.dataset['id'] === 'us-release')!
      .querySelector('.mark')!
      .getBoundingClientRect();
    // The marker sits at the start of 12 July; the point mark is centred on that day.
    expect(Math.abs(line.left - (release.left + release.width / 2))).toBeLessThan(2);
    el.marker = '';
    await settle(el);
    expect(own()).toBeNull();
    // Markers never catch the pointer: the marks under them stay clickable.
    expect(getComputedStyle(part(el, 'marker')!.querySelector('line')!).pointerEvents).toBe('none');
  });

  it('applies a visible range set before it was laid out', async () => {
    const el = await mount((el) => {
      el.data = deadReckoning;
      el.visibleRange = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2022, 0, 1) };
    });
    expect(el.visibleRange.from).toBeCloseTo(Date.UTC(2020, 0, 1), -4);
    expect(el.visibleRange.to).toBeCloseTo(Date.UTC(2022, 0, 1), -4);
  });

  it('pans with a mouse drag and zooms with a two-finger pinch', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const svg = el.shadowRoot!.querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    const y = box.top + 60;
    // Zoom in first: at the whole view there is nowhere to pan to.
    el.visibleRange = { from: Date.UTC(2020, 0, 1), to: Date.UTC(2021, 0, 1) };
    await settle(el);
    await pointAtPlot(el);
    const before = el.visibleRange;
    const mouse = (type: string, x: number, target: EventTarget) =>
      target.dispatchEvent(
        new MouseEvent(type, {
          clientX: x,
          clientY: y,
          button: 0,
          buttons: 1,
          bubbles: true,
          composed: true,
          view: window,
        }),
      );
    mouse('mousedown', box.left + 600, svg);
    mouse('mousemove', box.left + 500, window);
    mouse('mousemove', box.left + 400, window);
    mouse('mouseup', box.left + 400, window);
    await settle(el);
    const panned = el.visibleRange;
    // Dragging left by 200 px shows later dates, at the same zoom.
    expect(panned.from).toBeGreaterThan(before.from);
    expect(panned.to - panned.from).toBeCloseTo(before.to - before.from, -3);

    const touch = (id: number, x: number) => new Touch({ identifier: id, target: svg, clientX: x, clientY: y });
    const fire = (type: string, touches: Touch[]) =>
      svg.dispatchEvent(
        new TouchEvent(type, {
          touches,
          targetTouches: touches,
          changedTouches: touches,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
    const mid = box.left + box.width / 2;
    fire('touchstart', [touch(1, mid - 50), touch(2, mid + 50)]);
    fire('touchmove', [touch(1, mid - 150), touch(2, mid + 150)]);
    fire('touchend', [touch(1, mid - 150), touch(2, mid + 150)]);
    await settle(el);
    const pinched = el.visibleRange;
    expect(pinched.to - pinched.from).toBeLessThan((panned.to - panned.from) / 2);
  });

  it('follows its container size', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 900);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(Math.round(svg.getBoundingClientRect().width)).toBe(898);
    el.parentElement!.style.width = '500px';
    await settle(el);
    expect(Math.round(svg.getBoundingClientRect().width)).toBe(498);
    expect(part(el, 'axis')!.querySelector('.axis-band')!.getAttribute('width')).toBe('498');
  });

  it('has no axe violations, with and without a selection', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const check = async () => {
      const results = await axe.run(el.parentElement!, { resultTypes: ['violations'] });
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    };
    await check();
    el.select('rome-car-chase');
    await settle(el);
    await check();
  });
});

describe('<reel-timeline> data sources', () => {
  const events: TimelineEventInput[] = [
    { id: 'a', title: 'Announced', start: '2019' },
    { id: 'b', title: 'Filming starts', start: '2020-02', lane: 'production' },
    { id: 'c', title: 'Release', start: '2023-07-12' },
  ];

  it('takes events from the events property', async () => {
    const el = await mount((el) => (el.events = events));
    expect(
      marks(el)
        .map((mark) => mark.dataset['id'])
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });

  it('fetches a dataset from src', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(deadReckoning)], { type: 'application/json' }));
    const el = await mount((el) => (el.src = url));
    await expect.poll(() => marks(el).length).toBe(deadReckoning.events.length);
    URL.revokeObjectURL(url);
  });

  it('falls back to src when the data property is cleared', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(deadReckoning)], { type: 'application/json' }));
    const el = await mount((el) => {
      el.events = events;
      el.src = url;
    });
    expect(marks(el)).toHaveLength(3);
    el.events = undefined;
    await expect.poll(() => marks(el).length).toBe(deadReckoning.events.length);
    URL.revokeObjectURL(url);
  });

  it('reports a src that cannot be loaded, without throwing', async () => {
    const invalid: unknown[] = [];
    const el = await mount((el) => {
      el.addEventListener('reel-invalid', (e) => invalid.push(e.detail.problems));
      el.src = '/__missing__/dataset.json';
    });
    await expect.poll(() => el.problems.length).toBe(1);
    expect(el.problems[0]!.message).toMatch(/Could not load the dataset from "\/__missing__\/dataset.json"/);
    // The notice is a part loaded when there are problems to show: there once the update settles.
    await el.updateComplete;
    expect(part(el, 'notice')!.textContent).toContain('Could not load');
    expect(invalid).toHaveLength(1);
  });

  it('reads <reel-event> children, and follows changes to them', async () => {
    const el = await mount(
      undefined,
      800,
      `
      <reel-event event-id="start" start="2020-02" lane="Production" locations="Venice, Italy">
        <strong>Filming starts</strong><p>In Italy.</p><cite><a href="https://example.org/a">Article</a></cite>
      </reel-event>
      <reel-event start="2021-09">Filming wraps</reel-event>`,
    );
    expect(el.model.events.map((event) => [event.id, event.title])).toEqual([
      ['start', 'Filming starts'],
      ['event-2', 'Filming wraps'],
    ]);
    expect(el.model.events[0]).toMatchObject({
      description: 'In Italy.',
      locations: ['Venice, Italy'],
      lane: 'Production',
    });
    expect(el.model.events[0]!.sources[0]).toEqual({ title: 'Article', url: 'https://example.org/a' });
    // The children are data: they are not displayed inside the timeline.
    expect(el.querySelector('reel-event')!.getBoundingClientRect().height).toBe(0);
    el.insertAdjacentHTML('beforeend', '<reel-event start="2023-07-12">Release</reel-event>');
    await settle(el);
    expect(marks(el)).toHaveLength(3);
  });

  it('renders the valid rest of invalid data, reports every problem, and the notice can be dismissed', async () => {
    const invalid: number[] = [];
    const input: DatasetInput = {
      title: 'Mixed',
      events: [
        ...events,
        { id: 'bad', title: 'Bad month', start: '2020-13' },
        { id: 'xss', title: '<img src=x onerror="window.__xss=1">', start: '2021' },
      ],
    };
    const pageErrors: string[] = [];
    const onError = (e: ErrorEvent) => pageErrors.push(e.message);
    window.addEventListener('error', onError);
    const el = await mount((el) => {
      el.addEventListener('reel-invalid', (e) => invalid.push(e.detail.problems.length));
      el.data = input;
    });
    el.data = { events: [null, 42, { id: 'x' }, ...events] } as unknown as DatasetInput;
    await settle(el);
    expect(marks(el)).toHaveLength(3);
    el.data = input;
    await settle(el);
    window.removeEventListener('error', onError);
    expect(pageErrors).toEqual([]);
    expect(
      marks(el)
        .map((mark) => mark.dataset['id'])
        .sort(),
    ).toEqual(['a', 'b', 'c', 'xss']);
    expect(el.problems).toHaveLength(1);
    expect(el.problems[0]).toMatchObject({ eventId: 'bad', field: 'start', pointer: '/events/3/start' });
    expect(invalid).toEqual([1, 4, 1]); // null, 42, and an event with neither title nor start (2)
    const notice = part(el, 'notice')!;
    expect(notice.textContent).toContain('1 problem in the data; 1 item is not shown.');
    expect(notice.textContent).toContain('Event "bad" (events[3]): start: "2020-13" is not a valid date');
    // Text from data is text: no element was created from the title.
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
    el.select('xss');
    await settle(el);
    expect(part(el, 'details')!.querySelector('h2')!.textContent).toBe('<img src=x onerror="window.__xss=1">');
    el.select(null);
    await settle(el);
    await userEvent.click(notice.querySelector('button')!);
    await settle(el);
    expect(part(el, 'notice')).toBeNull();
  });

  it('shows an empty state for no data, with an axis', async () => {
    const el = await mount((el) => (el.events = []));
    expect(marks(el)).toHaveLength(0);
    expect(el.shadowRoot!.textContent).toContain('No events to show');
    expect(part(el, 'axis')!.querySelectorAll('text').length).toBeGreaterThan(0);
  });
});

describe('<reel-timeline> styles', () => {
  it('defines every private --_* property it uses', () => {
    const text = timelineStyles.cssText;
    // The styles of the parts loaded as chunks (the first contact's tooltip and wheel hint, the
    // legend, the notice, the eras) use the host's properties too.
    const parts = [contactStyles, legendStyles, noticeStyles, erasStyles].map((styles) => styles.cssText).join('');
    const used = new Set([...`${text}${parts}`.matchAll(/var\((--_[\w-]+)/g)].map((m) => m[1]));
    const defined = new Set([...text.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
    expect([...defined].filter((name) => !used.has(name))).toEqual([]);
  });
});
