/**
 * The legend under the plot: explains how dates are drawn, listing only the encodings present in
 * the data (an exact day, a period, fuzz, planned, uncertain, cancelled). Each entry shows a small
 * sample mark drawn with the same classes as the real ones, so a theme styles both alike. The
 * marks themselves (`marks.ts`) come with it: both are needed exactly when the data shows more
 * than exact days.
 *
 * @module
 */
import { html, nothing, svg } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import type { Encoding } from './encoding.js';

export { LEGEND_WORDS as words } from '../../i18n/part-words.js';
export { legendStyles as styles } from './legend.styles.js';
export { renderBar, renderFades, renderPoint } from './marks.js';

const W = 40;
const H = 10;

/** A sample mark for one encoding, in the lane-1 colour. */
function sample(encoding: Encoding) {
  const y = -H / 2;
  const bar = (classes: string) =>
    svg`<rect class=${`mark bar ${classes}`} x="4" y=${y} width=${W - 8} height=${H} rx="2"></rect>`;
  switch (encoding) {
    case 'exact':
      return svg`<g class="event">${bar('')}</g>`;
    case 'period':
      return svg`<g class="event soft period"><g class="fills">
        <rect class="fade" x="4" y=${y} width="8" height=${H} fill="url(#reel-legend-fade-in)"></rect>
        <rect class="core" x="12" y=${y} width="16" height=${H}></rect>
        <rect class="fade" x="28" y=${y} width="8" height=${H} fill="url(#reel-legend-fade-out)"></rect>
      </g></g>`;
    case 'approximate':
      return svg`<g class="event fuzzy">${bar('')}
        <path class="fuzz" d=${`M-6 ${-H / 2 - 1.5}H2M-6 ${H / 2 + 1.5}H2M${W - 2} ${-H / 2 - 1.5}H${W + 5}M${W - 2} ${H / 2 + 1.5}H${W + 5}`}></path>
      </g>`;
    case 'planned':
      return svg`<g class="event planned">${bar('')}</g>`;
    case 'uncertain':
      return svg`<g class="event unsure">${bar('')}<g class="badge" transform=${`translate(${W - 7} ${y})`}><circle r="5.5"></circle><text y="3.2">?</text></g></g>`;
    case 'cancelled':
      return svg`<g class="event cancelled">${bar('')}<line class="strike" x1="1" x2=${W - 1} y1="0" y2="0"></line></g>`;
  }
}

const KEYS = {
  exact: 'legendExact',
  period: 'legendPeriod',
  approximate: 'legendApproximate',
  planned: 'legendPlanned',
  uncertain: 'legendUncertain',
  cancelled: 'legendCancelled',
} as const;

/**
 * The legend for `encodings`; nothing when the data shows only exact days (nothing to explain).
 * The sample marks are decoration (`aria-hidden`); each entry's words are the explanation.
 */
export function renderLegend(encodings: readonly Encoding[], msg: Messages) {
  if (!encodings.some((encoding) => encoding !== 'exact')) return nothing;
  return html`<div class="legend" part="legend">
    <span class="legend-title" id="legend-title">${msg.text('legend')}</span>
    <ul aria-labelledby="legend-title">
      ${encodings.map(
        (encoding) =>
          html`<li data-encoding=${encoding}>
            <svg class="lane lane-1" width=${W + 12} height="18" viewBox=${`-6 -9 ${W + 12} 18`} aria-hidden="true">
              ${
                encoding === 'period'
                  ? svg`<defs>
                      <linearGradient id="reel-legend-fade-in" class="fade-gradient"><stop offset="0" class="from"></stop><stop offset="1" class="to"></stop></linearGradient>
                      <linearGradient id="reel-legend-fade-out" class="fade-gradient"><stop offset="0" class="to"></stop><stop offset="1" class="from"></stop></linearGradient>
                    </defs>`
                  : nothing
              }
              ${sample(encoding)}
            </svg>
            <span>${msg.text(KEYS[encoding])}</span>
          </li>`,
      )}
    </ul>
  </div>`;
}
