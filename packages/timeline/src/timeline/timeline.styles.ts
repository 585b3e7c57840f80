import { css } from 'lit';

/**
 * Styles of `<reel-timeline>`. Public `--reel-*` tokens map onto private `--_*` properties, each
 * with a light and a dark default chosen through `light-dark()` and the host's `color-scheme`
 * (the page's `prefers-color-scheme`, or the `theme` attribute).
 */
export const timelineStyles = css`
  :host {
    display: block;
    position: relative;
    color-scheme: light dark;
    container-type: inline-size;
    --_font: var(--reel-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--reel-font-size, 13px);
    --_text: var(--reel-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--reel-color-muted, light-dark(#57606a, #9ea7b3));
    --_background: var(--reel-color-background, light-dark(#ffffff, #0d1117));
    --_surface: var(--reel-color-surface, light-dark(#f6f8fa, #161b22));
    --_border: var(--reel-color-border, light-dark(#d0d7de, #30363d));
    --_grid: var(--reel-color-grid, light-dark(#eaeef2, #21262d));
    --_accent: var(--reel-color-accent, light-dark(#0969da, #58a6ff));
    --_selected: var(--reel-color-selected, light-dark(#bf3989, #f778ba));
    --_focus: var(--reel-color-focus, light-dark(#0550ae, #79c0ff));
    --_era: var(--reel-color-era, light-dark(#fff8c5, #2d2a12));
    --_era-text: var(--reel-color-era-text, light-dark(#6a5300, #e3b341));
    --_marker: var(--reel-color-marker, light-dark(#cf222e, #ff7b72));
    --_warning: var(--reel-color-warning, light-dark(#fff8c5, #3b2e08));
    --_lane-1: var(--reel-color-lane-1, light-dark(#0078bc, #5f9bcb));
    --_lane-2: var(--reel-color-lane-2, light-dark(#85530d, #f1a844));
    --_lane-3: var(--reel-color-lane-3, light-dark(#166b44, #c0f3d2));
    --_lane-4: var(--reel-color-lane-4, light-dark(#560c3a, #ba6491));
    --_lane-5: var(--reel-color-lane-5, light-dark(#b6765c, #e26324));
    --_lane-6: var(--reel-color-lane-6, light-dark(#596e81, #7ed9ff));
    --_lane-7: var(--reel-color-lane-7, light-dark(#877d03, #f7eb94));
    --_lane-8: var(--reel-color-lane-8, light-dark(#5b5c5d, #b7b7b7));
    --_radius: var(--reel-radius, 6px);
    --_badge: var(--reel-color-badge, light-dark(#9a6700, #d29922));
    --_badge-text: var(--reel-color-badge-text, light-dark(#ffffff, #0d1117));
    --_period-opacity: var(--reel-period-opacity, 0.55);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  * {
    box-sizing: border-box;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 12px;
    border-bottom: 1px solid var(--_border);
  }

  /* The zoom buttons wrap as one group, never one by one. */
  .zoom {
    display: flex;
    gap: 8px;
  }

  .title {
    flex: 1 1 14em;
    margin: 0;
    font-size: 1.05em;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  /* The title is data: its own text sets its direction (an English title on an Arabic page is cut
     at its end, not its start), aligned with the page's start. */
  .base[dir='rtl'] .title {
    text-align: right;
  }

  .range {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 4px;
    min-width: 28px;
    min-height: 28px;
    padding: 2px 8px;
    cursor: pointer;
  }

  button:hover {
    border-color: var(--_accent);
  }

  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }

  /* clip, not hidden: hidden would make .plot a scroll container and stop the axis sticking. */
  /* <reel-event> children shown as written, before the timeline reads them (a server render). */
  .children {
    display: grid;
    gap: 6px;
    padding: 8px 12px;
  }
  .children[hidden] {
    display: none;
  }
  .plot {
    position: relative;
    overflow: clip;
    cursor: grab;
    user-select: none;
    /* Vertical swipes scroll the page; horizontal ones and pinches are the timeline's (gesture-controller.ts). */
    touch-action: pan-y;
  }

  .plot:active {
    cursor: grabbing;
  }

  /* The axis stays in view while the page scrolls past a plot taller than the window, over the
     marks and over a tooltip (z-index 1) whose mark has scrolled under it. */
  .axis {
    position: sticky;
    top: 0;
    z-index: 2;
  }

  .body {
    position: relative;
  }

  svg {
    display: block;
    width: 100%;
    font-family: var(--_font);
  }

  /* A lane's density strip (STRIP_HEIGHT in geometry.ts). */
  canvas {
    position: absolute;
    left: 0;
    width: 100%;
    height: 16px;
    pointer-events: none;
  }

  .axis-band {
    fill: var(--_surface);
  }

  .axis text {
    fill: var(--_muted);
    font-size: 11px;
    font-variant-numeric: tabular-nums;
  }

  .axis .major text {
    fill: var(--_text);
    font-weight: 600;
    font-size: 12px;
  }

  .axis .ticks,
  .grid .ticks {
    fill: none;
    stroke: var(--_grid);
    shape-rendering: crispEdges;
  }

  .axis .major .ticks {
    stroke: var(--_border);
  }

  .lane-band {
    fill: transparent;
  }

  .lane-band.odd {
    fill: var(--_surface);
    fill-opacity: 0.6;
  }

  .lane-label {
    fill: var(--_muted);
    font-size: 11px;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  /* Marker lines and their labels never take a click meant for the event under them. */
  .marker {
    pointer-events: none;
  }

  .marker line {
    pointer-events: none;
    stroke: var(--_marker);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }

  .marker text {
    fill: var(--_marker);
    font-size: 11px;
    font-weight: 600;
  }

  /* The dataset's named markers: solid, in the muted text colour, beside the dashed "today". */
  .marker.data line {
    stroke: var(--reel-color-marker-named, var(--_muted));
    stroke-dasharray: none;
    stroke-width: 1;
  }

  .marker.data text {
    fill: var(--reel-color-marker-named, var(--_muted));
  }

  /* Each lane's marks and density strip take its colour. */
  .lane {
    --_mark: var(--_lane-1);
  }

  .lane-2 {
    --_mark: var(--_lane-2);
  }

  .lane-3 {
    --_mark: var(--_lane-3);
  }

  .lane-4 {
    --_mark: var(--_lane-4);
  }

  .lane-5 {
    --_mark: var(--_lane-5);
  }

  .lane-6 {
    --_mark: var(--_lane-6);
  }

  .lane-7 {
    --_mark: var(--_lane-7);
  }

  .lane-8 {
    --_mark: var(--_lane-8);
  }

  .event {
    cursor: pointer;
    outline: none;
  }

  /* A lane's colour as a resolved value, for the density canvas to read. */
  .lane {
    color: var(--_mark);
  }

  .region {
    fill: transparent;
    cursor: zoom-in;
    outline: none;
  }

  .region:hover {
    stroke: var(--_mark);
    stroke-width: 1;
  }

  .region:focus-visible {
    stroke: var(--_focus);
    stroke-width: 2;
  }

  .event .mark {
    fill: var(--_mark);
    stroke: var(--_mark);
    stroke-width: 1.5;
  }

  /* A tint with a lane-coloured edge: the edge is the mark (3:1 or more against the lane), the
     tint keeps a label inside the bar at text contrast in either theme, selected or not. */
  .event .bar {
    fill-opacity: 0.22;
  }

  .label {
    fill: var(--_text);
    font-size: 12px;
    cursor: pointer;
  }

  .event:hover .mark {
    stroke-width: 2.5;
  }

  .event[aria-pressed='true'] .mark {
    stroke: var(--_selected);
    stroke-width: 3;
  }

  /* Not bold: the label was measured (and placed) at its normal width, and a wider one would run
     through its own mark or past the edge. Underlined instead. */
  .label.selected {
    fill: var(--_selected);
    text-decoration: underline;
  }

  /* Inside its bar the selected label keeps the text colour: the bar's edge shows the selection. */
  .label.inside.selected {
    fill: var(--_text);
  }

  /* One ring, drawn around the focused event; shown for keyboard focus only. */
  .focus-ring {
    fill: none;
    stroke: none;
    pointer-events: none;
  }

  svg:has(.event:focus-visible) .focus-ring {
    stroke: var(--_focus);
    stroke-width: 2;
  }

  .empty {
    position: absolute;
    inset: 44px 0 0;
    display: grid;
    place-items: center;
    color: var(--_muted);
    pointer-events: none;
  }

  /* An answer from an asynchronous source is on its way: the last view stays, a bar runs under the axis. */
  .progress {
    position: absolute;
    top: 42px;
    left: 0;
    width: 100%;
    height: 2px;
    background: linear-gradient(90deg, transparent, var(--_accent), transparent) 0 0 / 40% 100% no-repeat;
    animation: reel-progress 1.2s linear infinite;
    pointer-events: none;
  }

  @keyframes reel-progress {
    from {
      background-position: -40% 0;
    }
    to {
      background-position: 140% 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .progress {
      animation: none;
      background: var(--_accent);
      opacity: 0.5;
    }
  }

  a {
    color: var(--_accent);
  }

  @media (prefers-reduced-motion: no-preference) {
    .event .mark {
      transition: stroke-width 120ms ease;
    }
  }

  /* No motion at all when the reader asks for less (the zoom itself is instantaneous). */
  @media (prefers-reduced-motion: reduce) {
    *,
    .progress {
      transition: none;
      animation: none;
    }
  }

  /* Forced colours: system colours for every mark, label and ring; selection in Highlight. */
  @media (forced-colors: active) {
    /* The reader's palette wins over the page's theme: system colours in the reader's scheme. */
    :host([theme]) {
      color-scheme: light dark;
    }
    .event .mark {
      fill: Canvas;
      fill-opacity: 1;
      stroke: CanvasText;
    }
    .event .point {
      fill: CanvasText;
    }
    .label,
    .label.inside.selected,
    .lane-label,
    .axis text,
    .axis .major text,
    .marker text {
      fill: CanvasText;
    }
    .axis-band,
    .lane-band.odd {
      fill: Canvas;
    }
    .axis .ticks,
    .grid .ticks,
    .axis .major .ticks {
      stroke: GrayText;
    }
    .marker line {
      stroke: CanvasText;
    }
    .event[aria-pressed='true'] .mark {
      stroke: Highlight;
    }
    .label.selected {
      fill: Highlight;
    }
    svg:has(.event:focus-visible) .focus-ring,
    .region:focus-visible {
      stroke: Highlight;
    }
  }

  /* --- Exploring (issue 13): live region, view toggle, plot and details focus. The table's and the
     keyboard map's styles load with them (render/table.styles.ts, render/keys.styles.ts). --- */

  .live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .explore {
    display: flex;
    gap: 0;
  }

  .explore button:first-child {
    border-radius: 4px 0 0 4px;
  }

  .explore button:not(:first-child) {
    margin-left: -1px;
  }

  .explore button:not(:first-child, :last-child) {
    border-radius: 0;
  }

  .explore button:last-child {
    border-radius: 0 4px 4px 0;
  }

  button[aria-pressed='true'] {
    background: var(--_background);
    border-color: var(--_accent);
    font-weight: 600;
  }

  /* The drawing takes focus only when focus has nowhere better to go (never by Tab or a click's
     leftovers): a ring for keyboard focus, none after a click. */
  .body > svg:focus {
    outline: none;
  }

  .body > svg:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
`;
