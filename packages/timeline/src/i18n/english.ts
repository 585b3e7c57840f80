/**
 * The whole English table: the entry's words and every part's. The type proves the pieces whole
 * (a word missing from both fails to compile). Exported as `ENGLISH_MESSAGES` by the npm build; the
 * single-file bundle leaves it out, so that the parts' words stay in the parts' chunks.
 *
 * @module
 */
import type { MessageTable } from './messages.js';
import { CONTACT_WORDS } from './contact-words.js';
import { ERAS_WORDS } from './eras-words.js';
import { ENGLISH } from './messages.js';
import {
  DETAILS_WORDS,
  KEYS_WORDS,
  LANE_WORDS,
  LEGEND_WORDS,
  NOTICE_WORDS,
  OVERVIEW_WORDS,
  SOURCES_VIEW_WORDS,
  SOURCES_WORDS,
  STORY_WORDS,
  TABLE_WORDS,
} from './part-words.js';

export const ENGLISH_MESSAGES: MessageTable = {
  ...ENGLISH,
  ...NOTICE_WORDS,
  ...DETAILS_WORDS,
  ...LANE_WORDS,
  ...SOURCES_WORDS,
  ...SOURCES_VIEW_WORDS,
  ...LEGEND_WORDS,
  ...STORY_WORDS,
  ...OVERVIEW_WORDS,
  ...KEYS_WORDS,
  ...TABLE_WORDS,
  ...ERAS_WORDS,
  ...CONTACT_WORDS,
};
