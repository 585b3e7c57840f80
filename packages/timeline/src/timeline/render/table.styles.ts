import { css } from 'lit';

/**
 * Styles of the table view. Loaded with it, on first use, and adopted by the host's shadow root; the `--_*` properties
 * are the host's (timeline.styles.ts).
 */
export const tableStyles = css`
  .table-scroll {
    max-height: min(420px, 70vh);
    overflow: auto;
    overscroll-behavior: contain;
  }

  .table-scroll table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }

  .table-scroll caption {
    padding: 6px 12px;
    text-align: start;
    color: var(--_muted);
  }

  .table-scroll th,
  .table-scroll td {
    height: 32px;
    padding: 0 12px;
    text-align: start;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    border-bottom: 1px solid var(--_grid);
  }

  .table-scroll thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
    font-weight: 600;
  }

  .table-scroll th button.sort {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    padding: 0;
    border: 0;
    background: none;
    font-weight: inherit;
  }

  .table-scroll td button {
    max-width: 100%;
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-align: start;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .table-scroll td button:hover {
    text-decoration: underline;
  }

  .table-scroll tr.selected td {
    background: var(--_surface);
    font-weight: 600;
  }

  .table-scroll tr.spacer {
    border: 0;
  }

  /* A row still being read from the source (a database): its place kept, its height the same. */
  .table-scroll tr.loading td {
    color: var(--_muted);
    font-style: italic;
  }

  .table-pager {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: flex-end;
    padding: 6px 12px;
    border-top: 1px solid var(--_grid);
  }

  .table-pager span {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .table-pager button:disabled {
    color: var(--_muted);
    border-color: var(--_grid);
    cursor: default;
  }
`;
