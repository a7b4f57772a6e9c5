# Environment shared by the start command, the test command and CI.
# Source it: `. scripts/env.sh`. It writes nothing and names no host:
# the registry comes from the machine's npm configuration.
_registry="$(npm config get registry 2>/dev/null | sed 's#/*$##')"
if [ -n "$_registry" ] && [ "$_registry" != "undefined" ]; then
  export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-$_registry}"
  export YARN_NPM_REGISTRY_SERVER="${YARN_NPM_REGISTRY_SERVER:-$_registry}"
fi
unset _registry
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# Native addons (better-sqlite3) build against the local Node headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export YARN_ENABLE_TELEMETRY=0
export YARN_ENABLE_GLOBAL_CACHE="${YARN_ENABLE_GLOBAL_CACHE:-false}"

# corepack provides the Yarn version pinned in package.json#packageManager.
if ! yarn --version 2>/dev/null | grep -q '^4\.'; then
  corepack enable >/dev/null 2>&1 || true
fi

# Install dependencies when node_modules is missing or older than yarn.lock.
ensure_installed() {
  if [ ! -f node_modules/.yarn-state.yml ] || [ yarn.lock -nt node_modules/.yarn-state.yml ] \
     || [ package.json -nt node_modules/.yarn-state.yml ]; then
    echo "Installing dependencies (yarn install --immutable)..." >&2
    yarn install --immutable
  fi
}
