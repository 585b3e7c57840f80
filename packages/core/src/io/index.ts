/**
 * `@reeltime/core/io`: importers (TimelineJS3 JSON, CSV including TimelineJS3's spreadsheet
 * template, vis-timeline items and groups), format sniffing and export to a reeltime dataset file.
 * A separate entry point, so what does not import files does not carry them. Everything goes
 * through the model's one parser ({@link parseDataset}) and never throws.
 *
 * @packageDocumentation
 */
import { describeValue } from '../model/date.js';
import { parseDataset } from '../model/parse.js';
import { fromCsv, type CsvOptions } from './csv.js';
import { detectFormat } from './detect.js';
import { ConvertProblems, parseConverted, thrownText, type ImportFormat, type ImportResult } from './shared.js';
import { fromTimelineJS } from './timelinejs.js';
import { fromVis } from './vis.js';

export { CSV_FIELDS, fromCsv, isTimelineJSHeader, TIMELINEJS_COLUMNS } from './csv.js';
export type { CsvField, CsvOptions } from './csv.js';
export { detectFormat } from './detect.js';
export type { DetectedFormat } from './detect.js';
export { eventInput, toReeltime } from './export.js';
export { toCsv } from './export-csv.js';
export { htmlToText, IMPORT_FORMATS, isTimeZone } from './shared.js';
export type { ImportFormat, ImportOptions, ImportResult } from './shared.js';
export { convertTimelineJS, fromTimelineJS } from './timelinejs.js';
export { fromVis } from './vis.js';
export type { VisData } from './vis.js';

/** Options for {@link importData}. */
export interface ImportDataOptions extends CsvOptions {
  /** The format, when known; sniffed from the content (then `contentType` and `url`) otherwise. */
  format?: ImportFormat | '' | undefined;
  /** The response's `Content-Type`, to help sniffing. */
  contentType?: string | null | undefined;
  /** Where it came from: helps sniffing, and relative media URLs are resolved against it. */
  url?: string | undefined;
}

/**
 * Reads a file's text, or a value already parsed, in any format the importers know. Never throws:
 * a web page, text that is not JSON and an unknown shape are problems with a clear message.
 */
export function importData(input: unknown, options: ImportDataOptions = {}): ImportResult {
  const { format: given, contentType, url, ...rest } = options;
  const importOptions = { ...rest, ...(rest.baseUrl === undefined && url ? { baseUrl: url } : {}) };
  const fail = (format: ImportFormat, detail: string): ImportResult => {
    const problems = new ConvertProblems();
    problems.add({ severity: 'error', path: [], name: 'The file', detail });
    return parseConverted({ events: [] }, problems, format, importOptions, {
      indexes: [],
      label: String,
      path: (i) => [i],
    });
  };
  try {
    const detected = given || detectFormat(input, contentType, url);
    if (detected === 'html') {
      return fail('reeltime', 'it is a web page (HTML), not data; check the URL (a login or error page?)');
    }
    if (detected === 'unknown') {
      if (typeof input === 'string' && /^\s*[[{]/.test(input)) {
        try {
          JSON.parse(input);
        } catch (error) {
          return fail('reeltime', `it is not valid JSON (${thrownText(error)})`);
        }
      }
      return fail(
        'reeltime',
        `its format is not one reeltime reads (${typeof input === 'string' ? 'text' : describeValue(input)}); ` +
          'expected a reeltime dataset, TimelineJS3 JSON, CSV or vis-timeline items',
      );
    }
    if (detected === 'csv') {
      if (typeof input !== 'string') return fail('csv', `CSV must be text, got ${describeValue(input)}`);
      return fromCsv(input, importOptions);
    }
    let value = input;
    if (typeof input === 'string') {
      try {
        value = JSON.parse(input);
      } catch (error) {
        return fail(detected, `it is not valid JSON (${thrownText(error)})`);
      }
    }
    if (detected === 'timelinejs') return fromTimelineJS(value, importOptions);
    if (detected === 'vis') return fromVis(value, importOptions);
    const {
      timeZone: _zone,
      baseUrl: _base,
      columns: _columns,
      delimiter: _delimiter,
      ...parseOptions
    } = importOptions;
    return { ...parseDataset(value, parseOptions), format: 'reeltime' };
  } catch (error) {
    return fail(given || 'reeltime', `it could not be read (${thrownText(error)})`);
  }
}
