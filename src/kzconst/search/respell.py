"""Misspellings: a word no article has, searched as the word of the text it mistypes."""

from __future__ import annotations

from typing import Any

from kzconst.search.index import suggest_spellings
from kzconst.search.query import Query
from kzconst.search.words import edits

RESPELL_LENGTH = 6  # a misspelling of a shorter word is too easily another word (jury: july)


def respelled(conn: Any, query: Query, where: str) -> list[tuple[str, str]]:
    """The words of the query that no article has and that are not lay words (no thesaurus
    entry), with the corpus word each misspells when it is one slip away: `constitutinal` is
    constitutional; `jury` (too short) is not july, `abortion` (two slips) not abolition,
    `inequality` (a word of its own) not equality."""
    out = []
    for c in query.concepts:
        word = c.label
        plain = word.isascii() and word.isalpha() and len(word) >= RESPELL_LENGTH
        if not c.single or c.expansions or not plain:
            continue
        sql = "SELECT 1 FROM doc WHERE doc MATCH ? LIMIT 1"
        if conn.execute(sql, [f"({' OR '.join(c.own)}){where}"]).fetchone() is None:
            found = [w for w in suggest_spellings(conn, [word], n=3) if _slip(word, w)]
            out += [(word, found[0])] if found else []
    return out


_PREFIXES = ("a", "de", "dis", "il", "im", "in", "ir", "mis", "non", "un", "anti", "re")


def _slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one typing slip, and not another word made from it by a
    prefix (`inequality`, `amoral`: not misspellings of equality, moral)."""
    made = any(typed == p + word or word == p + typed for p in _PREFIXES)
    inflected = typed.endswith(("ing", "ed"))  # `speeding` is a word, not `spending` mistyped
    return not made and not inflected and edits(typed, word) == 1
