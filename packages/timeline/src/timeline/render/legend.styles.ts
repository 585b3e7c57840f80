import { css } from 'lit';

/**
 * Styles of the legend under the plot and of the marks it explains (soft edges, fuzz, the "?"
 * badge, the strike, planned; render/marks.ts), which load with it (render/legend.ts, a chunk,
 * when the data shows something other than exact days) and are adopted by the host's shadow root
 * on arrival. A server render, which draws them from the start, writes them with the element's own
 * (`preloaded.node.ts`). The `--_*` properties are the host's.
 */
export const legendStyles = css`
  /*
   * Honest dates: precision, approximation and status as three encodings (see render/encoding.ts),
   * explained by the legend. Colours are tokens (--reel-color-fuzz, --reel-color-badge…) so a palette can tune them.
   */
  .fade-gradient .from {
    stop-color: var(--_mark);
    stop-opacity: 0;
  }

  /* The tint of a bar (a label inside keeps text contrast), fading in over a coarse end. */
  .fade-gradient .to {
    stop-color: var(--_mark);
    stop-opacity: 0.22;
  }

  .fills .core {
    fill: var(--_mark);
    fill-opacity: 0.22;
  }

  /* The lane-coloured edge (the mark's 3:1) runs along the known part only: no hard end at a coarse date. */
  .fills .edge {
    fill: none;
    stroke: var(--_mark);
    stroke-width: 1.5;
  }

  /* A point known only to its period: a pale band with soft edges, no outline. */
  .event.period .fills {
    opacity: var(--_period-opacity);
  }

  .event .bar.soft {
    fill: transparent;
    stroke: transparent;
  }

  /* A point too narrow to show its period: pale, without an outline. */
  .event .point.soft {
    fill-opacity: 0.45;
    stroke: transparent;
  }

  .fuzz {
    fill: none;
    stroke: var(--reel-color-fuzz, var(--_mark));
    stroke-width: 2;
    stroke-dasharray: 0.1 3.5;
    stroke-linecap: round;
  }

  .event.planned .mark {
    fill: var(--_background);
    fill-opacity: 1;
    stroke: var(--_mark);
    stroke-dasharray: 4 2;
  }

  .event.planned .fills {
    opacity: 0.3;
  }

  .event.planned .bar.soft {
    fill: transparent;
  }

  .label.planned {
    font-style: italic;
  }

  .event.cancelled .mark,
  .event.cancelled .fills {
    fill-opacity: 0.2;
    opacity: 0.6;
  }

  .strike {
    stroke: var(--_text);
    stroke-width: 1.5;
  }

  .label.cancelled {
    text-decoration: line-through;
  }

  .badge circle {
    fill: var(--_badge);
    stroke: var(--_background);
    stroke-width: 1;
  }

  .badge text {
    fill: var(--_badge-text);
    font-size: 9px;
    font-weight: 700;
    text-anchor: middle;
  }

  .event:hover .bar.soft,
  .event[aria-pressed='true'] .bar.soft {
    stroke-dasharray: none;
  }

  .event:hover .mark.soft {
    stroke: var(--_mark);
  }

  .event[aria-pressed='true'] .mark.soft {
    stroke: var(--_selected);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 16px;
    padding: 6px 12px;
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 12px;
  }

  .legend ul {
    display: contents;
    list-style: none;
  }

  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    white-space: nowrap;
  }

  .legend-title {
    font-weight: 600;
  }

  /* The marks' styles in forced colours, after the rules above as the element's own are. */
  @media (forced-colors: active) {
    .fills .edge {
      stroke: CanvasText;
    }
    .event.planned .mark {
      fill: Canvas;
      fill-opacity: 1;
      stroke: CanvasText;
    }
    .event[aria-pressed='true'] .mark {
      stroke: Highlight;
    }
  }
`;
