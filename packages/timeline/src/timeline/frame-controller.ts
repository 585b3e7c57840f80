/**
 * Asks the data source for what to draw and keeps the frame: recomputed only when what it depends
 * on changed (range, size, band, data, a better answer), never on hover, focus or selection.
 *
 * A source may answer with a promise (a database). Then the view does not wait: the frame is drawn
 * at once from the last answer under the new scale (items, buckets and regions are positioned from
 * time, so they move with the view), the question goes out with an abort signal, and the host
 * updates when the answer lands. A question the view no longer asks is aborted.
 *
 * @module
 */
import {
  emptyAnswer,
  type DateWords,
  type Lane,
  type LayoutSpec,
  type TickUnit,
  type TimelineSource,
  type TimeScale,
  type ViewAnswer,
  type ViewQuery,
} from '@reeltime/core';
import type { ReactiveControllerHost } from 'lit';
import { computeFrame, type Frame, type FrameInput } from './frame.js';

/** What a frame depends on besides the source. */
export interface FrameRequest {
  readonly lanes: readonly Lane[];
  readonly scale: TimeScale;
  readonly width: number;
  readonly band: readonly [number, number] | undefined;
  readonly layout: LayoutSpec;
  readonly locale: string | undefined;
  /** Words for axis labels (quarters). */
  readonly words?: DateWords | undefined;
  /** Space above the lanes (the era names' rows). */
  readonly top?: number | undefined;
  /** The finest axis unit (the data's finest precision). */
  readonly minTickUnit?: TickUnit | undefined;
  /** Events to draw even when out of the band (focused, selected), by id, drawn or not. */
  readonly pinned: readonly string[];
  readonly tickMeasure: (label: string) => number;
  readonly yearMeasure?: ((label: string) => number) | undefined;
  /** The axis's ticks when it is not linear (`axisTicks` by default). */
  readonly ticks?: FrameInput['ticks'];
  /** Anything else the frame's look depends on (e.g. the font). */
  readonly style: string;
}

interface Pending {
  readonly controller: AbortController;
  readonly query: ViewQuery;
}

/** Answers kept for recent questions (a gesture revisits a few). */
const ANSWERS_KEPT = 8;

export class FrameController {
  /** The frame last computed. */
  frame: Frame | undefined;
  /** The last failure of an asynchronous answer, until an answer arrives. */
  error: unknown;
  readonly #host: ReactiveControllerHost;
  #source: TimelineSource | undefined;
  #unsubscribe: (() => void) | undefined;
  #version = 0;
  #key = '';
  /** The layout spec answers were placed with, and how many specs came before it. */
  #layout: LayoutSpec | undefined;
  #layouts = 0;
  #last: ViewAnswer | undefined;
  readonly #answers = new Map<string, ViewAnswer>();
  readonly #pending = new Map<string, Pending>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#source && !this.#unsubscribe) this.#listen(this.#source);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#abort(new Set());
  }

  /** Whether an asynchronous answer is on its way (the drawn frame is from an earlier one). */
  get pending(): boolean {
    return this.#pending.size > 0;
  }

  /** New data: forget answers, listen to the new source. */
  setSource(source: TimelineSource): void {
    this.#unsubscribe?.();
    this.#abort(new Set());
    this.#answers.clear();
    this.#last = undefined;
    this.frame = undefined;
    this.error = undefined;
    this.#source = source;
    this.#version++;
    this.#listen(source);
  }

  /** The frame for a request; the same object while nothing it depends on changed. */
  compute(request: FrameRequest): Frame | undefined {
    const source = this.#source;
    if (!source) return undefined;
    const [from, to] = request.scale.domain() as [number, number];
    // Pinned events already drawn do not change the frame: focusing or selecting one asks nothing.
    // They stay pinned in the request, so a new band (the page scrolled) keeps them drawn.
    // A new layout spec (new words to measure, a new font): answers placed with the old one are stale.
    if (request.layout !== this.#layout) {
      this.#layout = request.layout;
      this.#layouts++;
      this.#answers.clear();
    }
    const drawn = this.frame?.items;
    const missing = request.pinned.filter((id) => !drawn?.some((item) => item.event.id === id));
    const key = [
      from,
      to,
      request.width,
      // The range's start: 0, or the width when time flows right to left.
      request.scale.range()[0],
      request.band,
      this.#version,
      request.locale,
      request.words?.quarterShort,
      request.minTickUnit,
      request.top,
      missing,
      request.style,
      this.#layouts,
    ].join('|');
    if (this.frame && key === this.#key) return this.frame;
    this.#key = key;
    const asked = new Set<string>();
    const pixels = Math.max(1, Math.round(request.width));
    const frame = computeFrame({ ...request, source, last: this.#last }, (lanes) =>
      this.#answer(source, { from, to, pixels, lanes, layout: request.layout }, asked),
    );
    this.#abort(asked);
    this.#last = frame.answer;
    this.frame = frame;
    return frame;
  }

  /** The answer to a question: kept, synchronous, or (while a promise runs) the last one. */
  #answer(source: TimelineSource, query: ViewQuery, asked: Set<string>): ViewAnswer {
    const key = `${query.from}|${query.to}|${query.pixels}|${query.lanes?.join(',')}`;
    asked.add(key);
    const kept = this.#answers.get(key);
    if (kept) return kept;
    if (!this.#pending.has(key)) {
      const controller = new AbortController();
      const result = source.query({ ...query, signal: controller.signal });
      if (!isPromise(result)) return result;
      this.#pending.set(key, { controller, query });
      result.then(
        (answer) => this.#landed(key, controller, answer),
        (error: unknown) => this.#failed(key, controller, error),
      );
    }
    return this.#last ?? emptyAnswer(query, { exact: false });
  }

  #landed(key: string, controller: AbortController, answer: ViewAnswer): void {
    if (controller.signal.aborted) return;
    this.#pending.delete(key);
    if (this.#answers.size >= ANSWERS_KEPT) this.#answers.delete(this.#answers.keys().next().value!);
    this.#answers.set(key, answer);
    this.error = undefined;
    this.#version++;
    this.#host.requestUpdate();
  }

  #failed(key: string, controller: AbortController, error: unknown): void {
    if (controller.signal.aborted) return;
    this.#pending.delete(key);
    this.error = error;
    this.#host.requestUpdate();
  }

  /** Aborts the questions not asked for the current frame. */
  #abort(asked: ReadonlySet<string>): void {
    for (const [key, pending] of this.#pending) {
      if (asked.has(key)) continue;
      pending.controller.abort();
      this.#pending.delete(key);
    }
  }

  #listen(source: TimelineSource): void {
    this.#unsubscribe = source.subscribe(() => {
      // Better answers exist (a finer level finished, data arrived): ask again.
      this.#answers.clear();
      this.#version++;
      this.#host.requestUpdate();
    });
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}
