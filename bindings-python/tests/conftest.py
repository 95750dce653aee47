"""Shared fixtures: the repository's corpus and golden cases, and the seed document.

The tests run against the installed `yusuan` package (scripts/test-python.sh builds the wheel and
installs it into a fresh venv); nothing here imports from the source tree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import yusuan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = ROOT / "tests" / "expected"
SEED_PATH = CORPUS / "seed_2025_yantai_unit_budget.txt"


def golden_cases() -> list[dict[str, Any]]:
    """The manifest of tests/golden (every front end runs the same cases)."""
    cases: list[dict[str, Any]] = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))
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
