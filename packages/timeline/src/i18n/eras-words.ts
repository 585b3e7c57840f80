/**
 * The eras' English words (`render/eras.ts`), in the eras' chunk: a module of its own, not a table
 * in `part-words.ts`, whose chunk the eras' does not load (it would be fetched after the eras' own,
 * and the first view of data with eras waits for them).
 *
 * @module
 */
import type { MessageTable } from './messages.js';

export const ERAS_WORDS = {
  eraName: 'Era: {title}, {dates}',
} satisfies Partial<MessageTable>;
