/**
 * The bundle's template minifier: what it collapses, what it leaves, and that a page renders the
 * same text at the same places before and after (Chromium lays both out).
 */
import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { minifyTemplate } from './minify-templates.js';

/** A tagged template's `strings`, as Lit receives them. */
const strings = (parts: TemplateStringsArray, ..._values: unknown[]) => [...parts.raw];

/** Renders `parts` (with `values`) through Lit's `html` tag into a fresh container. */
function draw(parts: readonly string[], values: unknown[]): HTMLElement {
  const container = document.createElement('div');
  container.style.cssText = 'width:300px;font:16px/1.2 monospace';
  document.body.append(container);
  const frozen = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  render(html(frozen, ...values), container);
  return container;
}

/** Every element's box and every text's rendered form, relative to the container. */
function layout(container: HTMLElement): string[] {
  const origin = container.getBoundingClientRect();
  return [...container.querySelectorAll('*')].map((element) => {
    const box = element.getBoundingClientRect();
    const text = element instanceof HTMLElement ? element.innerText : (element.textContent ?? '').trim();
    return `${element.tagName} ${box.x - origin.x},${box.y - origin.y} ${box.width}x${box.height} ${JSON.stringify(text)}`;
  });
}

describe('minifyTemplate', () => {
  it('collapses whitespace in text and between attributes to one space', () => {
    const parts = strings`
      <g class="lane"
         transform=${0}>
        <rect
          x="0"></rect>
      </g>
    `;
    expect(minifyTemplate(parts)).toEqual([' <g class="lane" transform=', '> <rect x="0"></rect> </g> ']);
  });

  it('keeps the space between inline elements and words, and spaces that are not HTML whitespace', () => {
    expect(minifyTemplate(['<cite>', '</cite>\n  <span>(', ')</span>'])).toEqual([
      '<cite>',
      '</cite> <span>(',
      ')</span>',
    ]);
    expect(minifyTemplate(['a\u00a0\u00a0b'])).toEqual(['a\u00a0\u00a0b']);
  });

  it('leaves quoted attribute values and comments as written, across expressions', () => {
    const parts = ['<div title="two\n   lines" data-x=\'', "  \n y'>\n  <!-- a\n  comment -->  ", '  </div>'];
    expect(minifyTemplate(parts)).toEqual([
      '<div title="two\n   lines" data-x=\'',
      "  \n y'> <!-- a\n  comment --> ",
      ' </div>',
    ]);
  });

  it('leaves templates with raw-text or preformatted elements alone', () => {
    const parts = ['<pre>\n  a\n    b</pre>', '\n'];
    expect(minifyTemplate(parts)).toEqual(parts);
    expect(minifyTemplate(['<textarea>\n x</textarea>'])).toEqual(['<textarea>\n x</textarea>']);
  });

  it('renders the same in Chromium: text, inline elements, flex items, lists and inline SVG', () => {
    const cases: [readonly string[], unknown[]][] = [
      [
        strings`
          <p>
            <b>${'bold'}</b>
            <i>italic</i>
            plain   words
            <a href="#">link</a><span>${'joined'}</span>
          </p>
          <header style="display:flex;gap:4px">
            <h2 style="margin:0">Title</h2>
            <span>${'range'}</span>
            <button>+</button>
          </header>
          <dl>
            <dt>Lane</dt>
            <dd>${'one'}</dd>
          </dl>
          <ol>
            <li>
              <a href="#"
                ><cite>${'a source'}</cite></a
              >
              <span>(${'file.pdf'})</span>
            </li>
          </ol>
        `,
        ['bold', 'joined', 'range', 'one', 'a source', 'file.pdf'],
      ],
      [
        strings`
          <svg width="200" height="60">
            <g transform="translate(10, 20)">
              <text x="0" y="10">
                ${'label'}
              </text>
              <rect x="0" y="20" width=${50} height="10"></rect>
            </g>
          </svg>
        `,
        ['label', 50],
      ],
    ];
    for (const [parts, values] of cases) {
      const before = draw(parts, values);
      const after = draw(minifyTemplate(parts), values);
      expect(layout(after)).toEqual(layout(before));
      expect(after.innerText).toBe(before.innerText);
      before.remove();
      after.remove();
    }
  });
});
