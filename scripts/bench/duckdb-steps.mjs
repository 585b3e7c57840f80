/**
 * The pan and zoom steps both DuckDB benches answer (scripts/bench/duckdb.mjs in Node and through
 * the server, scripts/bench/duckdb-wasm.mjs in the page), and how their latencies are summed up.
 */

/**
 * The windows of `steps` steps over the extent `[lo, hi]`: a third zooming in by 2 around a point
 * 37 % into the extent, a third panning by a third of the view, a third zooming out by 2.
 * @param {number} lo
 * @param {number} hi
 * @param {number} steps
 * @returns {[number, number][]}
 */
export function viewSteps(lo, hi, steps) {
  const windows = [];
  let from = lo;
  let to = hi;
  const centre = lo + (hi - lo) * 0.37;
  for (let i = 0; i < steps; i++) {
    const phase = Math.floor((i * 3) / steps);
    const span = to - from;
    if (phase === 0) [from, to] = [centre - span / 4, centre + span / 4];
    else if (phase === 1) [from, to] = [from + span / 3, to + span / 3];
    else [from, to] = [from - span / 2, to + span / 2];
    windows.push([from, to]);
  }
  return windows;
}

/**
 * p50, p95 and max of `latencies` (ms), rounded.
 * @param {number[]} latencies
 */
export function summarize(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50Ms: Math.round(pct(0.5)), p95Ms: Math.round(pct(0.95)), maxMs: Math.round(sorted.at(-1) ?? 0) };
}
