#!/usr/bin/env bash
# Proves that every tool installed by scripts/setup.sh works, end to end, in a temporary directory:
# a tiny wasm-bindgen cdylib exporting add(a, b) is built for wasm32 (with the recorded route),
# run through wasm-bindgen (nodejs and web targets) and wasm-opt -Oz, called from Node, type-checked
# with tsc, and loaded by headless Chromium (driven by playwright-core) from a local HTTP server.
# Then maturin and the Python test dependencies.
#
#   scripts/check-toolchain.sh                      # route recorded by setup.sh
#   YUSUAN_WASM_ROUTE=B scripts/check-toolchain.sh  # force Debian's route (after YUSUAN_WASM_ROUTE=B setup.sh)
#   YUSUAN_KEEP_CHECK_DIR=1 ...                     # keep the temporary directory for inspection
set -euo pipefail
exec </dev/null

# shellcheck source=env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-check.XXXXXX")
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    if [ -n "${YUSUAN_KEEP_CHECK_DIR:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

T0=$SECONDS
check() {
    local name=$1 t=$SECONDS
    shift
    echo "==> $name"
    "$@"
    echo "    ok ($((SECONDS - t)) s)"
}
fail() { echo "check-toolchain: FAILED: $*" >&2; exit 1; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }

versions() {
    expect_eq "$(wasm-bindgen --version)" "wasm-bindgen $WASM_BINDGEN_VERSION" "wasm-bindgen --version"
    expect_eq "$(wasm-bindgen-test-runner --version)" "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" "wasm-bindgen-test-runner --version"
    # The npm package 132.0.0 carries binaryen version 132.
    case $(wasm-opt --version) in
    "wasm-opt version ${BINARYEN_NPM_VERSION%%.*}"*) ;;
    *) fail "wasm-opt is $(wasm-opt --version) ($(command -v wasm-opt)), expected binaryen ${BINARYEN_NPM_VERSION%%.*}" ;;
    esac
    expect_eq "$(maturin --version)" "maturin $MATURIN_VERSION" "maturin --version"
    expect_eq "$(tsc --version)" "Version $TYPESCRIPT_VERSION" "tsc --version"
    echo "    wasm route $WASM_ROUTE; $(wasm-bindgen --version); $(wasm-opt --version); node $(node --version)"
    # (2>/dev/null: Debian's launcher script trips over its /dev/shm size test here; harmless.)
    echo "    $(/usr/bin/chromium --version 2>/dev/null); $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
    echo "    $(maturin --version); tsc $(tsc --version)"
}

make_crate() {
    mkdir -p "$WORK/toolcheck/src"
    cat >"$WORK/toolcheck/Cargo.toml" <<EOF
[package]
name = "toolcheck"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
wasm-bindgen = "=$WASM_BINDGEN_VERSION"

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

# Standalone: never part of an enclosing workspace.
[workspace]
EOF
    cat >"$WORK/toolcheck/src/lib.rs" <<'EOF'
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}
EOF
}

build_wasm() {
    WASM=$(cd "$WORK/toolcheck" && wasm_cargo_build toolcheck release)
    [ -f "$WASM" ] || fail "wasm_cargo_build printed '$WASM', which is not a file"
    echo "    $WASM ($(stat -c %s "$WASM") bytes)"
}

bindgen() {
    wasm-bindgen --target nodejs --out-dir "$WORK/pkg-node" "$WASM"
    wasm-bindgen --target web --out-dir "$WORK/site/pkg-web" "$WASM"
    echo "    pkg-node: $(cd "$WORK/pkg-node" && echo *)"
    echo "    pkg-web:  $(cd "$WORK/site/pkg-web" && echo *)"
}

optimize() {
    # wasm-opt runs after wasm-bindgen, on the _bg.wasm it wrote.
    local f before
    for f in "$WORK/pkg-node/toolcheck_bg.wasm" "$WORK/site/pkg-web/toolcheck_bg.wasm"; do
        before=$(stat -c %s "$f")
        wasm-opt -Oz "$f" -o "$f"
        echo "    $(basename "$(dirname "$f")")/toolcheck_bg.wasm: $before -> $(stat -c %s "$f") bytes"
    done
}

node_call() {
    local got
    got=$(node -e 'const m = require(process.argv[1]); process.stdout.write(String(m.add(2, 3)));' \
        "$WORK/pkg-node/toolcheck.js")
    expect_eq "$got" 5 "node: add(2, 3)"
    echo "    node: add(2, 3) = $got"
}

typecheck() {
    (cd "$WORK/site/pkg-web" && tsc --noEmit --strict toolcheck.d.ts)
    (cd "$WORK/pkg-node" && tsc --noEmit --strict toolcheck.d.ts)
}

browser() {
    cat >"$WORK/site/index.html" <<'EOF'
<!doctype html>
<meta charset="utf-8">
<title>yusuan toolcheck</title>
<p id="result">loading</p>
<script type="module">
  import init, { add } from "./pkg-web/toolcheck.js";
  const el = document.getElementById("result");
  try {
    await init();
    el.textContent = String(add(40, 2));
    el.dataset.state = "ok";
  } catch (e) {
    el.textContent = String(e);
    el.dataset.state = "error";
  }
</script>
EOF
    cat >"$WORK/browser.js" <<'EOF'
// Loads the page in Debian's headless Chromium via playwright-core and checks what the wasm wrote.
const { chromium } = require("playwright-core");

(async () => {
  const [url, userDataDir] = process.argv.slice(2);
  // Playwright refuses --user-data-dir in args: the profile directory is the first parameter.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"],
    timeout: 60000,
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
    await page.goto(url);
    await page.waitForSelector("#result[data-state]", { timeout: 30000 });
    const state = await page.getAttribute("#result", "data-state");
    const text = await page.textContent("#result");
    if (state !== "ok" || text !== "42") {
      throw new Error(`page shows state=${state} text=${text}; errors: ${problems.join(" | ")}`);
    }
    console.log(`    chromium: add(40, 2) = ${text}`);
  } finally {
    await context.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
EOF
    # Port 0: the OS picks a free port, which http.server prints (-u: unbuffered, so we see it).
    python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$WORK/site" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    local port="" i
    for i in $(seq 1 100); do
        port=$(sed -n 's/.* port \([0-9][0-9]*\) .*/\1/p' "$WORK/server.log" | head -n1)
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || fail "http.server did not start: $(cat "$WORK/server.log")"
    node "$WORK/browser.js" "http://127.0.0.1:$port/" "$(mktemp -d "$WORK/chromium-profile.XXXXXX")"
    kill "$SERVER_PID"
    SERVER_PID=""
}

python_side() {
    expect_eq "$(command -v python)" "$YUSUAN_TOOLS/venv/bin/python" "python on PATH"
    python -c '
import pandas, pyarrow, pytest, mypy.stubtest
from importlib.metadata import version
print("    " + ", ".join(f"{m} {version(m)}" for m in ("pandas", "pyarrow", "pytest", "mypy", "maturin")))
'
    expect_eq "$(python -c 'import pandas, pytest; print(pandas.__version__, pytest.__version__)')" \
        "$PANDAS_VERSION $PYTEST_VERSION" "pandas/pytest versions"
}

check "tool versions" versions
check "tiny wasm-bindgen crate" make_crate
check "wasm_cargo_build (route $WASM_ROUTE)" build_wasm
check "wasm-bindgen --target nodejs / web" bindgen
check "wasm-opt -Oz" optimize
check "node calls the wasm" node_call
check "tsc --noEmit on the generated .d.ts" typecheck
check "headless chromium via playwright-core" browser
check "python venv" python_side
echo "all toolchain checks passed (route $WASM_ROUTE) in $((SECONDS - T0)) s"
