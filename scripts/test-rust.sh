#!/usr/bin/env bash
# Rust suite: formatting, lints, tests (unit, integration, doc), docs, examples, and the core
# crate building for wasm32 (it must stay free of runtime-specific code).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
step() { echo; echo "-- $*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "clippy (workspace lints, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings
step "tests"
cargo test --workspace
step "core without the pdf feature (the workspace build turns it on through the CLI)"
cargo test -q -p yusuan --test read_dispatch
step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace -q
step "examples"
for ex in examples/rust/*.rs; do
    [ -e "$ex" ] || continue
    name=$(basename "$ex" .rs)
    cargo run -q -p yusuan-examples --example "$name" >/dev/null
    echo "example $name ran"
done
step "main job: yusuan check on the embedded sample"
cargo run -q --release -p yusuan-cli -- check >/dev/null
step "core builds for wasm32 (route $WASM_ROUTE)"
wasm_cargo yusuan release >/dev/null
echo "ok"
step "core with the PDF source builds for wasm32 (route $WASM_ROUTE)"
wasm_cargo yusuan release --features pdf >/dev/null
echo "ok"
