/**
 * Exports from the element (issue 14): the data as JSON and CSV (round-tripping through the
 * parser and `fromCsv`), the chart as a standalone SVG (every visible title as text, nothing
 * outside the file referenced, data text escaped) and a PNG (the right size, not blank).
 */
import { MemorySource, parseDataset, type DatasetInput, type TimelineSource } from '@reeltime/core';
import { fromCsv } from '@reeltime/core/io';
import { describe, expect, it } from 'vitest';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const DATA: DatasetInput = {
  title: 'Exported & kept',
  lanes: [
    { id: 'work', label: 'Work' },
    { id: 'home', label: 'Home' },
  ],
  eras: [{ id: 'e', title: 'The nineties', start: '1990', end: '1999' }],
  events: [
    { id: 'a', title: 'Announced', start: '1991-01-15', lane: 'work', tags: ['x', 'y'] },
    { id: 'b', title: 'Built <script>alert(1)</script>', start: '1994-03', end: '1995-06', lane: 'home' },
    {
      id: 'c',
      title: 'Circa',
      start: '~1997',
      lane: 'work',
      description: 'About then',
      sources: [{ title: 'A book', publisher: 'Press' }],
    },
    { id: 'd', title: 'Delivered', start: '1998-11-02T10:30Z', lane: 'home', status: 'planned' },
  ],
};

const root = (el: ReelTimeline) => el.shadowRoot!;

/** The titles drawn as labels now (what a reader sees). */
function visibleLabels(el: ReelTimeline): string[] {
  return [...root(el).querySelectorAll<SVGTextElement>('.body text.label')]
    .filter((text) => getComputedStyle(text).display !== 'none' && text.getComputedTextLength() > 0)
    .map((text) => text.textContent!.trim())
    .filter(Boolean);
}

function parseSvg(markup: string): XMLDocument {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'parses as XML').toBeNull();
  return doc;
}

/** Every attribute value in the file that would reach outside it. */
function externalReferences(doc: XMLDocument): string[] {
  const found: string[] = [];
  for (const element of doc.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (/^(xmlns|xmlns:.*)$/.test(name)) continue;
      if (/^(href|xlink:href|src)$/.test(name) && !value.startsWith('#') && !value.startsWith('data:image/png'))
        found.push(`${name}=${value.slice(0, 60)}`);
      for (const [, url] of value.matchAll(/url\(\s*["']?([^)"']*)/g)) if (!url!.startsWith('#')) found.push(value);
      if (/^on/i.test(name)) found.push(name);
    }
  }
  return found;
}

describe('<reel-timeline> exports', () => {
  it('exports the data as JSON that parses back to the same dataset', async () => {
    const el = await mount((el) => (el.data = DATA));
    const json = await el.exportData('json');
    expect(typeof json).toBe('string');
    const again = parseDataset(JSON.parse(json as string));
    expect(again.problems).toEqual([]);
    expect(again.dataset).toEqual(el.model);
    expect(again.dataset.events.map((e) => e.start.input)).toEqual([
      '1991-01-15',
      '1994-03',
      '~1997',
      '1998-11-02T10:30Z',
    ]);
  });

  it('exports the data as CSV that fromCsv reads back, and as Blobs with their types', async () => {
    const el = await mount((el) => (el.data = DATA));
    const csv = (await el.exportData('csv')) as string;
    const again = fromCsv(csv);
    expect(again.problems).toEqual([]);
    const fields = (events: typeof el.model.events) =>
      events.map((e) => ({
        id: e.id,
        title: e.title,
        start: e.start.input,
        end: e.end?.input,
        lane: e.lane,
        tags: e.tags,
        status: e.status,
        description: e.description,
      }));
    expect(fields(again.dataset.events)).toEqual(fields(el.model.events));
    const blob = await el.exportData('csv', { blob: true, bom: true });
    expect(blob).toBeInstanceOf(Blob);
    expect((blob as Blob).type).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(((await el.exportData('json', { blob: true })) as Blob).type).toBe('application/json');
    await expect(el.exportData('xml' as 'json')).rejects.toThrow(/xml/);
  });

  it('exports every event, however far the view is zoomed in', async () => {
    const el = await mount((el) => (el.data = DATA));
    el.visibleRange = { from: Date.UTC(1991, 0, 1), to: Date.UTC(1991, 1, 1) };
    await settle(el);
    const json = JSON.parse((await el.exportData()) as string) as { events: { id: string }[] };
    expect(json.events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('exports the events of a given source: a memory source’s own, and refuses one that cannot list them', async () => {
    const dataset = parseDataset(DATA).dataset;
    const memory = new MemorySource(dataset);
    const el = await mount((el) => (el.source = memory));
    const json = JSON.parse((await el.exportData()) as string) as { events: { id: string }[] };
    expect(json.events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    // A source that answers the view but holds its events elsewhere, with no all(): an error, not an empty file.
    const opaque: TimelineSource = {
      dataset: { lanes: dataset.lanes, eras: [] },
      size: memory.size,
      extent: memory.extent,
      query: (query) => memory.query(query),
      at: (position) => memory.at(position),
      positionOf: (id) => memory.positionOf(id),
      get: (id) => memory.get(id),
      subscribe: (listener) => memory.subscribe(listener),
      revealLevel: (...args) => memory.revealLevel(...args),
    };
    el.source = opaque;
    await settle(el);
    await expect(el.exportData('csv')).rejects.toThrow(
      'exportData: the data source holds 4 events and cannot list them (a TimelineSource needs all() to be exported)',
    );
  });

  it('exports a standalone SVG with every visible title as text, the title and the axis', async () => {
    const el = await mount((el) => (el.data = DATA));
    const labels = visibleLabels(el);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const markup = (await el.exportImage('svg')) as string;
    const doc = parseSvg(markup);
    const svg = doc.documentElement;
    expect(svg.localName).toBe('svg');
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(Number(svg.getAttribute('width'))).toBe(
      Math.round(root(el).querySelector('.body > svg')!.getBoundingClientRect().width),
    );
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent!.trim());
    for (const label of labels) expect(texts, label).toContain(label);
    expect(texts).toContain('Exported & kept');
    // The axis' tick labels came along.
    const ticks = [...root(el).querySelectorAll('[part~="axis"] text')]
      .map((t) => t.textContent!.trim())
      .filter(Boolean);
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) expect(texts).toContain(tick);
    // Fonts named, styles inlined: no class to look up, colours on the elements themselves.
    expect(svg.getAttribute('font-family')).toBeTruthy();
    expect(doc.querySelector('[class], [part], style, script, foreignObject')).toBeNull();
    const label = [...doc.querySelectorAll('text')].find((t) => t.textContent!.trim() === labels[0])!;
    expect(label.getAttribute('fill')).toMatch(/^rgb/);
    expect(label.getAttribute('font-size')).toMatch(/px$/);
    expect(externalReferences(doc)).toEqual([]);
  });

  it('writes data text as text: a <script> in a title is escaped in the file and never an element', async () => {
    const el = await mount((el) => (el.data = DATA));
    const markup = (await el.exportImage('svg')) as string;
    expect(markup).not.toContain('<script');
    const doc = parseSvg(markup);
    expect(doc.querySelector('script')).toBeNull();
    // The mark's accessible name keeps the whole title, escaped.
    expect(markup).toContain('Built &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('exports the whole range on request and puts the view back', async () => {
    const el = await mount((el) => (el.data = DATA));
    el.visibleRange = { from: Date.UTC(1990, 11, 1), to: Date.UTC(1991, 2, 1) };
    await settle(el);
    const before = el.visibleRange;
    // "Delivered" is planned: its label reads "Delivered (planned)".
    const delivered = (labels: string[]) => labels.some((label) => label.startsWith('Delivered'));
    expect(delivered(visibleLabels(el))).toBe(false);
    const view = parseSvg((await el.exportImage('svg')) as string);
    const all = parseSvg((await el.exportImage('svg', { range: 'all' })) as string);
    const labelsIn = (doc: XMLDocument) => [...doc.querySelectorAll('text')].map((t) => t.textContent!.trim());
    expect(delivered(labelsIn(view))).toBe(false);
    expect(delivered(labelsIn(all))).toBe(true);
    await settle(el);
    expect(el.visibleRange.from).toBeCloseTo(before.from, -3);
    expect(el.visibleRange.to).toBeCloseTo(before.to, -3);
  });

  it('draws every lane of a timeline taller than the window, then only those near it again', async () => {
    // 60 lanes, one event each: far taller than the window, so the lanes far below are not drawn.
    const tall: DatasetInput = {
      title: 'Tall',
      lanes: Array.from({ length: 60 }, (_, i) => ({ id: `l${i}`, label: `Lane ${i}` })),
      events: Array.from({ length: 60 }, (_, i) => ({
        id: `e${i}`,
        title: `Event ${i}`,
        start: `${1950 + i}-06-01`,
        lane: `l${i}`,
      })),
    };
    const el = await mount((el) => (el.data = tall));
    const drawn = () => [...root(el).querySelectorAll('[part~="event"]')].map((mark) => mark.getAttribute('data-id'));
    expect(root(el).querySelector('.body')!.getBoundingClientRect().height).toBeGreaterThan(2 * innerHeight);
    expect(drawn()).toContain('e0');
    expect(drawn()).not.toContain('e59');
    for (const range of ['view', 'all'] as const) {
      const doc = parseSvg((await el.exportImage('svg', { range })) as string);
      const ids = [...new Set([...doc.querySelectorAll('[data-id]')].map((mark) => mark.getAttribute('data-id')))];
      expect(ids, range).toHaveLength(60);
      expect(ids, range).toContain('e59');
      const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent!.trim());
      expect(texts, range).toContain('LANE 59');
      expect(texts, range).toContain('Event 59');
    }
    // Back on screen: the lanes far below are dropped again.
    await settle(el);
    expect(drawn()).toContain('e0');
    expect(drawn()).not.toContain('e59');
  });

  it('exports the chart from the table view as from the chart, and leaves the table shown', async () => {
    const el = await mount((el) => (el.data = DATA));
    const chart = parseSvg((await el.exportImage('svg')) as string).documentElement;
    el.view = 'table';
    await settle(el);
    const fromTable = parseSvg((await el.exportImage('svg')) as string).documentElement;
    expect(fromTable.getAttribute('height')).toBe(chart.getAttribute('height'));
    expect(fromTable.getAttribute('width')).toBe(chart.getAttribute('width'));
    expect([...fromTable.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      [...chart.querySelectorAll('text')].map((t) => t.textContent),
    );
    await settle(el);
    expect(el.view).toBe('table');
    expect(root(el).querySelector<HTMLElement>('.plot')!.hidden).toBe(true);
  });

  it('exports a PNG of the right size at the given scale, and not blank', async () => {
    const el = await mount((el) => (el.data = DATA));
    const svg = parseSvg((await el.exportImage('svg')) as string).documentElement;
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const png = (await el.exportImage('png', { scale: 2 })) as Blob;
    expect(png.type).toBe('image/png');
    const bitmap = await createImageBitmap(png);
    expect([bitmap.width, bitmap.height]).toEqual([width * 2, height * 2]);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    // Sample a grid: a background, plus the ink of marks and text in several colours.
    const colours = new Set<string>();
    let ink = 0;
    for (let y = 0; y < bitmap.height; y += 3) {
      for (let x = 0; x < bitmap.width; x += 3) {
        const i = (y * bitmap.width + x) * 4;
        const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
        expect(a).toBe(255); // an opaque background, no holes
        colours.add(`${r >> 4},${g >> 4},${b >> 4}`);
        if (r + g + b < 450) ink++;
      }
    }
    expect(colours.size).toBeGreaterThan(5);
    expect(ink).toBeGreaterThan(50);
    // The default scale is the device pixel ratio.
    const plain = await createImageBitmap((await el.exportImage('png')) as Blob);
    expect(plain.width).toBe(Math.round(width * Math.max(1, devicePixelRatio)));
  });
});
