/**
 * HTML from data (TimelineJS3's text) made safe to show: DOMPurify with an allow-list of
 * paragraphs, links, emphasis, quotes, lists and line breaks. Every other element is dropped and
 * its text kept (`<script>`, `<style>`, `<svg>`, `<math>` and the like lose their contents too);
 * every attribute but `href` is dropped; a link keeps its `href` only for http, https and mailto,
 * and opens in a new tab with `rel="noopener noreferrer"`. Its own chunk, loaded the first time
 * an event with HTML is shown: the entry bundle and the details of plain data never carry it.
 *
 * @module
 */
import DOMPurify, { type Config } from 'dompurify';

/** The elements kept. */
export const RICH_TAGS = ['p', 'a', 'em', 'strong', 'blockquote', 'cite', 'ul', 'ol', 'li', 'br'] as const;

const CONFIG: Config = {
  ALLOWED_TAGS: [...RICH_TAGS],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // Their contents are code, not words; DOMPurify's defaults drop them, and so do we for these.
  FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'title'],
};

/** An instance of our own: hooks on the page's DOMPurify (if it has one) are neither used nor changed. */
let purifier: ReturnType<typeof DOMPurify> | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    if (node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purifier;
}

const cache = new Map<string, string>();

/** `html` with only the allowed markup left, as HTML text (the same input gives the same string). */
export function sanitizeRichText(html: string): string {
  let clean = cache.get(html);
  if (clean === undefined) {
    clean = instance().sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
    if (cache.size > 200) cache.clear();
    cache.set(html, clean);
  }
  return clean;
}
