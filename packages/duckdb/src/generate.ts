/**
 * Seeded synthetic events in SQL, with DuckDB's `range()`: the datasets of the benchmarks and
 * stories (1M to 100M events, written to Parquet by a script or generated in the page), and the
 * tests' 100,000. The same count and seed give the same rows on every machine: the randomness is
 * integer arithmetic on the row number, not a random function.
 *
 * @module
 */

/** Options for {@link generateEventsSql}. */
export interface GenerateOptions {
  /** Number of events. */
  readonly count: number;
  /** Seed (a whole number, default 1). */
  readonly seed?: number;
  /** Number of lanes (default 6). */
  readonly lanes?: number;
  /** Years the events spread over, from 2000 (default 25). */
  readonly years?: number;
}

const WORDS = [
  'Harbour',
  'survey',
  'council',
  'vote',
  'storm',
  'closure',
  'report',
  'inquiry',
  'launch',
  'merger',
  'strike',
  'festival',
  'audit',
  'ruling',
  'expedition',
  'treaty',
];

/**
 * A `SELECT` of `count` events with the columns a source reads: `id`, `title`, `start`, `end`
 * (null for points), `lane`, `precision`, `status` (often null) and `description`. Half the events
 * spread evenly, half crowd around a few dozen moments; a third are ranges.
 */
export function generateEventsSql(options: GenerateOptions): string {
  const { count, seed = 1, lanes = 6, years = 25 } = options;
  for (const [name, value, max] of [
    ['count', count, 1e9],
    ['seed', seed, 1e6],
    ['lanes', lanes, 1000],
    ['years', years, 1000],
  ] as const)
    if (!Number.isSafeInteger(value) || value < (name === 'seed' ? 0 : 1) || value > max)
      throw new RangeError(`${name} must be a whole number up to ${max}`);
  const span = Math.round(years * 365.25 * 86_400_000);
  const base = Date.UTC(2000, 0, 1);
  // r(k): a pseudo-random whole number in [0, 2^31 - 1) for the row and stream k.
  const r = (k: number) => `((i * ${2_654_435_761 + 2 * k} + ${seed * 97_531 + k * 7_919}) % 2147483647)`;
  const words = `[${WORDS.map((word) => `'${word}'`).join(', ')}]`;
  return `SELECT
    'e' || CAST(i AS VARCHAR) AS id,
    list_extract(${words}, CAST(${r(1)} % ${WORDS.length} AS INTEGER) + 1) || ' ' ||
      list_extract(${words}, CAST(${r(2)} % ${WORDS.length} AS INTEGER) + 1) || ' ' || CAST(i AS VARCHAR) AS title,
    epoch_ms(CAST(${base} + start_ms AS BIGINT)) AS start,
    CASE WHEN ${r(3)} % 3 = 0 THEN epoch_ms(CAST(${base} + start_ms + ${r(4)} % ${86_400_000 * 60} AS BIGINT)) END AS "end",
    'lane ' || CAST(${r(5)} % ${lanes} AS VARCHAR) AS lane,
    CASE ${r(6)} % 10 WHEN 0 THEN 'month' WHEN 1 THEN 'minute' WHEN 2 THEN 'year' ELSE 'day' END AS precision,
    CASE ${r(7)} % 5 WHEN 0 THEN 'approximate' WHEN 1 THEN 'confirmed' END AS status,
    'Synthetic event ' || CAST(i AS VARCHAR) AS description
  FROM (
    SELECT i, CASE WHEN ${r(8)} % 2 = 0 THEN ${r(9)} % ${span}
      ELSE (${r(10)} % 40) * ${Math.floor(span / 40)} + ${r(11)} % 86400000 * CAST(3 AS BIGINT) END AS start_ms
    FROM range(${count}) AS t(i)
  ) AS g`;
}
