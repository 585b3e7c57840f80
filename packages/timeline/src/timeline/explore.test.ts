/**
 * Exploring without a mouse and without sight (issue 13): the keyboard map, the live region and
 * the chart's name, the table view, and the details where the reader is.
 */
import deadReckoning from '@reeltime/data';
import type { DatasetInput, TimelineEventInput } from '@reeltime/core';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

/** The release's title as the dataset words it. */
const releaseTitle = deadReckoning.events.find((event) => event.id === 'us-release')!.title;

const root = (el: ReelTimeline) => el.shadowRoot!;
const marks = (el: ReelTimeline) => [...root(el).querySelectorAll<SVGGElement>('[part~="event"]')];
const mark = (el: ReelTimeline, id: string) =>
  root(el).querySelector<SVGGElement>(`[part~="event"][data-id="${CSS.escape(id)}"]`);
const part = (el: ReelTimeline, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const focusedId = (el: ReelTimeline) => root(el).activeElement?.getAttribute('data-id') ?? null;
const laneOf = (id: string | null) => deadReckoning.events.find((event) => event.id === id)?.lane;

/** Presses keys and waits for the element (and any focus moves it makes) to settle. */
async function press(el: ReelTimeline, keys: string) {
  await userEvent.keyboard(keys);
  await settle(el);
}

async function focusMark(el: ReelTimeline, id: string) {
  mark(el, id)!.focus();
  await settle(el);
}

describe('the keyboard map', () => {
  it('moves to the nearest event in time in the lane above or below with ↑/↓', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    await focusMark(el, 'filming-begins-italy');
    await press(el, '{ArrowDown}');
    // Stunts: several start in Feb 2020 with it; the first of them in time order.
    expect(focusedId(el)).toBe('rome-car-chase');
    await press(el, '{ArrowDown}');
    expect(laneOf(focusedId(el))).toBe('marketing');
    await press(el, '{ArrowDown}');
    expect(laneOf(focusedId(el))).toBe('release');
    const last = focusedId(el);
    await press(el, '{ArrowDown}');
    expect(focusedId(el)).toBe(last);
    await press(el, '{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(laneOf(focusedId(el))).toBe('production');
  });

  it('skips lanes without events', async () => {
    const el = await mount(
      (el) =>
        (el.data = {
          lanes: [
            { id: 'a', label: 'A' },
            { id: 'empty', label: 'Empty' },
            { id: 'c', label: 'C' },
          ],
          events: [
            { id: 'a1', title: 'A one', start: '2020-01', lane: 'a' },
            { id: 'c1', title: 'C one', start: '2019-01', lane: 'c' },
            { id: 'c2', title: 'C two', start: '2020-03', lane: 'c' },
            { id: 'c3', title: 'C three', start: '2022-01', lane: 'c' },
          ],
        }),
    );
    await focusMark(el, 'a1');
    await press(el, '{ArrowDown}');
    expect(focusedId(el)).toBe('c2');
    await press(el, '{ArrowUp}');
    expect(focusedId(el)).toBe('a1');
  });

  it('pans one screen with PageDown/PageUp, keeping focus on an event in view', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    el.visibleRange = { from: Date.UTC(2020, 6, 1), to: Date.UTC(2021, 6, 1) };
    await settle(el);
    const first = marks(el).find((m) => m.getAttribute('tabindex') === '0')!;
    first.focus();
    await settle(el);
    const before = el.visibleRange;
    await press(el, '{PageDown}');
    await expect.poll(() => el.visibleRange.from).toBeGreaterThan(before.from);
    const span = before.to - before.from;
    expect(el.visibleRange.from - before.from).toBeCloseTo(span, -7);
    const plot = root(el).querySelector('svg[role="group"]')!.getBoundingClientRect();
    const focused = root(el).activeElement as SVGGElement;
    expect(focused.getAttribute('part')).toBe('event');
    const box = focused.getBoundingClientRect();
    expect(box.right).toBeGreaterThan(plot.left);
    expect(box.left).toBeLessThan(plot.right);
    await press(el, '{PageUp}');
    expect(el.visibleRange.from).toBeCloseTo(before.from, -7);
    expect(root(el).activeElement?.getAttribute('part')).toBe('event');
  });

  it('toggles the selection with Space and Enter, and keeps the page still on the keys it handles', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    await focusMark(el, 'us-release');
    await press(el, ' ');
    expect(el.selected).toBe('us-release');
    expect(mark(el, 'us-release')!.getAttribute('aria-pressed')).toBe('true');
    await press(el, ' ');
    expect(el.selected).toBeNull();
    expect(mark(el, 'us-release')!.getAttribute('aria-pressed')).toBe('false');
    await press(el, '{Enter}');
    expect(el.selected).toBe('us-release');
    await press(el, '{Enter}');
    expect(el.selected).toBeNull();
    for (const key of ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ', '?']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
      root(el).activeElement!.dispatchEvent(event);
      expect(event.defaultPrevented, key).toBe(true);
      await settle(el);
      root(el).querySelector('dialog')?.close();
      await settle(el);
      if (root(el).activeElement?.getAttribute('part') !== 'event') await focusMark(el, 'us-release');
    }
  });

  it('shows the keyboard map with ? or the header button, closes it with Escape and gives focus back', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    await focusMark(el, 'filming-wraps');
    await press(el, '?');
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('keys-title');
    expect(root(el).getElementById('keys-title')!.textContent).toBe('Keyboard shortcuts');
    const keys = [...dialog.querySelectorAll('kbd')].map((k) => k.textContent);
    for (const key of [
      '←',
      '→',
      '↑',
      '↓',
      'Home',
      'End',
      'Page Up',
      'Page Down',
      '+',
      '−',
      '0',
      'Enter',
      'Space',
      'Esc',
      '?',
    ])
      expect(keys).toContain(key);
    expect(root(el).activeElement?.closest('dialog')).toBe(dialog);
    await press(el, '{Escape}');
    expect(root(el).querySelector('dialog')).toBeNull();
    expect(focusedId(el)).toBe('filming-wraps');
    const button = root(el).querySelector<HTMLButtonElement>('button.keys-button')!;
    button.focus();
    await press(el, '{Enter}');
    expect(root(el).querySelector('dialog')?.open).toBe(true);
    await press(el, '{Escape}');
    expect(root(el).activeElement).toBe(button);
  });

  it('keeps focus on a long event (or what stands for it) while zooming in and out', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    el.visibleRange = { from: Date.UTC(2021, 0, 1), to: Date.UTC(2021, 3, 1) };
    await settle(el);
    await focusMark(el, 'cinemacon-title-reveal');
    for (const key of ['-', '-', '+', '+', '+', '0', '-', '+']) {
      await press(el, key);
      expect(root(el).activeElement, key).not.toBeNull();
      expect(root(el).activeElement!.closest('svg'), key).not.toBeNull();
    }
    expect(focusedId(el)).toBe('cinemacon-title-reveal');
  });

  it('never drops focus to the page: closing the details from inside them returns to the event', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    await focusMark(el, 'us-release');
    await press(el, '{Enter}');
    // A click in the details' text puts focus there; Escape closes them from there too.
    await userEvent.click(part(el, 'details')!.querySelector('p')!);
    expect(part(el, 'details')!.contains(root(el).activeElement)).toBe(true);
    await press(el, '{Escape}');
    expect(part(el, 'details')).toBeNull();
    expect(focusedId(el)).toBe('us-release');
  });
});

describe('the live region and the chart name', () => {
  it('announces the range and the events in it once the view settles; the name says what is in view', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const live = root(el).querySelector('[role="status"][aria-live="polite"]')!;
    const svg = root(el).querySelector('svg[role="group"]')!;
    const range = root(el).querySelector('header .range')!;
    expect(range.getAttribute('aria-hidden')).toBeNull();
    expect(svg.getAttribute('aria-label')).toContain(`${deadReckoning.events.length} events`);
    const initial = live.textContent;
    expect(initial).toMatch(/^Showing .+: 23 events$/);
    el.visibleRange = { from: Date.UTC(2023, 4, 1), to: Date.UTC(2023, 7, 1) };
    await settle(el);
    await expect.poll(() => live.textContent, { timeout: 5000 }).not.toBe(initial);
    const shown = marks(el).length;
    expect(shown).toBeLessThan(deadReckoning.events.length);
    expect(live.textContent).toBe(`Showing ${range.textContent}: ${shown} events`);
    expect(svg.getAttribute('aria-label')).toBe(`${el.model.title}: ${shown} events, showing ${range.textContent}`);
  });
});

const tableEvents = (n: number): TimelineEventInput[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    title: `Event ${String((i * 7919) % n).padStart(6, '0')}`,
    start: `${1950 + (i % 70)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    lane: `lane-${i % 5}`,
  }));

describe('the table view', () => {
  it('is a real table with caption and header cells, sortable, sharing the selection with the chart', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const toggle = [...root(el).querySelectorAll<HTMLButtonElement>('header .explore button')];
    expect(toggle.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false']);
    await userEvent.click(toggle[1]!);
    await settle(el);
    expect(el.getAttribute('view')).toBe('table');
    expect(part(el, 'plot')!.hidden).toBe(true);
    const table = root(el).querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toContain('23 events');
    const headers = [...table.querySelectorAll('th')];
    expect(headers.map((th) => th.textContent!.trim())).toEqual(['Date▲', 'Title', 'Lane', 'Status']);
    expect(headers[0]!.getAttribute('aria-sort')).toBe('ascending');
    const titles = () =>
      [...table.querySelectorAll('tbody tr:not(.spacer) td:nth-child(2)')].map((td) => td.textContent!.trim());
    expect(titles()[0]).toBe(deadReckoning.events.find((e) => e.id === 'fallout-predecessor')!.title);
    await userEvent.click(headers[1]!.querySelector('button')!);
    await settle(el);
    expect(headers[1]!.getAttribute('aria-sort')).toBe('ascending');
    expect(headers[0]!.hasAttribute('aria-sort')).toBe(false);
    const sorted = [...titles()].sort(new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' }).compare);
    expect(titles()).toEqual(sorted);
    await userEvent.click(headers[1]!.querySelector('button')!);
    await settle(el);
    expect(headers[1]!.getAttribute('aria-sort')).toBe('descending');
    expect(titles()).toEqual([...sorted].reverse());
    await userEvent.click(headers[2]!.querySelector('button')!);
    await settle(el);
    const lanes = [...table.querySelectorAll('tbody tr:not(.spacer) td:nth-child(3)')].map((td) => td.textContent);
    expect(lanes).toEqual([...lanes].sort(new Intl.Collator('en-US').compare));
    // Selecting a row selects the event and shows its details; closing them returns to the row.
    const row = table.querySelector<HTMLButtonElement>('tr[data-id="us-release"] button')!;
    await userEvent.click(row);
    await settle(el);
    expect(el.selected).toBe('us-release');
    expect(row.getAttribute('aria-pressed')).toBe('true');
    expect(part(el, 'details')!.querySelector('h2')!.textContent).toBe(releaseTitle);
    part(el, 'details')!.querySelector('button')!.focus();
    await press(el, '{Escape}');
    expect(el.selected).toBeNull();
    expect(root(el).activeElement).toBe(root(el).querySelector('tr[data-id="us-release"] button'));
    // Back to the chart: the same selection model, and focus follows to the selected event.
    el.select('filming-wraps');
    el.view = 'chart';
    await settle(el);
    expect(part(el, 'plot')!.hidden).toBe(false);
    expect(mark(el, 'filming-wraps')!.getAttribute('aria-pressed')).toBe('true');
    expect(focusedId(el)).toBe('filming-wraps');
    // And to the table from the chart: never to the page.
    el.view = 'table';
    await settle(el);
    expect(root(el).activeElement).toBe(root(el).querySelector('tr[data-id="filming-wraps"] button'));
  });

  it('renders only the rows in view at 100,000 events, and scrolling shows later rows', async () => {
    const el = await mount((el) => {
      el.events = tableEvents(100_000);
      el.view = 'table';
    });
    const rows = () => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr:not(.spacer)')];
    await expect.poll(() => rows().length, { timeout: 20_000 }).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(40);
    expect(root(el).querySelector('table')!.getAttribute('aria-rowcount')).toBe('100001');
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    const box = part(el, 'table')!;
    box.scrollTop = 60_000 * 32;
    await expect.poll(() => Number(rows()[0]!.getAttribute('aria-rowindex'))).toBeGreaterThan(59_000);
    expect(rows().length).toBeLessThan(40);
    // The rows rendered are the ones on screen.
    const scroll = box.getBoundingClientRect();
    const visible = rows().filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > scroll.top + 40 && r.top < scroll.bottom;
    });
    expect(visible.length).toBeGreaterThan(3);
    // Sorting by title at 100k: the order is built once, rows stay few.
    root(el).querySelector<HTMLButtonElement>('th button[data-sort="title"]')!.click();
    box.scrollTop = 0;
    await expect.poll(() => rows()[0]?.getAttribute('aria-rowindex')).toBe('2');
    const titles = rows().map((row) => row.cells[1]!.textContent!.trim());
    expect(titles.slice(0, 3)).toEqual(['Event 000000', 'Event 000001', 'Event 000002']);
  });
});

describe('details where the reader is', () => {
  it('takes its heading level from heading-level (default 2)', async () => {
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'lang="en-US" heading-level="4"');
    el.select('us-release');
    await settle(el);
    expect(part(el, 'details')!.querySelector('h4')!.textContent).toBe(releaseTitle);
    el.headingLevel = 2;
    await settle(el);
    expect(part(el, 'details')!.querySelector('h2')).not.toBeNull();
  });

  /** A timeline of 60 lanes, taller than the window, scrolled to the top. */
  async function mountTall() {
    const lanes = Array.from({ length: 60 }, (_, i) => ({ id: `l${i}`, label: `Lane ${i}` }));
    const events = lanes.map((lane, i) => ({
      id: `e${i}`,
      title: `Event ${i}`,
      start: `${2000 + (i % 20)}`,
      lane: lane.id,
    }));
    const el = await mount((el) => (el.data = { lanes, events }));
    window.scrollTo(0, 0);
    await settle(el);
    expect(part(el, 'plot')!.getBoundingClientRect().height).toBeGreaterThan(window.innerHeight);
    return el;
  }

  it('scrolls the details into view in a tall timeline', async () => {
    const el = await mountTall();
    await userEvent.click(mark(el, 'e0')!);
    await settle(el);
    await expect
      .poll(() => part(el, 'details')!.getBoundingClientRect().top, { timeout: 5000 })
      .toBeLessThan(window.innerHeight);
    window.scrollTo(0, 0);
  });

  it('leaves the page where it is when the selection comes from outside (a story, the page)', async () => {
    const el = await mountTall();
    // The scroll itself may be smooth (still at 0 when checked): watch the request instead.
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    try {
      el.select('e0');
      await settle(el);
      expect(part(el, 'details')).not.toBeNull();
      expect(scrolled).not.toHaveBeenCalled();
      // The same selection made in the chart (focus inside) does bring them into view.
      el.select(null);
      await settle(el);
      await userEvent.click(mark(el, 'e0')!);
      await settle(el);
      expect(scrolled).toHaveBeenCalled();
    } finally {
      scrolled.mockRestore();
    }
    window.scrollTo(0, 0);
  });

  it('leaves no outline around the plot and no tooltip after a click', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const label = root(el).querySelector<SVGTextElement>('.label[data-id="filming-wraps"]')!;
    await userEvent.click(label);
    await settle(el);
    const svg = root(el).querySelector('svg[role="group"]')!;
    expect(svg.matches(':focus-visible')).toBe(false);
    expect(getComputedStyle(svg).outlineStyle).toBe('none');
    await userEvent.click(mark(el, 'us-release')!);
    await userEvent.hover(root(el).querySelector('header')!);
    await settle(el);
    expect(part(el, 'tooltip')).toBeNull();
  });

  it('keeps every selected label off its own mark and inside the plot', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const svg = root(el).querySelector('svg[role="group"]')!.getBoundingClientRect();
    for (const event of deadReckoning.events) {
      el.select(event.id);
      await settle(el);
      const label = root(el).querySelector<SVGTextElement>(`.label.selected[data-id="${event.id}"]`);
      if (!label) continue;
      const box = label.getBoundingClientRect();
      const markBox = mark(el, event.id)!.querySelector('.mark')!.getBoundingClientRect();
      expect(box.left, event.id).toBeGreaterThanOrEqual(svg.left - 0.5);
      expect(box.right, event.id).toBeLessThanOrEqual(svg.right + 0.5);
      const inside = label.classList.contains('inside');
      if (!inside) {
        const through = box.left < markBox.right - 0.5 && markBox.left < box.right - 0.5;
        expect(through, `${event.id}'s label runs through its mark`).toBe(false);
      } else {
        expect(box.right, event.id).toBeLessThanOrEqual(markBox.right + 0.5);
      }
    }
  });
});

describe('axe with everything open', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has no violations with details, tooltip, notice, table and keyboard map open (${theme})`, async () => {
      const data: DatasetInput = {
        ...(deadReckoning as DatasetInput),
        events: [...(deadReckoning as DatasetInput).events, { id: 'bad', title: 'Bad', start: '2020-13' }],
      };
      const el = await mount((el) => (el.data = data), 960, '', `lang="en-US" theme="${theme}"`);
      const check = async (what: string) => {
        const results = await axe.run(el.parentElement!, { resultTypes: ['violations'] });
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          what,
        ).toEqual([]);
      };
      expect(part(el, 'notice')).not.toBeNull();
      el.select('rome-car-chase');
      await settle(el);
      await userEvent.hover(mark(el, 'us-release')!);
      await settle(el);
      expect(part(el, 'tooltip')).not.toBeNull();
      await check('chart');
      el.view = 'table';
      await settle(el);
      await check('table');
      el.showKeyboardMap();
      await settle(el);
      expect(root(el).querySelector('dialog')!.open).toBe(true);
      await check('keyboard map');
    });
  }
});

describe('done means', () => {
  it('zooms into 2020 and opens the COVID-19 halt without a mouse, closes it and finds focus on the event', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    // Tab in from the first control of the element.
    root(el).querySelector<HTMLButtonElement>('header button')!.focus();
    for (let i = 0; i < 12 && root(el).activeElement?.getAttribute('part') !== 'event'; i++) await userEvent.tab();
    expect(root(el).activeElement?.getAttribute('part')).toBe('event');
    await press(el, '{Home}');
    for (let i = 0; i < 23 && focusedId(el) !== 'production-halted-covid'; i++) await press(el, '{ArrowRight}');
    expect(focusedId(el)).toBe('production-halted-covid');
    // Zoom in around the focused event until the view is within 2020.
    for (let i = 0; i < 6 && el.visibleRange.to - el.visibleRange.from > 183 * 864e5; i++) await press(el, '+');
    const { from, to } = el.visibleRange;
    expect(from).toBeGreaterThanOrEqual(Date.UTC(2020, 0, 1) - 864e5);
    expect(to).toBeLessThanOrEqual(Date.UTC(2021, 0, 1) + 864e5);
    expect(focusedId(el)).toBe('production-halted-covid');
    await press(el, '{Enter}');
    const details = part(el, 'details')!;
    expect(details.querySelector('h2')!.textContent).toBe('Production halted by the COVID-19 pandemic');
    // Tab goes from the event into its details; Escape there closes them.
    await userEvent.tab();
    expect(details.contains(root(el).activeElement)).toBe(true);
    await press(el, '{Escape}');
    expect(part(el, 'details')).toBeNull();
    expect(el.selected).toBeNull();
    expect(focusedId(el)).toBe('production-halted-covid');
  });
});
