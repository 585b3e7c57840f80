/**
 * The worker that writes a local copy of a prepared database (local-copy.ts) off the page's main
 * thread: it downloads the file, or takes the bytes the page has, and writes them through a sync
 * access handle (on the page's main thread, streaming 300 MB into OPFS made tasks of 50–300 ms),
 * then the record saying the copy is complete. `scripts/copy-assets.mjs` bundles it into
 * `assets/copy.worker.js`.
 *
 * @module
 */

/** What the page asks: the file, where its copy goes, what it must be, and its bytes if the page has them. */
export interface CopyWorkerRequest {
  readonly href: string;
  readonly folder: string;
  readonly name: string;
  readonly size: number;
  readonly tag: string;
  readonly bytes?: Uint8Array<ArrayBuffer>;
}

/** What the worker answers: done, or why not. */
export type CopyWorkerAnswer = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** The part of a sync access handle used here (DedicatedWorker only: not in the DOM typings). */
interface SyncAccess {
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<CopyWorkerRequest>) => void) | null;
  postMessage(message: CopyWorkerAnswer): void;
};

/** `file` written whole with `write` (called with each part and where it goes). */
async function open(file: FileSystemFileHandle, write: (access: SyncAccess) => Promise<number>): Promise<number> {
  // Refused while another page reads this file (DuckDB's own sync access handle): nothing changes.
  const access = await (file as unknown as { createSyncAccessHandle(): Promise<SyncAccess> }).createSyncAccessHandle();
  try {
    access.truncate(0);
    const written = await write(access);
    access.flush();
    return written;
  } finally {
    access.close();
  }
}

scope.onmessage = async ({ data: { href, folder, name, size, tag, bytes } }) => {
  try {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
    const file = await dir.getFileHandle(`${name}.duckdb`, { create: true });
    const written = await open(file, async (access) => {
      // The old record first: while the file is rewritten, nothing says it is complete.
      await dir.removeEntry(`${name}.json`).catch(() => {});
      if (bytes) return access.write(bytes, { at: 0 });
      const response = await fetch(href, { cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`"${href}" answered ${response.status}`);
      const answered = response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined;
      if (answered !== tag) throw new Error(`"${href}" changed while it was opened`);
      const reader = response.body.getReader();
      let at = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return at;
        at += access.write(value, { at });
      }
    });
    if (written !== size) throw new Error(`"${href}": ${written} bytes copied of ${size}`);
    const record = await open(await dir.getFileHandle(`${name}.json`, { create: true }), async (access) =>
      access.write(new TextEncoder().encode(JSON.stringify({ href, size, tag })), { at: 0 }),
    );
    if (!record) throw new Error(`"${href}": its copy's record was not written`);
    scope.postMessage({ ok: true });
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
