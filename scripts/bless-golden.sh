#!/usr/bin/env bash
# Regenerates the expected reports of tests/golden from the CLI. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p yusuan-cli
python3 - <<'PY'
import json, os, subprocess
cases = json.load(open('tests/golden/cases.json', encoding='utf-8'))
for c in cases:
    if 'report' not in c:
        continue
    out = subprocess.run([os.environ.get('CARGO_TARGET_DIR', 'target') + '/release/yusuan', 'check', '--format', 'json', 'tests/golden/' + c['input']],
                         capture_output=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{c['name']}: {out.stderr.decode()}")
    open('tests/golden/' + c['report'], 'wb').write(out.stdout)
    print('blessed', c['report'])
PY
