#!/usr/bin/env bash
# WebAssembly suite: builds the npm package and the checker page, then tests them.
#
#   1. bindings-wasm/build.sh: cargo for wasm32 (route A: rustup's target; route B: Debian's Rust
#      with build-std; YUSUAN_WASM_ROUTE=A|B overrides setup.sh's choice) → wasm-bindgen web +
#      nodejs → wasm-opt -Oz, into bindings-wasm/pkg (package) and bindings-wasm/pkg-site (page);
#   2. tsc --noEmit on a typed usage of every function (bindings-wasm/tests/types);
#   3. Node: the golden cases of tests/golden and the rest of the API against the package, compared
#      with the stored reports and with the CLI (bindings-wasm/tests/golden.test.mjs); compare on
#      the fixtures of tests/compare (compare.test.mjs); claims, narrativeOnly and strictZeroBase
#      (narrative.test.mjs); the bad-input catalogue of tests/bad_inputs (bad_inputs.test.mjs); the
#      README's examples as written (ES module and CommonJS), templates as data, notices and a
#      comparison of two bodies (front_door.test.mjs); PDFs: the corpus PDFs against the CLI and
#      the text of their extraction, pdfPage, and the damaged-PDF catalogue of tests/pdf_damaged
#      under a watchdog (pdf.test.mjs);
#   4. headless Chromium: the page end to end (a dropped PDF with a finding drawn on its page;
#      the comparison to a previous year, which two
#      documents it compares, a new document clearing the previous year's file; the notices; the
#      page opened from disk saying it must be served), no request off its origin, a strict CSP,
#      and the timing of check(seed) and compare(previous, seed)
#      (bindings-wasm/tests/browser.test.mjs). Screenshots, the downloaded report and timing.json
#      go to test-output/wasm/.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=env.sh
. scripts/env.sh
exec </dev/null
step() { echo; echo "-- $*"; }

step "build the package and the page (wasm route $WASM_ROUTE)"
bindings-wasm/build.sh

step "the CLI, for parity checks"
cargo build -q --release -p yusuan-cli
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).target_directory))')
export YUSUAN_CLI=$TARGET_DIR/release/yusuan
echo "$YUSUAN_CLI"

step "tsc --noEmit: typed usage of every function ($(tsc --version))"
tsc --noEmit -p bindings-wasm/tests/types
echo "ok"

mkdir -p test-output/wasm
step "node $(node --version): golden cases, the API, compare, claims, the narrative, the bad-input catalogue, PDFs"
node --test --test-reporter=spec bindings-wasm/tests/golden.test.mjs bindings-wasm/tests/compare.test.mjs \
    bindings-wasm/tests/narrative.test.mjs bindings-wasm/tests/bad_inputs.test.mjs \
    bindings-wasm/tests/front_door.test.mjs bindings-wasm/tests/pdf.test.mjs

step "chromium: the page end to end, no network, CSP, timing"
node --test --test-reporter=spec bindings-wasm/tests/browser.test.mjs

echo
node -e '
const t = require(process.argv[1]);
console.log(`chromium check(seed): median of 50 ${t.check.median_ms.toFixed(3)} ms (parse ${t.parse.median_ms.toFixed(3)} ms); native figure: cargo bench -p yusuan --bench seed (seed/parse_check)`);
console.log(`chromium compare(previous, seed): median of 50 ${t.compare.median_ms.toFixed(3)} ms (compareJson ${t.compareJson.median_ms.toFixed(3)} ms; both parse the two documents)`);
' "$PWD/test-output/wasm/timing.json"
echo "screenshots: $(cd test-output/wasm && ls ./*.png | tr '\n' ' ')"
