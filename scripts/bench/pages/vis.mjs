/**
 * vis-timeline's benchmark page: the "peer" ESM build (the one meant for bundlers), its stylesheet,
 * default options except the fixed size, the axis on top (as in the other two), no current-time line
 * and the initial window set to the data's extent. Without `start`/`end`, vis-timeline first shows a
 * window around today, reports its initial draw complete, and draws the fitted window only later.
 * Items are handed over as a plain array, so building vis-timeline's DataSet is part of the timed render.
 */
import { Timeline } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { INK } from '../ink.mjs';
import { dayToMs, eventId, eventTitle, workloadExtent } from '../workload.mjs';
import { installHarness } from './harness.mjs';

let timeline;
let host;

installHarness({
  name: 'vis',

  async create(container) {
    host = container;
    // Items (box, line, dot, range) in the ink the screenshot check counts.
    const style = document.createElement('style');
    style.textContent = `.vis-item, .vis-item.vis-line, .vis-item.vis-dot { border-color: ${INK}; }
      .vis-item.vis-box, .vis-item.vis-range, .vis-item.vis-dot { background-color: ${INK}; }`;
    document.head.append(style);
  },

  prepare(workload) {
    const groups = workload.lanes.map((lane) => ({ id: lane.id, content: lane.label }));
    const items = new Array(workload.n);
    for (let i = 0; i < workload.n; i++) {
      const item = {
        id: eventId(i),
        group: workload.lanes[workload.lane[i]].id,
        content: eventTitle(i),
        start: dayToMs(workload.start[i]),
      };
      if (workload.end[i] >= 0) item.end = dayToMs(workload.end[i]);
      items[i] = item;
    }
    return { items, groups, extent: workloadExtent(workload) };
  },

  // vis-timeline keeps its root `visibility: hidden` until its initial draw is complete, and says so
  // through onInitialDrawComplete: that is when the first view becomes visible. (With `start`/`end` it
  // waits for its 200 ms-debounced "rangechanged" and the redraw after it; the time includes that wait,
  // as the user sees it.)
  mount(container, { items, groups, extent }) {
    return new Promise((resolve) => {
      timeline = new Timeline(container, items, groups, {
        width: '100%',
        height: '600px',
        orientation: 'top',
        showCurrentTime: false,
        start: extent.from,
        end: extent.to,
        onInitialDrawComplete: () => resolve(undefined),
      });
    });
  },

  visibleRange() {
    const { start, end } = timeline.getWindow();
    return { from: start.valueOf(), to: end.valueOf() };
  },

  wheelTarget: () => host,
});
