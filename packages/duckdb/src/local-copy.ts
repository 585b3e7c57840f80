/**
 * A local copy of a prepared database in the origin's private file system (OPFS), for
 * `openPreparedUrl(url, { localCopy: true })`. A database read by HTTP ranges pays for every page a
 * view reads first: DuckDB-WASM reads by synchronous requests from its worker, one after another
 * (duckdb/duckdb-wasm#381, #1723), three per 256 KB block (16 KB, 64 KB, then the rest), each a
 * round trip. 10M events on loopback: a cold zoom 300–700 ms against 80–140 ms with the file in
 * the page. The copy is downloaded once, in the background, while the view answers by ranges;
 * DuckDB then reads it from the disk (a sync access handle in its worker), on this visit and on
 * the next ones while the server still sends the same file (its `ETag`, or `Last-Modified`, and
 * size). It is opt-in: it takes the file's size of the visitor's disk.
 *
 * Files: `reeltime-local/<sha-256 of the URL>.duckdb` and its `.json` (the URL, size and
 * validator), written last, so that a download cut off leaves no copy that looks complete. Both
 * are written by a worker (copy.worker.ts), so that 300 MB streamed into OPFS stop no frame.
 *
 * @module
 */

import type { CopyWorkerAnswer, CopyWorkerRequest } from './copy.worker.js';
import { callWorker } from './worker-call.js';

/** The folder in the origin's private file system. */
const FOLDER = 'reeltime-local';

/** What says that a copy is of the file the server sends now. */
export interface Validator {
  readonly size: number | undefined;
  /** The response's `ETag`, else its `Last-Modified`; a file without either is not kept. */
  readonly tag: string | undefined;
}

interface CopyRecord {
  readonly href: string;
  readonly size: number;
  readonly tag: string;
}

/** Whether this page can keep copies: OPFS and workers (written there by sync access handles). */
export function canKeepCopies(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof Worker !== 'undefined'
  );
}

async function folder(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(FOLDER, { create: true });
}

/** The file name for `href`: its SHA-256, so that no part of the URL names a file. */
async function nameOf(href: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(href)));
  return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The copy of `href` kept earlier, when it is still the server's file (`validator`). */
export async function findCopy(href: string, validator: Validator): Promise<FileSystemFileHandle | undefined> {
  if (!canKeepCopies() || validator.size === undefined || validator.tag === undefined) return undefined;
  try {
    const dir = await folder();
    const name = await nameOf(href);
    const record = JSON.parse(
      await (await (await dir.getFileHandle(`${name}.json`)).getFile()).text(),
    ) as Partial<CopyRecord>;
    if (record.href !== href || record.size !== validator.size || record.tag !== validator.tag) return undefined;
    const handle = await dir.getFileHandle(`${name}.duckdb`);
    return (await handle.getFile()).size === validator.size ? handle : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Downloads `href` into a copy (the record written once every byte is), or writes its `bytes`
 * when the page has them (transferred), in a worker of its own (`assets/copy.worker.js`), and
 * resolves with its handle; rejects when the download fails, is aborted (the worker ends), is
 * not the file `validator` describes, or another page reads the copy.
 */
export async function keepCopy(
  href: string,
  validator: Validator,
  { signal, bytes }: { readonly signal?: AbortSignal | undefined; readonly bytes?: Uint8Array<ArrayBuffer> } = {},
): Promise<FileSystemFileHandle> {
  const { size, tag } = validator;
  if (size === undefined || tag === undefined)
    throw new Error(`"${href}" has no ETag or Last-Modified to check a copy by`);
  const name = await nameOf(href);
  const answer = await callWorker<CopyWorkerRequest, CopyWorkerAnswer>(
    () => new Worker(new URL('../assets/copy.worker.js', import.meta.url), { type: 'module' }),
    { href, folder: FOLDER, name, size, tag, ...(bytes ? { bytes } : {}) },
    {
      signal,
      transfer: bytes ? [bytes.buffer] : [],
      failed: (message) => new Error(`"${href}" was not copied: ${message}`),
    },
  );
  if (!answer.ok) throw new Error(answer.error);
  return (await folder()).getFileHandle(`${name}.duckdb`);
}

/**
 * Removes the local copy of `url` (resolved against the page), or every copy when left out. A copy
 * a page has open (DuckDB reads it) cannot be removed until that page closes: it stays, and the
 * promise rejects.
 */
export async function forgetLocalCopies(url?: string): Promise<void> {
  if (!canKeepCopies()) return;
  if (url === undefined) {
    await (await navigator.storage.getDirectory()).removeEntry(FOLDER, { recursive: true }).catch((error) => {
      if ((error as DOMException).name !== 'NotFoundError') throw error;
    });
    return;
  }
  const dir = await folder();
  const name = await nameOf(new URL(url, globalThis.location?.href).href);
  for (const file of [`${name}.json`, `${name}.duckdb`])
    await dir.removeEntry(file).catch((error) => {
      if ((error as DOMException).name !== 'NotFoundError') throw error;
    });
}
