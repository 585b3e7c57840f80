import { css } from 'lit';

/** Styles of `<reel-story>`: the timeline beside (or, when narrow, above) the narrative panel. */
export const storyStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_panel-width: var(--reel-story-panel-width, 20rem);
    --_muted: var(--reel-color-muted, light-dark(#57606a, #9ea7b3));
    --_border: var(--reel-color-border, light-dark(#d0d7de, #30363d));
    --_surface: var(--reel-color-surface, light-dark(#f6f8fa, #161b22));
    --_accent: var(--reel-color-accent, light-dark(#0969da, #58a6ff));
    --_focus: var(--reel-color-focus, light-dark(#0550ae, #79c0ff));
    color-scheme: light dark;
    /* Its own text colour, as the timeline's: inheriting the page's would be dark on the dark panel. */
    color: var(--reel-color-text, light-dark(#1f2328, #e6edf3));
    font-family: var(--reel-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--_panel-width);
    gap: 12px;
    align-items: start;
  }

  @container (max-width: 760px) {
    .base {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .panel {
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 12px 14px;
    background: var(--_surface);
    line-height: 1.45;
  }

  .story-title,
  .counter {
    margin: 0;
    color: var(--_muted);
    font-size: 12px;
  }

  .story-title {
    font-weight: 600;
  }

  h2 {
    margin: 4px 0 8px;
    font-size: 1.15rem;
  }

  .sources {
    margin-top: 8px;
    font-size: 12px;
  }

  .sources ul {
    margin: 4px 0 0;
    padding-inline-start: 18px;
  }

  .sources q {
    display: block;
    color: var(--_muted);
    font-style: italic;
  }

  a {
    color: var(--_accent);
  }

  .nav {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    margin-top: 12px;
  }

  button {
    font: inherit;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: light-dark(#ffffff, #0d1117);
    color: inherit;
    cursor: pointer;
  }

  button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: default;
  }

  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
