/**
 * The bundle's d3 shims (see docs/decisions/bundle-size.md) against what the real modules do for
 * the calls reeltime and d3-zoom make. The built bundle's gestures are driven end to end in
 * test/embed.e2e.test.ts.
 */
import * as realDispatch from 'd3-dispatch';
import * as realDrag from 'd3-drag';
import * as real from 'd3-selection';
import { html, LitElement } from 'lit';
import * as litDecoratorsReal from 'lit/decorators.js';
import { describe, expect, it, vi } from 'vitest';
import * as dispatchShim from './d3-dispatch.js';
import * as dragShim from './d3-drag.js';
import * as format from './d3-format.js';
import { interpolate, interpolateNumber, interpolateRound, interpolateZoom, piecewise } from './d3-interpolate.js';
import * as shim from './d3-selection.js';
import { interrupt } from './d3-transition.js';
import * as litDecoratorsShim from './lit-decorators.js';

/** Both modules, typed as the shim (the calls below are the subset both have). */
const both = [real, shim] as unknown as (typeof shim)[];

describe('the d3-selection shim', () => {
  it('adds, replaces, reads and removes named listeners as d3 does, in the same node.__on', () => {
    for (const d3 of both) {
      const node = document.createElement('div');
      const first = vi.fn();
      const second = vi.fn();
      const other = vi.fn();
      const selection = d3.select(node);
      selection.on('click.zoom', first).on('click.zoom', second).on('keydown.zoom click.other', other);
      node.click();
      expect(first).not.toHaveBeenCalled();
      expect(second).toHaveBeenCalledOnce();
      expect(second.mock.calls[0]![0]).toBeInstanceOf(MouseEvent);
      expect(second.mock.contexts[0]).toBe(node);
      expect(selection.on('click.zoom')).toBe(second);
      expect((node as unknown as { __on: unknown[] }).__on).toHaveLength(3);
      selection.on('.zoom', null);
      node.click();
      expect(second).toHaveBeenCalledOnce();
      expect(other).toHaveBeenCalledTimes(2); // click.other, once per click
      selection.on('click.other', null);
      expect('__on' in node).toBe(false);
    }
  });

  it('sets properties from values and functions, styles, filters and calls like d3', () => {
    for (const d3 of both) {
      const node = document.createElement('div') as HTMLDivElement & { __zoom?: number; __data__?: string };
      node.__data__ = 'd';
      const selection = d3.select(node);
      selection.property('__zoom', 2);
      expect(selection.property('__zoom')).toBe(2);
      selection.property('__zoom', function (this: typeof node, datum: unknown) {
        return datum === 'd' ? this.__zoom! * 2 : 0;
      });
      expect(node.__zoom).toBe(4);
      selection.property('__zoom', null);
      expect('__zoom' in node).toBe(false);
      selection.style('-webkit-tap-highlight-color', 'rgba(0,0,0,0)');
      expect(node.style.getPropertyValue('-webkit-tap-highlight-color')).toBe('rgba(0, 0, 0, 0)');
      expect(selection.datum()).toBe('d');
      expect(selection.filter(() => false).node()).toBeNull();
      expect(selection.filter('div').node()).toBe(node);
      const called = vi.fn();
      expect(selection.call(called, 1)).toBe(selection);
      expect(called).toHaveBeenCalledWith(selection, 1);
    }
  });

  it('finds a pointer in HTML and SVG coordinates like d3', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div id="shim-box" style="position:absolute;left:30px;top:40px;width:200px;height:100px;border:3px solid"><svg width="100" height="50" viewBox="0 0 200 100"></svg></div>',
    );
    const box = document.getElementById('shim-box')!;
    const svg = box.querySelector('svg')!;
    const event = new MouseEvent('mousemove', { clientX: 80, clientY: 60 });
    for (const node of [box, svg]) expect(shim.pointer(event, node)).toEqual(real.pointer(event, node));
    expect(shim.pointer({ sourceEvent: event } as unknown as MouseEvent, box)).toEqual(real.pointer(event, box));
    box.remove();
  });
});

describe('the d3-interpolate, d3-transition and d3-format shims', () => {
  it('interpolate numbers as d3 does, and refuse anything else', () => {
    expect(interpolateNumber(10, 20)(0.25)).toBe(12.5);
    expect(interpolateRound(0, 3)(0.5)).toBe(2);
    expect(interpolate(0, 960)(0.5)).toBe(480);
    expect(piecewise(interpolateNumber, [0, 10, 30])(0.75)).toBe(20);
    expect(() => interpolate('red', 'blue')).toThrow(/only numbers/);
    expect(() => interpolateZoom()).toThrow(/animated zoom/);
  });

  it('have no transition to interrupt, and say what is missing', () => {
    expect(interrupt(document.body)).toBeUndefined();
    expect(() => format.format()).toThrow(/d3-format is not included/);
  });
});

describe('the d3-dispatch shim', () => {
  const dispatchers = [realDispatch.dispatch, dispatchShim.dispatch] as unknown as (typeof dispatchShim.dispatch)[];

  it('adds, replaces, finds and removes named callbacks like d3', () => {
    for (const dispatch of dispatchers) {
      const calls: string[] = [];
      const log = (label: string) =>
        function (this: unknown, ...args: unknown[]) {
          calls.push(`${label}:${String(this)}:${args.join(',')}`);
        };
      const start = log('start');
      const zoom = log('zoom');
      const d = dispatch('start', 'zoom', 'end');
      expect(d.on('start.a zoom.a', start)).toBe(d);
      d.on('zoom.b', zoom);
      d.call('zoom', 'that', 1, 2);
      expect(calls).toEqual(['start:that:1,2', 'zoom:that:1,2']);
      expect(d.on('zoom.a')).toBe(start);
      expect(d.on('end.a')).toBeUndefined();
      expect(d.on('end.a zoom.b')).toBe(zoom);
      // Replacing a callback moves it after the others.
      calls.length = 0;
      d.on('zoom.a', start);
      d.call('zoom', 'x');
      expect(calls).toEqual(['zoom:x:', 'start:x:']);
      // `.a` alone removes that name from every type; `type.name` with null, from one.
      d.on('.a', null);
      expect(d.on('start.a')).toBeUndefined();
      expect(d.on('zoom.a')).toBeUndefined();
      d.on('zoom.b', null);
      calls.length = 0;
      d.call('zoom', 'y');
      d.call('start', 'y');
      expect(calls).toEqual([]);
      // Unnamed callbacks, and dotted names (`type.a.b`).
      d.on('end', zoom).on('end.a.b', start);
      expect(d.on('end')).toBe(zoom);
      expect(d.on('end.a.b')).toBe(start);
    }
  });

  it('skips a callback removed while dispatching, and not one added meanwhile, like d3', () => {
    for (const dispatch of dispatchers) {
      const d = dispatch('zoom');
      const second = vi.fn();
      const added = vi.fn();
      d.on('zoom.first', () => {
        d.on('zoom.second', null);
        d.on('zoom.added', added);
        d.on('zoom.first', null);
      });
      d.on('zoom.second', second);
      d.call('zoom');
      expect(second).not.toHaveBeenCalled();
      expect(added).not.toHaveBeenCalled();
      d.call('zoom');
      expect(added).toHaveBeenCalledOnce();
    }
  });

  it('throws the same errors as d3', () => {
    for (const dispatch of dispatchers) {
      expect(() => dispatch('a', 'a')).toThrow('illegal type: a');
      expect(() => dispatch('a.b')).toThrow('illegal type: a.b');
      expect(() => dispatch('')).toThrow('illegal type: ');
      const d = dispatch('zoom');
      expect(() => d.on('wheel.x', () => {})).toThrow('unknown type: wheel');
      expect(() => d.on('wheel')).toThrow('unknown type: wheel');
      expect(() => d.call('wheel')).toThrow('unknown type: wheel');
      expect(() => d.on('zoom.x', 1 as unknown as () => void)).toThrow('invalid callback: 1');
    }
  });
});

describe('the d3-drag shim', () => {
  const both = [realDrag, dragShim] as unknown as (typeof dragShim)[];

  /** Whether an event of `type` dispatched on the body was cancelled before reaching it. */
  const cancelled = (type: string) => {
    const reached = vi.fn();
    document.body.addEventListener(type, reached, { once: true });
    const event = new MouseEvent(type, { bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    document.body.removeEventListener(type, reached);
    return event.defaultPrevented && !reached.mock.calls.length;
  };

  it('stops native drags and text selection until enabled again, like d3', () => {
    for (const drag of both) {
      drag.dragDisable(window);
      expect(cancelled('dragstart')).toBe(true);
      expect(cancelled('selectstart')).toBe(true);
      expect(cancelled('click')).toBe(false);
      drag.dragEnable(window);
      expect(cancelled('dragstart')).toBe(false);
      expect(cancelled('selectstart')).toBe(false);
      expect(cancelled('click')).toBe(false);
      expect('__on' in window).toBe(false);
    }
  });

  it('swallows the click that ends a drag (noclick), then lets clicks through, like d3', async () => {
    for (const drag of both) {
      drag.dragDisable(window);
      drag.dragEnable(window, true);
      expect(cancelled('selectstart')).toBe(false);
      expect(cancelled('click')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(cancelled('click')).toBe(false);
      expect('__on' in window).toBe(false);
    }
  });

  it('does not include the drag behaviour, and says so', () => {
    expect(() => dragShim.drag()).toThrow(/d3-drag is not included/);
  });
});

describe('the lit/decorators shim', () => {
  /** tslib's `__decorate`, as the compiler emits it for experimental decorators (no Reflect.decorate). */
  function decorate(
    decorators: ((...args: unknown[]) => unknown)[],
    target: object,
    key: string,
    descriptor: PropertyDescriptor | null | undefined,
  ) {
    let result = descriptor === null ? Object.getOwnPropertyDescriptor(target, key) : descriptor;
    for (let i = decorators.length; i--;) result = (decorators[i]!(target, key, result) as typeof result) || result;
    if (result) Object.defineProperty(target, key, result);
  }

  interface Decorated extends LitElement {
    theme: string;
    timeZone: string;
    dismissed: boolean;
    selected: string | null;
    plot: HTMLElement | null;
    cached: HTMLElement | null;
    renders: number;
  }

  let count = 0;
  /** An element class decorated like ReelTimeline, by the given decorators; returns its tag. */
  function define(decorators: typeof litDecoratorsShim): string {
    class Element extends LitElement {
      #selected: string | null = null;
      get selected() {
        return this.#selected;
      }
      set selected(value: string | null) {
        this.#selected = value;
      }
      override render() {
        (this as unknown as Decorated).renders = ((this as unknown as Decorated).renders ?? 0) + 1;
        return html`<p class="plot">${(this as unknown as Decorated).theme}</p>`;
      }
    }
    const { property, state, query } = decorators as unknown as Record<string, (...args: unknown[]) => () => unknown>;
    decorate([property!({ reflect: true })], Element.prototype, 'theme', undefined);
    decorate([property!({ attribute: 'time-zone' })], Element.prototype, 'timeZone', undefined);
    decorate([state!()], Element.prototype, 'dismissed', undefined);
    decorate([property!({ reflect: true })], Element.prototype, 'selected', null);
    decorate([query!('.plot')], Element.prototype, 'plot', undefined);
    decorate([query!('.plot', true)], Element.prototype, 'cached', undefined);
    const tag = `shim-decorated-${count++}`;
    customElements.define(tag, Element);
    return tag;
  }

  /** What an element decorated by `decorators` does, step by step. */
  async function observe(decorators: typeof litDecoratorsShim): Promise<unknown[]> {
    const tag = define(decorators);
    const seen: unknown[] = [[...(customElements.get(tag) as typeof LitElement).observedAttributes]];
    const element = document.createElement(tag) as Decorated;
    seen.push(element.plot, element.cached);
    element.setAttribute('theme', 'dark');
    element.setAttribute('time-zone', 'Europe/Paris');
    document.body.append(element);
    await element.updateComplete;
    const first = element.plot;
    seen.push(element.theme, element.timeZone, first?.textContent, element.cached === first, element.renders);
    element.theme = 'light';
    element.selected = 'e1';
    seen.push(element.isUpdatePending);
    await element.updateComplete;
    seen.push(element.getAttribute('theme'), element.getAttribute('selected'), element.renders);
    element.dismissed = true;
    seen.push(element.isUpdatePending, element.hasAttribute('dismissed'));
    await element.updateComplete;
    element.renderRoot.querySelector('.plot')!.remove();
    seen.push(element.plot, element.cached === first, element.renders);
    element.remove();
    return seen;
  }

  it('declares, reflects and updates properties, state and queries like Lit', async () => {
    const real = await observe(litDecoratorsReal as unknown as typeof litDecoratorsShim);
    const shimmed = await observe(litDecoratorsShim);
    expect(real).toEqual([
      ['theme', 'time-zone', 'selected'],
      null,
      null,
      'dark',
      'Europe/Paris',
      'dark',
      true,
      1,
      true,
      'light',
      'e1',
      2,
      true,
      false,
      null,
      true,
      3,
    ]);
    expect(shimmed).toEqual(real);
  });
});
