#!/usr/bin/env bash
# The whole test suite: installs what it needs, then type-check, API reports,
# lint, prettier, every jest suite, the integration scripts and the browser tests.
# Ends with a plain "N passed, M failed" line; fails when zero tests ran.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
ensure_installed
export CI="${CI:-true}"
exec node scripts/test-runner.mjs "$@"
