/**
 * A data source that answers with promises (as a database does): the element keeps drawing the
 * last answer under the new scale while the next one is on its way, shows that it is waiting,
 * aborts questions the view no longer asks, and draws the answer when it lands.
 */
import { MemorySource, parseDataset, type TimelineSource, type ViewAnswer, type ViewQuery } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import { mount } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

/** A memory source behind a gate: each answer waits until the test releases it. */
class GatedSource implements TimelineSource {
  readonly inner: MemorySource;
  readonly asked: { query: ViewQuery; release: () => void }[] = [];
  constructor(inner: MemorySource) {
    this.inner = inner;
  }
  get dataset() {
    return this.inner.dataset;
  }
  get size() {
    return this.inner.size;
  }
  get extent() {
    return this.inner.extent;
  }
  query(query: ViewQuery): Promise<ViewAnswer> {
    return new Promise((resolve) => {
      this.asked.push({ query, release: () => resolve(this.inner.query(query)) });
    });
  }
  at = (position: number) => this.inner.at(position);
  positionOf = (id: string) => this.inner.positionOf(id);
  get = (id: string) => this.inner.get(id);
  subscribe = (listener: () => void) => this.inner.subscribe(listener);
  revealLevel: TimelineSource['revealLevel'] = (...args) => this.inner.revealLevel(...args);
  /** Releases every question still waiting. */
  releaseAll(): void {
    for (const { release } of this.asked.splice(0)) release();
  }
}

function gated(): GatedSource {
  const { dataset } = parseDataset({
    title: 'Gated',
    lanes: [{ id: 'a', label: 'A' }],
    events: [
      { id: 'first', title: 'First', start: '2020-01-10', lane: 'a' },
      { id: 'middle', title: 'Middle', start: '2020-06-15', lane: 'a' },
      { id: 'last', title: 'Last', start: '2020-12-20', lane: 'a' },
    ],
  });
  return new GatedSource(new MemorySource(dataset));
}

const drawnIds = (el: ReelTimeline) =>
  [...el.shadowRoot!.querySelectorAll('[part~="event"]')].map((mark) => mark.getAttribute('data-id'));
const progress = (el: ReelTimeline) => el.shadowRoot!.querySelector('[part~="progress"]');

async function frames(el: ReelTimeline, count = 2): Promise<void> {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
  }
}

describe('<reel-timeline> with an asynchronous source', () => {
  it('draws an answer when it lands and shows that it is waiting until then', async () => {
    const source = gated();
    const el = await mount((timeline) => (timeline.source = source));
    expect(source.asked.length).toBeGreaterThan(0);
    expect(drawnIds(el)).toEqual([]);
    expect(progress(el)).not.toBeNull();
    expect(el.shadowRoot!.querySelector('svg[role="group"]')!.getAttribute('aria-busy')).toBe('true');

    source.releaseAll();
    await frames(el);
    expect(drawnIds(el).sort()).toEqual(['first', 'last', 'middle']);
    expect(progress(el)).toBeNull();
    expect(el.shadowRoot!.querySelector('svg[role="group"]')!.getAttribute('aria-busy')).toBe('false');
    expect(el.model.title).toBe('Gated');
  });

  it('keeps the last answer under the new range, aborts what the view no longer asks, then draws the newest', async () => {
    const source = gated();
    const el = await mount((timeline) => (timeline.source = source));
    source.releaseAll();
    await frames(el);
    const middle = () => el.shadowRoot!.querySelector('[part~="event"][data-id="middle"]')!;
    const xBefore = middle().getBoundingClientRect().x;

    // Two moves before any answer: the first question is aborted, the second one stays.
    el.visibleRange = { from: Date.UTC(2020, 3, 1), to: Date.UTC(2020, 9, 1) };
    await frames(el);
    el.visibleRange = { from: Date.UTC(2020, 4, 1), to: Date.UTC(2020, 7, 1) };
    await frames(el);
    const waiting = source.asked.filter(({ query }) => !query.signal?.aborted);
    expect(waiting).toHaveLength(1);
    expect(source.asked.length).toBeGreaterThan(waiting.length);
    expect(waiting[0]!.query.from).toBe(el.visibleRange.from);

    // Still drawn from the earlier answer, but where the new range puts it.
    expect(drawnIds(el)).toContain('middle');
    expect(middle().getBoundingClientRect().x).not.toBe(xBefore);
    expect(progress(el)).not.toBeNull();

    source.releaseAll();
    await frames(el);
    expect(progress(el)).toBeNull();
    // The narrow range answers the event in view, not the ones far outside it.
    expect(drawnIds(el)).toEqual(['middle']);
  });
});
