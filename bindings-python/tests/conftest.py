"""Shared fixtures: the repository's corpus and golden cases, and the seed document.

The tests run against the installed `yusuan` package (scripts/test-python.sh builds the wheel and
installs it into a fresh venv); nothing here imports from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import yusuan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
#: The real documents of the development corpus: public material kept in ../shared, never copied
#: into the project.
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = ROOT / "tests" / "expected"
COMPARE = ROOT / "tests" / "compare"
SEED_PATH = CORPUS / "seed_2025_yantai_unit_budget.txt"
#: The fabricated 2024 documents of tests/compare (see tests/compare/derive.py): one agrees with
#: every prior-year figure of the seed, the other has four disagreements.
FABRICATED_PATH = COMPARE / "yantai_2024_fabricated.txt"
MISMATCH_PATH = COMPARE / "yantai_2024_mismatch.txt"
PUTUO_PATH = SHARED_CORPUS / "01_sh_putuo_wanli_street_dept_budget_2023.txt"
#: The damaged-PDF catalogue (tests/pdf_damaged); its `valid.pdf` is a one-table disclosure as a
#: well-formed PDF, made in the project.
PDF_DAMAGED = ROOT / "tests" / "pdf_damaged"
PDF_PATH = PDF_DAMAGED / "inputs" / "valid.pdf"


def require_shared() -> None:
    """Skips the test when ../shared/corpus is absent (a clone on its own); under CI it must be
    there."""
    if SHARED_CORPUS.is_dir():
        return
    message = f"{SHARED_CORPUS} is missing (the real documents live in ../shared)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def corpus_paths() -> list[Path]:
    """The seed and, when ../shared is there, the real documents of ../shared/corpus."""
    paths = [SEED_PATH]
    if SHARED_CORPUS.is_dir():
        paths += sorted(SHARED_CORPUS.glob("0*.txt"))
    elif os.environ.get("CI"):
        raise RuntimeError(f"{SHARED_CORPUS} is missing under CI")
    return paths


def run_cli(*args: str | Path) -> str:
    """What the command-line tool prints (stdout) for `args`: the reference the Python output
    must equal byte for byte. The tool is `$YUSUAN_CLI` (scripts/test-python.sh builds it from
    the same source as the wheel and sets it); without it the test is skipped."""
    cli = os.environ.get("YUSUAN_CLI") or _built_cli()
    if not cli:
        message = "YUSUAN_CLI is not set and no built CLI was found (scripts/test-python.sh sets it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    out = subprocess.run([cli, *map(str, args)], capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr.decode("utf-8", "replace")
    return out.stdout.decode("utf-8")


def _built_cli() -> str | None:
    """The CLI built in this checkout's target directory, release before debug, if any."""
    target = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
    for profile in ("release", "debug"):
        exe = target / profile / ("yusuan.exe" if os.name == "nt" else "yusuan")
        if exe.is_file():
            return str(exe)
    return None


def golden_cases() -> list[dict[str, Any]]:
    """The manifest of tests/golden (every front end runs the same cases); a case whose input
    lives in ../shared is left out when ../shared is absent (and fails under CI)."""
    cases: list[dict[str, Any]] = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))
    if not SHARED_CORPUS.is_dir():
        if os.environ.get("CI"):
            raise RuntimeError(f"{SHARED_CORPUS} is missing under CI")
        cases = [c for c in cases if not c.get("shared")]
    return cases


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED_PATH.read_bytes()


@pytest.fixture(scope="session")
def seed_text(seed_bytes: bytes) -> str:
    return seed_bytes.decode("utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_bytes: bytes) -> yusuan.Document:
    return yusuan.parse(seed_bytes)


@pytest.fixture(scope="session")
def seed_report(seed_doc: yusuan.Document) -> yusuan.Report:
    return yusuan.check(seed_doc)


@pytest.fixture(scope="session")
def seed_lines(seed_text: str) -> list[str]:
    return seed_text.split("\n")


@pytest.fixture(scope="session")
def mismatch_doc() -> yusuan.Document:
    return yusuan.read(MISMATCH_PATH)


@pytest.fixture(scope="session")
def mismatch_cmp(mismatch_doc: yusuan.Document, seed_doc: yusuan.Document) -> yusuan.Comparison:
    return yusuan.compare(mismatch_doc, seed_doc)


@pytest.fixture(scope="session")
def seed_claims(seed_doc: yusuan.Document) -> yusuan.Claims:
    return yusuan.claims(seed_doc)
