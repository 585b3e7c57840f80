/**
 * The worker that reads a Parquet file for DuckDB-WASM off the page's main thread: given a URL, it
 * downloads the file, reads it into an Arrow IPC stream ({@link parquetToArrowIpc}) and hands the
 * bytes back (transferred, not copied). `scripts/copy-assets.mjs` bundles it, with hyparquet and
 * Apache Arrow, into `assets/parquet.worker.js`, which `wasm.ts` starts as a module worker.
 *
 * @module
 */
import { parquetToArrowIpc } from './parquet-arrow.js';

/** What the page asks: the file's absolute URL. */
export interface ParquetWorkerRequest {
  readonly url: string;
}

/** What the worker answers: the Arrow IPC stream, or why there is none. */
export type ParquetWorkerAnswer =
  | { readonly ipc: Uint8Array; readonly ms: { fetch: number; read: number } }
  | { readonly error: string; readonly code: 'unreachable' | 'bad-file' };

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ParquetWorkerRequest>) => void) | null;
  postMessage(message: ParquetWorkerAnswer, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data: { url } }) => {
  const started = performance.now();
  let file: ArrayBuffer;
  try {
    const response = await fetch(url);
    if (!response.ok) return scope.postMessage({ code: 'unreachable', error: `answered ${response.status}` });
    file = await response.arrayBuffer();
  } catch (error) {
    return scope.postMessage({ code: 'unreachable', error: `could not be fetched (${String(error)})` });
  }
  const fetched = performance.now();
  try {
    const ipc = await parquetToArrowIpc(file);
    const ms = { fetch: Math.round(fetched - started), read: Math.round(performance.now() - fetched) };
    scope.postMessage({ ipc, ms }, [ipc.buffer]);
  } catch (error) {
    scope.postMessage({ code: 'bad-file', error: error instanceof Error ? error.message : String(error) });
  }
};
