import { css } from 'lit';

/**
 * Styles of the sources view. Loaded with it, on first use, and adopted by the host's shadow root;
 * the `--_*` properties are the host's (timeline.styles.ts).
 */
export const sourcesViewStyles = css`
  .sources-view {
    max-height: min(560px, 80vh);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 4px 12px 12px;
    border-top: 1px solid var(--_border);
  }

  .sources-view:focus {
    outline: none;
  }

  .sources-view:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .sources-view ol,
  .sources-view ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .sources-view .cited {
    padding: 10px 0;
    border-bottom: 1px solid var(--_grid);
  }

  .sources-view .heading {
    margin: 0;
    font-size: 1em;
  }

  .sources-view p {
    margin: 2px 0;
  }

  .sources-view .source-by,
  .sources-view .supports,
  .sources-view .when,
  .sources-view .several,
  .sources-view .more {
    color: var(--_muted);
  }

  .sources-view .supported li {
    margin: 6px 0 0;
    padding-inline-start: 12px;
  }

  .sources-view .reveal {
    font-weight: 600;
  }

  .sources-view .when,
  .sources-view .several {
    margin-inline-start: 8px;
  }

  .sources-view blockquote {
    margin: 2px 0 0;
    padding-inline-start: 8px;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
    max-width: 70ch;
  }

  /* Events that cite nothing: flagged in words (and a mark), not by colour alone. */
  .sources-view .unsourced {
    padding: 10px 0;
  }

  .sources-view .no-source {
    font-style: italic;
  }

  .sources-view .no-source::before {
    content: '⚠ ';
    font-style: normal;
  }
`;
