/**
 * The JSON Schema of a reeltime dataset file, for editors and other tools. The build writes it to
 * `dist/dataset.schema.json`. At run time reeltime uses {@link parseDataset}, which accepts what
 * this schema accepts and names every problem; the schema is the stricter, tool-facing contract
 * (unknown fields are invalid here but only warnings there).
 *
 * @module
 */
import { EVENT_STATUSES } from './types.js';

const SIGNED_YEAR = '[+-]?\\d+';
const SEASON = '(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)';
const ERA = '(?:\\d[\\d,]* ?(?:BCE?|B\\.C\\.(?:E\\.)?|AD|A\\.D\\.|CE|C\\.E\\.)|(?:AD|A\\.D\\.) ?\\d[\\d,]*)';
const AGO_NUMBER = '\\d[\\d,]*(?:\\.\\d+)?';
const AGO =
  `(?:${AGO_NUMBER}(?:e\\+?\\d+)? ?(?:(?:thousand|million|billion|trillion) )?(?:years? ago|years? BP|BP|ago)|` +
  `${AGO_NUMBER} ?(?:ka|kya|Ma|Mya|Ga|Gya|bya))`;
const INSTANT = `${SIGNED_YEAR}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:[Zz]|[+-]\\d{2}:?\\d{2})`;

/**
 * The date forms {@link parseDate} knows, as one ECMAScript pattern (the schema's `pattern` has no
 * flags, so keywords list their capitalised spelling too). Range checks (month 13, 30 February)
 * are left to the parser.
 */
export const DATE_PATTERN =
  '^(?:(?:[Cc]\\.|[Cc]a\\.|[Cc]irca|[Aa]pprox\\.?|[Aa]bout|~) ?)?' +
  '(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[ -])?' +
  `(?:${INSTANT}|${SIGNED_YEAR}(?:-\\d{2}(?:-\\d{2})?)?|${SIGNED_YEAR}-?[Qq][1-4]|[Qq][1-4] ${SIGNED_YEAR}|` +
  `${SEASON} (?:of )?${SIGNED_YEAR}|${SIGNED_YEAR}-${SEASON}|${ERA}|${AGO})` +
  '(?: ?[~?%])*$';

const nonEmpty = { type: 'string', minLength: 1, pattern: '\\S' } as const;
const dateString = {
  type: 'string',
  pattern: DATE_PATTERN,
  description:
    'A date at the precision the source supports: "2019", "2020-02", "2023-07-12", "2020-09-01T10:00Z", ' +
    '"early/mid/late 2020", "2020-Q3", "summer 2020"; prefix "c. " for approximate, suffix "?" for uncertain.',
} as const;
/** A date that is a number of years before 1950: `{ "ago": 13.8e9 }`, precise to its last digit. */
const agoObject = {
  type: 'object',
  required: ['ago'],
  additionalProperties: false,
  properties: { ago: { type: 'number', minimum: 0, description: 'Years before 1950 (geology\'s "present").' } },
} as const;
/** Any date: a string form, or years ago as an object. */
const anyDate = {
  anyOf: [dateString, agoObject],
  description: `${dateString.description} Or years ago: "13.8 billion years ago", "66 Ma", { "ago": 13.8e9 }.`,
} as const;
const stringList = { type: 'array', items: nonEmpty } as const;

/** JSON Schema (draft 2020-12) of a dataset file. */
export const datasetSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'reeltime dataset',
  description: 'A timeline dataset: metadata, lanes, eras and events, each event citing its sources.',
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    lanes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label'],
        additionalProperties: false,
        properties: { id: nonEmpty, label: nonEmpty, description: { type: 'string' } },
      },
    },
    eras: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'start', 'end'],
        additionalProperties: false,
        properties: {
          id: nonEmpty,
          title: nonEmpty,
          start: anyDate,
          end: anyDate,
          description: { type: 'string' },
          sources: { $ref: '#/$defs/sources' },
        },
      },
    },
    markers: {
      type: 'array',
      description: 'Named marker lines (a premiere, a deadline), drawn beside "today".',
      items: {
        type: 'object',
        required: ['date', 'label'],
        additionalProperties: false,
        properties: { date: anyDate, label: nonEmpty },
      },
    },
    events: { type: 'array', items: { $ref: '#/$defs/event' } },
  },
  $defs: {
    event: {
      type: 'object',
      required: ['id', 'title', 'start'],
      additionalProperties: false,
      properties: {
        id: { ...nonEmpty, description: 'Unique, stable identifier.' },
        title: { ...nonEmpty, description: 'Short title; plain text.' },
        start: anyDate,
        end: { ...anyDate, description: 'End of a range, inclusive at its precision.' },
        description: { type: 'string', description: 'Plain text, never HTML.' },
        lane: nonEmpty,
        tags: stringList,
        locations: stringList,
        people: stringList,
        status: { enum: [...EVENT_STATUSES] },
        sources: { $ref: '#/$defs/sources' },
        url: { type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' },
        displayDate: { type: 'string', description: 'How to write the dates instead of formatting them; plain text.' },
        descriptionHtml: {
          type: 'string',
          description: 'The description as HTML (TimelineJS3 text); shown sanitised, description holds its plain text.',
        },
        media: {
          type: 'object',
          description: 'A picture, video or page that goes with the event.',
          required: ['url'],
          additionalProperties: false,
          properties: {
            url: { type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' },
            caption: { type: 'string' },
            credit: { type: 'string' },
            thumbnail: { type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' },
          },
        },
      },
    },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['title'],
        additionalProperties: false,
        properties: {
          title: nonEmpty,
          publisher: { type: 'string', description: 'Who published it.' },
          published: { ...dateString, description: 'When it was published.' },
          file: {
            type: 'string',
            // No scheme and not protocol-relative: a path resolved against the dataset's own URL.
            pattern: '^(?![A-Za-z][A-Za-z0-9+.-]*:)(?![\\\\/]{2})\\S',
            description: 'A copy of the source, as a path relative to the dataset file (e.g. "../sources/000.txt").',
          },
          url: {
            type: 'string',
            pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
            description: 'Where the source was published, as an http(s) URL.',
          },
          quote: { type: 'string', description: 'A short verbatim quote from the source that supports the event.' },
        },
      },
    },
  },
} as const;
