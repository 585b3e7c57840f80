#!/usr/bin/env bash
# Installs what a fresh machine lacks, then the workspace: pnpm (from the npm registry), Chromium
# (Debian's `chromium` package, unless REEL_CHROMIUM names another build) and the dependencies.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9

if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != "$PNPM_VERSION" ]]; then
  echo "setup: installing pnpm@$PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

if [[ -n "${REEL_CHROMIUM:-}" ]]; then
  [[ -x "$REEL_CHROMIUM" ]] || { echo "setup: REEL_CHROMIUM=$REEL_CHROMIUM is not an executable" >&2; exit 1; }
elif [[ ! -x /usr/bin/chromium ]]; then
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    echo "setup: installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "setup: no Chromium at /usr/bin/chromium. Install Debian's 'chromium' package, or set" >&2
    echo "       REEL_CHROMIUM to a Chromium/Chrome binary (e.g. from 'npx playwright install chromium')." >&2
    exit 1
  fi
fi

if [[ -n "${CI:-}" ]]; then
  pnpm install --frozen-lockfile
else
  pnpm install --prefer-offline
fi
