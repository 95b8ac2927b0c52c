#!/usr/bin/env bash
# Prints the first-load size of the built app (raw, gzip -9 and brotli where available)
# and fails if the gzip total passes the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${BUDGET_KB:-250}
total_gz=0
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
for f in dist/index.html dist/*.js dist/*.wasm dist/*.css public/embed.js; do
  [[ -f "$f" ]] || continue
  # embed.js is not part of the app's first load; it is listed once, from public/.
  [[ "$f" == dist/embed.js ]] && continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$( (command -v brotli >/dev/null && brotli -c -q 11 "$f" | wc -c) || echo "-")
  printf '%-44s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
  [[ "$f" == public/* ]] || total_gz=$((total_gz + gz))
done
printf 'first load (html+js+wasm+css), gzip: %d bytes = %.1f KB (budget %d KB)\n' \
  "$total_gz" "$(awk "BEGIN { print $total_gz / 1024 }")" "$BUDGET_KB"
if (( total_gz > BUDGET_KB * 1024 )); then
  echo "OVER BUDGET by $(( (total_gz - BUDGET_KB * 1024) / 1024 )) KB" >&2
  # Reported on every run; SIZE_STRICT=1 turns it into a failure.
  [[ "${SIZE_STRICT:-0}" == 1 ]] && exit 1
fi
exit 0
