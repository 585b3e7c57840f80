/**
 * Every test in the repo, as Vitest projects:
 * - core in Node under three time zones (date-only values must not move with the zone);
 * - the dataset in Node;
 * - the elements in real Chromium (Vitest browser mode through Playwright), in two time zones;
 * - every Storybook story as a browser test (play functions + axe), through @storybook/addon-vitest;
 * - the plain embedding page, served over http and driven in Chromium.
 * Browsers are Debian's Chromium unless REEL_CHROMIUM points elsewhere (see README).
 */
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { vuePlugin } from './examples/vue/vite.config.js';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const resolveFromSource = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
};

/**
 * Browser tests wait on conditions (an element settled, a mark drawn), never on a number of frames
 * or milliseconds; on a busy machine they just take longer. The test timeout is only a backstop
 * that ends a hung test, so it is far above what any test takes under load.
 */
const BROWSER_TEST_BACKSTOP = 120_000;

/**
 * `expect.poll` waits for a condition; its default of one second is a wall-clock budget that a
 * busy machine misses (a 404 answered, a chunk loaded). Like the test timeout, only a backstop.
 */
const POLL_BACKSTOP = { poll: { timeout: 30_000 } };

/** A fresh provider per project (sharing one mislabels projects), with its own browser context options. */
const chromium = (contextOptions: { timezoneId?: string; hasTouch?: boolean } = {}) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions(), contextOptions }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

/** The elements' tests, in a browser whose time zone is `zone`: what they draw must not move. */
const timelineInZone = (zone: string): TestProjectInlineConfiguration => ({
  ...resolveFromSource,
  // d3-brush is reached only through the overview's import(): pre-bundle it up front, or finding
  // it mid-run reloads the page under the tests.
  // DuckDB-WASM (through @reeltime/duckdb, for source="duckdb") likewise.
  optimizeDeps: { include: ['d3-brush', '@reeltime/duckdb > @duckdb/duckdb-wasm'] },
  test: {
    name: `timeline (chromium, ${zone})`,
    root: 'packages/timeline',
    // shims/: the bundle's stand-ins for parts of d3, checked against the real modules;
    // build/: the bundle's build steps (e.g. template whitespace, checked by laying pages out).
    include: ['src/**/*.test.ts', 'shims/**/*.test.ts', 'build/**/*.test.ts'],
    // hasTouch: a touch-capable page, so d3-zoom listens for touches and pinch can be tested.
    browser: chromium({ timezoneId: zone, hasTouch: true }),
    // The prepared DuckDB database duckdb.test.ts reads (generated, git-ignored).
    globalSetup: ['test/duckdb-prepared.setup.ts'],
    testTimeout: BROWSER_TEST_BACKSTOP,
    expect: POLL_BACKSTOP,
    provide: { timeZone: zone },
  },
});

const coreInZone = (zone: string): TestProjectInlineConfiguration => ({
  ...resolveFromSource,
  test: {
    name: `core (${zone})`,
    root: 'packages/core',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    env: { TZ: zone },
    // A backstop, not a budget: property tests and 100,000-event inputs take longer on a busy machine.
    testTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      coreInZone('UTC'),
      coreInZone('America/Los_Angeles'),
      coreInZone('Pacific/Kiritimati'),
      {
        ...resolveFromSource,
        test: {
          name: 'data',
          root: 'data',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'Asia/Tokyo' },
        },
      },
      {
        // The DuckDB source and server in Node (@duckdb/node-api), against the in-memory source.
        ...resolveFromSource,
        test: {
          name: 'duckdb (node)',
          root: 'packages/duckdb',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'America/Los_Angeles' },
          // Writing and reading 100,000 events on a busy machine: backstops only.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      timelineInZone('America/Los_Angeles'),
      timelineInZone('Pacific/Kiritimati'),
      {
        ...resolveFromSource,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        // Pre-bundle up front: a re-optimisation mid-run reloads the page under the tests.
        optimizeDeps: {
          include: [
            'lit',
            'lit/directives/repeat.js',
            'lit/decorators.js',
            'd3-zoom',
            'd3-brush',
            'd3-selection',
            'd3-scale',
            'd3-array',
            'd3-time',
            'storybook/test',
          ],
        },
        test: {
          name: 'storybook (chromium)',
          browser: chromium(),
          // axe again in dark and forced colours after the a11y addon's run in light.
          setupFiles: ['.storybook/vitest.setup.ts'],
          testTimeout: BROWSER_TEST_BACKSTOP,
          expect: POLL_BACKSTOP,
        },
      },
      {
        test: {
          name: 'embed (chromium)',
          root: 'packages/timeline',
          include: ['test/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The React 19 and Vue 3 example apps, mounted in Chromium.
        ...resolveFromSource,
        plugins: [vuePlugin()],
        test: {
          name: 'examples (chromium)',
          root: 'examples',
          include: ['*/src/**/*.test.ts', '*/src/**/*.test.tsx'],
          browser: chromium(),
          testTimeout: BROWSER_TEST_BACKSTOP,
          expect: POLL_BACKSTOP,
        },
      },
      {
        // Server rendering (@lit-labs/ssr) in Node, with Lit's own DOM shim.
        ...resolveFromSource,
        test: {
          name: 'ssr (node)',
          root: 'packages/timeline',
          include: ['test/ssr*.test.ts'],
          environment: 'node',
          env: { TZ: 'UTC' },
          // Building the client and starting Chromium: backstops only.
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'packages (node)',
          include: ['test/packages.test.ts', 'test/manifest.test.ts'],
          environment: 'node',
          // Packing, installing and type-checking take a while on a busy machine: backstops only.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
