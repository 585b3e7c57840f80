/**
 * A Parquet file as an Arrow IPC stream, read in JavaScript (hyparquet) for DuckDB-WASM, whose own
 * Parquet reader is an extension it would download from DuckDB's server (this package makes no
 * request elsewhere). It runs in a worker of its own (`parquet.worker.ts`), never on the page's
 * main thread.
 *
 * Column by column and without per-value conversions: strings stay UTF-8 bytes copied into one
 * Arrow buffer (not decoded to JS strings and encoded again), timestamps stay 64-bit integers in
 * their unit, dates days. Building Arrow from JS values (`tableFromArrays`) was 52 s of the 80 s
 * this took at 1M events as objects per row; see docs/decisions/duckdb-source.md, fourth round.
 *
 * @module
 */
import {
  Binary,
  Bool,
  DateDay,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { parquetMetadata, parquetRead } from 'hyparquet';

/** What hyparquet says of a column: its physical and logical types. */
interface ColumnType {
  readonly type?: string | undefined;
  readonly converted_type?: string | undefined;
  readonly logical_type?: { readonly type: string; readonly unit?: string } | undefined;
}

/** Values as hyparquet gives them with the identity parsers below (nulls as null or undefined). */
type Values = unknown[];

/** Keep raw values: bytes for strings, integers for timestamps and dates. */
const RAW_PARSERS = {
  stringFromBytes: (bytes: Uint8Array) => bytes,
  timestampFromMilliseconds: (value: bigint) => value,
  timestampFromMicroseconds: (value: bigint) => value,
  timestampFromNanoseconds: (value: bigint) => value,
  dateFromDays: (days: number) => days,
};

/** Reads a Parquet file's flat columns into an Arrow IPC stream. Throws on a file that is not Parquet. */
export async function parquetToArrowIpc(file: ArrayBuffer): Promise<Uint8Array> {
  const metadata = parquetMetadata(file);
  const rows = Number(metadata.num_rows);
  const [root, ...elements] = metadata.schema;
  if (elements.length !== (root?.num_children ?? 0) || elements.some((element) => element.num_children))
    throw new Error('Nested Parquet columns are not supported: flatten the file first');
  const values = new Map<string, Values>(elements.map((element) => [element.name, new Array<unknown>(rows)]));
  await parquetRead({
    file,
    metadata,
    parsers: RAW_PARSERS,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target = values.get(columnName);
      if (!target) return;
      for (let i = 0; i < columnData.length && rowStart + i < rows; i++) target[rowStart + i] = columnData[i];
    },
  });
  const columns: Record<string, Vector> = {};
  for (const element of elements) columns[element.name] = toVector(values.get(element.name)!, element as ColumnType);
  return tableToIPC(new Table(columns), 'stream');
}

/** One column as an Arrow vector of the type its Parquet type names. */
function toVector(values: Values, column: ColumnType): Vector {
  const logical = column.logical_type;
  const timestamp =
    logical?.type === 'TIMESTAMP'
      ? logical.unit
      : column.converted_type === 'TIMESTAMP_MILLIS'
        ? 'MILLIS'
        : column.converted_type === 'TIMESTAMP_MICROS'
          ? 'MICROS'
          : undefined;
  if (timestamp)
    return integers(
      values,
      timestamp === 'MILLIS'
        ? new TimestampMillisecond()
        : timestamp === 'NANOS'
          ? new TimestampNanosecond()
          : new TimestampMicrosecond(),
    );
  if (logical?.type === 'DATE' || column.converted_type === 'DATE') return numbers(values, new DateDay(), Int32Array);
  switch (column.type) {
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      return bytes(
        values,
        column.converted_type === 'UTF8' || logical?.type === 'STRING' || logical?.type === 'ENUM'
          ? new Utf8()
          : new Binary(),
      );
    case 'INT32':
      return numbers(values, new Int32(), Int32Array);
    case 'FLOAT':
      return numbers(values, new Float32(), Float32Array);
    case 'DOUBLE':
      return numbers(values, new Float64(), Float64Array);
    case 'INT64':
      // Decimals and other logical types hyparquet converts arrive as numbers: keep them as Arrow infers.
      return values.every((value) => value === null || value === undefined || typeof value === 'bigint')
        ? integers(values, new Int64())
        : vectorFromArray(values.map(orNull));
    case 'BOOLEAN':
      return vectorFromArray(values.map(orNull), new Bool());
    default:
      return vectorFromArray(values.map(orNull));
  }
}

const orNull = (value: unknown) => (value === undefined ? null : value);

/** The validity bitmap of `values` and how many are null (null when none is). */
function validity(values: Values): [Uint8Array | undefined, number] {
  let nulls = 0;
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++)
    if (values[i] === null || values[i] === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  return [nulls ? bitmap : undefined, nulls];
}

function integers<T extends Int64 | TimestampMillisecond | TimestampMicrosecond | TimestampNanosecond>(
  values: Values,
  type: T,
): Vector {
  const [nullBitmap, nullCount] = validity(values);
  const data = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'bigint') data[i] = value;
    else if (typeof value === 'number') data[i] = BigInt(value);
  }
  return makeVector(makeData({ type: type as DataType, length: values.length, nullCount, nullBitmap, data } as never));
}

function numbers<T extends DataType>(
  values: Values,
  type: T,
  Kind: Int32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor,
): Vector {
  const [nullBitmap, nullCount] = validity(values);
  const data = new Kind(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) data[i] = Number(value);
  }
  return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap, data } as never));
}

function bytes(values: Values, type: Utf8 | Binary): Vector {
  const [nullBitmap, nullCount] = validity(values);
  const encoder = new TextEncoder();
  // Strings arrive as bytes (RAW_PARSERS); anything else a reader gave as text is encoded here.
  const parts = values.map((value) =>
    value instanceof Uint8Array ? value : value === null || value === undefined ? null : encoder.encode(String(value)),
  );
  let size = 0;
  for (const part of parts) size += part?.length ?? 0;
  if (size > 2 ** 31 - 1) throw new Error('A text column holds more than 2 GB: split the file');
  const data = new Uint8Array(size);
  const valueOffsets = new Int32Array(parts.length + 1);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part) {
      data.set(part, offset);
      offset += part.length;
    }
    valueOffsets[i + 1] = offset;
  }
  return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap, valueOffsets, data } as never));
}
