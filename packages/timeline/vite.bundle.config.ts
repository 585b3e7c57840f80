/** The single-file ESM bundle: `<script type="module" src="…/reeltime.bundle.js">` is all a page needs. */
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: { conditions: ['source', 'module', 'browser', 'production', 'import', 'default'] },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: { entry: 'src/bundle.ts', formats: ['es'], fileName: () => 'reeltime.bundle.js' },
  },
});
