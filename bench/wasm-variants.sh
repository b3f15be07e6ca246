#!/usr/bin/env bash
# Builds the wasm with each rustc opt-level (3, s, z; LTO and one codegen unit as in
# Cargo.toml's release profile) and each wasm-opt level (-O3, -Oz, none), then
# compares their size (gzip -9) and speed in Node (bench/wasm-variants.mjs). This is
# the measurement behind the Makefile's WASM_OPT_FLAGS and Cargo.toml's opt-level.
# Slow (three release builds): run by hand, not by `make bench`.
#
# Usage: bash bench/wasm-variants.sh     (after `make wasm`, which installs the tools)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/wasm-variants
mkdir -p "$out"
features=(--enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
for level in 3 s z; do
  echo "==> cargo build, opt-level=$level"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level cargo build --quiet --release \
    --target wasm32-unknown-unknown --lib --target-dir "target/wasm-opt-$level"
  for opt in none O3 Oz; do
    dir="$out/rust-$level.wasm-opt-$opt"
    wasm-bindgen --target web --out-dir "$dir" "target/wasm-opt-$level/wasm32-unknown-unknown/release/lede.wasm"
    if [ "$opt" != none ]; then
      node_modules/.bin/wasm-opt "-$opt" "${features[@]}" "$dir/lede_bg.wasm" -o "$dir/lede_bg.wasm"
    fi
  done
done
node bench/wasm-variants.mjs "$out"/*/
