/**
 * The keyboard map: a modal `<dialog>` listing every key the plot handles, opened with `?` or the
 * header's button. Escape (the dialog's own cancel) and its close button close it; the host gives
 * focus back to what opened it.
 *
 * @module
 */
import { html } from 'lit';
import { KEYBOARD_ROWS, type Messages } from '../../i18n/messages.js';
import type { Explore } from '../explore.js';
import { heading, type HeadingLevel } from './heading.js';

export { keysStyles as styles } from './keys.styles.js';
export { KEYS_WORDS as words } from '../../i18n/part-words.js';

export function renderKeyboardMap(msg: Messages, level: HeadingLevel, explore: Explore) {
  const { keyboard } = msg.table;
  // Closed (Escape or the button): focus goes back to what opened it.
  const onClose = () => {
    explore.setKeysOpen(false);
    void explore.interaction.whenContact((m) => m.keysClosed(explore));
  };
  return html`<dialog class="keys" part="keyboard-map" aria-labelledby="keys-title" @close=${onClose}>
    <div class="dialog-head">
      ${heading(level, msg.text('keyboardMap'), 'keys-title')}
      <button type="button" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>
        ${msg.text('keyboardMapClose')}
      </button>
    </div>
    <dl>
      ${KEYBOARD_ROWS.map(
        (row) =>
          html`<dt>${keyboard[row].keys.map((key, i) => html`${i ? ' ' : ''}<kbd>${key}</kbd>`)}</dt>
            <dd>${keyboard[row].action}</dd>`,
      )}
    </dl>
  </dialog>`;
}
