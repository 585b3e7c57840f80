import { css } from 'lit';

/**
 * Styles of the keyboard map. Loaded with it, on first use, and adopted by the host's shadow root; the `--_*` properties
 * are the host's (timeline.styles.ts).
 */
export const keysStyles = css`
  dialog.keys {
    max-width: min(36em, calc(100% - 32px));
    padding: 12px 16px;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  dialog.keys::backdrop {
    background: rgb(0 0 0 / 0.3);
  }

  .dialog-head {
    display: flex;
    gap: 12px;
    align-items: center;
    justify-content: space-between;
  }

  .dialog-head .heading {
    margin: 0;
    font-size: 1.1em;
  }

  dialog.keys dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 16px;
    margin: 12px 0 0;
  }

  dialog.keys dt {
    white-space: nowrap;
  }

  dialog.keys dd {
    margin: 0;
  }

  kbd {
    display: inline-block;
    min-width: 1.6em;
    padding: 0 4px;
    font: inherit;
    text-align: center;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 3px;
  }
`;
