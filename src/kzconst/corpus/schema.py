"""The corpus schema: every known key and its type, checked with control characters in one walk."""

from __future__ import annotations

import re
from typing import Any

from kzconst.corpus.problems import Checker, Loc

# Kinds of value: "str"; "strs" (list of strings); "scalar" (string, integer or boolean);
# "str|strs"; "any" (a table whose inner shape another rule owns: only control characters are
# checked); a trailing "!" marks a key whose type its own rule (validate.py, articles.py)
# already checks. A dict is a table with those keys; a list of one dict, an array of them.
_WORDING = {
    **dict.fromkeys(("from", "to", "law", "text", "note", "closing", "source"), "str"),
    "gap": "scalar",
}
_HISTORY = {
    "predecessors": "str|strs",
    "change": "str",
    "change_note": "str",
    "since": "str",
    "since_law": "str",
    "since_note": "str",
    "inserted": "scalar",
    "excluded_from": "str",
    "excluded_law": "str",
    "wording": [_WORDING],
}
_ITEM = {
    **dict.fromkeys(("number", "text", "status", "status_note"), "str!"),
    "lead_in": "str",
    **_HISTORY,
}
_PARAGRAPH = {**_ITEM, "closing": "str!", "item": [_ITEM]}
_ARTICLE = {
    **dict.fromkeys(("edition", "number", "section", "title", "status", "status_note"), "str!"),
    **dict.fromkeys(("concordance_note", "change", "source_note"), "str!"),
    **dict.fromkeys(
        ("topics", "aliases", "xrefs", "predecessors", "successors", "sources"), "strs!"
    ),
    **dict.fromkeys(("inserted", "inserted_law", "repealed_from", "repealed_law"), "str"),
    "paragraph": [_PARAGRAPH],
    "wording": [{**_WORDING, "paragraph": "str"}],  # a repealed article's wordings
    "commentary": [{"kind": "str!", "text": "str!", "source": "str!"}],
}
SCHEMA: dict[str, Any] = {
    "corpus": {"version": "str!", "translation_note": "str!"},
    "edition": [
        dict.fromkeys(
            (
                *("id", "title", "adopted", "in_force_from", "in_force_to", "official_source"),
                *("description", "published", "signed"),
            ),
            "str!",
        )
    ],
    "section": [dict.fromkeys(("edition", "number", "title", "first", "last"), "str!")],
    "topics": "any",
    "aliases": "any",
    "article": [_ARTICLE],
    "timeline": [{"date": "str!", "event": "str!", "source": "str!"}],
    "law": [
        dict.fromkeys(("id", "title", "date", "number", "in_force", "note", "source"), "scalar")
    ],
    "thesaurus": "any",
    "glossary": "any",
}

# Newline and tab belong only in running text; nothing else may hold a control character.
MULTILINE_KEYS = frozenset(
    {"text", "closing", "translation_note", "description", "event", "note", "since_note"}
    | {"status_note", "source_note", "concordance_note", "change_note"}
)
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ufeff]")
_CONTROL_OR_BREAK = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ufeff]")


def check_schema(c: Checker) -> None:
    """Flag unknown keys, values of the wrong kind and control characters, everywhere."""
    _table(c, c.raw, SCHEMA, "", None)


def _table(
    c: Checker, table: dict[str, Any], schema: dict[str, Any], where: str, loc: Loc | None
) -> None:
    # Hot: runs once per key of every table (a 20,000-article corpus has a million); the
    # common case, a printable string where a string belongs, costs two C calls.
    for key, value in table.items():
        kind = schema.get(key)
        if (
            kind in ("str", "str!")
            and type(value) is str
            and value.isprintable()
            and key.isprintable()
        ):
            continue
        field = f"{where}.{key}" if where else key
        _control(c, key, field, loc, key=True)
        here = loc if loc is not None or not isinstance(value, dict) else (key, 0)
        if kind is None:
            c.flag(loc, key, field, f"unknown key {key!r}")
        elif kind == "any":
            _anything(c, value, field, here, 0)
        elif isinstance(kind, dict):
            if isinstance(value, dict):
                _table(c, value, kind, field, here)
            # a value of another type is flagged by the rule that reads it
        elif isinstance(kind, list):
            if isinstance(value, list):
                for i, sub in enumerate(value):
                    if isinstance(sub, dict):
                        _table(c, sub, kind[0], f"{field}[{i}]", _child(loc, key, i))
        else:
            _value(c, value, kind, key, field, loc)


def _child(loc: Loc | None, key: str, i: int) -> Loc:
    """The location of the i-th [[...key]] table under `loc` (lines are found lazily)."""
    if loc is None:
        return (key, i)
    if len(loc) == 2:
        return (f"{loc[0]}.{key}", loc[1], i)
    return loc  # deeper tables: the line of the nearest table the locator knows


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _value(c: Checker, value: Any, kind: str, key: str, field: str, loc: Loc | None) -> None:
    checked_elsewhere = kind.endswith("!")
    kind = kind.rstrip("!")
    if kind == "str":
        ok = isinstance(value, str)
    elif kind == "strs":
        ok = _is_strings(value)
    elif kind == "scalar":
        ok = isinstance(value, str | int | float | bool)
    else:
        ok = isinstance(value, str) or _is_strings(value)
    if not ok and checked_elsewhere:
        return
    if not ok:
        what = {"str": "a string", "strs": "a list of strings", "scalar": "a string"}
        hint = " (write dates in quotes)" if type(value).__name__ in ("date", "datetime") else ""
        c.flag(loc, key, field, f"must be {what.get(kind, 'a string or a list of strings')}{hint}")
        return
    for v in value if isinstance(value, list) else (value,):
        if isinstance(v, str):
            _control(c, v, field, loc, multiline=key in MULTILINE_KEYS, key_of=key)


def _anything(
    c: Checker, value: Any, field: str, loc: Loc | None, depth: int, key: str = ""
) -> None:
    """Control characters anywhere inside a value whose shape another rule checks."""
    if depth > 50:
        c.flag(loc, key, field, "nested too deeply")
    elif isinstance(value, str):
        _control(c, value, field, loc, multiline=True, key_of=key)
    elif isinstance(value, list):
        for v in value:
            _anything(c, v, field, loc, depth + 1, key)
    elif isinstance(value, dict):
        for k, v in value.items():
            _control(c, k, f"{field}.{k}", loc, key=True, key_of=k)
            _anything(c, v, f"{field}.{k}", loc, depth + 1, k if depth == 0 else key)


def _control(
    c: Checker,
    text: str,
    field: str,
    loc: Loc | None,
    *,
    multiline: bool = False,
    key: bool = False,
    key_of: str = "",
) -> None:
    if text.isprintable():  # no control, format or separator character at all: the fast path
        return
    m = (_CONTROL if multiline else _CONTROL_OR_BREAK).search(text)
    if m:
        what = "key" if key else "value"
        c.flag(
            loc,
            key_of,
            field,
            f"the {what} holds the control character U+{ord(m.group()):04X} "
            f"at position {m.start()} (not allowed{'' if multiline else ' here'})",
        )
