/**
 * @gravity-ui/timeline's benchmark page: its framework-free `Timeline` class on a canvas (React is not
 * needed). The library leaves track assignment to the caller and draws an event without `to` as a bar
 * to the end of the view, so the page (untimed) gives each lane three tracks, assigns them round-robin,
 * and draws single-day events as at-least-2px marks with one shared renderer.
 */
import { AbstractEventRenderer, Timeline } from '@gravity-ui/timeline';
import { INK } from '../ink.mjs';
import { dayToMs, eventId, workloadExtent } from '../workload.mjs';
import { installHarness } from './harness.mjs';

const TRACKS_PER_LANE = 3;
const TRACK_HEIGHT = 22; // 8 lanes × 3 tracks × 22 px fit under the 41 px ruler in 600 px
const BAR_HEIGHT = 14;

/** The default renderer's rectangle, at least 2 px wide so single-day events stay visible. */
class MarkRenderer extends AbstractEventRenderer {
  render(ctx, event, _isSelected, x0, x1, y, h) {
    ctx.beginPath();
    ctx.fillStyle = event.color;
    ctx.rect(x0, y - h / 2, Math.max(x1 - x0, 2), h);
    ctx.fill();
  }

  getHitbox(_event, x0, x1) {
    this.hitboxResult.left = x0;
    this.hitboxResult.right = Math.max(x1, x0 + 2);
    return this.hitboxResult;
  }
}

let canvas;
let timeline;

installHarness({
  name: 'gravity',

  async create(container) {
    canvas = document.createElement('canvas');
    canvas.style.cssText = 'display:block;width:100%;height:100%';
    container.append(canvas);
  },

  prepare(workload) {
    const axes = workload.lanes.map((lane, i) => ({
      id: lane.id,
      tracksCount: TRACKS_PER_LANE,
      top: i * TRACKS_PER_LANE * TRACK_HEIGHT,
      height: BAR_HEIGHT,
    }));
    const renderer = new MarkRenderer();
    const nextTrack = new Array(workload.lanes.length).fill(0);
    const events = new Array(workload.n);
    for (let i = 0; i < workload.n; i++) {
      const lane = workload.lane[i];
      const from = dayToMs(workload.start[i]);
      events[i] = {
        id: eventId(i),
        from,
        to: workload.end[i] >= 0 ? dayToMs(workload.end[i]) : from,
        axisId: workload.lanes[lane].id,
        trackIndex: nextTrack[lane]++ % TRACKS_PER_LANE,
        color: INK,
        renderer,
      };
    }
    const { from, to } = workloadExtent(workload);
    return { start: from, end: to, axes, events };
  },

  async mount(_container, { start, end, axes, events }) {
    timeline = new Timeline({
      settings: { start, end, axes, events, markers: [], sections: [] },
      viewConfiguration: { axes: { trackHeight: TRACK_HEIGHT, lineHeight: TRACK_HEIGHT } },
    });
    // init() lays out, indexes and draws synchronously.
    timeline.init(canvas);
  },

  visibleRange() {
    const { start, end } = timeline.api.getInterval();
    return { from: start, to: end };
  },

  wheelTarget: () => canvas,
});
