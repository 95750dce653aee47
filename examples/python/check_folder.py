"""Check every disclosure in a folder in parallel, with a progress bar.

    python examples/python/check_folder.py [FOLDER] [--workers N] [--processes] [--json FILE]

FOLDER defaults to tests/corpus. Each `.txt` file is read as bytes and checked with
`yusuan.check`, which releases the GIL, so a thread pool keeps every core busy; `--processes`
uses worker processes instead (reports and exceptions pickle on their way back). The progress bar
is tqdm's when tqdm is installed (`pip install tqdm`), a plain counter on stderr otherwise.

Prints one line per file (errors, warnings, hints, or why the file could not be read) and the
totals; `--json FILE` also writes every report as a JSON list (the `yusuan.report/1` objects,
with the file name). Exit status: 0 when no error was found, 1 when a document has errors, 2 when
a file could not be read, as `yusuan check` does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, TypeVar, Union

import yusuan

T = TypeVar("T")
Outcome = Union[yusuan.Report, yusuan.YusuanError]


def progress(items: Iterable[T], total: int, desc: str) -> Iterator[T]:
    """tqdm's progress bar if tqdm is installed, else a counter on stderr."""
    try:
        from tqdm import tqdm
    except ImportError:
        done = 0
        for item in items:
            done += 1
            print(f"\r{desc}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)
            yield item
        return
    yield from tqdm(items, total=total, desc=desc, unit="doc")


def check_file(path: Path) -> Outcome:
    """Checks one file; an unreadable document comes back as its exception, not raised."""
    try:
        return yusuan.check(path.read_bytes())
    except yusuan.YusuanError as e:
        return e


def check_folder(folder: Path, workers: int, processes: bool) -> dict[Path, Outcome]:
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    pool: Executor = (
        ProcessPoolExecutor(max_workers=workers)
        if processes
        else ThreadPoolExecutor(max_workers=workers)
    )
    results: dict[Path, Outcome] = {}
    with pool:
        futures = {pool.submit(check_file, p): p for p in files}
        for future in progress(as_completed(futures), total=len(files), desc="checking"):
            results[futures[future]] = future.result()
    return {p: results[p] for p in files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("tests/corpus"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--processes", action="store_true", help="worker processes, not threads")
    parser.add_argument("--json", type=Path, help="also write the reports to this file")
    args = parser.parse_args(argv)

    results = check_folder(args.folder, args.workers, args.processes)
    width = max((len(p.name) for p in results), default=0)
    errors = unreadable = 0
    for path, result in results.items():
        if isinstance(result, yusuan.Report):
            s = result.summary
            errors += s.error > 0
            print(f"{path.name:<{width}}  {s.error:>3} errors {s.warning:>3} warnings {s.hint:>3} hints")
        else:
            unreadable += 1
            print(f"{path.name:<{width}}  not read: {result.code} ({result})")
    print(f"{len(results)} files: {errors} with errors, {unreadable} not read")

    if args.json:
        out: list[dict[str, Any]] = [
            {"file": p.name, **r.to_dict()}
            if isinstance(r, yusuan.Report)
            else {"file": p.name, "error": r.code, "message": str(r)}
            for p, r in results.items()
        ]
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 2 if unreadable else 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
