#!/usr/bin/env bash
# The demo portal: installs when needed, starts the kube-sim demo clusters,
# then the backend (:7007) and the app (:3000). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
ensure_installed
exec node scripts/demo.mjs start "$@"
