/**
 * The first-contact chunk (contact.ts): the keys' actions, the tooltip and the wheel hint arrive
 * when a reader first reaches the plot. Everything must work from the very first key or hover: a
 * key pressed before the chunk has arrived is kept and handled, in order, when it does.
 */
import deadReckoning from '@reeltime/data';
import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, pointerAway, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';
import { usesKey } from './interaction.js';
import { handleTimelineKey, type KeyboardTarget } from './keyboard.js';
import { contactStyles } from './render/contact.styles.js';
import type { ViewState } from './view-state.js';

const root = (el: ReelTimeline) => el.shadowRoot!;
const part = (el: ReelTimeline, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const mark = (el: ReelTimeline, id: string) =>
  root(el).querySelector<SVGGElement>(`[part~="event"][data-id="${CSS.escape(id)}"]`)!;
const focusedId = (el: ReelTimeline) => root(el).activeElement?.getAttribute('data-id') ?? null;
/** Whether the first-contact chunk has arrived in this element (its styles are adopted then). */
const arrived = (el: ReelTimeline) => root(el).adoptedStyleSheets.includes(contactStyles.styleSheet!);

/** A keydown as a browser sends it to the focused mark. */
function keydown(el: ReelTimeline, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  root(el).activeElement!.dispatchEvent(event);
  return event;
}

/** Focuses `id`, then presses `keys`, each once the element has settled from the one before. */
async function oneByOne(id: string, keys: readonly string[]) {
  const el = await mount((el) => (el.data = deadReckoning));
  mark(el, id).focus();
  await settle(el);
  expect(arrived(el)).toBe(true);
  for (const key of keys) {
    expect(keydown(el, key).defaultPrevented, key).toBe(true);
    await settle(el);
  }
  return { focused: focusedId(el), selected: el.selected, range: el.visibleRange };
}

describe('the first contact', () => {
  // The chunk loads on a pointer's first contact: none may rest where the timelines are mounted.
  beforeEach(pointerAway);

  it('does not load the chunk for the first view', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    expect(arrived(el)).toBe(false);
    expect(part(el, 'tooltip')).toBeNull();
  });

  it('keeps the keys pressed before the chunk arrived and handles them in order', async () => {
    const keys = ['ArrowRight', 'ArrowRight', 'ArrowDown', '+', 'Enter'];
    const el = await mount((el) => (el.data = deadReckoning));
    // Focus starts the load; the keys come at once, before it can have arrived.
    mark(el, 'filming-begins-italy').focus();
    const events = keys.map((key) => keydown(el, key));
    expect(arrived(el)).toBe(false);
    expect(events.map((event) => event.defaultPrevented)).toEqual(keys.map(() => true));
    await settle(el);
    expect(arrived(el)).toBe(true);
    const early = { focused: focusedId(el), selected: el.selected, range: el.visibleRange };
    expect(part(el, 'tooltip')?.textContent).toContain(
      deadReckoning.events.find((event) => event.id === early.focused)!.title,
    );
    // The same as the same keys pressed one by one once the chunk is here.
    const expected = await oneByOne('filming-begins-italy', keys);
    expect(expected.selected).not.toBeNull();
    expect(early).toEqual(expected);
  });

  it('gives focus a place when the focused mark goes before the chunk arrived', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    mark(el, 'us-release').focus();
    // New data without that event, drawn before the chunk (asked for by the focus) can have arrived.
    el.data = { ...deadReckoning, events: deadReckoning.events.filter((event) => event.id !== 'us-release') };
    await el.updateComplete;
    expect(root(el).activeElement?.matches('svg[role="group"]')).toBe(true);
    expect(arrived(el)).toBe(true);
  });

  it('lets keys it does not use through before the chunk arrived (Tab, Escape with nothing selected)', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    mark(el, 'us-release').focus();
    const tab = keydown(el, 'Tab');
    const escape = keydown(el, 'Escape');
    expect(arrived(el)).toBe(false);
    expect(tab.defaultPrevented).toBe(false);
    expect(escape.defaultPrevented).toBe(false);
    await settle(el);
    expect(focusedId(el)).toBe('us-release');
  });

  it('clears a selection with an Escape pressed before the chunk arrived', async () => {
    const el = await mount((el) => {
      el.data = deadReckoning;
      el.selected = 'us-release';
    });
    mark(el, 'us-release').focus();
    const escape = keydown(el, 'Escape');
    expect(arrived(el)).toBe(false);
    expect(escape.defaultPrevented).toBe(true);
    await settle(el);
    expect(el.selected).toBeNull();
  });

  it('gives focus back to the event when the details close before the chunk arrived', async () => {
    // Selected from outside: the details are open, nothing has reached the plot yet.
    const el = await mount((el) => {
      el.data = deadReckoning;
      el.selected = 'us-release';
    });
    expect(arrived(el)).toBe(false);
    part(el, 'details')!.querySelector<HTMLButtonElement>('button[aria-label="Close details"]')!.click();
    // The details close at once; focus follows when the chunk that moves it is here.
    expect(el.selected).toBeNull();
    expect(arrived(el)).toBe(false);
    await settle(el);
    expect(arrived(el)).toBe(true);
    expect(part(el, 'details')).toBeNull();
    expect(focusedId(el)).toBe('us-release');
  });

  it('opens the keyboard map from the header before any contact, and gives focus back when it closes', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    const button = root(el).querySelector<HTMLButtonElement>('button.keys-button')!;
    expect(arrived(el)).toBe(false);
    button.focus();
    button.click();
    await settle(el);
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    dialog.close();
    await settle(el);
    expect(root(el).querySelector('dialog')).toBeNull();
    expect(root(el).activeElement).toBe(button);
  });

  it('shows the tooltip on the first hover', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    expect(arrived(el)).toBe(false);
    await userEvent.hover(mark(el, 'filming-wraps'));
    await settle(el);
    expect(part(el, 'tooltip')?.textContent).toContain('Filming wraps');
    // Styled by the chunk's sheet: positioned over the plot, not in the flow.
    expect(getComputedStyle(part(el, 'tooltip')!).position).toBe('absolute');
    // Leave no pointer over a mark: a timeline mounted there later would be hovered (and update).
    await userEvent.unhover(mark(el, 'filming-wraps'));
    await userEvent.hover(part(el, 'header')!);
  });

  it('keeps the tooltip of a mark scrolled under the sticky axis beneath the axis', async () => {
    const el = await mount((el) => (el.data = deadReckoning));
    // Room to scroll the page however tall the test's viewport is.
    const spacer = document.body.appendChild(document.createElement('div'));
    spacer.style.height = '200vh';
    try {
      mark(el, 'tickets-on-sale').focus();
      keydown(el, 'ArrowLeft');
      await settle(el);
      const tooltip = part(el, 'tooltip')!;
      const axis = part(el, 'axis')!;
      // Scroll until the tooltip's top is halfway down the axis, which sticks to the top.
      scrollBy(0, tooltip.getBoundingClientRect().top - axis.getBoundingClientRect().height / 2);
      await settle(el);
      const under = tooltip.getBoundingClientRect();
      const band = axis.getBoundingClientRect();
      expect(band.top).toBe(0);
      expect(under.top).toBeLessThan(band.bottom - 2);
      expect(under.top).toBeGreaterThan(band.top);
      // A tooltip takes no pointer events; let it take them to ask which of the two is on top.
      tooltip.style.pointerEvents = 'auto';
      const hit = root(el).elementFromPoint(under.left + 10, (under.top + band.bottom) / 2);
      expect(hit?.closest('[part~="axis"]')).toBe(axis);
    } finally {
      spacer.remove();
      scrollTo(0, 0);
    }
  });

  it('knows, before the chunk, exactly the keys the keyboard map uses', () => {
    const candidates = [
      ...['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'],
      ...['Enter', ' ', 'Escape', '+', '=', '-', '_', '0', '?', 'Tab', 'Shift', 'a', '1', '9', 'F1', 'Delete'],
    ];
    for (const selected of [null, 'a']) {
      const target: KeyboardTarget = {
        size: 3,
        focusedPosition: 1,
        focusPosition: () => {},
        focusLane: () => {},
        page: () => {},
        toggleFocused: () => {},
        clearSelection: () => selected !== null,
        zoomBy: () => {},
        resetZoom: () => {},
        showKeys: () => {},
      };
      const view = { selectedId: selected } as ViewState;
      for (const key of candidates) expect(usesKey(key, view), key).toBe(handleTimelineKey(key, target));
    }
  });
});
