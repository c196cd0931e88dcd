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
# Question words of queries typed as questions ("how is the constitution amended"); only
# dropped from unquoted text with other words left over.
STOPWORDS = frozenset(
    "a an and are as at be by can do does for from how in into is it of on or the their "
    "there to what when where which who whom why with".split()
)


@dataclass
class Query:
    """A parsed query: the FTS5 expression and the plain terms (for snippets, suggestions).

    `loose` is the same query with its implicit ANDs turned into ORs, for when the strict one
    finds nothing.
    """

    fts: str
    loose: str = ""
    terms: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)


def _quote(words: list[str]) -> str:
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def _words(text: str) -> list[str]:
    return [m.group(0).lower() for m in _WORD_CHARS.finditer(text)]


def topic_aliases(topics: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Topic ids as names whose spellings are the phrases of their description:
    `privacy` -> "private life", "personal and family secrets"."""
    return {
        tid.replace("-", " "): tuple(p.strip() for p in desc.split(",") if p.strip())
        for tid, desc in topics.items()
    }


def parse_query(text: str, aliases: dict[str, tuple[str, ...]] | None = None) -> Query:
    """Parse user input into a Query; names in `aliases` expand to all their spellings.

    Raises:
        UsageError: empty input, only operators, or longer than MAX_QUERY_LENGTH.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError(f"query too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})")
    if not text.strip():
        raise UsageError("empty query: give words to search for, e.g. kzconst search privacy")
    query = Query(fts="")
    tokens = _tokens(text, query)
    if len(query.terms) > MAX_TERMS:
        raise UsageError(f"too many search terms (at most {MAX_TERMS})")
    plain = [v for k, v in tokens if k == "word"]
    if any(v not in STOPWORDS for v in plain):
        tokens = [(k, v) for k, v in tokens if k != "word" or v not in STOPWORDS]
    names = _name_index(aliases or {})
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "word":
            # the longest run of plain words that is a known name (People's Council)
            for j in range(min(len(tokens), i + 6), i, -1):
                run = tokens[i:j]
                key = " ".join(v for _, v in run)
                if all(k == "word" for k, _ in run) and key in names:
                    parts.append(_group(names[key]))
                    i = j
                    break
            else:
                parts.append(_quote([value]))
                i += 1
            continue
        if kind == "phrase":
            parts.append(_group(names[value]) if value in names else _quote(value.split()))
        elif kind == "prefix":
            parts.append(_quote([value]) + "*")
        else:
            parts.append(value)
        i += 1
    fts = _tidy(parts)
    if not fts:
        raise UsageError("the query has no words to search for (only operators or punctuation)")
    query.fts = fts
    if not any(k == "op" for k, _ in tokens):
        query.loose = _tidy([p for part in parts for p in (part, "OR")][:-1])
    return query


def _tokens(text: str, query: Query) -> list[tuple[str, str]]:
    """("word", w) | ("phrase", "w w") | ("prefix", w) | ("op", AND / OR / NOT / ( / ))."""
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(text):
        if m.group("lp") is not None:
            out.append(("op", "("))
        elif m.group("rp") is not None:
            out.append(("op", ")"))
        elif m.group("phrase") is not None:
            words = _words(m.group("phrase"))
            if words:
                out.append(("phrase", " ".join(words)))
                query.phrases.append(" ".join(words))
                query.terms.extend(words)
        else:
            word = m.group("word")
            if word in OPERATORS:
                out.append(("op", word))
                continue
            words = _words(word)
            if word.endswith("*") and len(words) == 1:
                out.append(("prefix", words[0]))
                query.prefixes.append(words[0])
            else:
                out.extend(("word", w) for w in words)
            query.terms.extend(words)
    return out


def _name_index(aliases: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Every spelling of every name (lowercased words) -> all spellings of that name."""
    index: dict[str, set[str]] = {}
    for name, alternatives in aliases.items():
        spellings = {" ".join(_words(n)) for n in (name, *alternatives)} - {""}
        for spelling in spellings:
            index.setdefault(spelling, set()).update(spellings)
    return {k: sorted(v) for k, v in index.items()}


def _group(spellings: list[str]) -> str:
    if len(spellings) == 1:
        return _quote(spellings[0].split())
    return "(" + " OR ".join(_quote(s.split()) for s in spellings) + ")"


def _tidy(parts: list[str]) -> str:
    """Make the token list valid FTS5: explicit AND between operands, no stray operators,
    balanced parentheses; `AND NOT` is FTS5's binary NOT."""
    out: list[str] = []
    depth = 0
    for tok in parts:
        if tok in OPERATORS:
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
