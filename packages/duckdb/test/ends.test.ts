/**
 * Counts without the look-back (bins.ts `edgeCountsSql`, the ends table): with a count table, the
 * total of any window and the exact counts of narrow ones come from running sums over whole bins
 * and the partial bin at each edge, reading neither the events that reach back to the window nor
 * those crossing it. Checked equal, to the event, with the counts read from every event (no
 * count table) for random windows whose edges fall anywhere, on bin edges, on event starts and on
 * event ends, over data whose longest events are far longer than the windows; and checked to read
 * a bounded range of the narrow and ends tables, so that a regression to a scan fails.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_LEVEL } from '../src/bins.js';
import { SqlBackend, type CountsRequest, type SqlEngine } from '../src/index.js';
import { NodeDuckDbEngine } from '../src/node.js';
import { writeFixture } from './fixture.js';

let engine: NodeDuckDbEngine;
const statements: [string, readonly (string | number | null)[]][] = [];

beforeAll(async () => {
  engine = await NodeDuckDbEngine.create();
  // Long events: 40,000 over ten years, one in 50 twenty years long and one in 10 about a year,
  // the rest up to a day; one in 7 starting and one in 11 ending on an edge of the finest bins
  // (2^19 ms here: ten years over 2^20 bins), many in the same instants.
  const base = Date.UTC(2000, 0, 1);
  const span = 10 * 365 * 86_400_000;
  const r = (k: number) => `((i * ${2_654_435_761 + 2 * k} + ${97_531 + k * 7_919}) % 2147483647)`;
  await engine.all(`CREATE OR REPLACE TABLE long_input AS
    WITH d AS (
      SELECT i, ${base} + ${r(1)} % ${span} AS s0,
        CASE WHEN i % 50 = 0 THEN ${20 * 365 * 86_400_000} WHEN i % 10 = 0 THEN ${r(2)} % ${400 * 86_400_000}
          ELSE ${r(2)} % ${86_400_000} END AS d0
      FROM range(40000) AS g(i)),
    e AS (SELECT i, CASE WHEN i % 7 = 0 THEN s0 // ${2 ** 19} * ${2 ** 19} ELSE s0 END AS s, d0 FROM d)
    SELECT 'e' || CAST(i AS VARCHAR) AS id, 'Event ' || CAST(i AS VARCHAR) AS title,
      epoch_ms(CAST(s AS BIGINT)) AS start,
      epoch_ms(CAST(CASE WHEN i % 11 = 0 THEN (s + d0) // ${2 ** 19} * ${2 ** 19} + ${2 ** 19} - 1 ELSE s + d0 END AS BIGINT)) AS "end",
      'lane ' || CAST(i % 4 AS VARCHAR) AS lane
    FROM e`);
}, 120_000);

afterAll(() => engine?.close());

/** A backend with and one without the count table over the same input, and its events. */
async function pair(name: string, input: { table: string } | { file: string; format: 'parquet' }) {
  const spy: SqlEngine = {
    all: (sql, params) => (statements.push([sql, params ?? []]), engine.all(sql, params)),
    names: (sql, params) => engine.names(sql, params),
  };
  const indexed = new SqlBackend(spy, { input, name });
  const exact = new SqlBackend(engine, { input, name: `${name}_exact`, preaggregate: false });
  const { extent, maxSpan } = await indexed.info();
  await exact.info();
  const { binWidth } = await indexed.state();
  const rows = await engine.all(`SELECT f, t FROM "${name}"`);
  const starts = rows.map((row) => Number(row['f'])).sort((a, b) => a - b);
  const ends = rows.map((row) => Number(row['t'])).sort((a, b) => a - b);
  return { indexed, exact, extent: extent!, maxSpan, binWidth, starts, ends };
}

type Pair = Awaited<ReturnType<typeof pair>>;

/** The first of sorted `values` at or after `x` (the last when none). */
function atOrAfter(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return values[lo]!;
}

/**
 * Random count requests: edges anywhere, on a bin edge of the finest resolution or of the one the
 * edge counts read (EDGE_LEVEL), on an event's start or on an event's end; a second to the whole
 * extent wide (log-uniform), 40–1600 buckets.
 */
function requests({ extent: [lo, hi], binWidth, starts, ends }: Pair): fc.Arbitrary<CountsRequest> {
  const edge = binWidth * 8 ** EDGE_LEVEL;
  const snap = (x: number, how: number) =>
    how === 0
      ? x
      : how === 1
        ? Math.round(x / binWidth) * binWidth
        : how === 4
          ? Math.round(x / edge) * edge
          : atOrAfter(how === 2 ? starts : ends, x);
  return fc
    .tuple(
      fc.double({ min: -0.05, max: 1.05, noNaN: true }),
      fc.double({ min: Math.log(1000), max: Math.log(hi - lo), noNaN: true }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 40, max: 1600 }),
      fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), { nil: undefined }),
    )
    .map(([at, logSpan, fromHow, toHow, buckets, lanes]) => {
      const from = snap(lo + at * (hi - lo), fromHow);
      const to = Math.max(from, snap(from + Math.exp(logSpan), toHow));
      return { from, to, buckets, ...(lanes ? { lanes } : {}) };
    });
}

/** Flat `[lane, bucket, count]` triples summed per lane and bucket. */
function asMap(triples: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < triples.length; i += 3) {
    const key = `${triples[i]}:${triples[i + 1]}`;
    out.set(key, (out.get(key) ?? 0) + triples[i + 2]!);
  }
  return out;
}

/** Rows each scan of each table read in a statement (DuckDB's profile: rows scanned per TABLE_SCAN). */
async function rowsScanned(sql: string, params: readonly (string | number | null)[]): Promise<Map<string, number[]>> {
  const [row] = await engine.all(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  const out = new Map<string, number[]>();
  interface Node {
    readonly operator_type?: string;
    readonly operator_rows_scanned?: number;
    readonly extra_info?: { readonly Table?: string };
    readonly children?: readonly Node[];
  }
  const walk = (node: Node) => {
    const table = node.extra_info?.Table?.split('.').at(-1);
    if (node.operator_type === 'TABLE_SCAN' && table)
      out.set(table, [...(out.get(table) ?? []), node.operator_rows_scanned ?? 0]);
    for (const child of node.children ?? []) walk(child);
  };
  walk(JSON.parse(String(row!['explain_value'])) as Node);
  return out;
}

describe.each([
  ['long events (maxSpan ≫ window)', 'long', { table: 'long_input' }],
  ['the 100,000-event fixture', 'fixture', undefined],
] as const)('counts from running sums over %s', (_, name, table) => {
  let data: Pair;

  beforeAll(async () => {
    const input = table ?? { file: (await writeFixture(100_000)).file, format: 'parquet' as const };
    data = await pair(name, input);
  }, 120_000);

  it('gives the total of every window and the counts of narrow ones exactly, edges on bins, starts and ends', async () => {
    const { indexed, exact, binWidth, maxSpan } = data;
    let narrow = 0;
    let wide = 0;
    let longer = 0;
    await fc.assert(
      fc.asyncProperty(requests(data), async (request) => {
        const expected = await exact.counts(request);
        const actual = await indexed.counts(request);
        expect(actual.total).toBe(expected.total);
        if (binWidth * 8 > (request.to - request.from) / request.buckets) {
          narrow++;
          if (request.to - request.from < maxSpan / 100) longer++;
          expect(asMap(actual.starts)).toEqual(asMap(expected.starts));
          expect(asMap(actual.ends)).toEqual(asMap(expected.ends));
        } else wide++;
      }),
      { numRuns: 150, seed: 18 },
    );
    // Both paths were reached, and windows far narrower than the longest event.
    expect([narrow, wide, longer].every((count) => count > 10)).toBe(true);
  }, 120_000);

  it('counts windows with both edges on one bin edge, on one instant, and outside the extent', async () => {
    const { indexed, exact, binWidth, extent, starts, ends } = data;
    const [lo, hi] = extent;
    const mid = Math.round((lo + hi) / 2 / (binWidth * 8 ** EDGE_LEVEL)) * binWidth * 8 ** EDGE_LEVEL;
    const start = atOrAfter(starts, mid);
    const end = atOrAfter(ends, mid);
    const windows = [
      [mid, mid],
      [start, start],
      [end, end],
      [mid - binWidth, mid],
      [mid + binWidth, mid + 2 * binWidth],
      [start, end],
      [lo, lo],
      [hi, hi],
      [lo - 1e9, lo - 1e6],
      [hi + 1e6, hi + 1e9],
      [lo - 1e9, lo + binWidth],
      [hi - binWidth, hi + 1e9],
    ] as const;
    for (const [from, to] of windows)
      for (const buckets of [1, 960]) {
        const request = { from, to, buckets };
        const expected = await exact.counts(request);
        const actual = await indexed.counts(request);
        expect([from, to, buckets, actual.total]).toEqual([from, to, buckets, expected.total]);
        // Wider buckets are counted from the count table, with bucket edges moved to bin edges.
        if (binWidth * 8 <= (to - from) / buckets) continue;
        expect(asMap(actual.starts)).toEqual(asMap(expected.starts));
        expect(asMap(actual.ends)).toEqual(asMap(expected.ends));
      }
  });
});

describe('what the counts read', () => {
  let data: Pair;

  beforeAll(async () => {
    // 1.5 million events (13 row groups), one in 50 twenty years long: the events touching a
    // window reach back twenty years before it.
    const base = Date.UTC(2000, 0, 1);
    const year = 365 * 86_400_000;
    await engine.all(`CREATE OR REPLACE TABLE many_input AS
      SELECT 'e' || CAST(i AS VARCHAR) AS id, '' AS title,
        epoch_ms(CAST(${base} + i * ${Math.floor((40 * year) / 1_500_000)} AS BIGINT)) AS start,
        epoch_ms(CAST(${base} + i * ${Math.floor((40 * year) / 1_500_000)} + CASE WHEN i % 50 = 0 THEN ${20 * year} ELSE 3600000 END AS BIGINT)) AS "end",
        'lane ' || CAST(i % 3 AS VARCHAR) AS lane
      FROM range(1500000) AS g(i)`);
    data = await pair('many', { table: 'many_input' });
  }, 300_000);

  /** The statement `counts` ran for `request`, and the rows each table's scans read running it again. */
  async function scanned(request: CountsRequest) {
    statements.length = 0;
    const answer = await data.indexed.counts(request);
    expect(statements).toHaveLength(1);
    const scans = await rowsScanned(...statements[0]!);
    // Of 1.5 million rows, each scan of the narrow and ends tables reads at most two row groups
    // (122,880 rows each: DuckDB's zone maps), and all of them fewer than four; a scan of the
    // events touching the window, reaching back twenty years, reads half of them.
    for (const table of ['many', 'many_ends']) {
      const rows = scans.get(table) ?? [];
      for (const scan of rows) expect(scan).toBeLessThanOrEqual(2 * 122_880);
      expect(rows.reduce((sum, scan) => sum + scan, 0)).toBeLessThan(4 * 122_880);
    }
    return { answer, scans };
  }

  it('reads a bin or two of starts and of ends for the total of a wide window, not the events touching it', async () => {
    const [lo] = data.extent;
    const last = data.starts.at(-1)!;
    const request = { from: lo + 0.3 * (last - lo), to: lo + 0.9 * (last - lo), buckets: 960 };
    const { answer, scans } = await scanned(request);
    expect(answer.total).toBe((await data.exact.counts(request)).total);
    expect(answer.total).toBeGreaterThan(400_000);
    expect(scans.get('many_bins')?.length).toBeGreaterThan(0);
  });

  it('reads the starts and ends in a narrow window, not the twenty years of starts before it', async () => {
    const [lo] = data.extent;
    const from = lo + 0.7 * (data.starts.at(-1)! - lo);
    const request = { from, to: from + 86_400_000, buckets: 960 };
    const { answer, scans } = await scanned(request);
    expect(asMap(answer.starts)).toEqual(asMap((await data.exact.counts(request)).starts));
    expect(asMap(answer.ends)).toEqual(asMap((await data.exact.counts(request)).ends));
    // A window of a day holds a few hundred starts, crossed by thousands of twenty-year events.
    expect(answer.total).toBeGreaterThan(10_000);
    expect(scans.get('many_bins')?.length).toBeGreaterThan(0);
  });
});
