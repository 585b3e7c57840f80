import { css } from 'lit';

/**
 * Styles of the tooltip and the wheel hint. Loaded with the first-contact chunk (contact.ts) and
 * adopted by the host's shadow root: neither shows before a reader reaches the plot, and a server
 * render never draws them. The `--_*` properties are the host's (timeline.styles.ts).
 */
export const contactStyles = css`
  .tooltip {
    position: absolute;
    z-index: 1;
    max-width: min(320px, 80%);
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    pointer-events: none;
    font-size: 12px;
  }

  .tooltip strong {
    display: block;
  }

  .tooltip span {
    color: var(--_muted);
  }

  /* Gestures: the hint that Ctrl/⌘ + wheel zooms, over the plot for a moment. */
  .wheel-hint {
    position: absolute;
    top: 48px;
    left: 50%;
    transform: translateX(-50%);
    z-index: 3;
    padding: 8px 14px;
    border-radius: var(--reel-radius, 6px);
    background: var(--_text);
    color: var(--_background);
    pointer-events: none;
  }
`;
