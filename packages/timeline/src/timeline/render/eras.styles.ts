import { css } from 'lit';

/**
 * Styles of the era bands, which load with them (render/eras.ts, a chunk, on first need) and are adopted
 * by the host's shadow root on arrival. A server render, which draws them from the start, writes
 * them with the element's own (`preloaded.node.ts`). The `--_*` properties are the host's.
 */
export const erasStyles = css`
  .era .era-band {
    fill: var(--_era);
    fill-opacity: 0.45;
  }

  .era .era-tab {
    fill: var(--_era);
    stroke: var(--_era-text);
    stroke-opacity: 0.35;
    stroke-width: 1;
  }

  .era text {
    fill: var(--_era-text);
    font-size: 11px;
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .era text {
      fill: CanvasText;
    }
    .era rect {
      fill: Canvas;
    }
  }
`;
