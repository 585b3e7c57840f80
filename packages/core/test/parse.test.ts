import { describe, expect, it } from 'vitest';
import { DEFAULT_LANE, parseDataset, type Problem } from '../src/index.js';

const valid = {
  title: 'Test',
  lanes: [{ id: 'production', label: 'Production' }],
  eras: [{ id: 'shoot', title: 'Shoot', start: '2020-02', end: '2021-09' }],
  events: [
    { id: 'start', title: 'Filming starts', start: '2020-02', lane: 'production', locations: ['Italy'] },
    { id: 'release', title: 'Release', start: '2023-07-12', lane: 'release', sources: [{ title: 'A', file: 'a.txt' }] },
    { id: 'halt', title: 'Halt', start: 'c. 2020', description: 'Paused.' },
  ],
};

function messages(problems: readonly Problem[]): string[] {
  return problems.map((problem) => problem.message);
}

describe('parseDataset', () => {
  it('parses a valid dataset with no problems, keeping input order', () => {
    const { dataset, problems } = parseDataset(valid);
    expect(problems).toEqual([]);
    expect(dataset.title).toBe('Test');
    expect(dataset.events.map((event) => event.id)).toEqual(['start', 'release', 'halt']);
    expect(dataset.eras[0]).toMatchObject({ id: 'shoot', from: Date.UTC(2020, 1, 1), to: Date.UTC(2021, 9, 1) });
  });

  it('derives spans and lanes; a status only when the data gives one', () => {
    const { dataset } = parseDataset(valid);
    const [start, release, halt] = dataset.events;
    expect(start).toMatchObject({ from: Date.UTC(2020, 1, 1), to: Date.UTC(2020, 2, 1), lane: 'production' });
    expect(release).toMatchObject({ from: Date.UTC(2023, 6, 12), to: Date.UTC(2023, 6, 13) });
    expect(halt).toMatchObject({ lane: DEFAULT_LANE });
    // Unmarked data says nothing about certainty: no status, not "confirmed"; "c." stays on the date.
    for (const event of dataset.events) expect(event.status).toBeUndefined();
    expect(halt!.start.approximate).toBe(true);
    const marked = parseDataset({ events: [{ id: 'p', title: 'P', start: '2024', status: 'planned' }] });
    expect(marked.dataset.events[0]!.status).toBe('planned');
    // Declared lanes first, then lanes named by events, then the default lane.
    expect(dataset.lanes.map((lane) => [lane.id, lane.label, lane.index])).toEqual([
      ['production', 'Production', 0],
      ['release', 'release', 1],
      [DEFAULT_LANE, '', 2],
    ]);
  });

  it('accepts a bare array of events', () => {
    const { dataset, problems } = parseDataset(valid.events);
    expect(problems).toEqual([]);
    expect(dataset.events).toHaveLength(3);
  });

  it('keeps the valid rest and names the event and field of every problem', () => {
    const { dataset, problems } = parseDataset({
      events: [
        valid.events[0],
        { id: 'bad-date', title: 'Bad date', start: '2020-13' },
        { title: 'No id', start: '2020' },
        { id: 'backwards', title: 'Backwards', start: '2021', end: '2020' },
        'not an event',
        { id: 'odd-tags', title: 'Odd tags', start: '2020', tags: ['ok', 3], status: 'maybe', colour: 'red' },
      ],
    });
    expect(dataset.events.map((event) => event.id)).toEqual(['start', 'odd-tags']);
    expect(dataset.events[1]).toMatchObject({ tags: ['ok'] });
    expect(dataset.events[1]!.status).toBeUndefined();
    const byPointer = Object.fromEntries(problems.map((problem) => [problem.pointer, problem]));
    expect(byPointer['/events/1/start']).toMatchObject({
      severity: 'error',
      eventId: 'bad-date',
      index: 1,
      field: 'start',
    });
    expect(byPointer['/events/1/start']!.message).toBe(
      'Event "bad-date" (events[1]): start: "2020-13" is not a valid date: month 13 is out of range 01–12; ' +
        'use a year ("2019", "44 BC"), month ("2020-02"), day ("2023-07-12"), instant with zone ("2020-09-01T10:00Z"), ' +
        '"early/mid/late 2020", "2020-Q3", "summer 2020", optionally with "c. " or a trailing "?" ' +
        '(the event is not shown until this is fixed)',
    );
    expect(byPointer['/events/2/id']).toMatchObject({ severity: 'error', index: 2 });
    expect(byPointer['/events/2/id']!.message).toMatch(/^Event events\[2\]: "id" is missing/);
    expect(byPointer['/events/3/end']!.message).toMatch(/end "2020" is before start "2021"/);
    expect(byPointer['/events/4']!.message).toMatch(
      /must be an object, got the string "not an event"; it is not shown/,
    );
    expect(byPointer['/events/5/tags']).toMatchObject({ severity: 'warning', field: 'tags' });
    expect(byPointer['/events/5/status']!.message).toMatch(/must be one of confirmed, approximate/);
    expect(byPointer['/events/5/colour']!.message).toMatch(/unknown field "colour" is ignored/);
  });

  it('keeps duplicate ids under a derived id and says so', () => {
    const one = { id: 'x', title: 'One', start: '2020' };
    const { dataset, problems } = parseDataset([one, { ...one, title: 'Two' }, { ...one, title: 'Three' }]);
    expect(dataset.events.map((event) => event.id)).toEqual(['x', 'x~2', 'x~3']);
    expect(messages(problems)).toEqual([
      'Event "x" (events[1]): id is used by an earlier event; shown as "x~2"',
      'Event "x" (events[2]): id is used by an earlier event; shown as "x~3"',
    ]);
  });

  it('derives ids past those already taken, original or derived', () => {
    const ids = (list: string[]) =>
      parseDataset(list.map((id, i) => ({ id, title: `T${i}`, start: '2020' }))).dataset.events.map((e) => e.id);
    expect(ids(['x', 'x~2', 'x', 'x'])).toEqual(['x', 'x~2', 'x~3', 'x~4']);
    expect(ids(['x', 'x', 'x~2', 'x~2', 'x'])).toEqual(['x', 'x~2', 'x~2~2', 'x~2~3', 'x~3']);
    expect(ids(['x', 'x~3', 'x', 'x', 'x'])).toEqual(['x', 'x~3', 'x~2', 'x~4', 'x~5']);
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'events',
      { events: null },
      { events: {} },
      JSON.parse('{"events":[{"__proto__":{"polluted":true},"id":"p","title":"t","start":"2020"}]}'),
      { events: [{ id: 'n', title: 'NaN', start: Number.NaN }] },
      { events: [{ id: 'h', title: '<img src=x onerror=alert(1)>', start: '2020' }] },
    ];
    for (const input of hostile) {
      expect(() => parseDataset(input)).not.toThrow();
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Text stays text: the model keeps it verbatim for the renderer to escape.
    expect(parseDataset(hostile.at(-1)).dataset.events[0]!.title).toBe('<img src=x onerror=alert(1)>');
    expect(parseDataset(null).problems[0]!.message).toMatch(/must be an object with "events" or an array/);
  });

  it('ignores unsafe or malformed source fields but keeps the source', () => {
    const { dataset, problems } = parseDataset([
      {
        id: 's',
        title: 'S',
        start: '2020',
        sources: [{ title: 'Ok', url: 'javascript:alert(1)', published: '2023-06-14' }, { file: 'no-title.txt' }],
      },
    ]);
    expect(dataset.events[0]!.sources).toHaveLength(1);
    expect(dataset.events[0]!.sources[0]).toMatchObject({ title: 'Ok', published: { precision: 'day' } });
    expect(dataset.events[0]!.sources[0]!.url).toBeUndefined();
    expect(messages(problems)).toEqual([
      'Event "s" (events[0]), source 1: "url" must be an http(s) URL, got "javascript:alert(1)"; it is ignored',
      'Event "s" (events[0]), source 2: "title" is missing; it is required (the source is ignored)',
    ]);
  });

  it('keeps a source with publisher, published, a relative file, url and quote', () => {
    const source = {
      title: 'Headline',
      publisher: 'Collider',
      published: '2023-06-14',
      file: '../sources/000.txt',
      url: 'https://collider.com/a/',
      quote: 'It said so.',
    };
    const { dataset, problems } = parseDataset([{ id: 's', title: 'S', start: '2020', sources: [source] }]);
    expect(problems).toEqual([]);
    expect(dataset.events[0]!.sources[0]).toMatchObject({
      ...source,
      published: { input: '2023-06-14', precision: 'day' },
    });
  });

  it('keeps only relative paths in a source file: no scheme, no protocol-relative host', () => {
    const files = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'https://example.org/a',
      '//evil.example/a',
      '\\\\evil\\a',
      '',
    ];
    const { dataset, problems } = parseDataset([
      {
        id: 's',
        title: 'S',
        start: '2020',
        sources: [...files, 'a b.txt', '/abs/x.txt', '?q', '#h'].map((file) => ({ title: 'T', file })),
      },
    ]);
    const kept = dataset.events[0]!.sources.map((s) => s.file);
    expect(kept.slice(0, files.length)).toEqual(files.map(() => undefined));
    expect(kept.slice(files.length)).toEqual(['a b.txt', '/abs/x.txt', '?q', '#h']);
    expect(problems).toHaveLength(files.length);
    expect(problems[0]!.message).toBe(
      'Event "s" (events[0]), source 1: "file" must be a path relative to the dataset, got "javascript:alert(1)"; it is ignored',
    );
  });
});

describe('parseDataset: lanes and eras', () => {
  it('reads named marker lines, at the start of their date, and reports bad ones', () => {
    const { dataset, problems } = parseDataset({
      markers: [
        { date: '2023-07-12', label: 'US release' },
        { date: '2020-03', label: 'Halt' },
        { date: '2020-13', label: 'Bad' },
        { date: '2021' },
        'nope',
      ],
      events: [],
    });
    expect(dataset.markers!.map((m) => [m.label, m.at, m.date.precision])).toEqual([
      ['US release', Date.UTC(2023, 6, 12), 'day'],
      ['Halt', Date.UTC(2020, 2, 1), 'month'],
    ]);
    expect(problems.map((p) => p.pointer)).toEqual(['/markers/2/date', '/markers/3/label', '/markers/4']);
    expect(parseDataset({ events: [] }).dataset.markers).toEqual([]);
  });

  it('reports malformed lanes and eras and keeps the rest', () => {
    const { dataset, problems } = parseDataset({
      lanes: [{ id: 'a', label: 'A' }, 'b', { id: 'a', label: 'Again' }],
      eras: [{ id: 'e', title: 'E', start: '2020', end: '2021' }, 7, { id: 'f', title: 'F', start: '2020' }],
      events: [],
    });
    expect(dataset.lanes.map((lane) => lane.label)).toEqual(['A']);
    expect(dataset.eras.map((era) => era.id)).toEqual(['e']);
    expect(problems.map((problem) => [problem.severity, problem.pointer, problem.message])).toEqual([
      ['warning', '/lanes/1', 'Lane lanes[1] must be an object, got the string "b"; it is ignored'],
      ['warning', '/lanes/2/id', 'Lane "a" (lanes[2]): lane id "a" is declared twice; the first declaration is used'],
      ['error', '/eras/1', 'Era eras[1] must be an object, got the number 7; it is not shown'],
      [
        'error',
        '/eras/2/end',
        'Era "f" (eras[2]): "end" is missing; it is required (the era is not shown until this is fixed)',
      ],
    ]);
    expect(parseDataset({ lanes: {}, eras: 'x', events: [] }).problems.map((p) => p.message)).toEqual([
      '"lanes" must be an array, got an object; it is ignored',
      '"eras" must be an array, got the string "x"; it is ignored',
    ]);
  });
});
