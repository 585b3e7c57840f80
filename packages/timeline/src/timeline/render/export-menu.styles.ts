import { css } from 'lit';

/** Styles of the export toolbar (render/export-menu.ts), adopted when its chunk arrives. */
export const exportMenuStyles = css`
  .export {
    display: flex;
    align-items: center;
    gap: 8px;
  }

  .export-caret::after {
    content: '';
    display: inline-block;
    margin-inline-start: 6px;
    border: 4px solid transparent;
    border-top-color: currentColor;
    border-bottom: 0;
    vertical-align: middle;
  }

  /* Forced colours would paint the transparent sides too (a box, not a caret). */
  @media (forced-colors: active) {
    .export-caret::after {
      forced-color-adjust: none;
      border-top-color: ButtonText;
    }
  }

  .export-button[aria-expanded='true'] {
    border-color: var(--_accent);
  }

  .export-menu {
    position: absolute;
    inset: auto;
    margin: 0;
    padding: 4px;
    min-width: 10em;
    flex-direction: column;
    gap: 4px;
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
  }

  .export-menu:popover-open {
    display: flex;
  }

  .export-menu button {
    text-align: start;
    white-space: nowrap;
  }

  .export-failure {
    padding: 2px 8px;
    background: var(--_warning);
    border-radius: 4px;
  }
`;
