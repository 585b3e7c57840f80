/**
 * What every benchmark page shares: it generates the workload, hands it to one library through an
 * adapter and exposes `window.bench` for the driver (scripts/bench/driver.mjs) to call.
 *
 * An adapter is `{ name, create(container), prepare(workload), mount(container, input),
 * visibleRange(), wheelTarget() }`:
 * - `create` sets up what exists before data arrives (not timed);
 * - `prepare` turns the workload into the library's own input format (not timed);
 * - `mount` hands that input to the library and resolves when the library says it has drawn (timed);
 * - `visibleRange` returns the visible window as `{ from, to }` in ms;
 * - `wheelTarget` returns the element that takes wheel zoom (the harness zooms at the centre of the
 *   part of it that is visible in the container);
 * - `mountSrc(container, url)` (optional, reeltime only) hands the library the URL of a dataset file
 *   and resolves when it has parsed and drawn it, with `{ events, problems }` (counts) (timed).
 * - `pointerReady()` (optional) resolves when what the first pointer contact started has arrived
 *   (reeltime loads its d3-zoom chunk when a pointer first reaches the plot); called after the
 *   driver moves the mouse onto the plot and before it records the wheel steps (not timed).
 */
import { generateWorkload, workloadHash } from '../workload.mjs';

/** Resolves at the next animation frame. */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/**
 * Counts what is in a tree, descending into open shadow roots (recursively): `elements` (HTML and
 * SVG elements, the headline number, comparable with an element budget) and `nodes` (every node:
 * elements, text, comments such as Lit's part markers, the document and the shadow roots themselves).
 */
function countNodes(root) {
  let nodes = 0;
  let elements = 0;
  let shadowRoots = 0;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    nodes++;
    if (node.nodeType === Node.ELEMENT_NODE) {
      elements++;
      if (node.shadowRoot) {
        shadowRoots++;
        stack.push(node.shadowRoot);
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  return { elements, nodes, shadowRoots };
}

/** Installs `window.bench` for one library's adapter. */
export function installHarness(adapter) {
  const container = document.getElementById('container');
  let input;
  let recorder;

  window.bench = {
    name: adapter.name,

    /** Generates the workload and converts it for the library (both untimed). */
    async prepare(params) {
      const workload = generateWorkload(params);
      const hash = workloadHash(workload);
      await adapter.create(container);
      input = adapter.prepare(workload);
      return { hash, n: workload.n };
    },

    /** First render: from just before the data is handed over until the library has drawn, plus two frames. */
    async render() {
      const data = input;
      // The page keeps no reference to the input, so the heap measured later is what the library retains.
      input = undefined;
      const t0 = performance.now();
      await adapter.mount(container, data);
      await nextFrame();
      await nextFrame();
      return performance.now() - t0;
    },

    /** Sets up the empty view for a dataset that arrives as a file (untimed). */
    async prepareSrc() {
      if (!adapter.mountSrc) throw new Error(`${adapter.name} has no dataset-file (src) workload`);
      await adapter.create(container);
    },

    /**
     * First view of a dataset file: from handing over its URL (fetch, parse and draw all count) until
     * the library has drawn it, plus two frames. Recording starts in the same task, so every frame
     * and long task after the first view is in it, background work included.
     */
    async renderSrc(url) {
      const t0 = performance.now();
      const loaded = await adapter.mountSrc(container, url);
      await nextFrame();
      await nextFrame();
      const firstView = performance.now();
      this.startRecording();
      return { firstViewMs: firstView - t0, firstViewAt: firstView, ...loaded };
    },

    now: () => performance.now(),
    visibleRange: () => adapter.visibleRange(),
    /** Where to zoom: the centre of the wheel target's visible part (an element may be taller than the container). */
    wheelPoint() {
      const target = adapter.wheelTarget().getBoundingClientRect();
      const box = container.getBoundingClientRect();
      const left = Math.max(target.left, box.left);
      const right = Math.min(target.right, box.right);
      const top = Math.max(target.top, box.top);
      const bottom = Math.min(target.bottom, box.bottom);
      return { x: Math.round((left + right) / 2), y: Math.round((top + bottom) / 2) };
    },
    pointerReady: async () => {
      await adapter.pointerReady?.();
    },
    countNodes: () => countNodes(document),
    nextFrame,

    /** Starts recording frame times (a rAF loop) and long tasks. */
    startRecording() {
      const state = { frames: [], longTasks: [], longTaskStarts: [], running: true, t0: performance.now() };
      const loop = (time) => {
        state.frames.push(time);
        if (state.running) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      state.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          state.longTasks.push(entry.duration);
          state.longTaskStarts.push(entry.startTime);
        }
      });
      state.observer.observe({ type: 'longtask' });
      recorder = state;
    },

    /**
     * Stops recording; returns the intervals between frames and the long tasks seen (ms), with the
     * page-clock time of the first frame and of each long task's start (to place them in time).
     */
    stopRecording() {
      const state = recorder;
      state.running = false;
      for (const entry of state.observer.takeRecords()) {
        state.longTasks.push(entry.duration);
        state.longTaskStarts.push(entry.startTime);
      }
      state.observer.disconnect();
      const intervals = state.frames.slice(1).map((time, i) => time - state.frames[i]);
      return {
        intervals,
        longTasks: state.longTasks,
        longTaskStarts: state.longTaskStarts,
        firstFrame: state.frames[0],
        started: state.t0,
        elapsed: performance.now() - state.t0,
      };
    },
  };
}
