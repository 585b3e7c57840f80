/**
 * One request to a module worker of this package's `assets/`, started for it and ended once it
 * answers, fails, or `signal` aborts (the worker is terminated: whatever it was doing stops).
 * Callers start the worker themselves, as `new Worker(new URL('../assets/….js', import.meta.url),
 * { type: 'module' })` written out: the form bundlers recognise and emit as a worker file. A bare
 * `new URL(…)` is an asset to them, and Vite inlines one under 4 KB as a `data:` URL, whose worker
 * has an opaque origin and no private file system.
 *
 * @module
 */

/**
 * Starts a worker (`start`), posts `request` (transferring `transfer`), and resolves with its
 * first answer; rejects with `failed(message)` when the worker throws or cannot load, and with the
 * signal's reason when aborted.
 */
export function callWorker<Request, Answer>(
  start: () => Worker,
  request: Request,
  {
    signal,
    transfer = [],
    failed,
  }: {
    readonly signal?: AbortSignal | undefined;
    readonly transfer?: Transferable[];
    readonly failed: (message: string) => Error;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const worker = start();
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.onmessage = ({ data }: MessageEvent<Answer>) => {
      done();
      resolve(data);
    };
    worker.onerror = (event) => {
      done();
      reject(failed(event.message || 'the worker failed'));
    };
    worker.postMessage(request, transfer);
  });
}
