#!/usr/bin/env bash
# The contract run (`make contract`): starts the reference backend on a fresh database
# (demo catalog), checks it with the conformance kit (`cc-server conformance`, every
# check must pass), then with Schemathesis against its own OpenAPI document: every
# check, fixed seed and a bounded number of examples. Fails on any failure of either.
#   SERVER_BIN   the cc-server binary (default target/release/cc-server)
#   ST_EXAMPLES  examples per operation (default 40); ST_SEED (default 20261126)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."

SERVER_BIN="${SERVER_BIN:-target/release/cc-server}"
ST_EXAMPLES="${ST_EXAMPLES:-40}"
ST_SEED="${ST_SEED:-20261126}"
ST_VERSION="$(sed -n 's/^schemathesis==//p' "$here/requirements.txt")"
VENV="${CONTRACT_VENV:-${TMPDIR:-/tmp}/cc-contract-venv-$ST_VERSION}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; exit 1; fi
}

# Schemathesis from PyPI, pinned, in its own virtual environment (Debian's python3
# needs python3-venv for that).
if [[ ! -x "$VENV/bin/st" ]] || [[ "$("$VENV/bin/st" --version 2>/dev/null)" != *"$ST_VERSION" ]]; then
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    say "apt-get install python3-venv"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  say "schemathesis $ST_VERSION into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/cc-contract-XXXXXX")"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
token="ccstaff_contract_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
base="http://127.0.0.1:$port"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

say "cc-server on $base (fresh database in $work)"
# 127.0.0.1 as trusted proxy: the hooks name a new client per request (hooks.py).
CC_STAFF_TOKEN="$token" RUST_LOG="${RUST_LOG:-warn}" "$SERVER_BIN" --db "$work/contract.sqlite3" serve \
  --addr "127.0.0.1:$port" --dist "$work/no-app" --trusted-proxy 127.0.0.1 \
  2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$base/api/v1/config" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done

say "conformance kit"
CC_STAFF_TOKEN="$token" "$SERVER_BIN" conformance --url "$base/api/v1"

say "schemathesis $ST_VERSION: --checks all, seed $ST_SEED, $ST_EXAMPLES examples per operation"
cd "$here"
# One worker: a run crashed here once inside Hypothesis ("AST constructor recursion
# depth mismatch"); CPython 3.11 keeps the ast module's recursion counter per
# interpreter, not per thread, and two workers parse sources on two threads. With one,
# the same checks and examples run in the same order, in about the same 8 s.
CC_STAFF_TOKEN="$token" SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$here" "$VENV/bin/st" run "$base/api/v1/openapi.json" \
  --checks all --seed "$ST_SEED" --max-examples "$ST_EXAMPLES" --workers 1 --no-color \
  --suppress-health-check all --generation-database none \
  || { status=$?; echo "server log:"; tail -50 "$work/server.log"; exit "$status"; }
