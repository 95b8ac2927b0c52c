#!/usr/bin/env bash
# Prints the first-load size of the built app (raw, gzip -9 and brotli q11) and fails if
# the gzip total passes the budget. The first load is what `/` needs before it is usable:
# index.html, the CSS, the JS loader and the main wasm. The route chunks of a split build
# (dist/app-<hash>/, scripts/build-app.sh) are listed after it, each downloaded on the
# first visit to its pages.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${BUDGET_KB:-250}

brotli_size() {
  if command -v brotli >/dev/null; then
    brotli -c -q 11 "$1" | wc -c
  else
    node -e 'const z=require("zlib");const b=require("fs").readFileSync(process.argv[1]);
      console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,
      [z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length)' "$1" 2>/dev/null || echo "-"
  fi
}

total=(0 0 0)
row() {
  local f=$1 raw gz br
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli_size "$f")
  printf '%-44s %10s %10s %10s\n' "${f#dist/}" "$raw" "$gz" "$br"
  if [[ "${2:-}" == first ]]; then
    total[0]=$((total[0] + raw)) total[1]=$((total[1] + gz))
    [[ "$br" == - ]] || total[2]=$((total[2] + br))
  fi
}

printf '%-44s %10s %10s %10s\n' "first load" raw gzip brotli
shopt -s nullglob
chunks=()
for f in dist/index.html dist/*.css dist/*.js dist/*.wasm dist/app-*/*; do
  # embed.js is not part of the app's first load; it is listed once, from public/.
  # sw.js is fetched by the browser after the page is up (registered on load), and
  # compressed siblings (.br, .gz) are the same files again.
  [[ "$f" == dist/embed.js || "$f" == dist/sw.js || -d "$f" ]] && continue
  [[ "$f" == *.br || "$f" == *.gz ]] && continue
  case "$f" in
    # The main module and what it imports at start (the chunk loader, JS snippets).
    dist/app-*/contacto-ciudadano.js | dist/app-*/contacto-ciudadano_bg.wasm | dist/app-*/__wasm_split.js) ;;
    dist/app-*) chunks+=("$f"); continue ;;
  esac
  row "$f" first
done
for f in dist/app-*/snippets/*/*.js; do row "$f" first; done
printf '%-44s %10s %10s %10s\n' "= first load" "${total[@]}"
if ((${#chunks[@]})); then
  printf '%-44s %10s %10s %10s\n' "route chunks (on first visit)" raw gzip brotli
  for f in "${chunks[@]}"; do row "$f"; done
fi
printf '%-44s %10s %10s %10s\n' "not loaded by the app" raw gzip brotli
row public/embed.js
printf '%-44s %10s %10s %10s\n' "after the page is up" raw gzip brotli
[[ -f dist/sw.js ]] && row dist/sw.js

total_gz=${total[1]}
printf 'first load (html+js+wasm+css), gzip: %d bytes = %.1f KB (budget %d KB)\n' \
  "$total_gz" "$(awk "BEGIN { print $total_gz / 1024 }")" "$BUDGET_KB"
if (( total_gz > BUDGET_KB * 1024 )); then
  echo "OVER BUDGET by $(( (total_gz - BUDGET_KB * 1024) / 1024 )) KB" >&2
  # Reported on every run; SIZE_STRICT=1 turns it into a failure.
  [[ "${SIZE_STRICT:-0}" == 1 ]] && exit 1
fi
exit 0
