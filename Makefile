# Jenjang. Two commands on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

E2E_PORT ?= 3100

.PHONY: run build release assets test tools lint unit e2e e2e-suite bench fmt

## Install what is missing, build in release mode, migrate, seed the synthetic demo instansi
## (and place its assessed cohort), publish its public release and serve on LEPTOS_SITE_ADDR.
run: build
	./target/release/jenjang seed-demo
	./target/release/jenjang score --instansi kota-balikpapan-demo --periode 2025
	./target/release/jenjang rilis --instansi kota-balikpapan-demo --periode 2025 --bila-berubah \
	  --catatan "Data demo dimuat ulang dan diskor ulang oleh make run"
	./target/release/jenjang serve

## Install what is missing, then the release build.
build:
	.ci/install-tools build
	$(MAKE) --no-print-directory release

## The release server and, beside it, the size-optimised WASM with content-hashed,
## precompressed assets (`cargo xtask assets`, see xtask/). Each has its own target folder,
## so on two cores one build's single-threaded stretches (the app crate's type checking,
## linking) leave the other a core. Not as two make jobs: make's jobserver would hold the
## two cargos to two jobs in all, and a bare machine's build took 1087 s that way against
## 973 s side by side (1028 s one after the other). The assets build at a lower priority:
## the server's build is the longer one, and its single-threaded end leaves a core for
## whatever of the WASM remains.
release:
	cargo build --release --locked -p jenjang & server=$$!; \
	  nice -n 10 cargo xtask assets || { kill $$server; exit 1; }; \
	  wait $$server

## Every check: formatting, clippy (server and WASM), unit and integration tests on SQLite
## and PostgreSQL, end-to-end tests in Debian's chromium. The browser's assets build at a
## lower priority beside the checks, filling the core they leave idle (single-threaded
## compiles, the integration tests' one-at-a-time run).
test:
	.ci/install-tools test
	mkdir -p target
	nice -n 10 $(MAKE) --no-print-directory assets > target/assets.log 2>&1 & assets=$$!; \
	  $(MAKE) --no-print-directory lint unit || { kill $$assets; exit 1; }; \
	  wait $$assets || { cat target/assets.log; exit 1; }; \
	  $(MAKE) --no-print-directory e2e-suite

## The WASM, its JS and the stylesheet, hashed and precompressed (xtask/).
assets:
	cargo xtask assets

lint:
	cargo fmt --all --check
	cargo clippy -p jenjang --all-targets --locked -- -D warnings
	cargo clippy -p app --features ssr --all-targets --locked -- -D warnings
	cargo clippy -p app --features hydrate --lib --target wasm32-unknown-unknown --locked -- -D warnings
	cargo clippy -p xtask --all-targets --locked -- -D warnings

# The integration tests run one at a time: several tokio runtimes rendering Leptos pages in
# one process were seen to stall a response now and then (never one runtime, as in the
# server: see the concurrent-pages test).
unit:
	cargo test -p app --features ssr --locked
	cargo test -p jenjang --locked -- --test-threads=1
	cargo test -p xtask --locked

# The WASM budget is a check: its size is deterministic. The suite drives the debug server
# that `make unit` builds (the same code and HTML; release differs in optimisation only,
# and debug builds also trap integer overflow) with the release WASM, which is what ships to
# the browser: a second, release build of the server would add about 10 minutes to a clean
# `make test`. `make run` and `make bench` serve the release build.
e2e: assets
	$(MAKE) --no-print-directory e2e-suite

e2e-suite:
	cargo build -p jenjang --locked
	cargo xtask budget
	cd end2end && JENJANG_E2E_BIN=../target/debug/jenjang JENJANG_E2E_PORT=$(E2E_PORT) npx playwright test

## What a phone pays per page (bytes, 3G/4G hydration), the WASM budget, /indeks-merit
## throughput against the same bytes as a static file, the memory a zip bomb and a burst of
## sign-ins cost, scoring
## 10,000 pegawai and a 500-row XLSX import on both engines, and bulk loading against the
## engines' own loaders.
bench: build
	.ci/install-tools bench
	.ci/bench
	.ci/bench-hostile
	cargo bench -p jenjang --bench talent --locked
	.ci/bench-bulk

fmt:
	cargo fmt --all
