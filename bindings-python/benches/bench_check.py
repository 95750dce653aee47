"""Times `yusuan.check(seed_text)` and `yusuan.compare(earlier, seed)` from Python and compares
them with the Rust figures.

    cargo bench -p yusuan --bench seed -- seed/parse_check     # the Rust figure (criterion)
    python bindings-python/benches/bench_check.py [--rounds 30] [--criterion DIR]

The Python figure is the median over `--rounds` timeit rounds of the per-call time (each round
runs enough calls to take ~0.2 s). The Rust figures are criterion's medians for seed/parse_check
and, when core/benches has it, seed/compare (the seed against tests/compare's 2024 document,
both parsed), read from target/criterion (or `--criterion DIR`). The design's target: Python
within 1.2x. Run on a quiet machine (`uptime`): the figures are only comparable under the same
load, and only when the installed wheel and the criterion bench were built from the same source.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import timeit
from pathlib import Path

import yusuan

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "corpus" / "seed_2025_yantai_unit_budget.txt"
EARLIER = ROOT / "tests" / "compare" / "yantai_2024_mismatch.txt"


def median_seconds(stmt: str, rounds: int, globs: dict[str, object]) -> float:
    timer = timeit.Timer(stmt, globals=globs)
    number, _ = timer.autorange()
    number = max(1, number)
    return statistics.median(t / number for t in timer.repeat(repeat=rounds, number=number))


def criterion_median(directory: Path, bench: str = "parse_check") -> float | None:
    estimates = directory / "seed" / bench / "new" / "estimates.json"
    if not estimates.is_file():
        return None
    data = json.loads(estimates.read_text(encoding="utf-8"))
    return float(data["median"]["point_estimate"]) / 1e9


def main() -> None:
    default_target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--criterion", type=Path, default=default_target / "criterion")
    args = parser.parse_args()

    text = SEED.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    doc = yusuan.parse(data)
    yusuan.check(doc)  # builds the embedded catalog and rule catalogue once, as criterion does
    earlier_data = EARLIER.read_bytes()
    earlier = yusuan.parse(earlier_data)
    yusuan.compare(earlier, doc)
    globs: dict[str, object] = {
        "yusuan": yusuan,
        "text": text,
        "data": data,
        "doc": doc,
        "earlier": earlier,
        "earlier_data": earlier_data,
    }
    rows = [
        ("check(text)  [str]", median_seconds("yusuan.check(text)", args.rounds, globs)),
        ("check(data)  [bytes]", median_seconds("yusuan.check(data)", args.rounds, globs)),
        ("parse(text)", median_seconds("yusuan.parse(text)", args.rounds, globs)),
        ("check(doc)   [parsed]", median_seconds("yusuan.check(doc)", args.rounds, globs)),
        (
            "compare(doc, doc)  [parsed]",
            median_seconds("yusuan.compare(earlier, doc)", args.rounds, globs),
        ),
        (
            "compare(data, data) [bytes]",
            median_seconds("yusuan.compare(earlier_data, data)", args.rounds, globs),
        ),
        ("claims(doc)  [parsed]", median_seconds("yusuan.claims(doc)", args.rounds, globs)),
    ]
    print(f"seed document: {len(data)} bytes; yusuan {yusuan.__version__}; load {os.getloadavg()}")
    for name, seconds in rows:
        print(f"  python {name:<24} {seconds * 1e6:9.1f} µs (median of {args.rounds} rounds)")
    rust = criterion_median(args.criterion)
    if rust is None:
        print(f"  no criterion figure under {args.criterion}: run cargo bench -p yusuan --bench seed")
        return
    python = rows[0][1]
    print(f"  rust   seed/parse_check            {rust * 1e6:9.1f} µs (criterion median)")
    print(f"  ratio  python/rust                 {python / rust:9.3f} (target <= 1.2)")
    rust_compare = criterion_median(args.criterion, "compare")
    if rust_compare is None:
        print("  (no criterion figure for seed/compare: core/benches/seed.rs has no compare bench)")
        return
    python_compare = rows[4][1]
    print(f"  rust   seed/compare                {rust_compare * 1e6:9.1f} µs (criterion median)")
    print(f"  ratio  python/rust (compare)       {python_compare / rust_compare:9.3f} (target <= 1.2)")


if __name__ == "__main__":
    main()
