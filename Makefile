# The two commands of the README:
#   make run    install what is missing, build, serve on http://127.0.0.1:8080
#   make test   every check and test; what CI runs (.ci/run)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export CARGO_TERM_COLOR ?= always
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Trunk picks the first wasm-opt on PATH: ours, from scripts/binaryen.
export PATH := $(CURDIR)/scripts/binaryen/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
SERVER := target/release/cc-server

.PHONY: run test tools tools-test app server lint test-native test-wasm test-e2e size bench load perf contract readability

run: tools app server
	$(SERVER) serve --addr 127.0.0.1:8080 --dist dist --db data/contacto.sqlite3 --demo-history

test: tools-test lint test-native readability test-wasm app server contract size bench test-e2e
	@echo "make test: all passed"

tools:
	scripts/install-tools.sh

tools-test:
	scripts/install-tools.sh --test

# Release build of the wasm app into dist/: trunk for the HTML, CSS and copied files, then
# the wasm split per route (scripts/build-app.sh says how), then NAME.br (brotli 11) and
# NAME.gz (gzip 9) beside each text and wasm file for cc-server to send as they are.
app:
	scripts/build-app.sh
	cargo run --release --quiet -p cc-server -- compress --dist dist

server:
	cargo build --release -p cc-server -p open311-test-server

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p contacto-ciudadano --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy -p contacto-ciudadano --target wasm32-unknown-unknown --features split --all-targets -- -D warnings

test-native:
	cargo test --workspace

# Fernández Huerta readability of the wizard's and tracking's Spanish texts, one row per
# screen (crates/readability). It reports and never fails on a score; its tests (in
# test-native) fail when a text belongs to no screen.
readability:
	cargo run --quiet -p readability

# Component tests in headless Chromium (wasm-bindgen-test-runner drives chromedriver).
test-wasm:
	cargo test -p contacto-ciudadano --target wasm32-unknown-unknown

test-e2e: app server
	cd tests/e2e && SERVER_BIN=../../$(SERVER) DIST=../../dist node --test --test-concurrency=1 --test-reporter=spec

size: app
	scripts/size-report.sh

bench:
	cargo bench -p cc-core --bench search
	cd bench/js && npm ci --silent --no-audit --no-fund
	cargo run --release --quiet --manifest-path bench/Cargo.toml

# Not a test: Lighthouse 12.8.2 (mobile, median of PERF_RUNS=5 runs) on each page and
# the bytes each route downloads before the app is usable; prints markdown tables and
# writes scripts/perf/results/latest.json. PERF_PAGES=home,search picks pages.
perf: app server
	scripts/perf/run.sh

# The API contract: the reference backend on a fresh database, checked by the
# conformance kit and by Schemathesis (every check, fixed seed, bounded examples)
# against its own OpenAPI document (scripts/contract/).
contract: server
	SERVER_BIN=$(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/release/cc-server scripts/contract/run.sh

# Bounded loopback load test: 1,000 filings from 32 clients while 4 attackers guess
# access codes and slow clients hold sockets; prints filings/s, p99 and the counts.
load:
	cargo run --release -p cc-server --example load -- --cases 1000 --clients 32 --attackers 4
