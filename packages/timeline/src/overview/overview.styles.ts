import { css } from 'lit';

/** Styles of `<reel-overview>`; its tokens default as the timeline's do. */
export const overviewStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --_text: var(--reel-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--reel-color-muted, light-dark(#57606a, #9ea7b3));
    --_surface: var(--reel-color-surface, light-dark(#f6f8fa, #161b22));
    --_border: var(--reel-color-border, light-dark(#d0d7de, #30363d));
    --_accent: var(--reel-color-accent, light-dark(#0969da, #58a6ff));
    --_focus: var(--reel-color-focus, light-dark(#0550ae, #79c0ff));
  }

  .strip {
    position: relative;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
    outline: none;
  }

  .strip:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_focus);
  }

  svg {
    display: block;
    width: 100%;
  }

  .density {
    fill: var(--_muted);
    fill-opacity: 0.55;
  }

  /* d3-brush draws these inside the empty <g class="brush">; CSS wins over its presentation attributes. */
  .brush .selection {
    fill: var(--_accent);
    fill-opacity: 0.18;
    stroke: var(--_accent);
    stroke-width: 1.5;
  }

  .brush .handle {
    fill: var(--_accent);
    fill-opacity: 0.6;
  }

  .help {
    display: none;
  }

  @media (forced-colors: active) {
    .brush .selection,
    .brush .handle {
      stroke: Highlight;
    }
  }
`;
