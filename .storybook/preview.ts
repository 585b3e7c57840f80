import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/timeline/custom-elements.json' with { type: 'json' };
import { argTypesFromManifest, type Manifest } from './manifest-arg-types.js';

setCustomElementsManifest(manifest);

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
