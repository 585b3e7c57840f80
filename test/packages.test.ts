/**
 * The packages as a user gets them: `pnpm pack` the three packages (publishConfig applied,
 * `workspace:` ranges replaced), lint each tarball with publint --strict and
 * @arethetypeswrong/cli, install the tarballs into a fresh project outside the workspace,
 * type-check it with `skipLibCheck: false` (plain TS, React 19 TSX, a Vue SFC through vue-tsc,
 * Svelte 5 element typings), bundle it with Vite and draw it in Chromium. Needs `pnpm build`.
 *
 * The fresh project installs from the pnpm store the workspace install filled
 * (`--prefer-offline`), with the workspace's versions of typescript, vue, vue-tsc, svelte and
 * @types/react, so it needs no network beyond what the workspace install already needed.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const version = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const PACKAGES = [
  { name: '@reeltime/core', dir: 'packages/core', tarball: 'reeltime-core-0.1.0.tgz' },
  { name: '@reeltime/timeline', dir: 'packages/timeline', tarball: 'reeltime-timeline-0.1.0.tgz' },
  { name: '@reeltime/data', dir: 'data', tarball: 'reeltime-data-0.1.0.tgz' },
  { name: '@reeltime/duckdb', dir: 'packages/duckdb', tarball: 'reeltime-duckdb-0.1.0.tgz' },
] as const;

/** Conditions are waited for; the timeout is only a backstop for a broken page. */
const POLL = { timeout: 60_000 };

let work: string;
let consumer: string;
const tarball = (name: (typeof PACKAGES)[number]['name']) =>
  join(work, PACKAGES.find((pkg) => pkg.name === name)!.tarball);

beforeAll(async () => {
  if (!existsSync(join(root, 'packages/timeline/dist/reeltime.bundle.js')))
    throw new Error('The packages are not built: run `pnpm build` first');
  work = mkdtempSync(join(tmpdir(), 'reeltime-packages-'));
  for (const pkg of PACKAGES) await run('pnpm', ['pack', '--pack-destination', work], { cwd: join(root, pkg.dir) });
  // A fresh project outside the workspace, on the tarballs (core and data through overrides, as
  // timeline and data depend on @reeltime/core, which no registry has).
  consumer = join(work, 'consumer');
  cpSync(join(root, 'test/consumer'), consumer, { recursive: true });
  const files = Object.fromEntries(PACKAGES.map((pkg) => [pkg.name, `file:${tarball(pkg.name)}`]));
  const devDependencies = Object.fromEntries(
    ['typescript', 'vue', 'vue-tsc', 'svelte', '@types/react'].map((name) => [name, version(name)]),
  );
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'reeltime-consumer',
      private: true,
      type: 'module',
      dependencies: files,
      devDependencies,
      pnpm: { overrides: files },
    }),
  );
  await run(
    'pnpm',
    ['install', '--prefer-offline', '--ignore-workspace', '--no-frozen-lockfile', '--reporter=silent'],
    {
      cwd: consumer,
      env: { ...process.env, npm_config_workspace_dir: consumer },
    },
  );
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(PACKAGES)('$name, packed', ({ name, tarball: file }) => {
  it('is clean under publint --strict', async () => {
    const buffer = readFileSync(join(work, file));
    const { messages, pkg } = await publint({
      pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
      strict: true,
      level: 'suggestion',
    });
    expect(messages.map((message) => formatMessage(message, pkg, { color: false }))).toEqual([]);
  });

  it('is clean under @arethetypeswrong/cli (ESM only: node16 from ESM and bundlers)', async () => {
    const args = [join(work, file), '--profile', 'esm-only', '--format', 'json'];
    if (name === '@reeltime/timeline') args.push('--include-entrypoints', './define/reel-timeline.js');
    const { stdout } = await run(bin('attw'), args).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as {
      analysis: { problems: { resolutionKind?: string }[]; entrypoints: Record<string, unknown> };
    };
    // The JSON lists the problems of every resolution; ESM-only packages leave out CommonJS ones.
    const ignored = ['node10', 'node16-cjs'];
    expect(report.analysis.problems.filter((problem) => !ignored.includes(problem.resolutionKind ?? ''))).toEqual([]);
    if (name === '@reeltime/timeline')
      expect(Object.keys(report.analysis.entrypoints)).toEqual(
        expect.arrayContaining(['.', './bundle', './ssr', './define/reel-timeline.js', './react', './vue', './svelte']),
      );
  });

  it('ships its README, LICENSE and built files, and nothing from src or the tests', async () => {
    const { stdout } = await run('tar', ['-tzf', join(work, file)]);
    const files = stdout.trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/package.json']));
    expect(files.filter((path) => /^package\/(src|test)\/|\.test\.|tsbuildinfo/.test(path))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      dependencies?: Record<string, string>;
    };
    // No `source` export condition (it points into src/, which is not published).
    expect(JSON.stringify(manifest.exports)).not.toContain('"source":');
    expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain('workspace:');
  });
});

describe('a fresh project on the tarballs', () => {
  it('type-checks with skipLibCheck false: the README snippet, the bundle and ssr subpaths, React 19 TSX and Svelte 5 typings', async () => {
    const result = await run(join(consumer, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: consumer }).catch(
      (error: { stdout: string }) => error,
    );
    // Every @ts-expect-error in the fixtures is used, and nothing else fails: were a wrong prop
    // accepted (untyped elements, `any` props), its @ts-expect-error would fail as unused (TS2578).
    expect(result.stdout).toBe('');
  });

  it('type-checks a Vue SFC with vue-tsc: props and reel-select handlers typed', async () => {
    const result = await run(join(consumer, 'node_modules/.bin/vue-tsc'), ['-p', 'tsconfig.vue.json'], {
      cwd: consumer,
    }).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe('');
  });

  it('bundles with Vite and draws the timeline in Chromium, selection reaching a handler', async () => {
    const { build } = await import('vite');
    await build({ root: consumer, logLevel: 'silent', build: { outDir: 'dist' } });
    const server: Server = createServer(sirv(join(consumer, 'dist')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const logs: string[] = [];
      page.on('console', (message) => logs.push(message.text()));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const release = page.locator('reel-timeline [part~="event"][data-id="us-release"]');
      await expect.poll(() => release.count(), POLL).toBe(1);
      await release.click();
      // main.ts logs the selected event's title from its reel-select listener.
      await expect.poll(() => logs, POLL).toContainEqual(expect.stringMatching(/release/i));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("draws the README's CMS snippet from the packed bundle, served as a self-hosted copy", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const snippet = /In a CMS[\s\S]*?```html\n([\s\S]*?)```/.exec(readme)![1]!;
    const cdn = 'https://cdn.jsdelivr.net/npm/@reeltime/timeline@0.1.0/dist/reeltime.bundle.js';
    expect(snippet).toContain(cdn);
    // The CDN serves the package's files as published: serve the installed tarball's instead.
    const site = join(work, 'site');
    cpSync(join(consumer, 'node_modules/@reeltime/timeline/dist'), join(site, 'reeltime'), { recursive: true });
    writeFileSync(
      join(site, 'index.html'),
      `<!doctype html><html lang="en"><body>${snippet.replace(cdn, '/reeltime/reeltime.bundle.js')}</body></html>`,
    );
    const server: Server = createServer(sirv(site));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const marks = page.locator('reel-timeline [part~="event"]');
      await expect.poll(() => marks.count(), POLL).toBe(2);
      expect(await marks.first().getAttribute('aria-label')).toContain('Founded');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
