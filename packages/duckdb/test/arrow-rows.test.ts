/**
 * tableRows and tableColumns (arrow-rows.ts): the rows and columns they read from an Arrow table's
 * buffers are those Arrow's own readers give, for strings of any script (emoji included), nulls, numbers of each width,
 * 64-bit integers, tables of several chunks and chunks sliced out of larger ones (offsets).
 */
import fc from 'fast-check';
import {
  Bool,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Table,
  Uint8,
  Utf8,
  makeVector,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableColumns, tableRows } from '../src/arrow-rows.js';

/** Arrow's own reading: each column's `get(i)`. */
function arrowRows(table: Table): Record<string, unknown>[] {
  return Array.from({ length: table.numRows }, (_, i) =>
    Object.fromEntries(table.schema.fields.map((field, c) => [field.name, table.getChildAt(c)!.get(i)])),
  );
}

/** `values` as a vector of `type` in chunks of the given sizes, the middle ones sliced out of a larger vector. */
function chunked<T extends DataType>(values: unknown[], type: T, cuts: number[]): Vector<T> {
  const parts: Vector<T>[] = [];
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < values.length).sort((a, b) => a - b), values.length]) {
    if (cut <= at) continue;
    // The chunk with a value before and after it, sliced away: its buffers start at an offset.
    const chunk = values.slice(at, cut);
    parts.push(vectorFromArray([chunk[0], ...chunk, chunk[0]], type).slice(1, 1 + chunk.length) as Vector<T>);
    at = cut;
  }
  return parts.length ? parts.reduce((a, b) => a.concat(b)) : (vectorFromArray([], type) as Vector<T>);
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('Mission: Impossible – Dead Reckoning', 'Roma 🎬 Venezia', 'Ελλάδα', '日本語', ''),
);

describe('tableRows', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the rows Arrow reads, column by column, over chunks and offsets', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s: fc.option(text, { nil: null }),
            f: fc.option(fc.double(), { nil: null }),
            g: fc.option(fc.float({ noNaN: true }), { nil: null }),
            i: fc.option(fc.integer(), { nil: null }),
            h: fc.option(fc.integer({ min: -32768, max: 32767 }), { nil: null }),
            u: fc.option(fc.integer({ min: 0, max: 255 }), { nil: null }),
            l: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { nil: null }),
            b: fc.option(fc.boolean(), { nil: null }),
          }),
          { maxLength: 60 },
        ),
        fc.array(fc.nat(60), { maxLength: 4 }),
        (rows, cuts) => {
          const column = <T extends DataType>(key: keyof (typeof rows)[number], type: T) =>
            chunked(
              rows.map((row) => row[key]),
              type,
              cuts,
            );
          const table = new Table({
            s: column('s', new Utf8()),
            f: column('f', new Float64()),
            g: column('g', new Float32()),
            i: column('i', new Int32()),
            h: column('h', new Int16()),
            u: column('u', new Uint8()),
            l: column('l', new Int64()),
            b: column('b', new Bool()),
          });
          const expected = arrowRows(table);
          expect(tableRows(table)).toEqual(expected);
          expect(tableColumns(table)).toEqual(
            Object.fromEntries(table.schema.fields.map(({ name }) => [name, expected.map((row) => row[name])])),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes a string chunk in one call, whatever its script', () => {
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const titles = ['Mission: Impossible – Dead Reckoning', 'Roma 🎬 Venezia', null, 'Ελλάδα', '日本語', '', '👩‍👩‍👧 ok'];
    const table = new Table({ s: chunked(titles, new Utf8(), [3]) });
    expect(tableRows(table).map((row) => row['s'])).toEqual(titles);
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it('decodes bytes that are not UTF-8 as Arrow does, value by value', () => {
    // "ab", a lone continuation byte, "c", a truncated 3-byte character, "d": as one Utf8 chunk.
    const bytes = Uint8Array.of(0x61, 0x62, 0x80, 0x63, 0xe2, 0x80, 0x64);
    const offsets = Int32Array.of(0, 2, 3, 4, 6, 7);
    const vector = makeVector({ type: new Utf8(), length: 5, nullCount: 0, data: bytes, valueOffsets: offsets });
    const table = new Table({ s: vector });
    expect(tableRows(table)).toEqual(arrowRows(table));
    expect(tableRows(table).map((row) => row['s'])).toEqual(['ab', '\ufffd', 'c', '\ufffd', 'd']);
  });
});
