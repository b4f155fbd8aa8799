#!/usr/bin/env bash
# Builds the H5 apps (admin_h5/ → admin_h5/dist) when their sources changed since the last build:
# `npm ci` when package-lock.json changed, then `vite build`. Sourced or run by scripts/run and scripts/test.
set -euo pipefail
H5="$(cd "$(dirname "${BASH_SOURCE[0]}")/../admin_h5" && pwd)"
if ! command -v npm >/dev/null; then
  echo "h5: npm is not installed: install Node.js 20.19+ (apt-get install nodejs npm) to build the H5 apps" >&2
  exit 1
fi
cd "$H5"
# One build at a time: the test workers (pytest-xdist) and `qingpin run` may all ask for it at once.
exec 9>"$H5/.build.lock"
flock 9
lock_sum="$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f node_modules/.qingpin-lock ] || [ "$(cat node_modules/.qingpin-lock)" != "$lock_sum" ]; then
  echo "h5: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.qingpin-lock
fi
src_sum="$( (find src hr c onboard -type f -print0 | sort -z | xargs -0 sha256sum; sha256sum vite.config.ts package-lock.json) | sha256sum | cut -c1-16)"
if [ -f dist/.build-stamp ] && [ "$(cat dist/.build-stamp)" = "$src_sum" ] && [ "${QINGPIN_H5_REBUILD:-0}" != 1 ]; then
  echo "h5: dist/ is up to date"
else
  echo "h5: vite build"
  npx vite build --logLevel warn
  echo "$src_sum" > dist/.build-stamp
fi
