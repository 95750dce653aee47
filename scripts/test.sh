#!/usr/bin/env bash
# The test command of the README: installs what the tests need (scripts/setup.sh, idempotent and
# quick on a re-run) and runs every suite: Rust, Python, WebAssembly (Node and headless Chromium)
# and the bounded fuzz runs. Each suite is a script of its own, run in this order when present.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/setup.sh
for suite in rust python wasm fuzz; do
    script="scripts/test-$suite.sh"
    [ -x "$script" ] || continue
    echo
    echo "=============== $suite ==============="
    t0=$(date +%s)
    "$script"
    echo "--- $suite passed in $(( $(date +%s) - t0 )) s"
done
echo
echo "all suites passed in $(( $(date +%s) - start )) s"
