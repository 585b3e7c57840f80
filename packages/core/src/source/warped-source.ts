/**
 * A {@link TimelineSource} on a warped axis (the log "years ago" axis): the events are placed, and
 * dense ones counted, on the warped coordinate, where the view is linear, so rows, labels and
 * clusters are decided at the distances they are drawn at. Everything it hands out is on the time
 * coordinate again: the events themselves (not warped copies), dense regions' spans, the extent.
 *
 * @module
 */
import type { TimeCoord } from '../model/calendar.js';
import type { Dataset, TimelineEvent } from '../model/types.js';
import type { LayoutSpec } from '../layout/levels.js';
import { extentOf, type TimeWarp } from '../scale.js';
import { MemorySource, type MemorySourceOptions } from './memory-source.js';
import type { TimelineSource, ViewAnswer, ViewQuery } from './types.js';

export class WarpedSource implements TimelineSource {
  readonly dataset: Dataset;
  readonly extent: readonly [TimeCoord, TimeCoord] | undefined;
  readonly warp: TimeWarp;
  readonly #inner: MemorySource;
  readonly #events: ReadonlyMap<string, TimelineEvent>;

  constructor(dataset: Dataset, warp: TimeWarp, options?: MemorySourceOptions) {
    this.dataset = dataset;
    this.warp = warp;
    this.extent = extentOf(dataset.events);
    this.#events = new Map(dataset.events.map((event) => [event.id, event]));
    const events = dataset.events.map((event) => ({
      ...event,
      from: warp.forward(event.from),
      to: warp.forward(event.to),
    }));
    this.#inner = new MemorySource({ ...dataset, events }, options);
  }

  get size(): number {
    return this.#inner.size;
  }

  /** `from` and `to` on the time coordinate; `layout`'s levels are in warped units per pixel. */
  query(query: ViewQuery): ViewAnswer {
    const { forward, inverse } = this.warp;
    const answer = this.#inner.query({ ...query, from: forward(query.from), to: forward(query.to) });
    return {
      ...answer,
      from: query.from,
      to: query.to,
      items: answer.items.map((item) => ({ ...item, event: this.#original(item.event) })),
      regions: answer.regions.map((region) => ({ ...region, from: inverse(region.from), to: inverse(region.to) })),
    };
  }

  at(position: number): TimelineEvent | undefined {
    const event = this.#inner.at(position);
    return event && this.#original(event);
  }

  positionOf(id: string): number {
    return this.#inner.positionOf(id);
  }

  get(id: string): TimelineEvent | undefined {
    return this.#events.get(id);
  }

  subscribe(listener: () => void): () => void {
    return this.#inner.subscribe(listener);
  }

  /** Levels are of warped units per pixel (see {@link TimeWarp}). */
  revealLevel(position: number, layout: LayoutSpec, atMost: number, atLeast: number): number | undefined {
    return this.#inner.revealLevel(position, layout, atMost, atLeast);
  }

  #original(event: TimelineEvent): TimelineEvent {
    return this.#events.get(event.id) ?? event;
  }
}
