/**
 * A warm-up for a database the page has just attached: a few views asked in the background, while
 * the page is idle, so that the user's first zoom does not pay for what every first question pays.
 * In DuckDB-WASM that is much (10M events by HTTP ranges: a first zoom of 1.2 s, against 80–100 ms
 * once warm): the wasm runs its scan, join and aggregate code once before V8 compiles it optimised;
 * each statement is parsed and planned once (the engine keeps it prepared); and the pages of the
 * tables every wide view reads (the count and sample tables, the lane names) are fetched once, by
 * range requests made one after another from DuckDB's worker.
 *
 * The views are the whole extent, then views zoomed in about its middle and its quarters, each
 * asked as the element asks (a window and its counts, from a source of its own, so nothing the
 * element holds changes), the answers left unplaced.
 *
 * @module
 */
import type { Backend } from './protocol.js';
import { SqlSource } from './source.js';

/** How far in each warm-up view is zoomed, as a fraction of the extent: 1/4, 1/32, 1/256. */
export const WARM_ZOOMS: readonly number[] = [4, 32, 256];

/** Where the zoomed warm-up views are centred, as a fraction of the extent. */
export const WARM_CENTRES: readonly number[] = [0.5, 0.25, 0.75];

/**
 * The views a warm-up asks over `extent`: the whole of it, then {@link WARM_ZOOMS} about each of
 * {@link WARM_CENTRES} (10 views). One pass about the middle alone (4 views) left a second visit's
 * first steps over a local copy at p95 157–237 ms; more runs of the same code leave fewer of
 * DuckDB-WASM's functions to be compiled optimised during the user's first zooms.
 */
export function warmViews(extent: readonly [number, number]): [number, number][] {
  const [lo, hi] = extent;
  const span = hi - lo;
  const views: [number, number][] = [[lo, hi]];
  for (const centre of WARM_CENTRES)
    for (const zoom of WARM_ZOOMS) {
      const middle = lo + span * centre;
      views.push([middle - span / zoom / 2, middle + span / zoom / 2]);
    }
  return views;
}

/** Options for {@link warmUp}. */
export interface WarmUpOptions {
  /** The views' width in pixels (default 1024): it picks the sample level, as the element's width does. */
  readonly pixels?: number;
  /** Stops before the next view once aborted. */
  readonly signal?: { readonly aborted: boolean };
}

/**
 * Asks `backend` the {@link warmViews} of its extent, one after another, and resolves with how
 * many it asked (0 for an empty source). Each view's questions are those the element's source asks
 * ({@link SqlSource.questions}: the same statements, so they are prepared and kept, and the same
 * pages read); the answers are not placed, only the database's work is kept. Placed, as they were
 * at first, their parse and placement were tasks of 50–70 ms on the page's main thread while the
 * user looked at the first view (10M events, the warm-up after a local copy's switch).
 */
export async function warmUp(backend: Backend, options: WarmUpOptions = {}): Promise<number> {
  const source = await SqlSource.open(backend, { debounce: 0 });
  const extent = source.extent;
  if (!extent || source.size === 0) return 0;
  let asked = 0;
  for (const [from, to] of warmViews(extent)) {
    if (options.signal?.aborted) break;
    const questions = source.questions({ from, to, pixels: options.pixels ?? 1024 });
    if (questions) await Promise.all([backend.window(questions.window), backend.counts(questions.counts)]);
    asked++;
  }
  return asked;
}
