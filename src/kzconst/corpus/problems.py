"""Problems found in a corpus file, and where they are: file, line and field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Loc = tuple[Any, ...]  # ("article", i) or ("article.paragraph", i, j): a lazily found line


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a corpus file."""

    path: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        from kzconst.output.render import safe_text

        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return safe_text(f"{where}: {self.field}: {self.message}")


class _Locator:
    """Maps the k-th [[article]] / [[article.paragraph]] / ... and a key to a line number."""

    def __init__(self, path: Path) -> None:
        try:
            self.lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            self.lines = []
        self.headers: dict[str, list[int]] = {}
        self.children: dict[tuple[str, int], list[int]] = {}
        current: dict[str, int] = {}
        for no, line in enumerate(self.lines, 1):
            m = re.match(r"^\s*\[\[\s*([\w.]+)\s*\]\]", line) or re.match(
                r"^\s*\[\s*([\w.]+)\s*\]", line
            )
            if not m:
                continue
            name = m.group(1)
            self.headers.setdefault(name, []).append(no)
            current[name] = len(self.headers[name]) - 1
            parent = name.rsplit(".", 1)[0] if "." in name else None
            if parent is not None and parent in current:
                self.children.setdefault((name, current[parent]), []).append(no)

    def table(self, name: str, index: int) -> int | None:
        found = self.headers.get(name, [])
        return found[index] if index < len(found) else None

    def child(self, name: str, parent_index: int, index: int) -> int | None:
        found = self.children.get((name, parent_index), [])
        return found[index] if index < len(found) else None

    def key(self, start: int | None, key: str) -> int | None:
        """The line of `key = ...` in the table that starts at line `start`."""
        if start is None:
            return None
        for no in range(start, len(self.lines)):
            line = self.lines[no]
            if re.match(r"^\s*\[", line):
                break
            if re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
                return no + 1
        return start


class Checker:
    """Collects problems; reads typed values out of TOML tables, flagging what is wrong."""

    def __init__(self, raw: dict[str, Any], path: Path) -> None:
        self.raw = raw
        self.path = path
        self.problems: list[Problem] = []
        self._locator: _Locator | None = None

    @property
    def locator(self) -> _Locator:
        if self._locator is None:
            self._locator = _Locator(self.path)
        return self._locator

    def problem(self, loc: Loc | None, fieldname: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line_of(loc), fieldname, message))

    def flag(self, loc: Loc | None, key: str, fieldname: str, message: str) -> None:
        """A problem with the value of `key` in the table at `loc`."""
        self.problems.append(Problem(self.path, self.line_of(loc, key), fieldname, message))

    def line_of(self, loc: Loc | None, key: str = "") -> int | None:
        """Resolve a lazy location, (table, i) or (table, parent, j), to a line number."""
        if loc is None:
            return None
        if len(loc) == 2:
            start = self.locator.table(loc[0], loc[1])
        else:
            start = self.locator.child(loc[0], loc[1], loc[2])
        return self.locator.key(start, key) if key else start

    def text(
        self,
        table: dict[str, Any],
        key: str,
        where: str,
        line: Loc | None,
        *,
        required: bool = True,
    ) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.flag(line, key, f"{where}.{key}", "must be a string")
            return ""
        if required and not value.strip():
            self.flag(line, key if key in table else "", f"{where}.{key}", "is missing or empty")
        return value

    def strings(
        self, table: dict[str, Any], key: str, where: str, line: Loc | None
    ) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.flag(line, key, f"{where}.{key}", "must be a list of strings")
            return ()
        return tuple(value)

    def tables(
        self, table: dict[str, Any], key: str, where: str, line: Loc | None
    ) -> list[dict[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(line, f"{where}.{key}", "must be an array of tables [[...]]")
            return []
        return value
