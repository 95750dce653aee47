"""`check_many` uses every core without the GIL; `check` releases the GIL too, so Python threads
run in parallel with it."""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import yusuan


def test_order_and_results_match_check(seed_text: str, seed_bytes: bytes) -> None:
    inputs: list[str | bytes | yusuan.Document] = [seed_text, seed_bytes, yusuan.parse(seed_text)]
    want = yusuan.check(seed_text)
    for threads in (None, 1, 2, 8):
        got = yusuan.check_many(inputs * 3, threads=threads)
        assert got == [want] * 9


def test_options_apply_to_every_input(seed_text: str) -> None:
    policy = yusuan.Policy(soft_rules=False)
    got = yusuan.check_many([seed_text] * 2, policy=policy, include_passes=True)
    assert got == [yusuan.check(seed_text, policy=policy, include_passes=True)] * 2


def test_accepts_any_iterable(seed_text: str) -> None:
    assert len(yusuan.check_many(t for t in [seed_text, seed_text])) == 2
    assert yusuan.check_many([]) == []


def test_first_error_in_input_order_is_raised(seed_text: str) -> None:
    with pytest.raises(yusuan.EmptyInputError):
        yusuan.check_many([seed_text, "", "not a disclosure", seed_text])


def test_return_exceptions_keeps_places(seed_text: str) -> None:
    got = yusuan.check_many([seed_text, "", "hello\n"], return_exceptions=True)
    assert isinstance(got[0], yusuan.Report)
    assert isinstance(got[1], yusuan.EmptyInputError) and got[1].code == "empty_input"
    assert isinstance(got[2], yusuan.NotADisclosureError)


def test_bad_arguments(seed_text: str) -> None:
    with pytest.raises(TypeError, match=r"`sources\[1\]` must be str, bytes or Document, not int"):
        yusuan.check_many([seed_text, 3])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="`threads` must be at least 1"):
        yusuan.check_many([seed_text], threads=0)
    with pytest.raises(TypeError):
        yusuan.check_many(5)  # type: ignore[arg-type]


def count_while(call: Callable[[], Any]) -> tuple[int, float]:
    """Runs `call()` while another Python thread counts; returns the count and the seconds."""
    stop = threading.Event()
    started = threading.Event()
    count = 0

    def counter() -> None:
        nonlocal count
        started.set()
        while not stop.is_set():
            count += 1

    t = threading.Thread(target=counter)
    t.start()
    started.wait()
    before = count
    t0 = time.perf_counter()
    call()
    elapsed = time.perf_counter() - t0
    during = count - before
    stop.set()
    t.join()
    return during, elapsed


def test_gil_is_released(seed_text: str) -> None:
    # While a native call holds the GIL no Python thread can run, so the counter would stand
    # still for the whole call. Released, it keeps counting.
    texts = [seed_text] * 40
    during, elapsed = count_while(lambda: yusuan.check_many(texts, threads=1))
    assert elapsed > 0.005
    assert during > 1000, f"the counter advanced {during} times in {elapsed:.3f} s"
    during, elapsed = count_while(lambda: [yusuan.check(text) for text in texts])
    assert during > 1000, f"the counter advanced {during} times in {elapsed:.3f} s"


def test_python_threads_share_the_work(seed_bytes: bytes) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        reports = list(pool.map(yusuan.check, [seed_bytes] * 16))
    assert len(set(r.to_json() for r in reports)) == 1


def test_paths_are_read_by_the_workers(seed_path: Path, seed_text: str, tmp_path: Path) -> None:
    # a path (pathlib.Path or a str naming a file) is read by the worker that checks it, PDFs too
    from conftest import PDF_PATH

    want = [yusuan.check(seed_text), yusuan.check(PDF_PATH.read_bytes())]
    for paths in ([seed_path, PDF_PATH], [str(seed_path), str(PDF_PATH)]):
        assert yusuan.check_many(paths * 3, threads=2) == want * 3
    # a file that cannot be read: an OSError of its errno, naming the file, in its place
    missing, folder = tmp_path / "gone.pdf", tmp_path
    got = yusuan.check_many([seed_path, missing, folder], return_exceptions=True)
    assert got[0] == want[0]
    assert isinstance(got[1], FileNotFoundError) and got[1].filename == str(missing)
    assert isinstance(got[2], IsADirectoryError) and got[2].filename == str(folder)
    assert got[1].errno == errno.ENOENT and str(missing) in str(got[1])
    with pytest.raises(FileNotFoundError, match=r"No such file or directory: .*gone\.pdf"):
        yusuan.check_many([seed_path, missing])


def test_reading_files_releases_the_gil(seed_path: Path) -> None:
    during, elapsed = count_while(lambda: yusuan.check_many([seed_path] * 40, threads=1))
    assert during > 1000, f"the counter advanced {during} times in {elapsed:.3f} s"
