/**
 * Loading `src` in every format, and loading that never hangs: 404, bad JSON, a web page, a wrong
 * content type, a timeout and a new `src` each end with a message and `reel-invalid`, never
 * "Loading…" forever. Tests wait for conditions, never for time.
 */
import { describe, expect, it, vi } from 'vitest';
import { mount } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';
import { groupProblems, itemsNotShown } from './render/notice.js';

const marks = (el: ReelTimeline) => [...el.shadowRoot!.querySelectorAll('[part~="event"]')];
const notice = (el: ReelTimeline) => el.shadowRoot!.querySelector('[part~="notice"]')?.textContent ?? '';
const blob = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));

const TIMELINEJS = {
  title: { text: { headline: 'Imported', text: '<p>From <b>TimelineJS3</b></p>' } },
  events: [
    {
      start_date: { year: -44, month: 3, day: 15 },
      text: { headline: 'Ides of March', text: '<p onclick="x()">Caesar</p>' },
    },
    {
      start_date: { year: 1969, month: 7, day: 20, hour: 20, minute: 17 },
      text: { headline: 'Landing' },
      group: 'Space',
    },
  ],
};

async function load(src: string, setup: (el: ReelTimeline) => void = () => {}) {
  const invalid: unknown[] = [];
  const el = await mount((el) => {
    el.addEventListener('reel-invalid', (e) => invalid.push(e.detail.problems));
    setup(el);
    el.src = src;
  });
  return { el, invalid };
}

describe('src in every format', () => {
  it('TimelineJS3 JSON, sniffed: the importers load as their own chunk', async () => {
    const { el } = await load(blob(JSON.stringify(TIMELINEJS), 'application/json'));
    await expect.poll(() => marks(el).length).toBe(2);
    expect(el.problems).toEqual([]);
    expect(el.model.title).toBe('Imported');
    expect(el.model.events[0]!.start.input).toBe('-0043-03-15');
    expect(el.model.events[0]!.description).toBe('Caesar');
  });

  it('CSV from the TimelineJS3 template, with format="csv"', async () => {
    const csv =
      'Year,Month,Day,Headline,Text,Group\n1815,12,10,Ada Lovelace,<em>First</em>,People\n1906,12,9,Grace Hopper,,People\n';
    const { el } = await load(blob(csv, 'text/plain'), (el) => (el.format = 'csv'));
    await expect.poll(() => marks(el).length).toBe(2);
    expect(el.model.lanes.map((lane) => lane.label)).toEqual(['People']);
  });

  it('vis-timeline items with zone-less times, read in the time-zone', async () => {
    const items = [
      { id: 1, content: '<b>Item</b>', start: '2014-04-20T10:00' },
      { id: 2, content: 'B', start: '2014-04-21' },
    ];
    const { el } = await load(blob(JSON.stringify(items), 'application/json'), (el) => (el.timeZone = 'Europe/Berlin'));
    await expect.poll(() => marks(el).length).toBe(2);
    expect(el.problems).toEqual([]);
    expect(el.model.events[0]!.start.input).toBe('2014-04-20T10:00+02:00');
  });
});

describe('src text in any script', () => {
  it('a reeltime file with non-ASCII titles (read as ASCII JSON) gives the titles as written', async () => {
    const titles = [
      'Tournage à Venise',
      'Gdańsk’s shipyard',
      '撮影開始',
      'بدء التصوير',
      'Ørsted 😀',
      'back\\slash "quoted"',
    ];
    const dataset = { events: titles.map((title, i) => ({ id: `e${i}`, title, start: `2020-0${i + 1}-01` })) };
    // A BOM, as some editors save it, and the file as UTF-8 bytes.
    const { el } = await load(blob(`\uFEFF${JSON.stringify(dataset)}`, 'application/json'));
    await expect.poll(() => el.model.events.length).toBe(titles.length);
    expect(el.problems).toEqual([]);
    expect(el.model.events.map((event) => event.title)).toEqual(titles);
  });
});

describe('loading that never hangs', () => {
  const fails = async (src: string, pattern: RegExp, setup?: (el: ReelTimeline) => void) => {
    const { el, invalid } = await load(src, setup);
    await expect.poll(() => el.problems.length).toBe(1);
    expect(el.problems[0]!.message).toMatch(pattern);
    // The notice is a part loaded when there are problems to show: there once the update settles.
    await el.updateComplete;
    expect(notice(el)).toMatch(pattern);
    expect(invalid).toHaveLength(1);
    expect(el.shadowRoot!.textContent).not.toContain('Loading');
  };

  it('404', () => fails('/__missing__/dataset.json', /answered 404: there is no file at that address/));
  it('bad JSON', () => fails(blob('{"events": [', 'application/json'), /not valid JSON/));
  it('an HTML page', () =>
    fails(blob('<!doctype html><h1>Sign in</h1>', 'text/html'), /a web page \(HTML\), not data/));
  it('a wrong content type', () => fails(blob('GIF89a', 'image/gif'), /it is image\/gif, not data/));

  it('a server that never answers: load-timeout', async () => {
    const real = globalThis.fetch;
    const spy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation((input, init) =>
        String(input).includes('never')
          ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))
          : real(input, init),
      );
    try {
      await fails('/never', /no answer within 0.05 s/, (el) => (el.loadTimeout = 50));
    } finally {
      spy.mockRestore();
    }
  });

  it('a new src aborts the one before', async () => {
    const signals: AbortSignal[] = [];
    const real = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (init?.signal) signals.push(init.signal);
      return String(input).includes('never') ? new Promise(() => {}) : real(input, init);
    });
    try {
      const { el } = await load('/never');
      el.src = blob(JSON.stringify(TIMELINEJS), 'application/json');
      await expect.poll(() => marks(el).length).toBe(2);
      expect(signals[0]!.aborted).toBe(true);
      expect(el.problems).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the notice', () => {
  it('groups identical problems and counts items, not problems', async () => {
    const events = Array.from({ length: 99 }, (_, i) => ({ id: `e${i}`, title: 'E', start: '2020-01-01T10:00' }));
    const el = await mount((el) => (el.events = [{ id: 'ok', title: 'OK', start: '2020' }, ...events]));
    expect(itemsNotShown(el.problems)).toBe(99);
    expect(groupProblems(el.problems)).toHaveLength(1);
    const text = notice(el);
    expect(text).toContain('99 problems in the data; 99 items are not shown.');
    expect(text).toMatch(
      /99 events: start: "2020-01-01T10:00" is not a valid date: a date with a time needs a time zone.*\(e0, e1, e2, …\)/,
    );
  });

  it('counts an event with two errors once', async () => {
    const el = await mount(
      (el) => (el.events = [{ id: 'x', title: '', start: 'never' } as never, { id: 'ok', title: 'OK', start: '2020' }]),
    );
    expect(el.problems.filter((p) => p.severity === 'error')).toHaveLength(2);
    expect(notice(el)).toContain('1 item is not shown');
  });
});

describe('the plain path and the careful parser', () => {
  it('draws data that needs the careful parser in its first update, with the same messages as core', async () => {
    const { parseDataset } = await import('@reeltime/core');
    const data = {
      events: [
        { id: 'a', title: 'Approximate', start: 'c. 1850', sources: [{ title: 'A letter' }] },
        { id: 'b', title: 'Broken', start: '2020-02-30' },
      ],
    };
    const el = await mount((el) => (el.data = data));
    // updateComplete (awaited by mount) waited for the chunk: drawn and reported at once.
    expect(marks(el)).toHaveLength(1);
    expect(el.problems).toEqual(parseDataset(data).problems);
    expect(notice(el)).toContain('2020-02-30');
  });

  it('gives the element the dataset core gives, by either path', async () => {
    const { parseDataset } = await import('@reeltime/core');
    const plain = { lanes: [{ id: 'x', label: 'X' }], events: [{ id: 'a', title: 'A', start: '2020-05', lane: 'x' }] };
    const el = await mount((el) => (el.data = plain));
    expect(el.model).toEqual(parseDataset(plain).dataset);
    el.data = { events: [{ id: 'a', title: 'A', start: 'summer 2020' }] };
    await el.updateComplete;
    expect(el.model.events[0]!.start.precision).toBe('season');
    expect(marks(el)).toHaveLength(1);
  });
});
