/**
 * Bundle only (a Vite plugin in `vite.bundle.config.ts`; see docs/decisions/bundle-size.md): the
 * whitespace inside Lit's ``html`…` `` and ``svg`…` `` templates, written for people (newlines and
 * indentation between tags and attributes), made as short as the rendering allows.
 *
 * Only what cannot change the page is touched: every run of HTML whitespace in text and between
 * attributes becomes a single space. Outside `white-space: pre*` (no rule sets it; no `<pre>` or
 * `<textarea>`), a run of spaces, tabs and newlines renders exactly as one space, also between
 * inline elements, so a space that separates two words or two inline elements stays. Quoted
 * attribute values, comments and templates with raw-text elements are left as written.
 *
 * @module
 */
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** Elements whose content is not parsed as markup, or where whitespace is kept: left alone. */
const RAW = /<(?:pre|textarea|script|style|title)\b/i;

/**
 * The static parts of one template (`strings`, in order), with their whitespace collapsed. The
 * parser state (text, inside a tag, inside a quoted value, inside a comment) carries from one part
 * to the next, across the expressions between them.
 */
export function minifyTemplate(parts: readonly string[]): string[] {
  if (parts.some((part) => RAW.test(part))) return [...parts];
  let state: 'text' | 'tag' | 'comment' | '"' | "'" = 'text';
  return parts.map((part) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const rest = part.slice(i);
      if (state === 'comment') {
        const end = rest.indexOf('-->');
        const take = end < 0 ? rest.length : end + 3;
        out += rest.slice(0, take);
        if (end >= 0) state = 'text';
        i += take;
        continue;
      }
      if (state === '"' || state === "'") {
        const end = rest.indexOf(state);
        const take = end < 0 ? rest.length : end + 1;
        out += rest.slice(0, take);
        if (end >= 0) state = 'tag';
        i += take;
        continue;
      }
      // HTML whitespace, not `\s`: that also matches U+00A0 and other spaces that do render.
      const space = /^[ \t\n\f\r]+/.exec(rest);
      if (space) {
        out += ' ';
        i += space[0].length;
        continue;
      }
      const char = part[i]!;
      if (state === 'text' && rest.startsWith('<!--')) {
        state = 'comment';
        out += '<!--';
        i += 4;
        continue;
      }
      if (state === 'text' && /^<[a-zA-Z/]/.test(rest)) state = 'tag';
      else if (state === 'tag' && char === '>') state = 'text';
      else if (state === 'tag' && (char === '"' || char === "'")) state = char;
      out += char;
      i++;
    }
    return out;
  });
}

interface Quasi {
  start: number;
  end: number;
  value: { raw: string };
}
interface Node {
  type: string;
  [key: string]: unknown;
}

/** Every `html`/`svg` tagged template in a module's AST: the source ranges of its static parts. */
function* templates(node: unknown): Generator<Quasi[]> {
  if (Array.isArray(node)) {
    for (const child of node) yield* templates(child);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  const n = node as Node;
  const tag = n['tag'] as Node | undefined;
  if (n.type === 'TaggedTemplateExpression' && tag?.type === 'Identifier' && /^(html|svg)$/.test(String(tag['name']))) {
    yield (n['quasi'] as { quasis: Quasi[] }).quasis;
  }
  for (const key in n) if (key !== 'type') yield* templates(n[key]);
}

/**
 * The plugin: in our own modules that import `lit`, every ``html`…` ``/``svg`…` `` template gets
 * `minifyTemplate`. Raw text is edited (escapes such as `\n` are not whitespace there, and stay).
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'reeltime:minify-templates',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[cm]?[jt]s$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const out = new MagicString(code);
      for (const quasis of templates(this.parse(code))) {
        const raw = quasis.map((q) => code.slice(q.start, q.end));
        // The AST's ranges must be the raw text exactly, or nothing is changed.
        if (raw.some((text, i) => text !== quasis[i]!.value.raw)) continue;
        minifyTemplate(raw).forEach((text, i) => {
          if (text !== raw[i]) out.overwrite(quasis[i]!.start, quasis[i]!.end, text);
        });
      }
      if (!out.hasChanged()) return null;
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
    },
  };
}
