import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseDate } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import dataset from '../src/dead-reckoning.json' with { type: 'json' };

/** The shape of `dead-reckoning.json`, as far as these tests rely on it. */
interface Source {
  title: string;
  publisher: string;
  published?: string;
  file: string;
  url: string;
  quote: string;
}

interface Lane {
  id: string;
  label: string;
}

interface Era {
  id: string;
  title: string;
  start: string;
  end: string;
  description?: string;
  sources: Source[];
}

interface TimelineEvent {
  id: string;
  title: string;
  start: string;
  end?: string;
  description?: string;
  lane: string;
  status?: string;
  tags?: string[];
  locations?: string[];
  people?: string[];
  sources: Source[];
}

interface Dataset {
  $schema?: string;
  title: string;
  description?: string;
  lanes: Lane[];
  eras: Era[];
  events: TimelineEvent[];
}

const data: Dataset = dataset;

/** Where the dataset lives: a source's `file` is a path relative to it. */
const DATASET_URL = new URL('../src/dead-reckoning.json', import.meta.url);
/** The shipped source articles (in the package's `files`), as UTF-8 with a byte order mark. */
const SOURCES_DIR = new URL('../sources/', import.meta.url);
const BOM = '\uFEFF';

interface Seed {
  name: string;
  /** The article's text, without the byte order mark it is shipped with. */
  text: string;
  /** The article's publication date from its leading ` date YYYY-MM-DD` line, if it has one. */
  date: string | undefined;
}

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/;

/** The raw bytes of each shipped article, as text. */
const shipped: ReadonlyMap<string, string> = new Map(
  readdirSync(SOURCES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .map((name): [string, string] => [name, readFileSync(new URL(name, SOURCES_DIR), 'utf8')]),
);

const seeds: ReadonlyMap<string, Seed> = new Map(
  [...shipped].map(([name, raw]): [string, Seed] => {
    const text = raw.startsWith(BOM) ? raw.slice(BOM.length) : raw;
    return [name, { name, text, date: DATE_LINE.exec(text)?.[1] }];
  }),
);

/** The shipped article a citation's `file` resolves to (relative to the dataset), or undefined. */
function seedFor(file: string): Seed | undefined {
  const url = new URL(file, DATASET_URL);
  if (!url.href.startsWith(SOURCES_DIR.href)) return undefined;
  return seeds.get(url.href.slice(SOURCES_DIR.href.length));
}

function requireSeed(file: string): Seed {
  const seed = seedFor(file);
  if (seed === undefined) throw new Error(`no shipped article for ${file}`);
  return seed;
}

interface Cited {
  kind: 'event' | 'era';
  id: string;
  sources: Source[];
}

const cited: Cited[] = [
  ...data.events.map((e): Cited => ({ kind: 'event', id: e.id, sources: e.sources })),
  ...data.eras.map((e): Cited => ({ kind: 'era', id: e.id, sources: e.sources })),
];

function eventById(id: string): TimelineEvent {
  const found = data.events.find((e) => e.id === id);
  if (found === undefined) throw new Error(`missing event ${id}`);
  return found;
}

function citedFiles(item: { sources: Source[] }): string[] {
  return item.sources.map((s) => s.file);
}

// ---------------------------------------------------------------------------
// Date strings

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Inclusive-start / exclusive-end bounds (ms) of a date string, by core's parser, or undefined if it is invalid. */
function bounds(value: string): { lo: number; hi: number } | undefined {
  const parsed = parseDate(value);
  return parsed.ok ? { lo: parsed.value.start, hi: parsed.value.end } : undefined;
}

/** The `YYYY-MM-DD` day of a date string known to the day (or finer), else undefined. */
function dayOf(value: string): string | undefined {
  const parsed = parseDate(value);
  if (!parsed.ok || parsed.value.day === undefined) return undefined;
  const { year, month = 0, day } = parsed.value;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a seed supports the day `iso` (YYYY-MM-DD): either it is the seed's ` date` line, or
 * the seed names the day in words ("July 12", "12 July", "July 12th") and the year appears in
 * its text or is the year of its ` date` line (an undated "July 12" in a dated article).
 */
function seedSupportsDay(seed: Seed, iso: string): boolean {
  if (seed.date === iso) return true;
  const [year = '', month = '', day = ''] = iso.split('-');
  const monthName = MONTHS[Number(month) - 1];
  if (monthName === undefined) return false;
  const d = String(Number(day));
  const dayInWords = new RegExp(
    `\\b(?:${monthName}\\s+${d}(?:st|nd|rd|th)?|${d}(?:st|nd|rd|th)?\\s+${monthName})(?!\\d)`,
    'i',
  );
  if (!dayInWords.test(seed.text)) return false;
  const yearInText = new RegExp(`(?<!\\d)${escapeRegExp(year)}(?!\\d)`).test(seed.text.replace(DATE_LINE, ''));
  return yearInText || seed.date?.slice(0, 4) === year;
}

/** Every string in a JSON value, with its path. */
function* strings(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
  }
}

// ---------------------------------------------------------------------------

describe('dead-reckoning dataset: structure', () => {
  it('has at least 20 events with unique kebab-case ids', () => {
    expect(data.events.length).toBeGreaterThanOrEqual(20);
    const ids = data.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const eraIds = data.eras.map((e) => e.id);
    expect(new Set(eraIds).size).toBe(eraIds.length);
    for (const id of eraIds) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('declares the four lanes in order, uses every declared lane and no undeclared one', () => {
    expect(data.lanes).toEqual([
      { id: 'production', label: 'Production' },
      { id: 'stunts', label: 'Stunts & locations' },
      { id: 'marketing', label: 'Marketing & featurettes' },
      { id: 'release', label: 'Release' },
    ]);
    const declared = new Set(data.lanes.map((l) => l.id));
    const used = new Set(data.events.map((e) => e.lane));
    for (const lane of used) expect(declared, `lane ${lane} is not declared`).toContain(lane);
    for (const lane of declared) expect(used, `lane ${lane} is never used`).toContain(lane);
  });

  it('gives every event a short title, a known status and at most three sentences of description', () => {
    const statuses = ['confirmed', 'approximate', 'planned', 'uncertain', 'cancelled'];
    for (const e of data.events) {
      expect(e.title.length, e.id).toBeGreaterThan(0);
      expect(e.title.length, e.id).toBeLessThanOrEqual(60);
      if (e.status !== undefined) expect(statuses, e.id).toContain(e.status);
      if (e.description !== undefined) {
        const sentences = e.description.split(/(?<=[.!?])\s+(?=[A-Z"“])/).filter((s) => s.trim() !== '');
        expect(sentences.length, e.id).toBeGreaterThanOrEqual(1);
        expect(sentences.length, e.id).toBeLessThanOrEqual(3);
      }
    }
  });

  it('uses only supported date forms, with ranges that do not end before they start', () => {
    const dated = [
      ...data.events.map((e) => ({ id: e.id, start: e.start, end: e.end })),
      ...data.eras.map((e) => ({ id: e.id, start: e.start, end: e.end })),
    ];
    for (const { id, start, end } of dated) {
      const s = bounds(start);
      expect(s, `${id}: start ${start}`).toBeDefined();
      if (end === undefined) continue;
      const e = bounds(end);
      expect(e, `${id}: end ${end}`).toBeDefined();
      if (s !== undefined && e !== undefined) expect(e.hi, `${id}: ${start}..${end}`).toBeGreaterThan(s.lo);
    }
  });

  it('lists events in order of the earliest instant of their start', () => {
    const los = data.events.map((e) => bounds(e.start)?.lo ?? Number.NaN);
    for (const [i, lo] of los.entries()) {
      const prev = los[i - 1];
      if (prev !== undefined) expect(lo, data.events[i]?.id).toBeGreaterThanOrEqual(prev);
    }
  });
});

describe('dead-reckoning dataset: citations', () => {
  it('ships data/sources as the shared source articles, each with a UTF-8 byte order mark', () => {
    // The mark makes a browser read the text as UTF-8 from any server: plain-text servers
    // (python -m http.server, sirv) send no charset, and Chromium then decodes as windows-1252.
    for (const [name, raw] of shipped) expect(raw.startsWith(BOM), name).toBe(true);
    const shared = new URL('../../../shared/seeds/', import.meta.url);
    if (!existsSync(shared)) return; // a clone on its own: data/sources is the only copy
    const names = readdirSync(shared).filter((name) => name.endsWith('.txt'));
    expect([...seeds.keys()].sort()).toEqual(names.sort());
    for (const name of names) expect(seeds.get(name)?.text, name).toBe(readFileSync(new URL(name, shared), 'utf8'));
  });

  it('has the source articles the dataset is built from, and cites every one of them', () => {
    expect(seeds.size).toBeGreaterThanOrEqual(5);
    const citedNames = new Set(cited.flatMap((item) => item.sources.map((s) => requireSeed(s.file).name)));
    expect([...citedNames].sort()).toEqual([...seeds.keys()].sort());
  });

  it('publishes data/sources with the package: in `files` and as the `./sources/*` export', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      files: string[];
      exports: Record<string, unknown>;
      publishConfig: { exports: Record<string, unknown> };
    };
    expect(pkg.files).toContain('sources');
    expect(pkg.exports['./sources/*']).toBe('./sources/*');
    expect(pkg.publishConfig.exports['./sources/*']).toBe('./sources/*');
  });

  it('cites at least one source for every event and era', () => {
    for (const item of cited) expect(item.sources.length, `${item.kind} ${item.id}`).toBeGreaterThanOrEqual(1);
  });

  it('links every source to a shipped article, relative to the dataset in src/ and in dist/ alike', () => {
    const built = new URL('../dist/dead-reckoning.json', import.meta.url);
    for (const item of cited) {
      for (const s of item.sources) {
        expect(s.file, `${item.kind} ${item.id}`).toMatch(/^\.\.\/sources\/[^/]+\.txt$/);
        expect(seedFor(s.file), `${item.kind} ${item.id}: ${s.file}`).toBeDefined();
        // The JSON is published from dist/, one level down like src/: the link resolves to the same file.
        expect(new URL(s.file, built).href).toBe(new URL(s.file, DATASET_URL).href);
        expect(existsSync(new URL(s.file, DATASET_URL)), s.file).toBe(true);
      }
    }
  });

  it('quotes each cited article verbatim, in at most 300 characters', () => {
    for (const item of cited) {
      for (const s of item.sources) {
        const seed = requireSeed(s.file);
        expect(s.quote.length, `${item.kind} ${item.id}`).toBeGreaterThan(0);
        expect(s.quote.length, `${item.kind} ${item.id}`).toBeLessThanOrEqual(300);
        expect(seed.text.includes(s.quote), `${item.kind} ${item.id}: quote not in ${s.file}: ${s.quote}`).toBe(true);
      }
    }
  });

  it('gives `published` exactly when the article has a date line, equal to it', () => {
    for (const item of cited) {
      for (const s of item.sources) {
        const seed = requireSeed(s.file);
        expect(s.published, `${item.kind} ${item.id}: ${s.file}`).toBe(seed.date);
      }
    }
  });

  it("titles each source with the article's headline, or with its opening words where it has none", () => {
    for (const item of cited) {
      for (const s of item.sources) {
        const seed = requireSeed(s.file);
        const label = `${item.kind} ${item.id}: ${s.title}`;
        expect(s.title, label).not.toMatch(/^\[/);
        const firstLine = seed.text.split('\n')[0]?.trim() ?? '';
        if (s.title === firstLine) continue; // a headline (only 004 has one)
        // No headline: the opening words, as the article starts (after its date line), then "…".
        expect(s.title.endsWith('…'), label).toBe(true);
        expect(seed.text.replace(DATE_LINE, '').trimStart().startsWith(s.title.slice(0, -1)), label).toBe(true);
      }
    }
  });

  it('names the publisher and the original http(s) address of every source, the same for every citation of it', () => {
    const byFile = new Map<string, Omit<Source, 'quote'>>();
    for (const item of cited) {
      for (const s of item.sources) {
        expect(s.publisher.trim(), `${item.kind} ${item.id}`).not.toBe('');
        expect(s.url, `${item.kind} ${item.id}`).toMatch(/^https:\/\/[^/]+\//);
        const { quote: _quote, ...meta } = s;
        const name = requireSeed(s.file).name;
        const first = byFile.get(name);
        if (first === undefined) byFile.set(name, meta);
        else expect(meta, `${item.kind} ${item.id}: ${name}`).toEqual(first);
      }
    }
  });
});

describe('dead-reckoning dataset: milestones', () => {
  it('has the 2019 announcement of the back-to-back two-parter', () => {
    const e = eventById('two-parts-announced');
    expect(e.start).toBe('2019');
    expect(e.end).toBeUndefined();
    expect(e.lane).toBe('production');
    expect(e.description).toMatch(/back to back/);
  });

  it('has filming starting in Italy in February 2020', () => {
    const e = eventById('filming-begins-italy');
    expect(e.start).toBe('2020-02');
    expect(e.lane).toBe('production');
    expect(e.status).toBe('confirmed');
    expect(e.locations?.some((l) => /\bItaly\b/.test(l))).toBe(true);
  });

  it('has the COVID-19 halt and the restart later in 2020, at the year the source gives, not approximate', () => {
    // "halted, before resuming later in the year": both fell in 2020, neither month is given.
    const halt = eventById('production-halted-covid');
    expect(halt.start).toBe('2020');
    expect(halt.end).toBeUndefined();
    expect(halt.status).toBeUndefined();
    expect(halt.description).toMatch(/COVID-19/);
    const restart = eventById('filming-resumes');
    expect(restart.start).toBe('2020');
    expect(restart.status).toBeUndefined();
    for (const e of [halt, restart]) {
      expect(
        e.sources.some((s) => s.quote.includes('halted, before resuming later in the year')),
        e.id,
      ).toBe(true);
    }
    expect(restart.description).toMatch(/later in 2020/);
  });

  it('has the September 2021 wrap', () => {
    const e = eventById('filming-wraps');
    expect(e.start).toBe('2021-09');
    expect(e.status).toBe('confirmed');
  });

  it('has the motorcycle cliff jump, shot first and done six times in a day', () => {
    const e = eventById('motorcycle-cliff-jump');
    expect(e.lane).toBe('stunts');
    // Year precision: the first day of filming, which began in 2020; no source dates it closer.
    expect(e.start).toBe('2020');
    expect(e.status).toBeUndefined();
    expect(citedFiles(e)).toContain('../sources/000_d5f31131fce22306.txt');
    expect(e.tags).toContain('motorcycle');
    expect(e.description).toMatch(/six times/);
    expect(e.description).toMatch(/first day of filming/);
    // The seeds do not say where it was shot.
    expect(e.locations).toBeUndefined();
  });

  it('has the handcuffed Rome car chase in a custom-built Fiat 500', () => {
    const e = eventById('rome-car-chase');
    expect(e.lane).toBe('stunts');
    expect(e.locations).toContain('Rome, Italy');
    expect(e.people).toEqual(expect.arrayContaining(['Tom Cruise', 'Hayley Atwell']));
    expect(e.description).toMatch(/Fiat 500/);
    expect(e.description).toMatch(/handcuffed/);
    expect([e.start, e.end]).toEqual(['2020-02', '2021-09']);
  });

  it('has the train-roof fight shot in Norway', () => {
    const e = eventById('train-roof-fight-norway');
    expect(e.lane).toBe('stunts');
    expect(e.locations).toContain('Norway');
    expect([e.start, e.end]).toEqual(['2020-02', '2021-09']);
  });

  it('has the train wreck in Darlton Quarry with a train built to be destroyed', () => {
    const e = eventById('train-wreck-darlton-quarry');
    expect(e.lane).toBe('stunts');
    expect(e.locations).toContain('Darlton Quarry, UK');
    expect(e.description).toMatch(/built solely to be destroyed/);
    expect([e.start, e.end]).toEqual(['2020-02', '2021-09']);
  });

  it('has the speed flying shot with a specialized gimbal', () => {
    const e = eventById('speed-flying-gimbal');
    expect(e.lane).toBe('stunts');
    expect(e.tags).toContain('speed-flying');
    expect(e.description).toMatch(/gimbal/);
    expect([e.start, e.end]).toEqual(['2020-02', '2021-09']);
  });

  it('has the filming locations the seeds name', () => {
    const places = new Set(data.events.flatMap((e) => e.locations ?? []));
    for (const place of ['Malta', 'South Africa', 'Norway', 'UK', 'Darlton Quarry, UK', 'Rome, Italy']) {
      expect(places, place).toContain(place);
    }
  });

  it('has the CinemaCon title reveal as undated: uncertain within the bounds its sources give', () => {
    const e = eventById('cinemacon-title-reveal');
    expect(e.lane).toBe('marketing');
    // Not "approximate" over a span: a reveal is a moment, and no source says when it was.
    expect(e.status).toBe('uncertain');
    // After the 2019 announcement (000), before the article of 19 Dec 2022 (002) that reports it;
    // the end claims the year only, not a day on which nothing was revealed.
    expect([e.start, e.end]).toEqual(['2019', '2022']);
    expect(e.description).toMatch(/CinemaCon/);
    expect(citedFiles(e)).toContain('../sources/002_f6da5a4759fc8f00.txt');
    expect(citedFiles(e)).toContain('../sources/000_d5f31131fce22306.txt');
  });

  it.each([
    ['featurette-motorcycle-stunt', '2022-12-19'],
    ['featurette-rome-car-chase', '2023-06-14'],
    ['featurette-train-sequence', '2023-07-05'],
  ])('has the featurette %s dated about %s by the article that reports it', (id, date) => {
    const e = eventById(id);
    expect(e.lane).toBe('marketing');
    // Out by the article's day, perhaps a little before it: approximate, in the date itself.
    expect(e.start).toBe(`c. ${date}`);
    expect(e.status).toBeUndefined();
    expect(e.end).toBeUndefined();
    expect(e.tags).toContain('featurette');
    expect(e.sources.some((s) => requireSeed(s.file).date === date)).toBe(true);
  });

  it('has the Fandango featurette the month before release, at month precision only', () => {
    const e = eventById('fandango-featurette');
    expect(e.lane).toBe('marketing');
    expect(e.start).toBe('c. 2023-06');
    expect(e.status).toBe('approximate');
    expect(citedFiles(e)).toContain('../sources/003_a02fd4a0a53ef109.txt');
  });

  it('has the 12 July 2023 US release, as scheduled: every source predates it', () => {
    const e = eventById('us-release');
    expect(e.lane).toBe('release');
    expect(e.start).toBe('2023-07-12');
    expect(e.status).toBe('planned');
    for (const s of e.sources) {
      const published = requireSeed(s.file).date;
      if (published !== undefined) expect(published < '2023-07-12', s.file).toBe(true);
    }
    expect(e.locations).toContain('United States');
  });

  it("has Part Two's release as planned", () => {
    const e = eventById('part-two-planned-release');
    expect(e.lane).toBe('release');
    expect(e.status).toBe('planned');
    expect(e.start).toBe('2024-06-28');
  });
});

describe('dead-reckoning dataset: honesty of dates and text', () => {
  it('day-check helper accepts days the seeds give and rejects others', () => {
    const rome = requireSeed('../sources/000_d5f31131fce22306.txt');
    const fandango = requireSeed('../sources/003_a02fd4a0a53ef109.txt');
    expect(seedSupportsDay(rome, '2023-06-14')).toBe(true); // date line
    expect(seedSupportsDay(rome, '2023-07-12')).toBe(true); // "July 12" in an article dated 2023
    expect(seedSupportsDay(rome, '2023-07-13')).toBe(false);
    expect(seedSupportsDay(rome, '2023-07-01')).toBe(false); // "July 12" is not "July 1"
    expect(seedSupportsDay(fandango, '2024-06-28')).toBe(true); // "June 28, 2024"
    expect(seedSupportsDay(fandango, '2025-06-28')).toBe(false);
    expect(seedSupportsDay(fandango, '2020-02-01')).toBe(false);
  });

  it('gives a day-precision date only where a cited seed gives that day', () => {
    const dated = [
      ...data.events.map((e) => ({ id: e.id, start: e.start, end: e.end, sources: e.sources })),
      ...data.eras.map((e) => ({ id: e.id, start: e.start, end: e.end, sources: e.sources })),
    ];
    for (const item of dated) {
      for (const value of [item.start, item.end]) {
        if (value === undefined) continue;
        const day = dayOf(value);
        if (day === undefined) continue;
        const supported = item.sources.some((s) => {
          const seed = seedFor(s.file);
          return seed !== undefined && seedSupportsDay(seed, day);
        });
        expect(supported, `${item.id}: ${value} is not given by any cited seed`).toBe(true);
      }
    }
  });

  it("says in words where an era's approximate month is an estimate no cited source gives (the COVID-19 halt)", () => {
    // Eras only: an event's approximate month is worked out from its article's words ("next
    // month"), as its own description says; an era's band edges have no such words to lean on.
    const dated = data.eras.map((e) => ({
      id: e.id,
      start: e.start,
      end: e.end,
      sources: e.sources,
      text: e.description,
    }));
    let estimates = 0;
    for (const item of dated) {
      for (const value of [item.start, item.end]) {
        const match = value === undefined ? null : /^c\. (\d{4})-(\d{2})$/.exec(value);
        if (!match) continue;
        const [, year = '', month = ''] = match;
        const named = new RegExp(`\\b${MONTHS[Number(month) - 1]}\\s+${year}\\b`, 'i');
        const cited = item.sources.some((s) => named.test(requireSeed(s.file).text));
        if (cited) continue;
        estimates++;
        expect(item.text, `${item.id}: ${value} is given by no cited seed`).toMatch(/No source gives the month/);
        expect(item.text, item.id).toMatch(/estimate/);
      }
    }
    // The halt's two months and the restart's: no seed names them.
    expect(estimates).toBeGreaterThanOrEqual(3);
    const halt = data.eras.find((e) => e.id === 'covid-halt')!;
    expect([halt.start, halt.end]).toEqual(['c. 2020-03', 'c. 2020-06']);
  });

  it('contains no HTML in any string', () => {
    for (const [path, value] of strings(dataset as unknown)) {
      expect(/<[a-z!/]/i.test(value), `${path}: ${value}`).toBe(false);
    }
  });
});
