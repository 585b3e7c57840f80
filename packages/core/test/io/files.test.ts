/**
 * Real files: TimelineJS3's own sample timelines and spreadsheet templates (test/fixtures/timelinejs3,
 * MPL-2.0, see the licence there) and vis-timeline's example items (test/fixtures/vis-timeline,
 * Apache-2.0 or MIT) load with no error, and the counts are theirs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromCsv, importData, toReeltime } from '../../src/io/index.js';
import { parseDataset } from '../../src/index.js';

const dir = new URL('../fixtures/timelinejs3/', import.meta.url);
const read = (name: string, folder = dir) => readFileSync(new URL(name, folder), 'utf8');

/** Events in each file (TimelineJS3's own count of `events`, or data rows), eras and groups. */
const EXPECTED: Record<string, { events: number; eras?: number; lanes?: number; title?: string }> = {
  'all-media-types.json': { events: 41, lanes: 6 },
  'cosmo-mixed.json': { events: 11 },
  'cosmo.json': { events: 7, title: 'Cosmological Scale Timeline' },
  'eras.json': { events: 20, eras: 3, title: 'Eras Test' },
  'houston-timeline3.json': { events: 18 },
  'mediatypes-timeline3.json': { events: 29 },
  'republican-timeline3.json': { events: 13 },
  'shit-people-say-timeline3.json': { events: 20 },
  'soundcite-timeline3.json': { events: 18 },
  'timeline3.json': { events: 18 },
  'twain-marktwain.json': { events: 17 },
  'user-interface-timeline3.json': { events: 22 },
  'women_in_computing.json': { events: 10 },
  'my-own-timeline.csv': { events: 10, title: 'MY OWN CSV' },
  'women_in_computing.csv': { events: 10 },
};

describe('TimelineJS3 sample files', () => {
  const files = readdirSync(dir).filter((name) => /\.(json|csv)$/.test(name) && name !== 'parser_test.csv');

  it('are all listed here', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s loads with no problem at all and every event drawn', (name) => {
    const expected = EXPECTED[name]!;
    const result = importData(read(name), { url: `https://example.org/${name}` });
    expect(result.problems).toEqual([]);
    expect(result.format).toBe(name.endsWith('.csv') ? 'csv' : 'timelinejs');
    expect(result.dataset.events).toHaveLength(expected.events);
    expect(result.dataset.eras).toHaveLength(expected.eras ?? 0);
    expect(result.dataset.lanes).toHaveLength(expected.lanes ?? 1);
    if (expected.title) expect(result.dataset.title).toBe(expected.title);
    // And what it exports is a valid reeltime dataset with the same events.
    const again = parseDataset(JSON.parse(JSON.stringify(toReeltime(result.dataset))));
    expect(again.problems).toEqual([]);
    expect(again.dataset.events.map((e) => e.id)).toEqual(result.dataset.events.map((e) => e.id));
  });

  it('reads deep-time years in TimelineJS3 meaning (-13800000000 is 13.8 billion years BCE)', () => {
    const { dataset } = importData(read('cosmo.json'));
    const bang = dataset.events.find((e) => e.title === 'The Big Bang')!;
    expect(bang.start.year).toBe(-13_799_999_999);
    expect(bang.start.precision).toBe('year');
  });

  it('keeps HTML as text, media, groups and display dates (the spreadsheet template)', () => {
    const { dataset } = fromCsv(read('my-own-timeline.csv'));
    const ada = dataset.events.find((e) => e.id === 'ada-lovelace')!;
    expect(ada.start.input).toBe('1815-12-10');
    expect(ada.end?.input).toBe('1852-11-27');
    expect(ada.description).toContain('Take Ada Lovelace: Daughter of Lord Byron');
    expect(ada.description).not.toContain('<');
    expect(ada.media).toEqual({
      url: 'https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg',
      caption: 'Portrait by Alfred Edward Chalon',
      credit: 'Wikimedia Commons',
    });
    // Month without a day: month precision; an end year alone: year precision.
    const eniac = dataset.events.find((e) => e.id === 'and-the-women-who-made-it-work')!;
    expect([eniac.start.precision, eniac.end?.precision]).toEqual(['month', 'year']);
  });

  it('reads quoted commas and line breaks through d3-dsv (TimelineJS3 parser test) with a mapping', () => {
    const result = fromCsv(read('parser_test.csv'), { columns: { title: 'title', start: 'count' } });
    expect(result.problems).toEqual([]);
    expect(result.dataset.events.map((e) => e.title)).toEqual(['a good day', 'an ok day', 'a day, i guess']);
    expect(result.dataset.events[0]!.description).toContain('commas, "quoted strings" and \nnew lines!');
  });
});

describe('vis-timeline example items', () => {
  it('basic.json: 6 items, day precision, no problem', () => {
    const text = read('basic.json', new URL('../fixtures/vis-timeline/', import.meta.url));
    const result = importData(text);
    expect(result.format).toBe('vis');
    expect(result.problems).toEqual([]);
    expect(result.dataset.events.map((e) => [e.id, e.title, e.start.input, e.end?.input])).toEqual([
      ['1', 'item 1', '2014-04-20', undefined],
      ['2', 'item 2', '2014-04-14', undefined],
      ['3', 'item 3', '2014-04-18', undefined],
      ['4', 'item 4', '2014-04-16', '2014-04-19'],
      ['5', 'item 5', '2014-04-25', undefined],
      ['6', 'item 6', '2014-04-27', undefined],
    ]);
  });
});
