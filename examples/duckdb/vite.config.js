/**
 * The example page's Vite config. A build (`vite build`) asks for DuckDB-WASM's worker and wasm
 * from the page's `<head>`: without it their downloads start only once the page's modules have run,
 * DuckDB's start has made its worker, and the worker has run (the 34 MB wasm about a second after
 * navigation on loopback, later on a network). The worker's own requests then take them from the
 * HTTP cache, or join the preload's while it is on its way. Only in a build: the dev server serves
 * them under other URLs (`/@fs/…`), where a preload would download the wasm twice.
 */
let base = '/';

export default {
  plugins: [
    {
      name: 'preload-duckdb-wasm',
      apply: 'build',
      configResolved: (config) => void (base = config.base),
      transformIndexHtml: {
        order: 'post',
        handler(_html, { bundle }) {
          return Object.values(bundle ?? {})
            .filter((file) => file.type === 'asset' && file.names.some((name) => /^duckdb-.*\.(wasm|js)$/.test(name)))
            .map((file) => ({
              tag: 'link',
              // `as="fetch"`, so that the bytes land in the HTTP cache the worker reads from.
              attrs: { rel: 'preload', href: `${base}${file.fileName}`, as: 'fetch', crossorigin: '' },
              injectTo: 'head',
            }));
        },
      },
    },
  ],
};
