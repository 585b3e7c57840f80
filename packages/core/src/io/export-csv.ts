/**
 * The model back out as CSV, in the columns {@link fromCsv} reads by default (one per field of
 * {@link CSV_FIELDS}, named like it): `fromCsv(toCsv(dataset))` gives the same events, with their
 * dates' precision and flags (dates are written as the text they were read from). Lists are joined
 * with `; `. CSV has no place for sources, media or the HTML of a description: the JSON export
 * ({@link toReeltime}) keeps everything.
 *
 * @module
 */
import { csvFormatRows } from 'd3-dsv';
import type { Dataset } from '../model/types.js';
import { CSV_FIELDS, type CsvField } from './csv.js';
import { eventInput } from './export.js';

function cellOf(input: Record<string, unknown>, field: CsvField): string {
  const value = input[field];
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/**
 * A parsed dataset as CSV text with a header row. Spreadsheets read the leading byte-order mark
 * as UTF-8, so `bom` adds one (off by default: the importers skip it either way).
 */
export function toCsv(dataset: Dataset, { bom = false }: { bom?: boolean } = {}): string {
  const inputs = dataset.events.map((event) => eventInput(event) as unknown as Record<string, unknown>);
  const used = CSV_FIELDS.filter(
    (field) => field === 'id' || field === 'title' || field === 'start' || inputs.some((e) => cellOf(e, field)),
  );
  const rows = [[...used], ...inputs.map((input) => used.map((field) => cellOf(input, field)))];
  return (bom ? '\uFEFF' : '') + csvFormatRows(rows);
}
