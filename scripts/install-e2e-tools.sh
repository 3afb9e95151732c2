#!/usr/bin/env bash
# Install the tools Agentry's real-editor (end-to-end) tests need, into .tools/:
#   - Debian packages: chromium (driven by playwright-core), neovim (headless LSP client),
#     and the build tools code-server's native modules need (python3, make, g++, pkg-config, libkrb5-dev)
#   - Node 24 from the npm package `node` (code-server requires Node 24; the package ships headers)
#   - code-server from npm, built against Node 24's headers
#
# Idempotent: a stamp file records what was installed; a second run with the same pins and the
# binaries present returns at once. Set E2E_TOOLS_FORCE=1 to reinstall the npm parts.
#
# Usage: bash scripts/install-e2e-tools.sh        (env: AGENTRY_TOOLS=dir to install elsewhere)
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium neovim fonts-liberation fonts-dejavu-core
              python3 make g++ pkg-config libkrb5-dev)

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${AGENTRY_TOOLS:-$REPO/.tools}
mkdir -p "$TOOLS"
TOOLS=$(cd "$TOOLS" && pwd)
STAMP="$TOOLS/e2e-tools.stamp"
WANT_STAMP="node=$NODE24_VERSION code-server=$CODE_SERVER_VERSION apt=${APT_PACKAGES[*]}"

NODE24_PREFIX="$TOOLS/node24"
CS_PREFIX="$TOOLS/cs"
CS_BIN="$CS_PREFIX/node_modules/.bin/code-server"

T_ALL=$(date +%s)
step_start() { STEP_NAME=$1; STEP_T0=$(date +%s); echo "[e2e-tools] $STEP_NAME ..."; }
step_end() { echo "[e2e-tools] $STEP_NAME: $(( $(date +%s) - STEP_T0 ))s${1:+ ($1)}"; }

missing_apt() {
  local p out=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || out+=("$p")
  done
  echo "${out[*]}"
}

node24_dir() {  # the directory holding bin/node and include/node for Node 24
  local d
  for d in "$NODE24_PREFIX"/node_modules/node/node_modules/node-linux-* "$NODE24_PREFIX"/node_modules/node-linux-*; do
    [ -x "$d/bin/node" ] && [ -d "$d/include/node" ] && { echo "$d"; return 0; }
  done
  return 1
}

# --- fast path --------------------------------------------------------------------------------
if [ -z "${E2E_TOOLS_FORCE:-}" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ] \
   && [ -z "$(missing_apt)" ] && node24_dir >/dev/null && [ -x "$CS_BIN" ] \
   && [ -x /usr/bin/chromium ] && command -v nvim >/dev/null; then
  echo "[e2e-tools] already installed in $TOOLS ($WANT_STAMP): $(( $(date +%s) - T_ALL ))s"
  exit 0
fi

# --- 1. Debian packages -------------------------------------------------------------------------
step_start "apt packages"
MISSING=$(missing_apt)
if [ -n "$MISSING" ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "[e2e-tools] need root (or sudo) to install: $MISSING" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $MISSING >/dev/null
  step_end "installed: $MISSING"
else
  step_end "all present"
fi

# --- 2. Node 24 from npm ------------------------------------------------------------------------
# Each prefix gets its own package.json so npm never climbs up to the repository's package.json.
init_prefix() {
  mkdir -p "$1"
  [ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$2" > "$1/package.json"
}
NPM_FLAGS=(--no-audit --no-fund --no-save --loglevel=error --no-package-lock)

step_start "node@$NODE24_VERSION (npm)"
have_node=""
if d=$(node24_dir) && [ "$("$d/bin/node" -v)" = "v$NODE24_VERSION" ] && [ -z "${E2E_TOOLS_FORCE:-}" ]; then
  have_node=1
fi
if [ -z "$have_node" ]; then
  init_prefix "$NODE24_PREFIX" e2e-node24
  (cd "$NODE24_PREFIX" && npm install "${NPM_FLAGS[@]}" "node@$NODE24_VERSION")
  step_end "installed"
else
  step_end "present"
fi
NODE24_DIR=$(node24_dir) || { echo "[e2e-tools] node@$NODE24_VERSION did not provide bin/node + include/" >&2; exit 1; }
"$NODE24_DIR/bin/node" -v

# --- 3. code-server from npm --------------------------------------------------------------------
step_start "code-server@$CODE_SERVER_VERSION (npm, native build)"
have_cs=""
if [ -x "$CS_BIN" ] && [ -z "${E2E_TOOLS_FORCE:-}" ] \
   && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_PREFIX/node_modules/code-server/package.json" 2>/dev/null; then
  have_cs=1
fi
if [ -z "$have_cs" ]; then
  init_prefix "$CS_PREFIX" e2e-code-server
  # Node 24 first on PATH for the install scripts; node-gyp builds against its bundled headers
  # (instead of the system Node 20, or downloading headers, which cannot work offline).
  (cd "$CS_PREFIX" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=max \
     npm install "${NPM_FLAGS[@]}" "code-server@$CODE_SERVER_VERSION")
  step_end "installed"
else
  step_end "present"
fi

echo "$WANT_STAMP" > "$STAMP"
# version checks with a throwaway home, so nothing lands in the real ~/.config, ~/.cache, ~/.local
VHOME=$(mktemp -d)
export_vhome() { HOME="$VHOME" XDG_CONFIG_HOME="$VHOME/c" XDG_CACHE_HOME="$VHOME/k" XDG_DATA_HOME="$VHOME/d" XDG_STATE_HOME="$VHOME/s" "$@"; }
echo "[e2e-tools] chromium: $(export_vhome /usr/bin/chromium --version 2>/dev/null || echo '?')"
echo "[e2e-tools] nvim: $(export_vhome nvim --version | head -1)"
echo "[e2e-tools] code-server: $(PATH="$NODE24_DIR/bin:$PATH" export_vhome "$CS_BIN" --version 2>/dev/null | tail -1)"
rm -rf "$VHOME"
echo "[e2e-tools] done in $(( $(date +%s) - T_ALL ))s; $TOOLS uses $(du -sh "$TOOLS" 2>/dev/null | cut -f1)"
