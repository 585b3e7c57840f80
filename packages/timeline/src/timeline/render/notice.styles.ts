import { css } from 'lit';

/**
 * Styles of the problems notice, which load with it (render/notice.ts, a chunk, on first need) and are adopted
 * by the host's shadow root on arrival. A server render, which draws it from the start, writes
 * them with the element's own (`preloaded.node.ts`). The `--_*` properties are the host's.
 */
export const noticeStyles = css`
  .notice {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    padding: 8px 12px;
    background: var(--_warning);
    border-bottom: 1px solid var(--_border);
  }

  .notice > div {
    flex: 1;
    min-width: 0;
  }

  .notice ul {
    margin: 4px 0 0;
    padding-inline-start: 20px;
    overflow-wrap: anywhere;
  }
`;
