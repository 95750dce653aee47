"""The stub `_yusuan.pyi` against the built module: the same names, classes with the same
members, functions with the same parameters. (scripts/test-python.sh also runs mypy's stubtest,
which checks types as well; this test needs nothing but the standard library.)"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import yusuan
from yusuan import _yusuan

STUB = Path(_yusuan.__file__).with_name("_yusuan.pyi")
TREE = ast.parse(STUB.read_text(encoding="utf-8"))


def stub_all() -> list[str]:
    for node in TREE.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__":
            return [ast.literal_eval(e) for e in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("the stub has no __all__")


def stub_defs(body: list[ast.stmt]) -> dict[str, ast.stmt]:
    out: dict[str, ast.stmt] = {}
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out.setdefault(node.name, node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = node
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
            # an alias: `OldName = NewName`
            out.update((t.id, out[node.value.id]) for t in node.targets if isinstance(t, ast.Name))
    return out


MODULE = stub_defs(TREE.body)


def test_stub_is_shipped() -> None:
    assert STUB.is_file()
    assert Path(yusuan.__file__).with_name("py.typed").is_file()


def test_same_module_names() -> None:
    assert sorted(stub_all()) == sorted(_yusuan.__all__)
    for name in _yusuan.__all__:
        assert name in MODULE, f"{name} is not in the stub"
    private_aliases = {n for n in MODULE if n.startswith("_") and n not in _yusuan.__all__}
    assert all(not hasattr(_yusuan, n) for n in private_aliases - {"__all__"})


def parameters(fn: ast.FunctionDef) -> list[tuple[str, str]]:
    a = fn.args
    out = [(p.arg, "POSITIONAL_ONLY") for p in a.posonlyargs]
    out += [(p.arg, "POSITIONAL_OR_KEYWORD") for p in a.args]
    out += [(p.arg, "KEYWORD_ONLY") for p in a.kwonlyargs]
    return [(n, k) for n, k in out if n not in ("self", "cls")]


def runtime_parameters(obj: object) -> list[tuple[str, str]]:
    sig = inspect.signature(obj)  # type: ignore[arg-type]
    return [(p.name, p.kind.name) for p in sig.parameters.values() if p.name not in ("self", "cls")]


@pytest.mark.parametrize(
    "name", [n for n in _yusuan.__all__ if inspect.isbuiltin(getattr(_yusuan, n))]
)
def test_function_parameters(name: str) -> None:
    node = MODULE[name]
    assert isinstance(node, ast.FunctionDef)
    assert parameters(node) == runtime_parameters(getattr(_yusuan, name))


CLASSES = [
    n
    for n in _yusuan.__all__
    if isinstance(getattr(_yusuan, n), type) and not issubclass(getattr(_yusuan, n), BaseException)
]


@pytest.mark.parametrize("name", CLASSES)
def test_class_members(name: str) -> None:
    cls = getattr(_yusuan, name)
    node = MODULE[name]
    assert isinstance(node, ast.ClassDef)
    members = stub_defs(node.body)
    dunders = {"__contains__", "__len__", "__reduce__"}
    if "__new__" in members:  # every class has a `__new__`; only Policy's makes objects
        dunders.add("__new__")
    runtime = {n for n in vars(cls) if not n.startswith("__") or n in dunders}
    stub = {n for n in members if not n.startswith("__") or n in runtime}
    assert stub == runtime, f"{name}: stub-only {stub - runtime}, runtime-only {runtime - stub}"
    for member in sorted(stub):
        fn = members[member]
        value = inspect.getattr_static(cls, member)
        if isinstance(fn, ast.FunctionDef) and not any(
            getattr(d, "id", "") == "property" for d in fn.decorator_list
        ):
            target = cls if member == "__new__" else getattr(cls, member)
            assert parameters(fn) == runtime_parameters(target), f"{name}.{member}"
        else:
            assert inspect.isdatadescriptor(value), f"{name}.{member} should be a property"


def test_exception_classes_in_stub() -> None:
    for name in _yusuan.__all__:
        obj = getattr(_yusuan, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            node = MODULE[name]
            assert isinstance(node, ast.ClassDef)
            base = node.bases[0]
            assert isinstance(base, ast.Name) and base.id == obj.__base__.__name__
