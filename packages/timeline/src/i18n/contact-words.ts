/**
 * The first-contact chunk's English words (`timeline/contact.ts`: the wheel hint), in that chunk: a
 * module of its own, not a table in `part-words.ts`, whose chunk the first contact does not load.
 *
 * @module
 */
import type { MessageTable } from './messages.js';

export const CONTACT_WORDS = {
  wheelHint: 'Use Ctrl + scroll to zoom',
  wheelHintMac: 'Use ⌘ + scroll to zoom',
} satisfies Partial<MessageTable>;
