"""Words of queries and names: splitting, quoting for FTS5, crude stems, the verb and noun
forms the stemmer keeps apart, normalised names and lookup keys."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD_CHARS = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)


def quote(words: list[str]) -> str:
    """Words as one quoted FTS5 string (no input can inject FTS syntax)."""
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def split_words(text: str) -> list[str]:
    """Lowercase words; hyphenated and apostrophe words stay whole (`re-elected`)."""
    return [m.group(0).lower() for m in _WORD_CHARS.finditer(text)]


def operand(phrase: str) -> str:
    """A phrase (or hyphenated word) as one FTS5 operand; a trailing possessive is dropped."""
    words = [re.sub(r"['’]s$", "", w) for w in re.split(r"[\s\-'’]+", phrase) if w]
    return quote([w for w in words if w] or [phrase])


@lru_cache(maxsize=65_536)  # building an index stems the same words many times
def stem(word: str) -> str:
    """A crude suffix stripper to match thesaurus and name keys (`re-elected` ~ `re-election`)."""
    word = re.sub(r"['’]s$", "", word)
    for suffix in ("ions", "ion", "ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# Verb <-> noun pairs the porter stemmer keeps apart (dissolve: dissolv, dissolution: dissolut).
# Not "resolve" / "resolution": a resolution of the Government is an act, not a resolving.
_DERIVED = (
    (r"(\w+)lv(?:e|es|ed|ing)", r"\1lution"),
    (r"(\w+)lutions?", r"\1lve"),
    (r"(\w+)duc(?:e|es|ed|ing)", r"\1duction"),
    (r"(\w+)ductions?", r"\1duce"),
    (r"(\w+)sum(?:e|es|ed|ing)", r"\1sumption"),
    (r"(\w+)sumptions?", r"\1sume"),
    (r"(\w+)scrib(?:e|es|ed|ing)", r"\1scription"),
    (r"(\w+)scriptions?", r"\1scribe"),
)


def derived(word: str) -> set[str]:
    """The other part of speech of a word the stemmer cannot bridge: dissolve <-> dissolution,
    reduce <-> reduction, assume <-> assumption, describe <-> description."""
    if word.startswith("resol") or len(word) < 6:
        return set()
    found = (re.fullmatch(pattern, word) for pattern, _ in _DERIVED)
    return {m.expand(r) for m, (_, r) in zip(found, _DERIVED, strict=True) if m}


@lru_cache(maxsize=16_384)
def normal_name(text: str) -> str:
    """A name reduced for comparison: lowercase words, no leading article, crude stems."""
    words = [stem(w) for w in re.split(r"[\s\-]+", " ".join(split_words(text))) if w]
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


def key_of(words: list[str]) -> str:
    """The lookup key of a word sequence: its crude stems."""
    return " ".join(stem(w) for w in words)


def topic_key(text: str) -> str:
    """`Rule of Law`, `rule_of_law`, ` rule-of-law ` -> `rule-of-law`."""
    return "-".join(re.split(r"[\s_\-‐–—]+", text.strip().casefold())).strip("-")
