/** The single-file ESM bundle: `<script type="module" src="…/reeltime.bundle.js">` is all a page needs. */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplates } from './build/minify-templates.js';

/** A file under `shims/`, as an absolute path for an alias. */
const shim = (name: string) => fileURLToPath(new URL(`./shims/${name}.ts`, import.meta.url));

/**
 * Minifies the CSS inside ``css`…` `` literals of `*.styles.ts` (no interpolations there): drops
 * comments and the whitespace that carries no meaning. Spaces between selectors (descendant
 * combinators) and inside values (`calc(a + b)`) are kept.
 */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

const minifyStyles: Plugin = {
  name: 'reeltime:minify-styles',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return null;
    const minified = code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => `css\`${minifyCss(text)}\``);
    // The stylesheet is one string: no source mapping is lost that anyone would step through.
    return { code: minified, map: { mappings: '' } };
  },
};

/**
 * The overview (its own chunk, loaded when first shown) gets the real `d3-selection`: d3-brush
 * draws its handles with data joins the shim leaves out. Everything else gets the shim, so the
 * entry chunk does not grow by the real module (docs/decisions/bundle-size.md, "The overview").
 */
const selectionShim: Plugin = {
  name: 'reeltime:d3-selection',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== 'd3-selection') return null;
    if (importer && /[\\/](d3-brush[\\/]|src[\\/]overview[\\/])/.test(importer)) return null;
    return shim('d3-selection');
  },
};

export default defineConfig({
  plugins: [selectionShim, minifyStyles, minifyTemplates()],
  resolve: {
    conditions: ['source', 'module', 'browser', 'production', 'import', 'default'],
    // Bundle only (the ESM build in dist/ imports the real modules): parts of d3 the element never
    // runs are replaced by shims that implement what it does call. Why, and the sizes: see
    // docs/decisions/bundle-size.md. test/embed.e2e.test.ts drives the result in Chromium;
    // shims/shims.test.ts checks each shim against the real module.
    alias: [
      // d3-selection: the shim everywhere but in the overview's chunk (selectionShim above).
      { find: /^d3-transition$/, replacement: shim('d3-transition') },
      { find: /^d3-interpolate$/, replacement: shim('d3-interpolate') },
      { find: /^d3-format$/, replacement: shim('d3-format') },
      { find: /^d3-dispatch$/, replacement: shim('d3-dispatch') },
      { find: /^d3-drag$/, replacement: shim('d3-drag') },
      { find: /^lit\/decorators\.js$/, replacement: shim('lit-decorators') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    // Rolldown minifies (oxc, below), then terser once more over the result, with its default
    // (safe) options: it finds ~0.3 KB min+gz more than a second oxc pass. Two terser passes, or
    // terser alone on the unminified bundle, came out larger (docs/decisions/bundle-size.md).
    minify: 'terser',
    lib: { entry: 'src/bundle.ts', formats: ['es'], fileName: () => 'reeltime.bundle.js' },
    // Vite keeps whitespace and /* @__PURE__ */ comments in an ES library build, for bundlers
    // that re-bundle it; this file is the end product (a <script> or a CDN), so minify it fully.
    rolldownOptions: {
      // The chunks loaded on first use (languages, the overview) import what they share with the
      // entry from the entry itself: it may export more than bundle.ts does, so that the shared
      // modules stay in it instead of moving to a third file every page would have to load.
      preserveEntrySignatures: 'allow-extension',
      // `source="duckdb"` imports @reeltime/duckdb (DuckDB-WASM, its worker and 34 MB of wasm) at
      // run time: a page resolves it (a bundler, or an import map), the bundle never carries it.
      external: [/^@reeltime\/duckdb(\/|$)/],
      // Chunks go in a folder of their own, emptied before each build (dist/ also holds tsc's output).
      output: {
        minify: true,
        comments: { annotation: false },
        chunkFileNames: 'chunks/[name]-[hash].js',
        // d3-zoom (loaded on the first pointer over the plot) and the overview's d3-brush share the
        // d3 stand-ins: one chunk, named for what it holds (rolldown would name it after one of them).
        // Core's dates (shared by the entry and the careful parser's chunk) stay one chunk however
        // many modules they are written in: left to itself, rolldown gives each importer set its own.
        advancedChunks: {
          groups: [
            { name: 'shims', test: /[\\/]shims[\\/]d3-/ },
            { name: 'date', test: /[\\/]core[\\/]src[\\/]model[\\/](calendar|deep|date|date-format)\.ts$/ },
          ],
        },
      },
      treeshake: {
        // d3-time builds every interval at load (local and UTC, each weekday, the tick tables) by
        // calls no bundler can prove pure; the element uses six UTC intervals. Reading a property
        // is assumed to have no effect, so the unused `interval.range` aliases go too.
        manualPureFunctions: ['timeInterval', 'timeWeekday', 'utcWeekday', 'ticker'],
        propertyReadSideEffects: false,
      },
    },
  },
});
