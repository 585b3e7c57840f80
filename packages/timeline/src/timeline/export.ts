/**
 * Exports of `<reel-timeline>` (issue 14), loaded on the first call as its own chunk: the dataset
 * as JSON or CSV (through `@reeltime/core/io`), and the chart as a standalone SVG or a PNG.
 *
 * The image is built from what the element drew (Lit rendered it; nothing here draws by itself):
 * the axis and body `<svg>`s are cloned and every element's computed presentation (fill, stroke,
 * font…) is written onto the clone, so the file needs no stylesheet; text stays text (the
 * serializer escapes it, so a title with `<script>` in it is text in the file); each density
 * strip's canvas goes in as a `data:` image. The file references nothing outside itself.
 *
 * @module
 */
import type { Dataset, TimelineSource } from '@reeltime/core';
import { viewportOf } from '../controllers/viewport-controller.js';
import type { ReelTimeline } from './timeline.js';
import type { VisibleRange } from './view-state.js';

/** The formats {@link ReelTimeline.exportData} writes. */
export const DATA_FORMATS = ['json', 'csv'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** The formats {@link ReelTimeline.exportImage} writes. */
export const IMAGE_FORMATS = ['svg', 'png'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Options of {@link ReelTimeline.exportData}. */
export interface ExportDataOptions {
  /** A `Blob` (with its MIME type, ready for a download link) instead of a string. */
  blob?: boolean;
  /** CSV only: starts the text with a byte-order mark, so spreadsheets read it as UTF-8. */
  bom?: boolean;
}

/** Options of {@link ReelTimeline.exportImage}. */
export interface ExportImageOptions {
  /** `view` (default): the range on screen; `all`: the whole range of the data (the view comes back after). */
  range?: 'view' | 'all';
  /** PNG only: pixels per CSS pixel (default `devicePixelRatio`, at least 1). */
  scale?: number;
  /** SVG only: a `Blob` (`image/svg+xml`) instead of the markup. */
  blob?: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties written onto every cloned element (what the stylesheet decided). */
const PRESENTATION = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'stop-color',
  'stop-opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'shape-rendering',
] as const;

/** Attributes of the live DOM that mean nothing in a file. */
const DROPPED = ['class', 'part', 'tabindex', 'aria-hidden', 'aria-busy', 'style'];

/**
 * The dataset (as parsed: every valid event, invalid ones are in `problems`) as JSON or CSV;
 * over a `source` (a database), every event it holds, read from it.
 */
export async function exportData(
  el: ReelTimeline,
  format: DataFormat = 'json',
  options: ExportDataOptions = {},
  source?: TimelineSource,
): Promise<string | Blob> {
  if (!(DATA_FORMATS as readonly string[]).includes(format)) throw new RangeError(`Unknown data format "${format}"`);
  // The exporters live with the importers (their own chunk, shared with the loading of `src`);
  // imported statically here, the bundler split the element's own entry to share code with it.
  const { toCsv, toReeltime } = await import('@reeltime/core/io');
  const dataset = await wholeDataset(el.model, source);
  return format === 'csv'
    ? file(toCsv(dataset, { bom: options.bom }), 'text/csv;charset=utf-8', options.blob)
    : file(`${JSON.stringify(toReeltime(dataset), null, 2)}\n`, 'application/json', options.blob);
}

/** The text itself, or (`blob`) a `Blob` of it with its MIME type, ready for a download link. */
function file(text: string, type: string, blob: boolean | undefined): string | Blob {
  return blob ? new Blob([text], { type }) : text;
}

/**
 * The dataset with every event: the model's own when it has them; else the source's (a memory
 * source holds its dataset, a database lists its rows with `all()`); a source that can do neither
 * is an error, not a file with no events.
 */
async function wholeDataset(model: Dataset, source: TimelineSource | undefined): Promise<Dataset> {
  if (!source || model.events.length >= source.size) return model;
  const held = (source.dataset as Partial<Dataset>).events;
  if (held && held.length >= source.size) return { ...model, events: held };
  if (source.all) return { ...model, events: [...(await source.all())] };
  throw new Error(
    `exportData: the data source holds ${source.size} events and cannot list them (a TimelineSource needs all() to be exported)`,
  );
}

/** The chart as a standalone SVG (markup or Blob) or a PNG Blob. */
export async function exportImage(
  el: ReelTimeline,
  format: ImageFormat = 'svg',
  options: ExportImageOptions = {},
): Promise<string | Blob> {
  if (!(IMAGE_FORMATS as readonly string[]).includes(format)) throw new RangeError(`Unknown image format "${format}"`);
  const image = await withRange(el, options.range === 'all', () => shown(el, () => buildSvg(el)));
  const markup = new XMLSerializer().serializeToString(image.svg);
  if (format === 'svg') return file(markup, 'image/svg+xml', options.blob);
  const scale = options.scale && options.scale > 0 ? options.scale : Math.max(1, window.devicePixelRatio || 1);
  return rasterize(markup, image.width, image.height, scale);
}

/**
 * Runs `build` with every lane drawn (a timeline taller than the window draws only the lanes near
 * it) and, when `all`, the whole range in view; then puts the reader's view back.
 */
async function withRange<T>(el: ReelTimeline, all: boolean, build: () => T): Promise<T> {
  const before: VisibleRange = el.visibleRange;
  const viewport = viewportOf(el);
  viewport?.whole(true);
  try {
    if (all) el.resetZoom();
    await quiet(el);
    return build();
  } finally {
    viewport?.whole(false);
    if (all) el.visibleRange = before;
  }
}

/**
 * Runs `build` with the chart laid out: in the table or sources view it is drawn but hidden (no
 * size to read), so it is shown for the synchronous build and hidden again before any paint.
 */
function shown<T>(el: ReelTimeline, build: () => T): T {
  const plot = el.shadowRoot?.querySelector<HTMLElement>('.plot');
  if (!plot?.hidden) return build();
  plot.hidden = false;
  try {
    return build();
  } finally {
    plot.hidden = true;
  }
}

/** Waits until the element has no update pending and its data source has answered for the view. */
async function quiet(el: ReelTimeline): Promise<void> {
  for (;;) {
    await el.updateComplete;
    const busy = el.shadowRoot?.querySelector('svg[aria-busy="true"]');
    if (!el.isUpdatePending && !busy) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

interface BuiltSvg {
  svg: SVGSVGElement;
  width: number;
  height: number;
}

/** The standalone SVG of what the element shows now: title and range, axis, chart. */
function buildSvg(el: ReelTimeline): BuiltSvg {
  const root = el.shadowRoot;
  const axis = root?.querySelector<SVGSVGElement>('.axis > svg');
  const body = root?.querySelector<SVGSVGElement>('.body > svg');
  if (!root || !axis || !body) throw new Error('The timeline has not drawn its chart yet');
  const host = getComputedStyle(el);
  const width = Math.round(body.getBoundingClientRect().width) || el.clientWidth;
  const axisHeight = axis.getBoundingClientRect().height;
  const bodyHeight = body.getBoundingClientRect().height;
  const title = root.querySelector('.title')?.textContent?.trim() ?? '';
  const range = root.querySelector('.range')?.textContent?.trim() ?? '';
  const headerHeight = title || range ? 32 : 0;
  const height = Math.ceil(headerHeight + axisHeight + bodyHeight);

  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-family', host.fontFamily);
  svg.setAttribute('font-size', host.fontSize);
  const name = el.label || title;
  if (name) {
    const titleElement = document.createElementNS(SVG_NS, 'title');
    titleElement.textContent = range ? `${name} (${range})` : name;
    svg.append(titleElement);
  }
  svg.append(shape('rect', { width: '100%', height: '100%', fill: colorOf(host.backgroundColor, '#ffffff') }));
  if (headerHeight) {
    const heading = shape('text', { x: '12', y: '21', fill: host.color, 'font-weight': '600', 'font-size': '14' });
    heading.textContent = title;
    svg.append(heading);
    if (range) {
      const muted = root.querySelector('.range');
      const rangeText = shape('text', {
        x: String(width - 12),
        y: '21',
        'text-anchor': 'end',
        fill: muted ? getComputedStyle(muted).color : host.color,
      });
      rangeText.textContent = range;
      svg.append(rangeText);
    }
  }
  svg.append(group(copy(axis), headerHeight), group(copy(body), headerHeight + axisHeight));
  // The density strips: one canvas per lane (0 × 0 until painted).
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('.body > canvas')) {
    const box = canvas.getBoundingClientRect();
    if (!canvas.width || !canvas.height) continue;
    svg.append(
      shape('image', {
        x: '0',
        y: String(headerHeight + axisHeight + (parseFloat(canvas.style.top) || 0)),
        width: String(box.width || width),
        height: String(box.height),
        href: canvas.toDataURL('image/png'),
      }),
    );
  }
  return { svg, width, height };
}

function shape(tag: string, attributes: Record<string, string>): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** The children of a copied `<svg>` in a `<g>` moved down by `y`, with the `<svg>`'s own presentation. */
function group(copied: SVGElement, y: number): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('transform', `translate(0 ${y})`);
  for (const property of PRESENTATION) {
    const value = copied.getAttribute(property);
    if (value !== null) g.setAttribute(property, value);
  }
  g.append(...copied.childNodes);
  return g;
}

/** A transparent background exports as white: a file has no page behind it. */
function colorOf(value: string, fallback: string): string {
  return !value || value === 'transparent' || /rgba\(.*,\s*0\)$/.test(value) ? fallback : value;
}

/** A deep clone of `source` with computed presentation inlined; hidden parts and scripts left out. */
function copy(source: SVGSVGElement): SVGElement {
  const clone = source.cloneNode(true) as SVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const clones = [clone, ...clone.querySelectorAll('*')];
  const removed: Element[] = [];
  originals.forEach((original, i) => {
    const target = clones[i];
    if (!target) return;
    // Anything not SVG (a stray HTML node) or a script never goes into the file.
    if (original.namespaceURI !== SVG_NS || original.localName === 'script' || original.localName === 'foreignObject') {
      removed.push(target);
      return;
    }
    const style = getComputedStyle(original);
    if (style.display === 'none' || style.visibility === 'hidden') {
      removed.push(target);
      return;
    }
    for (const name of DROPPED) target.removeAttribute(name);
    for (const attribute of [...target.attributes]) {
      // Event handler attributes never come from Lit's templates, but a file should be inert whatever happens.
      if (/^on/i.test(attribute.name)) target.removeAttribute(attribute.name);
      else if (/^(href|xlink:href|src)$/i.test(attribute.name) && !attribute.value.startsWith('#'))
        target.removeAttribute(attribute.name);
    }
    // SVG has no text-transform: the label is written as it is shown (lane names in capitals).
    if (original.localName === 'text' && original.childElementCount === 0) {
      if (style.textTransform === 'uppercase') target.textContent = target.textContent?.toLocaleUpperCase() ?? '';
      if (style.letterSpacing !== 'normal') target.setAttribute('letter-spacing', style.letterSpacing);
    }
    for (const property of PRESENTATION) {
      const value = style.getPropertyValue(property);
      if (!value || value === 'normal' || value === 'auto') continue;
      // A paint server resolves to the document's address: in a file it is the fragment alone.
      target.setAttribute(property, value.replace(/url\("?[^)#"]*(#[^)"]+)"?\)/g, 'url($1)'));
    }
  });
  for (const element of removed) element.remove();
  return clone;
}

/** Draws the SVG markup on a canvas at `scale` and encodes it as PNG. */
async function rasterize(markup: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
