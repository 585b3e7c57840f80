/**
 * The notice listing problems in the data: what is not shown and why, dismissible.
 *
 * @module
 */
import type { Problem } from '@reeltime/core';
import { html, nothing } from 'lit';

export function renderNotice(problems: readonly Problem[], dismissed: boolean, onDismiss: () => void) {
  if (!problems.length || dismissed) return nothing;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const summary =
    `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the data` +
    (errors ? `; ${errors} ${errors === 1 ? 'item is' : 'items are'} not shown.` : '; everything is shown.');
  const shown = problems.slice(0, 5);
  return html`<div class="notice" part="notice" role="status">
    <div>
      <strong>${summary}</strong>
      <ul>
        ${shown.map((problem) => html`<li>${problem.message}</li>`)}
        ${problems.length > shown.length ? html`<li>…and ${problems.length - shown.length} more (see the problems property).</li>` : nothing}
      </ul>
    </div>
    <button type="button" @click=${onDismiss}>Dismiss</button>
  </div>`;
}
