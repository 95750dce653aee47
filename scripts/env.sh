# shellcheck shell=bash
# Source me (bash):  . scripts/env.sh
# Puts the tools installed by scripts/setup.sh on PATH and defines wasm_cargo_build. Safe to source
# more than once and under `set -euo pipefail`; it changes no shell options.

_yusuan_scripts=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Pinned versions (WASM_BINDGEN_VERSION, ...), exported for the scripts that check against them.
set -a
# shellcheck source=versions.env
. "$_yusuan_scripts/versions.env"
set +a

export YUSUAN_TOOLS=${YUSUAN_TOOLS:-$HOME/.cache/yusuan}

_yusuan_path_prepend() {
    case ":$PATH:" in *":$1:"*) ;; *) PATH="$1:$PATH" ;; esac
}
# Order on PATH: cargo-installed binaries, the venv, npm binaries (wasm-opt, tsc), then the rest.
_yusuan_path_prepend "$YUSUAN_TOOLS/node/node_modules/.bin"
_yusuan_path_prepend "$YUSUAN_TOOLS/venv/bin"
_yusuan_path_prepend "$YUSUAN_TOOLS/bin"
export PATH
# The venv counts as activated (maturin develop looks at VIRTUAL_ENV).
export VIRTUAL_ENV="$YUSUAN_TOOLS/venv"
# Lets any CommonJS script `require('playwright-core')` wherever it lives.
case ":${NODE_PATH:-}:" in
*":$YUSUAN_TOOLS/node/node_modules:"*) ;;
*) export NODE_PATH="$YUSUAN_TOOLS/node/node_modules${NODE_PATH:+:$NODE_PATH}" ;;
esac
# Browser tests use Debian's Chromium; Playwright must never download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM=/usr/bin/chromium
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_TARGET=wasm32-unknown-unknown

# Route for wasm32 builds: YUSUAN_WASM_ROUTE=A|B overrides what setup.sh recorded.
#   A: rustup's toolchain with its wasm32 target.
#   B: Debian's Rust (rustc-web) building std from source (-Z build-std), separate target dir.
if [ -n "${YUSUAN_WASM_ROUTE:-}" ] && [ "${YUSUAN_WASM_ROUTE}" != auto ]; then
    WASM_ROUTE=$YUSUAN_WASM_ROUTE
elif [ -f "$YUSUAN_TOOLS/wasm-route" ]; then
    WASM_ROUTE=$(cat "$YUSUAN_TOOLS/wasm-route")
else
    WASM_ROUTE=""
    echo "env.sh: warning: $YUSUAN_TOOLS/wasm-route missing; run scripts/setup.sh" >&2
fi
export WASM_ROUTE

# wasm_cargo_build <package> <profile> [extra cargo args...]
# Builds one package for wasm32 with the route's toolchain; prints the path of the produced .wasm
# on stdout (cargo's own output goes to stderr). Never build the whole workspace for wasm32.
# Route B's target dir: $YUSUAN_WASM_B_TARGET_DIR, default <target dir>/wasm-route-b.
# wasm_cargo <package> <profile> [extra cargo args...]
# Runs `cargo build` for wasm32 with the route's toolchain, JSON messages on stdout.
wasm_cargo() {
    if [ $# -lt 2 ]; then
        echo "usage: wasm_cargo <package> <profile> [cargo args...]" >&2
        return 2
    fi
    local pkg=$1 profile=$2 root tdir
    shift 2
    case $WASM_ROUTE in
    A)
        cargo build --target "$WASM_TARGET" --profile "$profile" -p "$pkg" \
            --message-format=json-render-diagnostics "$@"
        ;;
    B)
        if [ ! -x /usr/bin/cargo ] || [ ! -e /usr/bin/rust-lld ]; then
            echo "wasm_cargo: route B is not installed; run YUSUAN_WASM_ROUTE=B scripts/setup.sh" >&2
            return 1
        fi
        root=$(/usr/bin/cargo locate-project --workspace --message-format plain) || return
        tdir=${YUSUAN_WASM_B_TARGET_DIR:-${CARGO_TARGET_DIR:-$(dirname "$root")/target}/wasm-route-b}
        # Debian's std sources match Debian's rustc only: keep /usr/bin first so Debian's cargo
        # runs Debian's rustc, and RUSTC_BOOTSTRAP=1 unlocks -Z build-std on that stable compiler.
        PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
            CARGO_TARGET_DIR=$tdir /usr/bin/cargo build --target "$WASM_TARGET" --profile "$profile" \
            -Z build-std=std,panic_abort -p "$pkg" --message-format=json-render-diagnostics "$@"
        ;;
    *)
        echo "wasm_cargo: unknown WASM_ROUTE '$WASM_ROUTE' (expected A or B; run scripts/setup.sh)" >&2
        return 1
        ;;
    esac
}

wasm_cargo_build() {
    if [ $# -lt 2 ]; then
        echo "usage: wasm_cargo_build <package> <profile> [cargo args...]" >&2
        return 2
    fi
    local out wasm
    out=$(wasm_cargo "$@") || return
    # Only a cdylib yields a .wasm artifact; cargo reports it even when the build was up to date.
    wasm=$(printf '%s\n' "$out" | grep '"reason":"compiler-artifact"' | grep -o '"[^"]*\.wasm"' | tail -n1 | tr -d '"' || true)
    if [ -z "$wasm" ]; then
        echo "wasm_cargo_build: no .wasm produced for $pkg (is its crate-type cdylib?)" >&2
        return 1
    fi
    printf '%s\n' "$wasm"
}
