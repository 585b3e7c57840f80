/**
 * A heading at a level the page chooses (`heading-level`), so the element's headings fit the
 * page's outline (axe `heading-order`). Lit cannot bind a tag name without `static-html`, which
 * the bundle does without: one template per level.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';

/** Heading levels, 1 to 6. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** A level from an attribute value: whole, within 1–6, else 2. */
export function headingLevelOf(value: unknown): HeadingLevel {
  const level = Math.round(Number(value));
  return (level >= 1 && level <= 6 ? level : 2) as HeadingLevel;
}

/** `<hN class="heading">content</hN>`, with an id when given. */
export function heading(level: HeadingLevel, content: unknown, id = ''): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 class="heading" id=${id || nothing}>${content}</h1>`;
    case 3:
      return html`<h3 class="heading" id=${id || nothing}>${content}</h3>`;
    case 4:
      return html`<h4 class="heading" id=${id || nothing}>${content}</h4>`;
    case 5:
      return html`<h5 class="heading" id=${id || nothing}>${content}</h5>`;
    case 6:
      return html`<h6 class="heading" id=${id || nothing}>${content}</h6>`;
    default:
      return html`<h2 class="heading" id=${id || nothing}>${content}</h2>`;
  }
}
