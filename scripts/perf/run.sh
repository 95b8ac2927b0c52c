#!/usr/bin/env bash
# `make perf`: installs the pinned Lighthouse and playwright-core (npm ci, once) and
# runs perf.mjs against the release build (dist/ and the release cc-server).
#   PERF_RUNS=1 PERF_PAGES=home,search scripts/perf/run.sh   a quick look
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node perf.mjs
