/**
 * The notice listing problems in the data: what is not shown and why, dismissible.
 *
 * @module
 */
import type { Problem } from '@reeltime/core';
import { html, nothing } from 'lit';
import type { Messages } from '../../i18n/messages.js';

export function renderNotice(problems: readonly Problem[], dismissed: boolean, onDismiss: () => void, msg: Messages) {
  if (!problems.length || dismissed) return nothing;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const summary = `${msg.count('problems', problems.length)}; ${errors ? msg.count('notShown', errors) : msg.text('allShown')}`;
  const shown = problems.slice(0, 5);
  return html`<div class="notice" part="notice" role="status">
    <div>
      <strong>${summary}</strong>
      <ul>
        ${shown.map((problem) => html`<li>${problem.message}</li>`)}
        ${problems.length > shown.length ? html`<li>${msg.text('moreProblems', { count: msg.number(problems.length - shown.length) })}</li>` : nothing}
      </ul>
    </div>
    <button type="button" @click=${onDismiss}>${msg.text('dismiss')}</button>
  </div>`;
}
