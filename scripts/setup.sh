#!/usr/bin/env bash
# Installs every tool yusuan's builds and tests need, at the versions pinned in scripts/versions.env.
#
#   scripts/setup.sh                      # auto: rustup's wasm32 target, else Debian's Rust (route B)
#   YUSUAN_WASM_ROUTE=B scripts/setup.sh  # force route B (Debian's rustc-web + build-std)
#   YUSUAN_WASM_ROUTE=A scripts/setup.sh  # force route A (fail if rustup cannot add the target)
#
# Tools go under ${YUSUAN_TOOLS:-$HOME/.cache/yusuan}: bin/ (cargo-installed), venv/ (Python),
# node/ (npm packages), wasm-route (A or B), logs/. Chromium and route B's Debian packages go
# through apt-get (as root, or via `sudo -n` when not root).
#
# Idempotent and non-interactive: each step checks for its result first and skips when present,
# so a re-run takes a few seconds. Afterwards: `. scripts/env.sh` and `scripts/check-toolchain.sh`.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=versions.env
. "$SCRIPT_DIR/versions.env"

TOOLS=${YUSUAN_TOOLS:-$HOME/.cache/yusuan}
ROUTE_WANTED=${YUSUAN_WASM_ROUTE:-auto}
WASM_TARGET=wasm32-unknown-unknown
# Route B: Debian's Rust 1.96 with std sources; lld-22 repairs the dangling /usr/bin/rust-lld.
ROUTE_B_PKGS=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}

export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Nothing may ever wait for input (CI=true, no terminal).
exec </dev/null

log() { printf '%s\n' "$*"; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

case $ROUTE_WANTED in auto | A | B) ;; *) die "YUSUAN_WASM_ROUTE must be A, B or auto (got '$ROUTE_WANTED')" ;; esac

mkdir -p "$TOOLS/bin" "$TOOLS/logs"
# Two concurrent runs would fight over apt, npm and pip: serialise them.
exec 9>"$TOOLS/.setup.lock"
flock 9

# apt-get needs root. The machines run as root; elsewhere use sudo without a password prompt.
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); fi
fi

APT_UPDATED=0
apt_install() {
    # The image's package lists are stale (e.g. no lld-22): refresh them once per run, lazily.
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" apt-get update -q
        APT_UPDATED=1
    fi
    "${SUDO[@]}" apt-get install -y -q "$@"
}

deb_installed() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || return 1
    done
}

# Runs one step and reports how long it took.
step() {
    local name=$1 t0=$SECONDS
    shift
    log "==> $name"
    "$@"
    log "    ($name: $((SECONDS - t0)) s)"
}

# --- Rust components -------------------------------------------------------------------------

install_rust_components() {
    # rustup acts on the toolchain that is active in the repository (rust-toolchain.toml or default).
    cd "$REPO_ROOT"
    local installed missing=()
    installed=$(rustup component list --installed)
    grep -q '^rustfmt' <<<"$installed" || missing+=(rustfmt)
    grep -q '^clippy' <<<"$installed" || missing+=(clippy)
    if [ ${#missing[@]} -eq 0 ]; then
        log "    rustfmt and clippy present"
    else
        rustup component add "${missing[@]}"
    fi
}

# --- wasm32 target: route A (rustup) or route B (Debian) ------------------------------------

route_a_present() { (cd "$REPO_ROOT" && rustup target list --installed | grep -qx "$WASM_TARGET"); }

route_b_present() { deb_installed "${ROUTE_B_PKGS[@]}" && [ -x /usr/bin/cargo ] && [ -e /usr/bin/rust-lld ]; }

try_route_a() {
    # The download may hang or be blocked on these machines: give up after 5 minutes.
    (cd "$REPO_ROOT" && timeout 300 rustup target add "$WASM_TARGET")
}

install_route_b() {
    route_b_present || apt_install "${ROUTE_B_PKGS[@]}"
    route_b_present || die "route B packages installed but /usr/bin/cargo or /usr/bin/rust-lld missing"
    log "    route B: $(/usr/bin/rustc --version), $(/usr/bin/cargo --version)"
}

install_wasm_target() {
    local route previous=""
    [ -f "$TOOLS/wasm-route" ] && previous=$(cat "$TOOLS/wasm-route")
    case $ROUTE_WANTED in
    A)
        route_a_present || try_route_a || die "rustup target add $WASM_TARGET failed (route A forced)"
        route=A
        ;;
    B)
        install_route_b
        route=B
        ;;
    auto)
        if route_a_present; then
            route=A
        elif [ "$previous" = B ] && route_b_present; then
            # Route A failed on an earlier run: do not wait up to 300 s for it again on every run.
            route=B
        elif try_route_a; then
            route=A
        else
            log "    rustup target add failed: falling back to route B (Debian's Rust)"
            install_route_b
            route=B
        fi
        ;;
    esac
    echo "$route" >"$TOOLS/wasm-route"
    log "    wasm route: $route (recorded in $TOOLS/wasm-route)"
}

# --- wasm-bindgen-cli ------------------------------------------------------------------------

wasm_bindgen_present() {
    [ -x "$TOOLS/bin/wasm-bindgen-test-runner" ] &&
        [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]
}

install_wasm_bindgen_cli() {
    local v=$WASM_BINDGEN_VERSION
    # Plain install first: enough wherever the registry has every crate of the published Cargo.lock.
    # Resolution failures show up in well under a second, before anything is compiled.
    if cargo install wasm-bindgen-cli --version "=$v" --locked --force --root "$TOOLS"; then
        return 0
    fi
    # Workaround: the registry mirror lacks some locked versions (0.2.130 locks webpki-roots 1.0.11,
    # the mirror stops at 1.0.10). Unpack the .crate the failed install downloaded, move each
    # missing crate to the newest version the mirror has (`cargo update -p name@missing`, which
    # changes nothing else in the lock file), then install from that directory, still --locked.
    log "    plain install failed: retrying with the lock file adjusted to the registry mirror"
    local crate out pkgver attempt
    crate=$(ls "$CARGO_HOME"/registry/cache/*/"wasm-bindgen-cli-$v.crate" 2>/dev/null | head -n1)
    [ -n "$crate" ] || die "wasm-bindgen-cli-$v.crate not found under $CARGO_HOME/registry/cache"
    # Outside $YUSUAN_TOOLS: that may sit inside a cargo workspace, which would capture the crate.
    # (This function runs in its own subshell: these traps and WB_WORK end with it.)
    WB_WORK=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-wbcli.XXXXXX")
    trap 'rm -rf "$WB_WORK"' EXIT
    trap 'exit 143' TERM INT
    tar -xzf "$crate" -C "$WB_WORK"
    cd "$WB_WORK/wasm-bindgen-cli-$v"
    for attempt in 1 2 3 4 5 6 7 8; do
        if out=$(cargo fetch --locked 2>&1); then
            break
        fi
        # e.g. failed to select a version for the requirement `webpki-roots = "^1.0.10"` (locked to 1.0.11)
        pkgver=$(sed -n 's/.*requirement `\([A-Za-z0-9_-]*\) = [^`]*` (locked to \([^)]*\)).*/\1@\2/p' <<<"$out" | head -n1)
        if [ -z "$pkgver" ] || [ "$attempt" -eq 8 ]; then
            printf '%s\n' "$out" >&2
            die "cannot resolve wasm-bindgen-cli $v's dependencies"
        fi
        log "    registry lacks $pkgver: cargo update -p $pkgver"
        cargo update -p "$pkgver"
    done
    cargo install --path . --locked --force --root "$TOOLS" --target-dir "$WB_WORK/target"
}

# --- Chromium --------------------------------------------------------------------------------

install_chromium() {
    # A Chinese font (1.6 MB), so that the checker page's screenshots in test-output/ are readable;
    # cosmetic: the tests do not depend on it, so a failure to install it is only a warning.
    if ! deb_installed fonts-wqy-microhei; then
        apt_install fonts-wqy-microhei || log "    warning: fonts-wqy-microhei not installed (screenshots show no Chinese glyphs)"
    fi
    # chromium-driver too: wasm-bindgen-test-runner drives headless Chrome through chromedriver.
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        log "    $(/usr/bin/chromium --version 2>/dev/null) present"
        return 0
    fi
    apt_install chromium chromium-driver
    log "    $(/usr/bin/chromium --version 2>/dev/null)"
}

# --- npm packages: wasm-opt (binaryen), playwright-core, typescript ----------------------------

NODE_PKGS=("binaryen@$BINARYEN_NPM_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" "typescript@$TYPESCRIPT_VERSION")

node_pkgs_present() {
    # One node process checks every installed package.json against its pin.
    node -e '
        const [dir, ...specs] = process.argv.slice(1);
        for (const spec of specs) {
            const at = spec.lastIndexOf("@");
            const name = spec.slice(0, at), want = spec.slice(at + 1);
            let have;
            try { have = require(`${dir}/node_modules/${name}/package.json`).version; } catch { process.exit(1); }
            if (have !== want) process.exit(1);
        }' "$TOOLS/node" "${NODE_PKGS[@]}"
}

install_node_pkgs() {
    if node_pkgs_present; then
        log "    ${NODE_PKGS[*]} present"
    else
        mkdir -p "$TOOLS/node"
        # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD (exported above): tests use Debian's /usr/bin/chromium.
        npm install --prefix "$TOOLS/node" --save-exact --no-audit --no-fund --loglevel=error "${NODE_PKGS[@]}"
        node_pkgs_present || die "npm packages not at their pinned versions after npm install"
    fi
    local bin=$TOOLS/node/node_modules/.bin
    log "    $("$bin/wasm-opt" --version), tsc $("$bin/tsc" --version)"
}

# --- Python venv -----------------------------------------------------------------------------

PY_PKGS=("maturin==$MATURIN_VERSION" "pytest==$PYTEST_VERSION" "pandas==$PANDAS_VERSION"
    "pyarrow==$PYARROW_VERSION" "mypy==$MYPY_VERSION" "tqdm==$TQDM_VERSION"
    "pdfplumber==$PDFPLUMBER_VERSION")

venv_present() {
    "$TOOLS/venv/bin/python" -c '
import sys
from importlib.metadata import version, PackageNotFoundError
for spec in sys.argv[1:]:
    name, want = spec.split("==")
    try:
        if version(name) != want:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)' "${PY_PKGS[@]}" 2>/dev/null
}

install_python_venv() {
    if venv_present; then
        log "    ${PY_PKGS[*]} present"
        return 0
    fi
    # A venv whose base interpreter has gone away cannot be repaired: make a new one.
    if ! "$TOOLS/venv/bin/python" -c '' 2>/dev/null; then
        rm -rf "$TOOLS/venv"
        "${YUSUAN_PYTHON:-python3}" -m venv "$TOOLS/venv"
    fi
    "$TOOLS/venv/bin/python" -m pip install -q "${PY_PKGS[@]}"
    venv_present || die "Python packages not at their pinned versions after pip install"
    log "    $("$TOOLS/venv/bin/maturin" --version), $("$TOOLS/venv/bin/python" --version)"
}

# --- cargo-fuzz (the fuzz suite: scripts/test-fuzz.sh) ----------------------------------------

cargo_fuzz_present() {
    [ "$("$TOOLS/bin/cargo-fuzz" --version 2>/dev/null)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ]
}

install_cargo_fuzz() {
    # cargo-fuzz builds with the nightly toolchain (rustup installs it on these machines).
    if ! rustup toolchain list | grep -q '^nightly'; then
        timeout 900 rustup toolchain install nightly --profile minimal ||
            die "the nightly toolchain (needed by cargo-fuzz) could not be installed"
    fi
    if cargo_fuzz_present; then
        log "    cargo-fuzz $CARGO_FUZZ_VERSION present"
        return 0
    fi
    cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked --force --root "$TOOLS"
    cargo_fuzz_present || die "cargo-fuzz installed but not at version $CARGO_FUZZ_VERSION"
}

# --- main ------------------------------------------------------------------------------------

T0=$SECONDS
log "yusuan setup: tools in $TOOLS"
step "rustfmt and clippy" install_rust_components

# Building wasm-bindgen-cli is the long pole (~2 min on 2 cores): run it in the background while
# the other steps mostly download. Its own process group lets us stop it if a later step fails.
WB_PID=""
WB_LOG=$TOOLS/logs/wasm-bindgen-cli.log
if wasm_bindgen_present; then
    log "==> wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
else
    log "==> wasm-bindgen-cli $WASM_BINDGEN_VERSION: building in the background (log: $WB_LOG)"
    WB_T0=$SECONDS
    set -m
    (install_wasm_bindgen_cli) >"$WB_LOG" 2>&1 &
    WB_PID=$!
    set +m
    trap '[ -n "$WB_PID" ] && kill -- "-$WB_PID" 2>/dev/null || true' EXIT
fi

step "wasm32 target" install_wasm_target
step "chromium" install_chromium
step "npm packages" install_node_pkgs
step "python venv" install_python_venv
step "cargo-fuzz" install_cargo_fuzz

if [ -n "$WB_PID" ]; then
    log "==> waiting for wasm-bindgen-cli"
    if ! wait "$WB_PID"; then
        WB_PID=""
        tail -n 40 "$WB_LOG" >&2
        die "installing wasm-bindgen-cli failed (full log: $WB_LOG)"
    fi
    WB_PID=""
    grep -E 'registry lacks|plain install failed' "$WB_LOG" || true
    wasm_bindgen_present || die "wasm-bindgen-cli installed but not at version $WASM_BINDGEN_VERSION"
    log "    (wasm-bindgen-cli: $((SECONDS - WB_T0)) s)"
fi
log "    $("$TOOLS/bin/wasm-bindgen" --version)"

log "setup done in $((SECONDS - T0)) s; wasm route $(cat "$TOOLS/wasm-route"). Next: . scripts/env.sh"
