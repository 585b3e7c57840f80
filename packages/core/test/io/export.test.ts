/**
 * CSV export (toCsv) read back by fromCsv, and TimelineJS3 HTML text kept beside its plain text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCsv, fromTimelineJS, toCsv, toReeltime } from '../../src/io/index.js';
import { parseDataset, type Dataset } from '../../src/index.js';

/** What CSV keeps of an event: everything but sources, media and HTML. */
const csvPart = (dataset: Dataset) =>
  dataset.events.map(({ index: _i, sources: _s, media: _m, descriptionHtml: _h, ...event }) => event);

describe('toCsv', () => {
  it('writes the fields fromCsv reads, and reads back the same events', () => {
    const { dataset, problems } = parseDataset({
      lanes: [{ id: 'press', label: 'press' }],
      events: [
        {
          id: 'a',
          title: 'Premiere, "Paris"',
          start: '2023-07-10',
          end: '2023-07-12',
          description: 'Two lines\nand a comma, here',
          lane: 'press',
          tags: ['film', 'premiere'],
          people: ['Tom Cruise'],
          status: 'planned',
          url: 'https://example.org/a',
          displayDate: 'mid-July 2023',
        },
        { id: 'b', title: 'Filming', start: 'c. 2020-09', end: '2021?' },
        { id: 'c', title: 'At noon', start: '2021-03-04T12:00:00Z' },
      ],
    });
    expect(problems).toEqual([]);
    const csv = toCsv(dataset);
    expect(csv.split('\n')[0]).toBe('id,title,start,end,description,lane,tags,people,status,url,displayDate');
    const again = fromCsv(csv);
    expect(again.problems).toEqual([]);
    expect(csvPart(again.dataset)).toEqual(csvPart(dataset));
    expect(toCsv(dataset, { bom: true }).startsWith('\uFEFF')).toBe(true);
    expect(fromCsv(toCsv(dataset, { bom: true })).dataset.events).toHaveLength(3);
  });

  it('round-trips random events (fast-check)', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 20 })
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.includes(';'));
    const day = fc
      .record({
        y: fc.integer({ min: 1000, max: 2999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: text,
            start: day,
            description: fc.option(text, { nil: undefined }),
            tags: fc.array(text, { maxLength: 3 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (events) => {
          const { dataset } = parseDataset({
            events: events.map((e, i) => ({
              id: `e${i}`,
              title: e.title,
              start: e.start,
              tags: e.tags,
              ...(e.description === undefined ? {} : { description: e.description }),
            })),
          });
          const again = fromCsv(toCsv(dataset)).dataset;
          expect(csvPart(again).map(({ lane: _l, ...e }) => e)).toEqual(
            csvPart(dataset).map(({ lane: _l, ...e }) => e),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('TimelineJS3 HTML text', () => {
  const file = {
    events: [
      {
        start_date: { year: 1969, month: 7, day: 20 },
        text: { headline: 'Landing', text: '<p>One <em>small</em> step, <a href="https://nasa.gov">NASA</a>.</p>' },
      },
      { start_date: { year: 1970 }, text: { headline: 'Plain', text: 'No tags & no trouble' } },
    ],
  };

  it('keeps the HTML as written beside its plain text', () => {
    const { dataset, problems } = fromTimelineJS(file);
    expect(problems).toEqual([]);
    const [landing, plain] = dataset.events;
    expect(landing!.description).toBe('One small step, NASA.');
    expect(landing!.descriptionHtml).toBe('<p>One <em>small</em> step, <a href="https://nasa.gov">NASA</a>.</p>');
    expect(plain!.description).toBe('No tags & no trouble');
    expect(plain!.descriptionHtml).toBeUndefined();
  });

  it('survives the JSON export', () => {
    const { dataset } = fromTimelineJS(file);
    const again = parseDataset(JSON.parse(JSON.stringify(toReeltime(dataset))));
    expect(again.problems).toEqual([]);
    expect(again.dataset.events[0]!.descriptionHtml).toBe(dataset.events[0]!.descriptionHtml);
  });
});
