#!/usr/bin/env bash
# Builds the npm package `yusuan` and the in-browser checker page from the crate yusuan-wasm:
#
#   cargo build (wasm32, profile wasm-release; route A or B of scripts/env.sh's wasm_cargo_build)
#   → wasm-bindgen --target web and --target nodejs (the pinned CLI, same version as the crate)
#   → wasm-opt -Oz on each _bg.wasm (binaryen from npm, after wasm-bindgen)
#
# Output (git-ignored):
#   bindings-wasm/pkg/        the npm package: package.json, README.md, web/ (ES module + init)
#                             and node/ (CommonJS, with an ES-module entry yusuan.mjs), each with
#                             yusuan.js, yusuan.d.ts, yusuan_bg.wasm
#   bindings-wasm/pkg-site/   the checker page, ready for any static server: examples/web/* plus
#                             yusuan/ (the web build) and sample.txt (the reference document)
#
# Prints the .wasm sizes: raw (cargo), after wasm-bindgen, after wasm-opt, and gzipped.
#
#   bindings-wasm/build.sh                          # route recorded by scripts/setup.sh
#   YUSUAN_WASM_ROUTE=B bindings-wasm/build.sh      # Debian's Rust with build-std
#   python3 -m http.server -d bindings-wasm/pkg-site --bind 127.0.0.1 8000   # then open the page
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../scripts/env.sh
. scripts/env.sh

CRATE=yusuan-wasm
PROFILE=wasm-release
NAME=yusuan
PKG=bindings-wasm/pkg
SITE=bindings-wasm/pkg-site

for tool in wasm-bindgen wasm-opt; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool not found; run scripts/setup.sh" >&2; exit 1; }
done
if [ "$(wasm-bindgen --version)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    echo "build.sh: $(wasm-bindgen --version) does not match the pinned crate ($WASM_BINDGEN_VERSION)" >&2
    exit 1
fi

echo "-- cargo build -p $CRATE --profile $PROFILE (wasm32, route $WASM_ROUTE)"
WASM=$(wasm_cargo_build "$CRATE" "$PROFILE")
[ -f "$WASM" ] || { echo "build.sh: cargo produced no $WASM" >&2; exit 1; }

echo "-- wasm-bindgen (web, nodejs) and wasm-opt -Oz"
rm -rf "$PKG" "$SITE"
mkdir -p "$PKG"
for target in web nodejs; do
    dir=$PKG/${target%js}
    wasm-bindgen --target "$target" --out-dir "$dir" --out-name "$NAME" "$WASM"
    BINDGEN_SIZE=$(stat -c %s "$dir/${NAME}_bg.wasm")
    # wasm-opt after wasm-bindgen, never before (wasm-bindgen needs the unoptimised custom sections).
    wasm-opt -Oz "$dir/${NAME}_bg.wasm" -o "$dir/${NAME}_bg.wasm"
done
# The web build is an ES module, the Node build CommonJS: say so to Node and to bundlers.
printf '{ "type": "module" }\n' >"$PKG/web/package.json"
printf '{ "type": "commonjs" }\n' >"$PKG/node/package.json"
# Node's ES-module entry: the CommonJS build's functions by name, and the web build's `init` and
# `initSync` (nothing to do in Node: the module is ready when imported), so that the same
# `import init, { check } from "yusuan"; await init();` works in the browser and in Node.
names=$(node -e 'console.log(Object.keys(require(process.argv[1])).join(", "))' "$PWD/$PKG/node/$NAME.js")
cat >"$PKG/node/$NAME.mjs" <<END
// ES-module entry of the Node build (bindings-wasm/build.sh): the CommonJS module's functions.
import pkg from "./$NAME.js";
export const { $names } = pkg;
/** Nothing to initialise in Node; here so that code written for the web build runs unchanged. */
export default async function init() { return pkg; }
export function initSync() { return pkg; }
END
cat >"$PKG/node/$NAME.d.mts" <<END
export * from "./$NAME.js";
/** Nothing to initialise in Node; here so that code written for the web build runs unchanged. */
export default function init(options?: unknown): Promise<unknown>;
export function initSync(options?: unknown): unknown;
END
cp bindings-wasm/package.json bindings-wasm/README.md "$PKG/"

echo "-- page: $SITE"
mkdir -p "$SITE/yusuan"
cp examples/web/index.html examples/web/boot.js examples/web/app.js examples/web/style.css examples/web/favicon.svg "$SITE/"
cp "$PKG/web/$NAME.js" "$PKG/web/${NAME}_bg.wasm" "$SITE/yusuan/"
cp tests/corpus/seed_2025_yantai_unit_budget.txt "$SITE/sample.txt"

RAW=$(stat -c %s "$WASM")
OPT=$(stat -c %s "$PKG/web/${NAME}_bg.wasm")
GZ=$(gzip -9 -c "$PKG/web/${NAME}_bg.wasm" | wc -c)
printf 'wasm size: raw %s B (cargo, %s) · after wasm-bindgen %s B · after wasm-opt -Oz %s B · gzip -9 %s B\n' \
    "$RAW" "$PROFILE" "$BINDGEN_SIZE" "$OPT" "$GZ"
echo "package: $PKG ($(cd "$PKG" && find . -type f | sort | tr '\n' ' '))"
