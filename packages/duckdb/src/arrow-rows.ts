/**
 * An Arrow table's rows as plain objects, read from its buffers: what a DuckDB-WASM answer becomes
 * on the page's main thread, where every millisecond is one a frame may miss.
 *
 * Arrow's own readers decode each string with its own `TextDecoder.decode` call and look each value
 * up through a visitor. A view's answer at 10M events (about 2,500 rows, five string columns) made
 * 12,500 such calls: most of the long tasks a warm-up left on the main thread (in a profile, the
 * native `decode` alone was the largest part). Here a string column's chunk is decoded in one call,
 * and its values are sliced out of the result at offsets counted from the UTF-8 bytes; a number
 * column's chunk is read from its typed array. Any other type is read by Arrow's own iterator.
 *
 * @module
 */
import { DataType, Precision, Type, type Data, type Table } from 'apache-arrow';

const decoder = new TextDecoder();

/** `table`'s rows, each an object of its columns by name; nulls as null, values as Arrow gives them. */
export function tableRows(table: Table): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
  for (const [name, values] of Object.entries(tableColumns(table)))
    for (let i = 0; i < values.length; i++) rows[i]![name] = values[i];
  return rows;
}

/** `table`'s columns by name, each its values in row order (as {@link tableRows} gives them, without an object per row). */
export function tableColumns(table: Table): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  table.schema.fields.forEach((field, column) => {
    const vector = table.getChildAt(column);
    if (!vector) return;
    const chunks: unknown[][] = [];
    let at = 0;
    for (const data of vector.data) {
      // A type read here, or Arrow's iterator over this chunk alone.
      chunks.push(readData(data) ?? [...vector.slice(at, at + data.length)]);
      at += data.length;
    }
    columns[field.name] = chunks.length === 1 ? chunks[0]! : chunks.flat();
  });
  return columns;
}

/** One chunk's values, or undefined for a type read by Arrow's iterator. */
function readData(data: Data): unknown[] | undefined {
  const type = data.type;
  let values: unknown[] | undefined;
  if (type.typeId === Type.Utf8) values = strings(data as Data<never>);
  else if (
    (DataType.isFloat(type) && type.precision !== Precision.HALF) ||
    (DataType.isInt(type) && type.bitWidth < 64)
  )
    values = Array.from((data.values as Float64Array).subarray(0, data.length));
  if (values && data.nullCount > 0) {
    // The validity bitmap read here: Arrow's getValid() asks the type whether it is a union, per value.
    const bitmap = data.nullBitmap!;
    for (let i = 0, bit = data.offset; i < data.length; i++, bit++)
      if (!(bitmap[bit >> 3]! & (1 << (bit & 7)))) values[i] = null;
  }
  return values;
}

/**
 * A Utf8 chunk's strings: its bytes decoded in one call, each value sliced out at the UTF-16
 * offset its byte offset maps to (a byte that does not continue a character starts one code unit,
 * a 4-byte character's first byte one more: a surrogate pair). Should the decoded text not have
 * the length those offsets add up to (bytes that are not UTF-8, each decoded as U+FFFD), each value
 * is decoded alone, as Arrow would.
 */
function strings(data: Data<never>): string[] {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const n = data.length;
  const first = offsets[0]!;
  const text = decoder.decode(bytes.subarray(first, offsets[n]!));
  const out: string[] = new Array(n);
  let unit = 0;
  let byte = first;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const end = offsets[i + 1]!;
    for (; byte < end; byte++) {
      const b = bytes[byte]!;
      if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
    }
    out[i] = text.slice(from, unit);
    from = unit;
  }
  if (unit === text.length) return out;
  for (let i = 0; i < n; i++) out[i] = decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
  return out;
}
