#!/usr/bin/env bash
# Release build of the app into dist/, with route-level wasm code splitting: the landing
# page (`/`) and the shell are in the main wasm, every other page in a chunk downloaded
# on its first visit (feature `split`, see src/app.rs).
#
# Trunk cannot split, so it builds only the HTML, CSS and copied files (from index.html
# without its rust link); this script builds the wasm:
#   cargo build (--features split, relocations kept) → wasm-split-cli (main + chunks +
#   __wasm_split.js, the chunk loader) → wasm-bindgen --target web → wasm-opt on every
#   .wasm → dist/app-<content hash>/ → the module script in dist/index.html.
# The loader fetches chunks by fixed names next to itself, so the content hash is in the
# folder name: an old page never mixes its files with a newer build's.
#
#   WASM_OPT_LEVEL=z scripts/build-app.sh    another wasm-opt level (default: index.html's)
#   PUBLIC_URL=/sub/ scripts/build-app.sh    for a deploy under a sub-path
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"

BIN=contacto-ciudadano
TARGET_DIR=${CARGO_TARGET_DIR:-target}
PUBLIC_URL=${PUBLIC_URL:-/}
# wasm-opt level and flags: the ones on index.html's rust link (also used by `trunk serve`).
rust_link=$(grep -o '<link data-trunk rel="rust"[^>]*>' index.html)
attr() { sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p" <<<"$rust_link"; }
WASM_OPT_LEVEL=${WASM_OPT_LEVEL:-$(attr data-wasm-opt)}
read -r -a WASM_OPT_PARAMS <<<"$(attr data-wasm-opt-params)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say "trunk: HTML, CSS and copied files"
# Without a rust link trunk would build the Cargo.toml next to the page, so the page goes
# to a folder of its own, its hrefs rewritten to point back here.
mkdir "$work/page"
back=$(realpath -m --relative-to="$work/page" "$PWD")
grep -v '<link data-trunk rel="rust"' index.html |
  sed "s#\(data-trunk [^>]*href=\"\)#\1$back/#" >"$work/page/index.html"
trunk build --release true --dist "$PWD/dist" "$work/page/index.html"

say "cargo build (split feature, relocations for the splitter)"
# RUSTFLAGS replaces .cargo/config.toml's flags for this target, so erase_components is
# repeated here. Symbols must stay (no strip): the splitter reads them.
RUSTFLAGS="--cfg erase_components -C link-args=--emit-relocs" \
  cargo build --release --target wasm32-unknown-unknown -p "$BIN" --bin "$BIN" --features split

say "wasm-split-cli"
mkdir -p "$work/split" "$work/out"
wasm-split-cli "$TARGET_DIR/wasm32-unknown-unknown/release/$BIN.wasm" "$work/split" --out-name "$BIN"

say "wasm-bindgen"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/out" --out-name "$BIN" "$work/split/$BIN.wasm"
rm "$work/split/$BIN.wasm"
cp -r "$work/split/." "$work/out/"

say "wasm-opt -O$WASM_OPT_LEVEL on every .wasm"
for wasm in "$work/out"/*.wasm; do
  wasm-opt "-O$WASM_OPT_LEVEL" "${WASM_OPT_PARAMS[@]}" "$wasm" -o "$wasm"
done

say "texts-en.json, texts-pt.json (the languages fetched when chosen; native export)"
# The split build has only Spanish compiled in (feature lazy-texts); the other languages
# are lists of strings written from a native build that has them all.
cargo run --quiet -p "$BIN" --bin export-texts -- "$work/out"

build=$(cd "$work/out" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
app_dir="app-$build"
# Folders only (the trailing slash): dist/app-config.json stays.
rm -rf dist/app-*/
mv "$work/out" "dist/$app_dir"

say "dist/index.html: module script for $app_dir"
base="${PUBLIC_URL%/}/$app_dir"
loader="<script type=module>import init from '$base/$BIN.js';init({module_or_path:'$base/${BIN}_bg.wasm'})</script>"
loader+="<link crossorigin href=$base/$BIN.js rel=modulepreload>"
loader+="<link as=fetch crossorigin href=$base/${BIN}_bg.wasm rel=preload type=application/wasm>"
# First, before the loader: a direct visit to another page fetches that page's chunks
# at once, alongside the main module (scripts/route-preload.mjs).
preload=$(node scripts/route-preload.mjs "dist/$app_dir" "$base/" "${PUBLIC_URL%/}")
grep -q '</head>' dist/index.html
node -e 'const fs = require("fs"); const f = "dist/index.html";
  fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace("</head>", () => process.argv[1] + "</head>"));' \
  "$preload$loader"

say "dist/sw.js: precache list of this build"
node scripts/sw-precache.mjs dist "$app_dir" "${PUBLIC_URL%/}"

ls -l "dist/$app_dir"
