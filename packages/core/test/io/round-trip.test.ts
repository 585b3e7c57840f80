/**
 * Import → export → import keeps every field and the precision, for each format (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCsv, fromTimelineJS, fromVis, toReeltime, detectFormat } from '../../src/io/index.js';
import { parseDataset, type Dataset } from '../../src/index.js';

/** The dataset without input positions (a re-parse numbers only the valid events). */
const comparable = (dataset: Dataset) => ({
  ...dataset,
  events: dataset.events.map(({ index: _index, ...event }) => event),
});

function roundTrip(dataset: Dataset): void {
  const json = JSON.parse(JSON.stringify(toReeltime(dataset))) as unknown;
  expect(detectFormat(json)).toBe('reeltime');
  const again = parseDataset(json);
  // Random dates may hold a year far from the rest: a warning, the same before and after.
  expect(again.problems.filter((p) => !p.detail?.includes('is far outside'))).toEqual([]);
  expect(comparable(again.dataset)).toEqual(comparable(dataset));
}

const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && !/[<&]/.test(s));
const tlDate = fc
  .record({
    year: fc.integer({ min: -20000, max: 9999 }).filter((y) => y !== 0),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    depth: fc.integer({ min: 1, max: 6 }),
    strings: fc.boolean(),
  })
  .map(({ depth, strings, ...fields }) => {
    const keys = ['year', 'month', 'day', 'hour', 'minute', 'second'].slice(0, depth) as (keyof typeof fields)[];
    return Object.fromEntries(keys.map((key) => [key, strings ? String(fields[key]) : fields[key]]));
  });

const tlEvent = fc.record(
  {
    unique_id: text,
    start_date: tlDate,
    text: fc.record({ headline: text, text: fc.string({ maxLength: 30 }) }, { requiredKeys: [] }),
    group: text,
    display_date: text,
    media: fc.record(
      { url: fc.webUrl(), caption: text, credit: text, thumbnail: fc.webUrl() },
      { requiredKeys: ['url'] },
    ),
  },
  { requiredKeys: ['start_date'] },
);

describe('round trips keep every field and the precision', () => {
  it('TimelineJS3 → reeltime → model (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(tlEvent, { maxLength: 12 }),
        fc.constantFrom('UTC', 'America/Los_Angeles', 'Asia/Kolkata'),
        (events, timeZone) => {
          const result = fromTimelineJS({ title: { text: { headline: 'T' } }, events }, { timeZone });
          for (const [i, event] of result.dataset.events.entries()) {
            const depth = Object.keys(events[event.index]?.start_date ?? {}).length;
            expect(event.start.precision, `event ${i}`).toBe(
              ['year', 'month', 'day', 'minute', 'minute', 'second'][depth - 1],
            );
          }
          roundTrip(result.dataset);
        },
      ),
    );
  });

  it('vis-timeline → reeltime → model (fast-check): Dates, numbers and zone-less strings', () => {
    const when = fc.oneof(
      fc.date({ min: new Date(-6e13), max: new Date(6e13), noInvalidDate: true }),
      fc.integer({ min: -6e13, max: 6e13 }),
      fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
      fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ id: fc.oneof(text, fc.nat()), content: text, start: when, group: fc.constantFrom(1, 2, 'x') }),
          {
            maxLength: 10,
          },
        ),
        (items) => {
          const result = fromVis(
            {
              items,
              groups: [
                { id: 1, content: 'One' },
                { id: 2, content: 'Two', nestedGroups: [1] },
              ],
            },
            {
              timeZone: 'Europe/Berlin',
            },
          );
          expect(result.dataset.events).toHaveLength(items.length);
          roundTrip(result.dataset);
        },
      ),
    );
  });

  it('reads 29 February in a zone (fast-check found a day-off offset, +25:00)', () => {
    const result = fromVis(
      { items: [{ id: 'leap', content: 'Leap', start: '2060-02-29T23:00' }] },
      { timeZone: 'Europe/Berlin' },
    );
    expect(result.problems).toEqual([]);
    expect(result.dataset.events[0]!.start.input).toBe('2060-02-29T23:00+01:00');
  });

  it('CSV (template and mapped) → reeltime → model', () => {
    roundTrip(
      fromCsv(
        'Year,Month,Day,Time,End Year,Display Date,Headline,Text,Media,Media Credit,Media Caption,Type,Group\n' +
          ',,,,,,The title,About it,,,,title,\n' +
          '1969,7,20,20:17,,"July 20, 1969",Landing,<p>One <em>small</em> step</p>,https://example.org/a.jpg,NASA,Eagle,,Moon\n' +
          '-44,3,15,,,,Ides,,,,,,Rome\n' +
          '1960,,,,1970,,The sixties,,,,,era,\n',
        { timeZone: 'America/New_York' },
      ).dataset,
    );
    const mapped = fromCsv('Name,When,Until,Kind\nA,2020-02,2020-03,x\nB,c. 1990,,y\n', {
      columns: { title: 'Name', start: 'When', end: 'Until', lane: 'Kind' },
    });
    expect(mapped.problems).toEqual([]);
    roundTrip(mapped.dataset);
  });

  it('a reeltime dataset with every field', () => {
    const { dataset, problems } = parseDataset({
      title: 'All',
      description: 'Every field',
      lanes: [{ id: 'l', label: 'Lane L', description: 'd' }],
      eras: [
        {
          id: 'e',
          title: 'Era',
          start: '2019',
          end: '2021',
          description: 'x',
          sources: [{ title: 's', url: 'https://a.b' }],
        },
      ],
      events: [
        {
          id: 'a',
          title: 'A',
          start: 'c. 2020-03?',
          end: 'late 2021',
          description: 'D',
          lane: 'l',
          tags: ['t'],
          locations: ['p'],
          people: ['q'],
          status: 'planned',
          sources: [
            { title: 'S', publisher: 'P', published: '2020-01-02', file: 'f.txt', url: 'https://x.y', quote: 'Q' },
          ],
          url: 'https://x.y/z',
          displayDate: 'spring, maybe',
          media: { url: 'https://m.n/o.jpg', caption: 'c', credit: 'r', thumbnail: 'https://m.n/t.jpg' },
        },
        { id: 'b', title: 'B', start: '2020-09-01T10:00+02:00' },
      ],
    });
    expect(problems).toEqual([]);
    roundTrip(dataset);
  });
});

describe('TimelineJS3 years', () => {
  it('-44 is 44 BCE, the model year -43', () => {
    const { dataset } = fromTimelineJS({ events: [{ start_date: { year: -44, month: 3, day: 15 } }] });
    expect(dataset.events[0]!.start).toMatchObject({
      year: -43,
      month: 3,
      day: 15,
      precision: 'day',
      input: '-0043-03-15',
    });
  });

  it('a time is read in the given zone, across DST', () => {
    const at = (month: number) =>
      fromTimelineJS(
        { events: [{ start_date: { year: 2021, month, day: 1, hour: 12, minute: 30 } }] },
        { timeZone: 'Europe/London' },
      ).dataset.events[0]!.start.input;
    expect([at(1), at(7)]).toEqual(['2021-01-01T12:30Z', '2021-07-01T12:30+01:00']);
  });
});
