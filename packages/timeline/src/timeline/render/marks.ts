/**
 * Marks that say how well their dates are known (issue 16; see `encoding.ts`): soft edges over a
 * coarse date's period, dotted fuzz beyond an approximate one, a "?" badge, a strike, the hollow
 * planned mark, with their styles. Part of the legend's chunk: both are needed exactly when the
 * data shows something other than exact days, and the update that first draws such marks waits
 * for it (`DataController.marksAhead`), as for the eras. Marks of exact days are drawn by
 * `lanes.ts` alone.
 *
 * @module
 */
import type { TimelineEvent, TimePoint } from '@reeltime/core';
import { nothing, svg } from 'lit';
import { BAR_HEIGHT, MARK_SIZE } from '../geometry.js';
import type { RenderContext } from './context.js';
import type { MarkEncoding } from './encoding.js';
import { translate } from './lanes.js';

/**
 * The lane's fade gradients for soft (coarse-precision) edges. Defined inside the lane's group so
 * their stops take the lane's colour through CSS inheritance; ids are per lane and per shadow root.
 */
export function renderFades(lane: number) {
  return svg`<defs>
    <linearGradient id=${`reel-fade-in-${lane}`} class="fade-gradient"><stop offset="0" class="from"></stop><stop offset="1" class="to"></stop></linearGradient>
    <linearGradient id=${`reel-fade-out-${lane}`} class="fade-gradient"><stop offset="0" class="to"></stop><stop offset="1" class="from"></stop></linearGradient>
  </defs>`;
}

/** Pixel width of a date's period at the frame's scale. */
const periodWidth = (point: TimePoint, ctx: RenderContext) =>
  Math.abs(ctx.frame.scale(point.end) - ctx.frame.scale(point.start));

/** Space around the mark that fuzz reaches: half the period of the date it qualifies, 8–32 px. */
const fuzzLength = (point: TimePoint, ctx: RenderContext) => Math.min(32, Math.max(8, periodWidth(point, ctx) / 2));

/** A bar: solid when its ends are days; a coarse end fades over its period (at most a third of the bar). */
export function renderBar(
  event: TimelineEvent,
  encoding: MarkEncoding,
  width: number,
  lane: number,
  ctx: RenderContext,
) {
  const top = -BAR_HEIGHT / 2;
  const last = event.end ?? event.start;
  let fadeIn = 0;
  let fadeOut = 0;
  if (event.end === undefined && encoding.softStart) {
    // A point known only to its period: sometime within it, edges soft, no day singled out.
    fadeIn = fadeOut = Math.min(width / 4, 48);
  } else {
    if (encoding.softStart) fadeIn = Math.min(width / 3, periodWidth(event.start, ctx));
    if (encoding.softEnd) fadeOut = Math.min(width / 3, periodWidth(last, ctx));
  }
  const soft = fadeIn > 0 || fadeOut > 0;
  const fuzzY = BAR_HEIGHT / 2 + 1.5;
  const before = encoding.fuzzStart ? fuzzLength(event.start, ctx) : 0;
  const after = encoding.fuzzEnd ? fuzzLength(last, ctx) : 0;
  return svg`${
    soft
      ? svg`<g class="fills">
        ${fadeIn > 0 ? svg`<rect class="fade fade-in" x="0" y=${top} width=${fadeIn} height=${BAR_HEIGHT} fill=${`url(#reel-fade-in-${lane})`}></rect>` : nothing}
        <rect class="core" x=${fadeIn} y=${top} width=${Math.max(width - fadeIn - fadeOut, 0)} height=${BAR_HEIGHT}></rect>
        ${fadeOut > 0 ? svg`<rect class="fade fade-out" x=${width - fadeOut} y=${top} width=${fadeOut} height=${BAR_HEIGHT} fill=${`url(#reel-fade-out-${lane})`}></rect>` : nothing}
        <path class="edge" d=${`M${fadeIn} ${top + 0.5}H${width - fadeOut}M${fadeIn} ${-top - 0.5}H${width - fadeOut}`}></path>
      </g>`
      : nothing
  }<rect class=${`mark bar${soft ? ' soft' : ''}`} x="0" y=${top} width=${width} height=${BAR_HEIGHT} rx=${soft ? 0 : 3}></rect>${
    before ? svg`<path class="fuzz fuzz-start" d=${`M${-before} ${-fuzzY}H-2M${-before} ${fuzzY}H-2`}></path>` : nothing
  }${
    after
      ? svg`<path class="fuzz fuzz-end" d=${`M${width + 2} ${-fuzzY}H${width + after}M${width + 2} ${fuzzY}H${width + after}`}></path>`
      : nothing
  }${encoding.cancelled ? svg`<line class="strike" x1="-3" x2=${width + 3} y1="0" y2="0"></line>` : nothing}${
    encoding.uncertain ? renderBadge(width - 3, top) : nothing
  }`;
}

/** A point: a diamond; soft (pale, no outline) at a coarse precision, ringed by dots when approximate. */
export function renderPoint(encoding: MarkEncoding, soft: boolean) {
  const half = MARK_SIZE / 2;
  return svg`${encoding.fuzzStart || encoding.fuzzEnd ? svg`<circle class="fuzz fuzz-ring" r=${half + 3}></circle>` : nothing}<rect class=${`mark point${soft ? ' soft' : ''}`} x=${-half + 1} y=${-half + 1} width=${MARK_SIZE - 2} height=${MARK_SIZE - 2} rx="2" transform="rotate(45)"></rect>${
    encoding.cancelled ? svg`<line class="strike" x1=${-half - 2} x2=${half + 2} y1="0" y2="0"></line>` : nothing
  }${encoding.uncertain ? renderBadge(half - 2, -half) : nothing}`;
}

/** The "?" badge of an uncertain event, centred at `(x, y)`. */
function renderBadge(x: number, y: number) {
  return svg`<g class="badge" aria-hidden="true" transform=${translate(x, y)}><circle r="5.5"></circle><text y="3.2">?</text></g>`;
}
