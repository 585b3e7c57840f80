/**
 * Hostile and broken input through the importers and the model: nothing throws, nothing valid is
 * lost, every invalid item is reported by its id or index and field.
 */
import { describe, expect, it } from 'vitest';
import { fromCsv, fromTimelineJS, fromVis, importData, detectFormat } from '../../src/io/index.js';
import { parseDataset } from '../../src/index.js';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '"><iframe src="javascript:alert(1)"></iframe>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  'javascript:alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

describe('XSS corpus in every text field', () => {
  it('TimelineJS3: HTML becomes text; no javascript: or data: URL is kept', () => {
    const events = XSS.map((text, i) => ({
      unique_id: `x${i}`,
      start_date: { year: 2000 + i },
      text: { headline: text, text },
      group: text,
      display_date: text,
      media: { url: text, caption: text, credit: text, thumbnail: 'javascript:alert(1)' },
    }));
    const result = fromTimelineJS({ title: { text: { headline: XSS[0], text: XSS[1] } }, events });
    expect(result.dataset.events).toHaveLength(XSS.length);
    const texts = result.dataset.events.flatMap((e) => [e.title, e.description ?? '', e.lane, e.displayDate ?? '']);
    for (const text of [...texts, result.dataset.title ?? '', result.dataset.description ?? '']) {
      // Text, never markup: no tag survives as a tag (escaped text like "&lt;script&gt;" decodes to
      // "<script>" as text, which the element renders as text).
      expect(text).not.toMatch(/<(img|svg|iframe|div|a)\b/i);
    }
    for (const event of result.dataset.events) {
      if (event.media) expect(event.media.url).toMatch(/^https?:\/\//);
      expect(event.media?.thumbnail).toBeUndefined();
    }
  });

  it('vis-timeline content and title become text', () => {
    const items = XSS.map((text, i) => ({ id: i, content: text, title: text, start: `20${10 + i}-01-01` }));
    const result = fromVis(items);
    expect(result.dataset.events).toHaveLength(XSS.length);
    for (const event of result.dataset.events) expect(event.title).not.toMatch(/<(img|svg|iframe|div|a)\b/i);
  });

  it('reeltime url fields reject javascript: (the model keeps http(s) only)', () => {
    const { dataset, problems } = parseDataset({
      events: [{ id: 'a', title: XSS[0], start: '2020', url: 'javascript:alert(1)', media: { url: 'javascript:x' } }],
    });
    expect(dataset.events[0]!.url).toBeUndefined();
    expect(dataset.events[0]!.media).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual(['url', 'media']);
  });
});

describe('getters and Proxies that throw', () => {
  const boom = () => {
    throw new Error('boom');
  };
  const evil = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom });

  it('parseDataset reports the one event and keeps the rest', () => {
    const getter = { id: 'g', title: 't' } as Record<string, unknown>;
    Object.defineProperty(getter, 'start', { enumerable: true, get: boom });
    const { dataset, problems } = parseDataset({ events: [{ id: 'ok', title: 'OK', start: '2020' }, evil, getter] });
    expect(dataset.events.map((e) => e.id)).toEqual(['ok']);
    expect(problems.map((p) => [p.index, p.severity])).toEqual([
      [1, 'error'],
      [2, 'error'],
    ]);
    expect(problems[0]!.message).toContain('Error: boom');
  });

  it('a whole dataset that throws is one problem, not an exception', () => {
    expect(parseDataset(evil).problems[0]!.message).toContain('could not be read');
    expect(importData(evil).problems.length).toBeGreaterThan(0);
  });

  it('each importer reports the item and keeps the rest', () => {
    const tl = fromTimelineJS({ events: [{ start_date: { year: 2000 }, text: { headline: 'ok' } }, evil] });
    expect(tl.dataset.events).toHaveLength(1);
    expect(tl.problems[0]!.message).toMatch(/^Event events\[1\]: it could not be read/);
    const vis = fromVis([{ id: 1, content: 'ok', start: '2020-01-01' }, evil]);
    expect(vis.dataset.events).toHaveLength(1);
    expect(vis.problems[0]!.message).toMatch(/^Item items\[1\]/);
    expect(detectFormat(evil)).toBe('unknown');
  });
});

describe('broken values', () => {
  it('NaN, Infinity, end before start, duplicate ids and __proto__ keys', () => {
    const events = JSON.parse(
      JSON.stringify([
        { id: 'a', title: 'A', start: '2020' },
        { id: 'a', title: 'A again', start: '2021' },
        { id: 'b', title: 'B', start: '2020-05', end: '2020-01' },
        { id: '__proto__', title: 'proto', start: '2020', __proto__: { polluted: true } },
      ]),
    ) as unknown[];
    events.push({ id: 'n', title: 'NaN', start: NaN }, { id: 'i', title: 'Inf', start: Infinity });
    const { dataset, problems } = parseDataset({ events });
    expect(dataset.events.map((e) => e.id)).toEqual(['a', 'a~2', '__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.eventId)).toEqual(['b', 'n', 'i']);
    const vis = fromVis([
      { id: 1, content: 'nan', start: NaN },
      { id: 2, content: 'inf', start: Infinity },
      { id: 3, content: 'bad date', start: new Date('nope') },
      { id: 4, content: 'ok', start: 0 },
    ]);
    expect(vis.dataset.events.map((e) => e.start.input)).toEqual(['1970-01-01T00:00Z']);
    expect(vis.problems.map((p) => [p.eventId, p.field])).toEqual([
      ['1', 'start'],
      ['2', 'start'],
      ['3', 'start'],
    ]);
  });

  it('100,000 events with half invalid: the valid half kept, each invalid one reported', () => {
    const events = Array.from({ length: 100_000 }, (_, i) =>
      i % 2 ? { id: `e${i}`, title: `E ${i}`, start: '2020-13' } : { id: `e${i}`, title: `E ${i}`, start: '2020-01' },
    );
    const { dataset, problems } = parseDataset({ events });
    expect(dataset.events).toHaveLength(50_000);
    expect(problems).toHaveLength(50_000);
    expect(new Set(problems.map((p) => p.detail)).size).toBe(1);
  });

  it('a 1 MB title is kept whole (the element clips it), without a problem', () => {
    const title = 'x'.repeat(1 << 20);
    const { dataset, problems } = fromTimelineJS({ events: [{ start_date: { year: 1 }, text: { headline: title } }] });
    expect(dataset.events[0]!.title).toHaveLength(1 << 20);
    expect(problems).toEqual([]);
  });

  it('TimelineJS3 date fields: names the event, the field and what was expected', () => {
    const result = fromTimelineJS({
      events: [
        { unique_id: 'm', start_date: { year: 2000, month: 13 } },
        { start_date: { year: 'MMXX' } },
        { start_date: {} },
        { text: { headline: 'no date' } },
        { unique_id: 'e', start_date: { year: 2000 }, end_date: { year: 'soon' } },
        { start_date: { year: 2000, day: 5 } },
      ],
    });
    expect(result.problems.map((p) => p.message)).toEqual([
      'Event "m" (events[0]): "start_date.month" 13 is out of range 1–12; the event is not shown',
      'Event events[1]: "start_date.year" must be a whole number, got the string "MMXX"; the event is not shown',
      'Event events[2]: "start_date.year" is missing; every date needs at least a year; the event is not shown',
      'Event events[3]: "start_date" is missing; every event needs one; it is not shown',
      'Event "e" (events[4]): "end_date.year" must be a whole number, got the string "soon"; the event is shown without an end',
      'Event events[5]: "start_date.day" is ignored: there is no "start_date.month"',
    ]);
    expect(result.dataset.events.map((e) => e.start.input)).toEqual(['2000', '2000']);
  });

  it('an invalid time zone falls back to UTC with a problem, and draws everything', () => {
    const result = fromVis([{ id: 1, content: 'a', start: '2020-03-01T10:00' }], { timeZone: 'Europe/Pariss' });
    expect(result.dataset.events[0]!.start.input).toBe('2020-03-01T10:00Z');
    expect(result.problems[0]!.message).toContain('"Europe/Pariss" is not an IANA time zone');
  });

  it('CSV rows are named by their spreadsheet row', () => {
    const result = fromCsv('Year,Month,Headline\n2020,1,ok\n,,no year\n2020,14,bad month\n');
    expect(result.dataset.events).toHaveLength(1);
    expect(result.problems.map((p) => p.message)).toEqual([
      'Row 3: "start_date" is missing; every event needs one; it is not shown',
      'Row 4: "start_date.month" 14 is out of range 1–12; the event is not shown',
    ]);
    expect(result.problems.map((p) => p.pointer)).toEqual(['/rows/3/start_date', '/rows/4/start_date/month']);
  });

  it('detects web pages, bad JSON and unknown shapes with clear messages', () => {
    expect(importData('<!doctype html><title>404</title>').problems[0]!.message).toContain('web page (HTML)');
    expect(importData('{"events": [').problems[0]!.message).toContain('not valid JSON');
    expect(importData('{"what": 1}').problems[0]!.message).toContain('not one reeltime reads');
    expect(importData(42).problems[0]!.message).toContain('not one reeltime reads');
  });
});

describe('suspicious values', () => {
  it('a year far outside the rest is drawn with a warning', () => {
    const events = Array.from({ length: 40 }, (_, i) => ({ id: `e${i}`, title: 'E', start: String(1800 + i * 5) }));
    events.push({ id: 'typo', title: 'Typo', start: '11841' });
    const { dataset, problems } = parseDataset({ events });
    expect(dataset.events).toHaveLength(41);
    expect(problems.map((p) => [p.severity, p.eventId, p.message])).toEqual([
      [
        'warning',
        'typo',
        'Event "typo" (events[40]): start year 11841 is far outside the other events (1800–1995); is it a typo?',
      ],
    ]);
  });
});
