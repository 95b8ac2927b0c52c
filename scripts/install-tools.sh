#!/usr/bin/env bash
# Installs whatever the build and tests need and is missing; a second run does nothing.
# Versions and flags come from ../shared/TOOLCHAIN.md (verified on these machines).
#   scripts/install-tools.sh          tools to build and run the app
#   scripts/install-tools.sh --test   plus Chromium, ChromeDriver and the e2e packages
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

TRUNK_VERSION=0.21.14
# wasm-split-cli: cuts the route chunks out of the wasm (scripts/build-app.sh).
WASM_SPLIT_VERSION=0.2.4
# Trunk requires the CLI to equal the wasm-bindgen version pinned in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; exit 1; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if ((${#missing[@]})); then
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "cargo install trunk $TRUNK_VERSION (takes 6-8 minutes once)"
  # --locked: without it 0.21.14 fails to compile (lightningcss/cssparser clash).
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes 3-4 minutes once)"
  # No --locked here: its lock file pins a yanked crate.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The CLI has no --version; cargo's own record of installed crates says which one it is.
if ! command -v wasm-split-cli >/dev/null ||
  ! grep -q "^\"wasm_split_cli_support $WASM_SPLIT_VERSION " "${CARGO_HOME:-$HOME/.cargo}/.crates.toml" 2>/dev/null; then
  say "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (takes 3-4 minutes once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary --force
fi

command -v npm >/dev/null || apt_install nodejs npm
# wasm-opt: see scripts/binaryen/package.json for why not Debian's.
if [[ ! -x scripts/binaryen/node_modules/.bin/wasm-opt ]]; then
  say "npm ci (binaryen for wasm-opt)"
  (cd scripts/binaryen && npm ci --no-audit --no-fund --loglevel=error)
fi

if $want_test; then
  apt_install chromium chromium-driver
  if [[ ! -d tests/e2e/node_modules ]] || [[ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]]; then
    say "npm ci (end-to-end test packages)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# Trunk runs in --offline mode (Trunk.toml); make sure every crate is downloaded first.
cargo fetch --quiet
