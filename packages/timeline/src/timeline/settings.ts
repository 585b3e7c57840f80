/**
 * The element's own settings checked (issue 14): a misspelt `time-zone` ("Europe/Pariss") or a
 * `locale` the browser does not know used to fall back in silence (or throw while drawing an
 * instant). Now the element draws in the fallback and says so: a warning in the notice and
 * `problems`, naming the attribute and the value, which fires `reel-invalid`.
 *
 * @module
 */
import type { Problem } from '@reeltime/core';
import { canonicalLocale } from '../i18n/locales.js';
import type { Messages } from '../i18n/messages.js';

/** The zone to draw instants in, and the problems found in the settings. */
export type Settings = readonly [zone: string, problems: readonly Problem[]];

function warning(field: string, message: string): Problem {
  return { severity: 'warning', message, path: [], pointer: '', field };
}

/**
 * Checks `time-zone` and `locale`. `resolved` is the locale the element uses (the attribute when
 * valid, else the page's language); its name in the browser's terms goes into the message.
 */
export function checkSettings(timeZone: string, locale: string, resolved: string | undefined, msg: Messages): Settings {
  const problems: Problem[] = [];
  let zone = timeZone || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    zone = 'UTC';
    problems.push(warning('time-zone', msg.text('badTimeZone', { value: timeZone })));
  }
  const canonical = canonicalLocale(locale);
  if (locale && (!canonical || !Intl.DateTimeFormat.supportedLocalesOf(canonical).length)) {
    const fallback = new Intl.DateTimeFormat(resolved).resolvedOptions().locale;
    problems.push(warning('locale', msg.text('badLocale', { value: locale, fallback })));
  }
  return [zone, problems];
}
