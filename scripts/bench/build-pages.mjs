/**
 * Builds one page per library with Vite (minified, like an app would ship it) into
 * reports/bench/pages/<lib>/ and measures each page's bundle, min and min+gzip.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The libraries the benchmark knows, in report order. */
export const LIBS = ['reeltime', 'vis', 'gravity'];

/** The measured container, the same for every library. */
export const CONTAINER = { width: 1200, height: 600 };

/** Bytes of a file, minified as built, and gzipped (level 9). */
export function sizeOf(path) {
  const bytes = readFileSync(path);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function pageHtml(lib, hasCss) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>reeltime bench: ${lib}</title>
    ${hasCss ? '<link rel="stylesheet" href="page.css" />' : ''}
    <style>
      html, body { margin: 0; background: #fff; }
      #container { position: relative; width: ${CONTAINER.width}px; height: ${CONTAINER.height}px; overflow: hidden; }
    </style>
  </head>
  <body>
    <div id="container"></div>
    <script type="module" src="page.js"></script>
  </body>
</html>
`;
}

/**
 * Builds the pages of `libs` under `outRoot`; returns each page's sizes
 * `{ js: { min, gzip }, css: { min, gzip } | null }`.
 */
export async function buildPages(libs, { root, outRoot }) {
  const sizes = {};
  for (const lib of libs) {
    const outDir = `${outRoot}/${lib}`;
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 10_000,
        rolldownOptions: {
          input: `${root}/scripts/bench/pages/${lib}.mjs`,
          output: {
            entryFileNames: 'page.js',
            // Only the page's stylesheet is named `page.css`; any other asset (reeltime's lazily
            // loaded DuckDB worker is a `.js` asset) keeps its own name, or it would overwrite page.js.
            assetFileNames: (asset) =>
              asset.names?.some((name) => name.endsWith('.css')) ? 'page[extname]' : 'assets/[name]-[hash][extname]',
          },
        },
      },
    });
    const hasCss = existsSync(`${outDir}/page.css`);
    writeFileSync(`${outDir}/index.html`, pageHtml(lib, hasCss));
    sizes[lib] = { js: sizeOf(`${outDir}/page.js`), css: hasCss ? sizeOf(`${outDir}/page.css`) : null };
  }
  return sizes;
}
