/**
 * A prepared database's overview: a small JSON file written beside it at prepare time
 * (`<file>.overview.json`, see `prepareFile`) from which the first view of the whole extent is
 * answered in JavaScript while DuckDB-WASM starts. DuckDB-WASM's own start and first query take
 * seconds (docs/decisions/duckdb-source.md, eighth round); the whole-extent view needs only a
 * few levels of the count table and a few events per lane and cell, which fit in a few hundred
 * kilobytes.
 *
 * It holds what the database's metadata says of the build (`built`, `source`: a reader can tell
 * it belongs to that database), the backend's {@link PreparedState} (size, extent, lanes…), the
 * count table's rows at its coarser levels, and a window sample: the first
 * {@link SAMPLE_PER_BIN} events in display order of each lane and cell of a power of 2 ms.
 *
 * {@link OverviewBackend} answers from it what it can, exactly as the database would, and hands
 * everything else to the database once attached. Pure TypeScript: no DuckDB here.
 *
 * @module
 */
import { bisect, type AbortSignalLike } from '@reeltime/core';
import { BIN_STEP, BINS_PER_BUCKET, binnedLevel, crossingRanges, lastBinBefore } from './bins.js';
import { cannotList, SqlSourceError } from './errors.js';
import type { PreparedMeta, PreparedSource } from './prepared.js';
import {
  checkCountsRequest,
  checkWindowRequest,
  type Backend,
  type CountsAnswer,
  type CountsRequest,
  type EventRow,
  type PageRequest,
  type SourceInfo,
  type WindowRequest,
} from './protocol.js';
import type { Overview } from './overview-file.js';
import { SAMPLE_PER_BIN } from './sample.js';

/** What attaching a prepared database gives: its backend and what its metadata says of its build. */
export interface AttachedPrepared {
  readonly backend: Backend;
  readonly meta: Pick<PreparedMeta, 'built' | 'source'>;
}

/**
 * A {@link Backend} answering from an {@link Overview} while the prepared database it was written
 * with attaches (`attached`), then from both:
 *
 * - `info()` at once, from the overview;
 * - `counts` of a view holding the whole extent whose count table level (as SqlBackend picks it) is
 *   one the overview kept, and `window` of a view holding the whole extent whose cells are whole
 *   runs of the sample's (a power-of-2 multiple of its cell, `from` a multiple of them) with at
 *   most {@link SAMPLE_PER_BIN} per cell: from the overview, the same rows as the database's
 *   (and cheaper, so even once it is ready);
 * - everything else (narrower views, records, pages) from the database once attached.
 *
 * A view whose count table level is finer than the overview's finest is asked of the database,
 * not answered from a coarser level: a coarser level's buckets differ from the database's (edges
 * moved by up to 1/8 of a bucket instead of 1/16), and the view would shift when the database
 * answered the next one.
 *
 * When the database fails to attach, or says it was built by another prepare than the overview
 * (a `bad-file` error: never a view mixing two files), every later call rejects with that error
 * (a {@link SqlSourceError}; any other error becomes one, `query-failed`, its cause kept), and
 * subscribers hear of it at once, so a view asks again and shows it.
 */
export class OverviewBackend implements Backend {
  readonly overview: Overview;
  /** The database's backend, once attached and checked against the overview. */
  readonly ready: Promise<Backend>;
  #failure: unknown;
  #failed = false;
  readonly #listeners = new Set<() => void>();

  /** `label` names the database in messages (its URL). */
  constructor(overview: Overview, attached: Promise<AttachedPrepared>, label = 'the prepared database') {
    this.overview = overview;
    this.ready = attached.then(
      ({ backend, meta }) => {
        const { built, source } = overview;
        if (meta.built !== built || !sameSource(meta.source, source))
          this.#fail(
            new SqlSourceError(
              'bad-file',
              `The overview of "${label}" was written by another prepare than the database (built ${built}, the ` +
                `database ${meta.built}): serve the two files of one prepare together`,
            ),
          );
        return backend;
      },
      (error: unknown) =>
        this.#fail(
          error instanceof SqlSourceError
            ? error
            : new SqlSourceError(
                'query-failed',
                `DuckDB could not open "${label}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
                { cause: error },
              ),
        ),
    );
    this.ready.catch(() => {});
  }

  #fail(error: unknown): never {
    this.#failure = error;
    this.#failed = true;
    for (const listener of [...this.#listeners]) listener();
    throw error;
  }

  /** Listens for the database failing (every later answer then rejects with its error). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #check(): void {
    if (this.#failed) throw this.#failure;
  }

  async info(): Promise<SourceInfo> {
    this.#check();
    return this.overview.state.info;
  }

  /** Whether {@link counts} answers `request` from the overview (without the database). */
  answersCounts(request: CountsRequest): boolean {
    const { state, countLevel } = this.overview;
    const { extent } = state.info;
    const w = (request.to - request.from) / request.buckets;
    return (
      !!extent &&
      request.from <= extent[0] &&
      request.to >= extent[1] &&
      state.binWidth > 0 &&
      state.binWidth * BINS_PER_BUCKET <= w &&
      binnedLevel(w, state.binWidth) >= countLevel
    );
  }

  /** Whether {@link window} answers `request` from the overview (without the database). */
  answersWindow(request: WindowRequest): boolean {
    const { cell, state } = this.overview;
    const { extent } = state.info;
    const ratio = request.cell / cell;
    return (
      !!extent &&
      cell > 0 &&
      request.from <= extent[0] &&
      request.to >= extent[1] &&
      request.perCell <= SAMPLE_PER_BIN &&
      ratio >= 1 &&
      Number.isInteger(Math.log2(ratio)) &&
      request.from % request.cell === 0 &&
      // `f − from` exact in doubles, as the database computes it: each of its cells is whole cells of the sample.
      extent[1] - request.from <= Number.MAX_SAFE_INTEGER
    );
  }

  async counts(request: CountsRequest): Promise<CountsAnswer> {
    this.#check();
    checkCountsRequest(request);
    if (!this.answersCounts(request)) return (await this.ready).counts(request);
    return this.#counts(request);
  }

  /**
   * What SqlBackend's counts give from the count table (bins.ts, `binnedCountsSql`), computed here
   * with the same arithmetic: each bin to the bucket holding its middle, the events crossing the
   * first and last buckets' outer edges from the running sums, rows of count 0 left out; the
   * total is the size (the view holds every event).
   */
  #counts(request: CountsRequest): CountsAnswer {
    const { from, to, buckets: n } = request;
    const { state, levels } = this.overview;
    const w = (to - from) / n;
    const level = binnedLevel(w, state.binWidth);
    const bin = state.binWidth * BIN_STEP ** level;
    const wanted = request.lanes ? new Set(request.lanes) : undefined;
    const rows = levels.get(level)!;
    const half = bin / 2;
    const perLane = new Map<number, { s: Float64Array; e: Float64Array }>();
    const [lo, hi] = span(rows.bin, Math.floor(from / bin) - 1, Math.floor(to / bin) + 1);
    for (let i = lo; i < hi; i++) {
      const li = rows.li[i]!;
      if (wanted && !wanted.has(li)) continue;
      const b = Math.floor((rows.bin[i]! * bin + half - from) / w);
      if (b < 0 || b >= n) continue;
      let lane = perLane.get(li);
      if (!lane) perLane.set(li, (lane = { s: new Float64Array(n), e: new Float64Array(n) }));
      lane.s[b]! += rows.s[i]!;
      lane.e[b]! += rows.e[i]!;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    for (const li of [...perLane.keys()].sort((a, b) => a - b)) {
      const { s, e } = perLane.get(li)!;
      for (let b = 0; b < n; b++) {
        if (s[b]) starts.push(li, b, s[b]!);
        if (e[b]) ends.push(li, b, e[b]!);
      }
    }
    // The events crossing each outer edge, per lane: kept as rows of their own, as the database's are.
    [from, from + n * w].forEach((x, kind) => {
      const sums = new Map<number, number>();
      for (const [lvl, first, last] of crossingRanges(lastBinBefore(x, bin), level)) {
        const at = levels.get(lvl)!;
        const [lo, hi] = span(at.bin, first, last);
        for (let i = lo; i < hi; i++) {
          const li = at.li[i]!;
          if (wanted && !wanted.has(li)) continue;
          sums.set(li, (sums.get(li) ?? 0) + (at.s[i]! - at.e[i]!));
        }
      }
      for (const li of [...sums.keys()].sort((a, b) => a - b)) {
        const count = sums.get(li)!;
        if (count !== 0) (kind === 0 ? starts : ends).push(li, kind * (n - 1), count);
      }
    });
    return { starts, ends, total: state.info.size };
  }

  async window(request: WindowRequest): Promise<EventRow[]> {
    this.#check();
    checkWindowRequest(request);
    if (!this.answersWindow(request)) return (await this.ready).window(request);
    // Every event touches the window; per lane and cell the first `perCell` in display order. The
    // request's cells are whole runs of the sample's, and the first n of a union are among the
    // first n of its parts: the sample's rows, in display order, hold them.
    const { from, cell, perCell, limit } = request;
    const wanted = request.lanes ? new Set(request.lanes) : undefined;
    const taken = new Map<number, Map<number, number>>();
    const rows: EventRow[] = [];
    for (const row of this.overview.rows) {
      if (rows.length >= limit) break;
      if (wanted && !wanted.has(row.li)) continue;
      let cells = taken.get(row.li);
      if (!cells) taken.set(row.li, (cells = new Map()));
      const c = Math.floor((row.from - from) / cell);
      const count = cells.get(c) ?? 0;
      if (count >= perCell) continue;
      cells.set(c, count + 1);
      rows.push(row);
    }
    return rows;
  }

  async byId(id: string): Promise<EventRow | null> {
    this.#check();
    return (await this.ready).byId(id);
  }

  async byPosition(position: number): Promise<EventRow | null> {
    this.#check();
    return (await this.ready).byPosition(position);
  }

  async page(request: PageRequest, options?: { readonly signal?: AbortSignalLike }): Promise<EventRow[]> {
    this.#check();
    const backend = await this.ready;
    if (!backend.page) throw cannotList();
    return backend.page(request, options);
  }
}

/** Whether two prepared sources name the same file as it was (name, size, modification time). */
function sameSource(a: PreparedSource | undefined, b: PreparedSource | undefined): boolean {
  return a?.name === b?.name && a?.size === b?.size && a?.mtime === b?.mtime;
}

/** The indices `[lo, hi)` of the sorted `values` within `[first, last]`. */
function span(values: Float64Array, first: number, last: number): [number, number] {
  return [bisect(values, first), bisect(values, last, true)];
}
