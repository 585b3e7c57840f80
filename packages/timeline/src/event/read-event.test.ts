/**
 * `<reel-event>` children read before their definition arrives, as in the single-file bundle, which
 * defines the tag from a chunk (docs/decisions/bundle-size.md, the thirteenth round). This file
 * registers `<reel-timeline>` alone, and `<reel-event>` only part-way through.
 */
import { describe, expect, it } from 'vitest';
import { ReelTimeline } from '../timeline/timeline.js';
import { readEventElement } from './read-event.js';

if (!customElements.get('reel-timeline')) customElements.define('reel-timeline', ReelTimeline);

/** An element not upgraded (its document has no custom element registry), given properties. */
function scripted(): HTMLElement {
  const element = document.implementation.createHTMLDocument('').createElement('reel-event');
  Object.assign(element, { eventId: 'scripted', start: ' 2022-05-04 ', tags: 'a, b' });
  element.setAttribute('lane', 'Product');
  element.setAttribute('start', '1999');
  element.innerHTML = '<strong>Scripted</strong>';
  return element;
}

describe('readEventElement', () => {
  it('reads the properties a script gave an element before its definition, over its attributes', () => {
    expect(readEventElement(scripted(), 0)).toEqual({
      id: 'scripted',
      title: 'Scripted',
      start: '2022-05-04',
      lane: 'Product',
      tags: ['a', 'b'],
    });
  });
});

describe('<reel-timeline> with <reel-event> children defined later', () => {
  it('draws every child in its first view, properties included, and the same once they are defined', async () => {
    const el = document.createElement('reel-timeline');
    el.setAttribute('lang', 'en-US');
    el.style.width = '800px';
    el.innerHTML = '<reel-event event-id="founded" start="2019-03-01"><strong>Founded</strong></reel-event>';
    el.append(document.adoptNode(scripted()));
    document.body.append(el);
    expect(customElements.get('reel-event')).toBeUndefined();
    await el.updateComplete;
    const read = () => el.model.events.map((event) => [event.id, event.start.input, event.lane]);
    const first = read();
    expect(first.map(([id]) => id)).toEqual(['founded', 'scripted']);
    expect(first[1]).toEqual(['scripted', '2022-05-04', 'Product']);
    await expect.poll(() => el.shadowRoot!.querySelectorAll('[part~="event"]').length).toBe(2);
    // The definition arrives: the children upgrade and reflect their properties to attributes,
    // which the timeline observes and reads again, to the same events.
    await import('../define/reel-event.js');
    await customElements.whenDefined('reel-event');
    const child = el.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('reel-event:last-child')!;
    await child.updateComplete;
    expect(child.getAttribute('start')).toBe(' 2022-05-04 ');
    await el.updateComplete;
    expect(read()).toEqual(first);
    el.remove();
  });
});
