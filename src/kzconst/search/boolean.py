"""Queries with operators: the FTS5 expression of AND / OR / NOT and parentheses (names
expanded to their spellings, every word quoted), the operands under a NOT, and the rows they
exclude."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from kzconst.errors import UsageError
from kzconst.search.translate import glossary_match, has_cyrillic
from kzconst.search.words import key_of, operand, quote, split_words

if TYPE_CHECKING:
    from kzconst.search.query import Query, Vocabulary

OPERATORS = ("AND", "OR", "NOT")
Execute = Callable[[str, list[Any]], Iterable[tuple[int]]]  # sqlite3's execute


def word_run(tokens: list[tuple[str, str]], start: int) -> list[tuple[str, str]]:
    run = []
    for kind, value in tokens[start:]:
        if kind != "word":
            break
        run.append((kind, value))
    return run


def positive(
    tokens: list[tuple[str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The operands not under a NOT, in order, without operators; and those under one."""
    out: list[tuple[str, str]] = []
    negated: list[tuple[str, str]] = []
    skip_depth = -1  # parenthesis depth of a NOT group being skipped
    depth = 0
    negate_next = False
    for kind, value in tokens:
        if kind == "op":
            if value == "(":
                depth += 1
                if negate_next and skip_depth < 0:
                    skip_depth = depth
                negate_next = False
            elif value == ")":
                if depth == skip_depth:
                    skip_depth = -1
                depth = max(depth - 1, 0)
            elif value == "NOT":
                negate_next = True
            continue
        (out if skip_depth < 0 and not negate_next else negated).append((kind, value))
        negate_next = False
    return out, negated


def boolean(tokens: list[tuple[str, str]], vocab: Vocabulary) -> str:
    """The FTS5 expression of a query with operators; names expand to all their spellings."""
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind in ("word", "phrase"):
            spellings = _spellings(
                [v for _, v in word_run(tokens, i)] if kind == "word" else [value], vocab
            )
            parts.append(_group(tuple(sorted({operand(s) for s in spellings[1]}))))
            i += spellings[0]
            continue
        if kind == "prefix":
            parts.append(quote([value]) + "*")
        else:
            parts.append(value)
        i += 1
    fts = _tidy(parts)
    if not fts:
        raise UsageError("the query has no words to search for (only operators or punctuation)")
    return fts


def _spellings(run: list[str], vocab: Vocabulary) -> tuple[int, set[str]]:
    """How many words of `run` form a name, and its spellings; a Cyrillic term its English
    (glossary); else the word itself."""
    for j in range(min(len(run), 6), 0, -1):
        entry = vocab.lookup(key_of(" ".join(run[:j]).split()))
        if entry is not None and entry[3]:
            return j, set(entry[3])
    if has_cyrillic(run[0]):  # `court NOT судьи`: the NOT is on judges, not on nothing
        glossary = vocab.glossary()
        found = glossary_match(run, glossary)
        if found is not None:
            english = set(glossary[found[1]])
            names = [vocab.lookup(key_of(split_words(e))) for e in english]
            return found[0], english.union(*(set(n[3]) for n in names if n is not None))
    return 1, {run[0]}


def excluded_operands(negated: list[tuple[str, str]], vocab: Vocabulary) -> tuple[str, ...]:
    """The FTS5 operands of the words under a NOT, names and Cyrillic terms spelt out as in
    the expression (`court NOT Qurultai` leaves out the rows with Kurultai)."""
    out: list[str] = []
    for kind, value in negated:
        if kind == "prefix":
            out.append(quote([value]) + "*")
        else:
            out += sorted({operand(s) for s in _spellings([value], vocab)[1]})  # a phrase whole
    return tuple(out)


def _group(operands: tuple[str, ...]) -> str:
    if len(operands) == 1:
        return operands[0]
    return "(" + " OR ".join(operands) + ")"


def _tidy(parts: list[str]) -> str:
    """Make the token list valid FTS5: explicit AND between operands, no stray operators,
    balanced parentheses; `AND NOT` is FTS5's binary NOT."""
    out: list[str] = []
    depth = 0
    for tok in parts:
        if tok in OPERATORS:
            if tok == "NOT" and (not out or out[-1] in ("(", "OR")):
                raise UsageError(  # dropped, it would find what the user excluded
                    "NOT needs words before it: what to search for, then what to leave out "
                    "(e.g. 'president NOT death')"
                )
            if not out or out[-1] == "(":
                continue  # a leading operator has nothing on its left
            if out[-1] in OPERATORS:
                if out[-1] == "AND" and tok == "NOT":
                    out[-1] = "NOT"
                continue
            out.append(tok)
        elif tok == "(":
            if out and out[-1] not in OPERATORS and out[-1] != "(":
                out.append("AND")
            out.append("(")
            depth += 1
        elif tok == ")":
            if depth == 0:
                continue
            while out and out[-1] in OPERATORS:
                out.pop()
            if out and out[-1] == "(":
                out.pop()
                depth -= 1
                continue
            out.append(")")
            depth -= 1
        else:
            if out and out[-1] not in OPERATORS and out[-1] != "(":
                out.append("AND")
            out.append(tok)
    while out and (out[-1] in OPERATORS or out[-1] == "("):
        if out.pop() == "(":
            depth -= 1
    out.extend(")" * depth)
    return " ".join(out).replace("( ", "(").replace(" )", ")")


def allowed_rows(execute: Execute, expr: str, base: int) -> dict[int, set[int]]:
    """Article -> the rows that satisfy an FTS5 expression with operators (row ids carry
    their article: rowid // base)."""
    allowed: dict[int, set[int]] = {}
    for (rowid,) in execute("SELECT rowid FROM row WHERE row MATCH ?", [expr]):
        allowed.setdefault(rowid // base, set()).add(rowid)
    return allowed


def excluded_rows(
    execute: Callable[[str, list[Any]], Iterable[tuple[int]]], query: Query
) -> set[int]:
    """The rows that have a word under a NOT (none is shown: NOT applies per paragraph)."""
    if not query.excluded:
        return set()
    expr = f"body : ({' OR '.join(query.excluded)})"
    return {r for (r,) in execute("SELECT rowid FROM row WHERE row MATCH ?", [expr])}
