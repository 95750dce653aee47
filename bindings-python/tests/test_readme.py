"""The READMEs' Python examples run as written: the repository's (`## From Python`) and the
package's, with their file names pointing at the seed document."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MISMATCH_PATH, PDF_PATH, ROOT, SEED_PATH

import yusuan


def blocks(readme: Path, lang: str, section: str | None = None) -> list[str]:
    text = readme.read_text(encoding="utf-8")
    if section is not None:
        start = text.index(section)
        end = text.find("\n## ", start + len(section))
        text = text[start : end if end >= 0 else None]
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_the_repository_readme(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    (code,) = blocks(ROOT / "README.md", "python", "## From Python")
    seed = SEED_PATH.read_text(encoding="utf-8")
    names = {"path": SEED_PATH, "text": seed, "texts": [seed, seed],
             "text2024": MISMATCH_PATH.read_text(encoding="utf-8"), "text2025": seed}
    exec(compile(code, "README.md", "exec"), names)
    assert names["report"].summary.error == 0 and len(names["df"]) == len(names["report"].findings)
    # the one-liner after `pip install ./bindings-python`, from the repository's root
    (shell,) = blocks(ROOT / "README.md", "sh", "## From Python")
    assert shell.startswith("pip install ./bindings-python")
    line = next(line for line in shell.splitlines() if line.startswith("python -c"))
    out = subprocess.run([sys.executable, *shlex.split(line)[1:]], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("Summary(error=0, warning=3")


def test_the_package_readme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    (code,) = blocks(Path(__file__).parents[1] / "README.md", "python")
    shutil.copy(SEED_PATH, tmp_path / "budget.txt")
    shutil.copy(PDF_PATH, tmp_path / "budget.pdf")
    monkeypatch.chdir(tmp_path)
    names: dict[str, object] = {}
    exec(compile(code, "bindings-python/README.md", "exec"), names)
    assert "Summary(error=0" in repr(names["report"])
    pdf = names["pdf"]
    assert isinstance(pdf, yusuan.Report) and pdf.document.template == "national-12"
