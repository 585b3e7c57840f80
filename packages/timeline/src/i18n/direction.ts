/**
 * Which way an element's text and time run: right to left under `dir="rtl"` (on the element or an
 * ancestor) or in a right-to-left language (`ar`, `he`, `fa`…). A reactive controller: a change of
 * `dir` or `lang` on the element or the document root asks the host to update.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Languages and scripts written right to left, for engines without `Intl.Locale#getTextInfo`. */
const RTL = /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb|syr|arab|hebr|thaa|syrc|nkoo|adlm)$/;

interface TextInfoLocale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/** Whether a (valid) locale's script is written right to left. */
export function isRtlLocale(locale: string): boolean {
  try {
    const tag = new Intl.Locale(locale);
    const info = (tag as unknown as TextInfoLocale).getTextInfo?.() ?? (tag as unknown as TextInfoLocale).textInfo;
    if (info?.direction) return info.direction === 'rtl';
    return RTL.test(tag.script?.toLowerCase() ?? tag.language);
  } catch {
    return false;
  }
}

/**
 * The direction for an element: its own `dir`, else its `locale` property's script, else the
 * nearest ancestor's `dir`, else the language in force (`lang`). `dir="auto"` counts as unset.
 */
export function isRtl(element: Element, locale: string | undefined, explicitLocale: boolean): boolean {
  const own = element.getAttribute('dir')?.toLowerCase();
  if (own === 'rtl' || own === 'ltr') return own === 'rtl';
  if (explicitLocale && locale) return isRtlLocale(locale);
  // `closest` is absent under server rendering's DOM shim.
  const dir = typeof element.closest === 'function' ? element.closest('[dir="rtl" i], [dir="ltr" i]') : null;
  if (dir) return dir.getAttribute('dir')!.toLowerCase() === 'rtl';
  return locale ? isRtlLocale(locale) : false;
}

/** Asks the host to update when `dir` or `lang` changes on it or on the document root. */
export class DirectionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof MutationObserver === 'undefined') return;
    this.#observer ??= new MutationObserver(() => this.#host.requestUpdate());
    const options = { attributes: true, attributeFilter: ['dir', 'lang'] };
    this.#observer.observe(this.#host, options);
    const root = this.#host.ownerDocument?.documentElement;
    if (root && (root as Element) !== this.#host) this.#observer.observe(root, options);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  /** Whether the host is right to left now (see {@link isRtl}). */
  rtl(locale: string | undefined, explicitLocale: boolean): boolean {
    return isRtl(this.#host, locale, explicitLocale);
  }
}

/**
 * Text from data inside a right-to-left chart, isolated (U+2068…U+2069) so that its own first
 * letters set its direction: an English label shortened in an Arabic chart reads "Speed fly…",
 * not "…Speed fly". Unchanged left to right.
 */
export function isolated(text: string, rtl: boolean): string {
  return rtl && text ? `\u2068${text}\u2069` : text;
}
