/**
 * Where Chromium is and how to start it on machines like ours (Debian's `chromium`, run as root,
 * no network but the package registries). Set REEL_CHROMIUM to use another build, e.g. one from
 * `npx playwright install chromium` on a workstation. Plain JavaScript, so that Node scripts and
 * TypeScript configs share it (types in chromium.d.mts).
 */
import { existsSync } from 'node:fs';

/** Flags that work headless as root with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium executable: REEL_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own. */
export function chromiumPath() {
  const configured = process.env['REEL_CHROMIUM'];
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Playwright launch options for that Chromium. */
export function chromiumLaunchOptions() {
  const executablePath = chromiumPath();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
