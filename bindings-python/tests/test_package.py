"""The package facade: `__all__`, `__version__`, the submodules."""

from __future__ import annotations

import re

import yusuan
from conftest import ROOT


def test_all_names_exist() -> None:
    assert sorted(yusuan.__all__) == sorted(set(yusuan.__all__))
    for name in yusuan.__all__:
        assert hasattr(yusuan, name), name
    for name in yusuan.catalog.__all__ + yusuan.exceptions.__all__:
        assert hasattr(yusuan.catalog if name in yusuan.catalog.__all__ else yusuan.exceptions, name)


def test_public_names_are_exported() -> None:
    public = {n for n in dir(yusuan) if not n.startswith("_")} - {"annotations", "os", "TYPE_CHECKING"}
    assert public <= set(yusuan.__all__)


def test_version_is_the_workspace_version() -> None:
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    m = re.search(r'\[workspace\.package\][^\[]*?version = "([^"]+)"', cargo)
    assert m is not None
    assert yusuan.__version__ == m.group(1)


def test_classes_say_they_are_from_yusuan() -> None:
    for name in yusuan.__all__:
        obj = getattr(yusuan, name)
        if isinstance(obj, type):
            assert obj.__module__ == "yusuan", name
            assert f"yusuan.{obj.__name__}" in repr(obj)
            # an old name is the same class under its new name
            assert obj.__name__ == name or ALIASES[name] == obj.__name__, name


ALIASES = {"InvalidLayoutError": "InvalidTemplateError"}


def test_old_names_are_the_new_classes() -> None:
    assert yusuan.InvalidLayoutError is yusuan.InvalidTemplateError
    assert yusuan.exceptions.InvalidLayoutError is yusuan.InvalidTemplateError
    assert yusuan.layouts() == yusuan.templates()
