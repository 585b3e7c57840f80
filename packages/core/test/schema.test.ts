import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetSchema, parseDataset, parseDate } from '../src/index.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(datasetSchema);

describe('dataset JSON Schema', () => {
  it('is the committed dataset.schema.json (run `pnpm --filter @reeltime/core schema` after changing it)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../dataset.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(datasetSchema)));
  });

  const dates = [
    '2019',
    '2020-02',
    '2023-07-12',
    '2020-09-01T10:00Z',
    '2020-09-01T12:00:30.5+02:00',
    'late 2020',
    'Early 2020',
    'mid-2021',
    'late 2020-02',
    '2020-Q3',
    'Q4 2020',
    'summer 2020',
    'Winter 2020',
    '2020-autumn',
    'c. 2019',
    'circa 2020-02',
    '2020-03?',
    '2020~',
    '-0043-03-15',
    '2020-13',
    '2020-9',
    'yesterday',
    '2020-09-01T10:00',
    'late',
    'Q5 2020',
    '20200',
    '2020 - 02',
  ];
  it.each(dates)('the schema pattern and the parser agree about %j (up to range checks)', (text) => {
    const bySchema = validate({ events: [{ id: 'a', title: 'A', start: text }] });
    const byParser = parseDate(text).ok;
    // The pattern cannot know month 13 is out of range: the parser is allowed to be stricter.
    if (text === '2020-13') expect([bySchema, byParser]).toEqual([true, false]);
    else expect(bySchema).toBe(byParser);
  });

  const datasets: [string, unknown][] = [
    ['minimal', { events: [] }],
    [
      'full',
      {
        title: 't',
        lanes: [{ id: 'a', label: 'A' }],
        eras: [{ id: 'e', title: 'E', start: '2020', end: '2021', sources: [{ title: 's', file: 'f' }] }],
        markers: [{ date: '2020-03', label: 'Halt' }],
        events: [
          {
            id: 'x',
            title: 'X',
            start: '2020',
            end: '2021',
            lane: 'a',
            tags: ['t'],
            status: 'planned',
            url: 'https://example.org',
          },
        ],
      },
    ],
    ['missing events', { title: 't' }],
    ['unknown field', { events: [{ id: 'x', title: 'X', start: '2020', colour: 'red' }] }],
    ['marker without label', { markers: [{ date: '2020' }], events: [] }],
    ['marker with a bad date', { markers: [{ date: 'soon', label: 'L' }], events: [] }],
    ['bad status', { events: [{ id: 'x', title: 'X', start: '2020', status: 'maybe' }] }],
    ['empty title', { events: [{ id: 'x', title: ' ', start: '2020' }] }],
    ['numeric id', { events: [{ id: 1, title: 'X', start: '2020' }] }],
    ['javascript url', { events: [{ id: 'x', title: 'X', start: '2020', url: 'javascript:alert(1)' }] }],
    ['source without title', { events: [{ id: 'x', title: 'X', start: '2020', sources: [{ file: 'f' }] }] }],
    ...['../sources/a.txt', 'javascript:alert(1)', 'https://example.org/a', '//evil.example/a', ''].map(
      (file): [string, unknown] => [
        `source file ${JSON.stringify(file)}`,
        { events: [{ id: 'x', title: 'X', start: '2020', sources: [{ title: 'T', publisher: 'P', file }] }] },
      ],
    ),
  ];
  it.each(datasets)('schema and parser agree on validity: %s', (_name, input) => {
    expect(validate(input)).toBe(parseDataset(input).problems.length === 0);
  });
});
