"""The shape STYLE.md asks of the code: small modules, short functions and classes, each module
saying in its first line what it holds. A limit passed is a place to split, not to raise it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "kzconst"
MODULES = sorted(SRC.rglob("*.py"))
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_CLASS_LINES = 250


def _long_nodes(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            assert node.end_lineno is not None
            lines = node.end_lineno - node.lineno + 1
            limit = MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_FUNCTION_LINES
            if lines > limit:
                out.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({lines} lines)")
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_module_is_small_and_says_what_it_holds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES
    docstring = ast.get_docstring(ast.parse(text))
    assert docstring, f"{path.name} opens without a docstring"


def test_no_function_or_class_is_too_long() -> None:
    assert [n for p in MODULES for n in _long_nodes(p)] == []
