/**
 * The first-contact chunk: what the element needs only once a reader reaches the plot (a pointer
 * over it, focus in it, a key, a wheel that scrolled the page): the keyboard map's actions, the
 * tooltip and the wheel hint, with their styles, and where focus goes when a view is shown or the
 * details or the keyboard map close (explore-actions.ts). Loaded by `Interaction` on that first contact, as
 * d3-zoom is (zoom-controller.ts); a key pressed before it arrives is kept and replayed then.
 * A server render never draws any of it.
 *
 * @module
 */
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { InteractionHost } from './interaction.js';
import { keyboardTarget } from './key-actions.js';
import { handleTimelineKey, type KeyboardTarget } from './keyboard.js';

export { focusPosition, restoreFocus } from './key-actions.js';
export { afterExploreUpdate, detailsClosed, keysClosed } from './explore-actions.js';
export { renderTooltip } from './render/tooltip.js';
export { contactStyles as styles } from './render/contact.styles.js';
export { CONTACT_WORDS as words } from '../i18n/contact-words.js';

const targets = new WeakMap<InteractionHost, KeyboardTarget>();

/** Handles a key on `host`'s plot; returns whether it was used (the caller prevents its default). */
export function handleKey(host: InteractionHost, key: string): boolean {
  let target = targets.get(host);
  if (!target) targets.set(host, (target = keyboardTarget(host)));
  return handleTimelineKey(key, target);
}

/** The brief hint that a plain wheel scrolled the page: for pointer users, so hidden from the accessibility tree. */
export function renderWheelHint(msg: Messages): TemplateResult {
  const text = msg.text(zoomModifierIsMeta() ? 'wheelHintMac' : 'wheelHint');
  return html`<div class="wheel-hint" part="wheel-hint" aria-hidden="true">${text}</div>`;
}

/** The modifier that zooms with the wheel on this platform, as shown in the hint. */
export function zoomModifierIsMeta(): boolean {
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad/i.test(platform ?? '');
}
