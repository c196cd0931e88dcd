"""The user's search syntax -> a safe SQLite FTS5 expression.

Supported: words, "quoted phrases", prefixes `data*`, AND / OR / NOT (upper case), parentheses,
implicit AND. Every word reaches FTS5 inside double quotes, so no input can inject FTS syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kzconst.errors import UsageError

MAX_QUERY_LENGTH = 10_000
MAX_TERMS = 64
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<lp>\()|(?P<rp>\))|(?P<word>[^\s()"]+)')
_WORD_CHARS = re.compile(r"[\w]+(?:['’][\w]+)*", re.UNICODE)
OPERATORS = ("AND", "OR", "NOT")


@dataclass
class Query:
    """A parsed query: the FTS5 expression and the plain terms (for snippets, suggestions)."""

    fts: str
    terms: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)


def _quote(words: list[str]) -> str:
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def _words(text: str) -> list[str]:
    return [m.group(0).lower() for m in _WORD_CHARS.finditer(text)]


def parse_query(text: str, aliases: dict[str, tuple[str, ...]] | None = None) -> Query:
    """Parse user input into a Query.

    Raises:
        UsageError: empty input, only operators, or longer than MAX_QUERY_LENGTH.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError(f"query too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})")
    if not text.strip():
        raise UsageError("empty query: give words to search for, e.g. kzconst search privacy")
    query = Query(fts="")
    parts: list[str] = []  # FTS5 tokens: quoted strings, AND/OR/NOT, parentheses
    depth = 0
    for m in _TOKEN.finditer(text):
        if m.group("lp") is not None:
            parts.append("(")
            depth += 1
        elif m.group("rp") is not None:
            if depth > 0:
                parts.append(")")
                depth -= 1
        elif m.group("phrase") is not None:
            words = _words(m.group("phrase"))
            if words:
                parts.append(_expand(_quote(words), " ".join(words), aliases))
                query.phrases.append(" ".join(words))
                query.terms.extend(words)
        else:
            word = m.group("word")
            if word in OPERATORS:
                parts.append(word)
                continue
            prefix = word.endswith("*")
            words = _words(word)
            if not words:
                continue
            if prefix and len(words) == 1:
                parts.append(_quote(words) + "*")
                query.prefixes.append(words[0])
            else:
                parts.append(_expand(_quote(words), " ".join(words), aliases))
            query.terms.extend(words)
        if len(query.terms) > MAX_TERMS:
            raise UsageError(f"too many search terms (at most {MAX_TERMS})")
    parts.extend(")" * depth)
    fts = _tidy(parts)
    if not fts:
        raise UsageError("the query has no words to search for (only operators or punctuation)")
    query.fts = _expand_alias_phrases(fts, text, aliases)
    return query


def _expand(quoted: str, words: str, aliases: dict[str, tuple[str, ...]] | None) -> str:
    """A single word or phrase that is a known name -> OR of all its spellings."""
    if not aliases:
        return quoted
    group = _alias_group(words, aliases)
    if not group:
        return quoted
    alternatives = sorted({_quote(_words(name)) for name in group if _words(name)})
    return "(" + " OR ".join(alternatives) + ")"


def _alias_group(words: str, aliases: dict[str, tuple[str, ...]]) -> list[str]:
    for name, alts in aliases.items():
        names = (name, *alts)
        if any(" ".join(_words(n)) == words for n in names):
            return list(names)
    return []


def _expand_alias_phrases(fts: str, text: str, aliases: dict[str, tuple[str, ...]] | None) -> str:
    """Multi-word names typed without quotes (People's Council) -> OR with their spellings."""
    if not aliases:
        return fts
    flat = " ".join(_words(text))
    extra: list[str] = []
    for name, alts in aliases.items():
        names = (name, *alts)
        typed = [
            n for n in names if len(_words(n)) > 1 and f" {' '.join(_words(n))} " in f" {flat} "
        ]
        if typed:
            extra.extend(sorted({_quote(_words(n)) for n in names if _words(n)}))
    if not extra:
        return fts
    return f"({fts}) OR " + " OR ".join(extra)


def _tidy(parts: list[str]) -> str:
    """Drop operators in impossible places; FTS5 would reject them with a syntax error."""
    out: list[str] = []
    for tok in parts:
        if tok in OPERATORS:
            if not out or out[-1] in OPERATORS or out[-1] == "(":
                continue  # leading or doubled operator
            out.append(tok)
        elif tok == ")":
            while out and out[-1] in OPERATORS:
                out.pop()
            if out and out[-1] == "(":
                out.pop()  # empty group
                continue
            if out:
                out.append(tok)
        else:
            out.append(tok)
    while out and out[-1] in OPERATORS:
        out.pop()
    # balance parentheses that lost their partner above
    balanced: list[str] = []
    depth = 0
    for tok in out:
        if tok == "(":
            depth += 1
        elif tok == ")":
            if depth == 0:
                continue
            depth -= 1
        balanced.append(tok)
    balanced.extend(")" * depth)
    while balanced and balanced[-1] == "(":
        balanced.pop()
    return " ".join(balanced).replace("( ", "(").replace(" )", ")")
