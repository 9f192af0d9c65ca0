#!/usr/bin/env bash
# Install what the browser tests need, idempotently: Debian's Chromium, and the npm
# packages pinned in package-lock.json (the real TimelineJS and mermaid; playwright-core,
# which drives Debian's Chromium for the report tests; axe-core) into
# tests/browser/node_modules. No browser download: Chromium comes from apt.
# Run as root (CI is); .ci/run calls it before the test suite.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
    echo "browser set-up: installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q chromium
fi
chromium --version

if ! command -v npm >/dev/null 2>&1; then
    echo "browser set-up: npm is missing (Node.js and npm come with the machine)" >&2
    exit 1
fi
# Reinstall only when package-lock.json changed since the last install.
stamp="$here/node_modules/.peacetrack-lock.sha256"
want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
    echo "browser set-up: npm ci in $here"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
fi
for f in "$here/node_modules/@knight-lab/timelinejs/dist/js/timeline.js" \
         "$here/node_modules/mermaid/dist/mermaid.min.js" \
         "$here/node_modules/playwright-core/index.mjs" \
         "$here/node_modules/axe-core/axe.min.js"; do
    [ -f "$f" ] || { echo "browser set-up: $f is missing after npm ci" >&2; exit 1; }
done
echo "browser set-up: ready"
