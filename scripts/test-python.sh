#!/usr/bin/env bash
# Python suite: builds the wheel of bindings-python (maturin, release, abi3), installs it into a
# new venv made for this run, and runs, against the installed package:
#   1. the README's one-liner and the no-pandas behaviour in the bare venv (only yusuan in it);
#   2. the same one-liner on the oldest Python the wheel is for (3.9), when one is installed;
#   3. mypy's stubtest (the .pyi against the built module) and mypy --strict on the package
#      and the example;
#   4. pytest (bindings-python/tests: the modules, the shared golden cases, the docstring
#      examples, the READMEs' examples), strict: warnings are errors, xfail is strict;
#   5. examples/python/check_folder.py on tests/corpus (threads with tqdm, processes, and the
#      plain-counter fallback).
# Test tools (pytest, pandas, mypy, tqdm) come from the pinned tools venv of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
step() { echo; echo "-- $*"; }

ROOT=$PWD
SEED=$ROOT/tests/corpus/seed_2025_yantai_unit_budget.txt
TOOLS_PY=$YUSUAN_TOOLS/venv/bin/python
[ -x "$TOOLS_PY" ] || { echo "test-python.sh: $TOOLS_PY missing: run scripts/setup.sh" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-py.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Caches out of the source tree.
export MYPY_CACHE_DIR=$WORK/mypy-cache PYTHONDONTWRITEBYTECODE=1

# As the README's short path does (`pip install ./bindings-python`): pip runs maturin's build
# backend (here the pinned maturin of the tools venv, not one pip would fetch).
step "build the wheel (pip wheel ./bindings-python: maturin, release)"
"$TOOLS_PY" -m pip wheel --no-build-isolation --no-deps -q ./bindings-python -w "$WORK/wheels"
WHEEL=$(ls "$WORK"/wheels/yusuan-*.whl)
echo "wheel: $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KiB)"

# A venv with nothing but the package in it (the tools venv's base interpreter makes it).
new_venv() { # <python> <dir>
    "$1" -m venv "$2"
    "$2/bin/python" -m pip install -q --no-index --no-deps "$WHEEL"
}
VENV=$WORK/venv
PY=$VENV/bin/python

step "install into a new venv; the README's one-liner; no pandas"
new_venv "$TOOLS_PY" "$VENV"
(cd "$WORK" && "$PY" -c "import yusuan; print(yusuan.check(open('$SEED').read()).summary)")
(cd "$WORK" && "$PY" - "$SEED" <<'PY'
import importlib.util, sys
import yusuan
assert importlib.util.find_spec("pandas") is None, "the bare venv should not have pandas"
report = yusuan.check(open(sys.argv[1], encoding="utf-8").read())
assert report.to_json() and report._repr_html_() and yusuan.read(sys.argv[1]).table("T05")
try:
    report.to_pandas()
except ImportError as e:
    assert "pip install pandas" in str(e), e
    print(f"without pandas: {e}")
else:
    raise SystemExit("to_pandas() worked without pandas")
PY
)

step "the abi3 wheel on the oldest supported Python (3.9)"
PY39=${YUSUAN_PYTHON39:-}
if [ -z "$PY39" ]; then
    for candidate in "$HOME"/.pyenv/versions/3.9*/bin/python3.9 /usr/bin/python3.9 python3.9; do
        # (a pyenv shim exists without the version behind it: ask the interpreter itself)
        if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 9)' >/dev/null 2>&1; then
            PY39=$candidate
            break
        fi
    done
fi
if [ -n "$PY39" ]; then
    new_venv "$PY39" "$WORK/venv39"
    (cd "$WORK" && "$WORK/venv39/bin/python" -c "
import sys, yusuan
r = yusuan.check(open('$SEED', encoding='utf-8').read())
assert r.to_json() == open('$ROOT/tests/golden/seed.json', encoding='utf-8').read()
assert r._repr_html_() and yusuan.read('$SEED').table('T05').row('2080505').cells[0].value
print(sys.version.split()[0], r.summary)")
else
    echo "no Python 3.9 found (set YUSUAN_PYTHON39): skipped"
fi

# The test tools come from the tools venv, behind the package installed in the new venv.
SITE=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
TOOLS_SITE=$("$TOOLS_PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$TOOLS_SITE" >"$SITE/yusuan-test-tools.pth"
(cd "$WORK" && "$PY" -c 'import yusuan, pathlib, sys; assert pathlib.Path(yusuan.__file__).is_relative_to(sys.prefix), yusuan.__file__')

step "stub check (mypy stubtest) and mypy --strict"
(cd "$WORK" && "$PY" -m mypy.stubtest yusuan --mypy-config-file "$ROOT/bindings-python/pyproject.toml")
(cd "$WORK" && "$PY" -m mypy --config-file "$ROOT/bindings-python/pyproject.toml" -p yusuan)
"$PY" -m mypy --config-file bindings-python/pyproject.toml examples/python/check_folder.py

step "build the CLI: the reference the Python output must equal byte for byte"
cargo build -q --release -p yusuan-cli
YUSUAN_CLI=${CARGO_TARGET_DIR:-$ROOT/target}/release/yusuan
export YUSUAN_CLI
step "pytest (bindings-python/tests, golden cases, docstring examples)"
(cd bindings-python && "$PY" -m pytest -p no:cacheprovider -q -rs)

# the real documents of ../shared/corpus (public material kept there) and the seed's folder
FOLDER=tests/corpus
[ -d ../shared/corpus ] && FOLDER=../shared/corpus
export FOLDER
step "example: examples/python/check_folder.py on $FOLDER"
check_example() { # <python> <extra args...>
    local py=$1 status=0
    shift
    "$py" examples/python/check_folder.py "$FOLDER" --json "$WORK/reports.json" "$@" || status=$?
    # 0, 1 or 2 as `yusuan check` (2: a corpus file no built-in layout reads yet)
    [ "$status" -le 2 ] || { echo "check_folder.py failed ($status)" >&2; return 1; }
    "$py" - "$WORK/reports.json" <<'PY'
import json, os, sys
from pathlib import Path
out = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
names = sorted(p.name for p in Path(os.environ["FOLDER"]).glob("*.txt"))
assert [r["file"] for r in out] == names, out
assert all(r["schema"] == "yusuan.report/1" for r in out if "schema" in r), out
PY
}
check_example "$PY"
check_example "$PY" --processes --workers 2
# the bare venv again (no tqdm): the plain counter
rm "$SITE/yusuan-test-tools.pth"
check_example "$PY" --workers 2

echo
echo "ok"
