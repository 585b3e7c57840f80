/**
 * Which words an element speaks: the table registered for its locale's language (built-in tables
 * load on first use, each as its own chunk, so a page pays only for the languages it shows), with
 * the element's `strings` on top. A reactive controller: when a language arrives it asks the host
 * to update, and `ready` lets `updateComplete` wait for it.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ENGLISH_TABLE, mergeMessages, Messages, type MessageTable, type PartialMessages } from './messages.js';

const registered = new Map<string, PartialMessages>([['en', {}]]);

/**
 * Languages shipped with the elements, loaded when an element first needs one. Keys are BCP 47
 * language subtags.
 */
const BUILT_IN: Record<string, () => Promise<{ default: PartialMessages }>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  ja: () => import('./locales/ja.js'),
  ar: () => import('./locales/ar.js'),
};

/** The languages shipped with the elements (BCP 47 language subtags). */
export const BUILT_IN_LANGUAGES: readonly string[] = Object.keys(BUILT_IN);

/** A built-in language's own table (without English under it), for tests and tools. */
export async function builtInMessages(language: string): Promise<PartialMessages | undefined> {
  return (await BUILT_IN[language]?.())?.default;
}

/** Bumped by every registration, so elements pick up words registered after they first rendered. */
let version = 0;

/**
 * Registers the words for a language (`"de"`) or a locale (`"de-CH"`, preferred over its
 * language). Entries left out fall back to the language's, then to English.
 */
export function registerMessages(locale: string, messages: PartialMessages): void {
  registered.set(locale.toLowerCase(), messages);
  tables.clear();
  version++;
}

const tables = new Map<string, MessageTable>();

/** The table for `locale` from what is registered (language, then the exact locale over it). */
function tableFor(locale: string): MessageTable {
  const key = locale.toLowerCase();
  let table = tables.get(key);
  if (!table) {
    const language = key.split('-')[0]!;
    table = mergeMessages(
      mergeMessages(ENGLISH_TABLE, registered.get(language)),
      key === language ? undefined : registered.get(key),
    );
    tables.set(key, table);
  }
  return table;
}

const loading = new Map<string, Promise<void>>();

/** Loads a built-in language unless it is registered; resolves when it is (or cannot be). */
function ensureLanguage(language: string): Promise<void> | undefined {
  if (registered.has(language) || !BUILT_IN[language]) return undefined;
  let pending = loading.get(language);
  if (!pending) {
    pending = BUILT_IN[language]!()
      .then((module) => {
        if (!registered.has(language)) registerMessages(language, module.default);
      })
      .catch(() => {
        // A chunk that fails to load leaves the language in English; nothing else depends on it.
        registerMessages(language, {});
      });
    loading.set(language, pending);
  }
  return pending;
}

/** The canonical form of a locale, or undefined when it is not a valid BCP 47 tag. */
export function canonicalLocale(locale: string | undefined | null): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** An element's words: its locale's table with its own `strings` on top. */
export class MessagesController implements ReactiveController {
  /** Settles when the language in use has loaded (at once when it is built in or registered). */
  ready: Promise<void> = Promise.resolve();
  readonly #host: ReactiveControllerHost;
  #key = '';
  #messages: Messages = new Messages(ENGLISH_TABLE, 'en');

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The words for `locale` (a valid tag, or undefined for the runtime's) with `strings` on top. */
  for(locale: string | undefined, strings: PartialMessages | undefined): Messages {
    const language = (locale ?? (typeof navigator === 'object' ? navigator.language : 'en'))
      .toLowerCase()
      .split('-')[0]!;
    const pending = ensureLanguage(language);
    if (pending) {
      this.ready = pending.then(() => this.#host.requestUpdate());
    }
    const key = `${locale ?? ''}|${version}`;
    if (key !== this.#key || strings !== this.#strings) {
      this.#key = key;
      this.#strings = strings;
      const table = tableFor(locale ?? language);
      this.#messages = new Messages(mergeMessages(table, strings), locale);
    }
    return this.#messages;
  }

  #strings: PartialMessages | undefined;
}
