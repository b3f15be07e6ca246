# lede — the one entry point. `make help` lists the targets.
#
# Every target installs what it needs if it is missing (rustup target, the pinned
# wasm-bindgen CLI, npm packages, Debian's chromium) and says what it is doing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8000
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
WASM_RAW := target/$(WASM_TARGET)/release/lede.wasm
WASM_OUT := pkg/lede_bg.wasm
# Measured by bench/wasm-variants.sh (README "Performance"): with rustc opt-level 3 + LTO,
# -Oz and -O3 give the same size (76.6 vs 76.7 kB gzip) and speeds within this shared
# machine's noise; no wasm-opt is 15% bigger; opt-level "z" saves 3% but halves speed.
# Re-measured with the model in (512 kB gzip): "s" saves 58 kB gzip but runs slower, and
# SIMD (.cargo/config.toml) is both faster and 9 kB smaller. So: opt-level 3, LTO, one
# codegen unit, +simd128, -Oz.
# wasm-opt by default inlines every function that has one caller, which grew one
# 141 kB function (most of the pipeline): Liftoff took 16 ms to compile it on the
# first annotate (--trace-wasm-compilation-times) and TurboFan 474 ms in the
# background. Without that inlining the largest function is 43 kB, Liftoff's compile
# on first use falls 18 -> 9 ms in Node, the gzipped wasm is 1 kB smaller, and
# per-article speed is 1.08x (bench/ab.mjs). -O3 with it is no faster (0.98x).
WASM_OPT_FLAGS ?= -Oz --one-caller-inline-max-function-size 0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RUST_SOURCES := $(shell find src -name '*.rs') $(wildcard model/*) Cargo.toml Cargo.lock .cargo/config.toml
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: help serve test test-rust test-wasm e2e wasm dist bench bench-corpus deps deps-rust deps-node deps-browser clean

help: ## list the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16

serve: wasm ## build and serve the annotator on http://127.0.0.1:$(PORT) (PORT=… to change)
	@echo "==> serving www/ and pkg/ on http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	node scripts/serve.mjs --port $(PORT)

test: test-rust test-wasm e2e ## run every test: Rust, wasm in Node and Chromium, browser end-to-end
	@echo "==> all tests passed"

test-rust: ## Rust unit, integration, property and doc tests (native)
	@echo "==> cargo test"
	cargo test --quiet

test-wasm: deps-rust deps-browser ## the wasm build's tests in Node and in headless Chromium
	@echo "==> wasm tests in Node"
	cargo test --target $(WASM_TARGET) --lib
	@echo "==> wasm tests in headless Chromium"
	WASM_BINDGEN_USE_BROWSER=1 cargo test --target $(WASM_TARGET) --lib

e2e: wasm dist deps-node deps-browser ## end-to-end tests of the page, the built site, lede.html and the extension in headless Chromium
	@echo "==> end-to-end tests (node --test tests/e2e/)"
	node --test --test-concurrency=1 tests/e2e/

dist: wasm ## build dist/: the static site, lede.html (one offline file), the extension and its zip; prints sizes
	@echo "==> node scripts/build-dist.mjs (dist/site, dist/lede.html, dist/extension, dist/lede-extension.zip)"
	node scripts/build-dist.mjs

wasm: $(WASM_OUT) ## build pkg/ (release wasm + JS glue, wasm-opt'd)

$(WASM_OUT): $(RUST_SOURCES) | deps-rust deps-node
	@echo "==> cargo build --release --target $(WASM_TARGET)"
	cargo build --quiet --release --target $(WASM_TARGET) --lib
	@echo "==> wasm-bindgen --target web --out-dir pkg"
	wasm-bindgen --target web --out-dir pkg $(WASM_RAW)
	@echo "==> wasm-opt $(WASM_OPT_FLAGS) (npm binaryen)"
	node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue $(WASM_OUT) -o $(WASM_OUT)
	@ls -l $(WASM_OUT) | awk '{print "    pkg/lede_bg.wasm: " $$5 " bytes"}'

# Benchmarks (issue 7; not part of `make test`). Each step writes
# bench/corpus/results-*.json; bench/report.mjs gathers them into bench/results.json
# and prints the tables. The corpus is built from ../shared/data (LEDE_DATA=… to
# override) by bench/corpus.mjs, which documents exactly what it takes. Numbers are
# only as quiet as the machine: the load average is printed first and recorded.
bench: wasm dist deps-node deps-browser bench-corpus ## benchmarks vs the peers (Node, Chromium), native, size, cold start, memory -> bench/results.json
	@echo "==> load average $$(cut -d' ' -f1-3 /proc/loadavg) on $$(nproc) cores"
	@echo "==> cargo bench --bench pipeline (criterion: stages over bench/corpus)"
	cargo bench --quiet --bench pipeline
	@echo "==> native CLI throughput on bench/corpus/big.jsonl"
	cargo build --quiet --release --bin lede
	node bench/native.mjs
	@echo "==> sizes"
	node bench/sizes.mjs
	@echo "==> Node: lede (pkg/) vs compromise, compromise-dates, wink-nlp, chrono-node"
	node --expose-gc bench/node.mjs
	node --expose-gc bench/memory-node.mjs
	@echo "==> headless Chromium: the same, cold start, memory"
	node bench/browser.mjs
	node bench/report.mjs

bench-corpus: bench/corpus/big.jsonl

# big.jsonl is written last, so its presence means the whole corpus is there.
bench/corpus/big.jsonl: bench/corpus.mjs
	@echo "==> building the benchmark corpus (bench/corpus.mjs --big)"
	node bench/corpus.mjs --big

deps: deps-rust deps-node deps-browser ## install every tool the targets need

deps-rust:
	@rustup target list --installed 2>/dev/null | grep -qx $(WASM_TARGET) || { \
	  echo "==> rustup target add $(WASM_TARGET)"; rustup target add $(WASM_TARGET); }
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || { \
	  echo "==> installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 2 minutes, once)"; \
	  cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION); }

deps-node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@echo "==> npm ci (playwright-core, binaryen, the benchmark peers)"
	npm ci --no-audit --no-fund
	@touch $@

deps-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "==> apt-get install chromium chromium-driver"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; }

clean: ## remove build outputs
	rm -rf pkg dist target/$(WASM_TARGET)/release
