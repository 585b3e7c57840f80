import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/timeline/custom-elements.json' with { type: 'json' };
import { configure } from 'storybook/test';
import { argTypesFromManifest, type Manifest } from './manifest-arg-types.js';

setCustomElementsManifest(manifest);

// The stories' `waitFor` waits for a condition (a chunk loaded, a view settled); its default of one
// second is a wall-clock budget a busy machine misses. A backstop only, as in vitest.config.ts.
configure({ asyncUtilTimeout: 30_000 });

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // API tables from the manifest, every public row kept (see manifest-arg-types.ts).
    docs: { extractArgTypes: (tagName: string) => argTypesFromManifest(manifest as Manifest, tagName) ?? null },
    // axe runs on every story, in the browser and as part of the test suite; violations fail.
    a11y: { test: 'error' },
  },
};
export default preview;
