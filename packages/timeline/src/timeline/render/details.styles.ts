import { css } from 'lit';

/**
 * Styles of the details, out of the entry's stylesheet: they come with the details' chunk and are
 * adopted by the host's shadow root when it arrives (lazy.ts). The `--_*` properties are the
 * host's (timeline.styles.ts).
 */
export const styles = css`
  .details {
    padding: 10px 12px 12px;
    border-top: 1px solid var(--_border);
  }

  .details .heading {
    margin: 0 0 2px;
    font-size: 1.1em;
  }

  .details .when {
    margin: 0 0 8px;
    color: var(--_muted);
  }

  .details .status {
    display: inline-block;
    margin-inline-start: 6px;
    padding: 0 6px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 11px;
  }

  .details p {
    margin: 0 0 8px;
    max-width: 70ch;
  }

  .details dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0 0 8px;
  }

  .details dt {
    color: var(--_muted);
  }

  .details dd {
    margin: 0;
  }

  .details ol {
    margin: 4px 0 0;
    padding-inline-start: 20px;
  }

  .details li {
    margin-bottom: 6px;
  }

  .details blockquote {
    margin: 2px 0 0;
    padding-inline-start: 8px;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }

  .details .source-by {
    display: block;
    color: var(--_muted);
  }

  /* An event that cites nothing says so, in the place its sources would be. */
  .details .no-source {
    font-style: italic;
  }

  .details-head {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }

  .details-head > div {
    flex: 1;
  }

  /* The details take focus on a click in their text (so Escape closes them from there): no ring. */
  .details:focus {
    outline: none;
  }

  .details .formal {
    font-size: 0.9em;
  }

  /* A description given as HTML (TimelineJS3 text), sanitised: only the allowed elements remain. */
  .details .rich {
    max-width: 70ch;
    margin: 0 0 8px;
    overflow-wrap: anywhere;
  }

  .details .rich > :first-child {
    margin-top: 0;
  }

  .details .rich blockquote {
    margin: 0 0 8px;
  }

  .details .rich ul,
  .details .rich ol {
    margin: 0 0 8px;
    padding-inline-start: 20px;
  }

  .details .rich li {
    margin-bottom: 2px;
  }

  .details .media {
    max-width: min(100%, 560px);
    margin: 0 0 10px;
  }

  .details .media img {
    display: block;
    max-width: 100%;
    max-height: 320px;
    height: auto;
  }

  .details .media figcaption {
    margin-top: 4px;
    font-size: 0.9em;
  }

  .details .media .credit {
    color: var(--_muted);
  }

  .details .media iframe {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    border: 0;
  }

  .details .card {
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }

  .details .card p {
    margin: 0 0 6px;
  }

  .details .card-host {
    font-weight: 600;
  }

  .details .card-note {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .details .card button {
    margin-inline-end: 12px;
  }
`;
