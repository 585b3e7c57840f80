import { css } from 'lit';

/**
 * Styles of the legend under the plot, which load with it (render/legend.ts, a chunk, on first need) and are adopted
 * by the host's shadow root on arrival. A server render, which draws it from the start, writes
 * them with the element's own (`preloaded.node.ts`). The `--_*` properties are the host's.
 */
export const legendStyles = css`
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

  .legend .strike {
    stroke: var(--_text);
    stroke-width: 1.5;
  }
`;
