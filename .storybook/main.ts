import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

// Telemetry waits on a network these machines do not have; keep it off everywhere.
process.env['STORYBOOK_DISABLE_TELEMETRY'] = '1';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The dataset JSON is served as a static file so stories can use <reel-timeline src=…>, and its
  // source articles beside it where its links ("../sources/…", relative to the JSON) point.
  staticDirs: [
    { from: '../data/src', to: '/data' },
    { from: '../data/sources', to: '/sources' },
  ],
  viteFinal(viteConfig) {
    // Workspace packages resolve to their TypeScript sources: no build needed before Storybook.
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', ...defaultClientConditions] };
    return viteConfig;
  },
};
export default config;
