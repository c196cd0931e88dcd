"""Cyrillic queries and references typed into search: the Russian/Kazakh glossary match, the
words it skips, and `ст. 21` / `Article 21` / `21-бап` recognised as references."""

from __future__ import annotations

import re
from functools import lru_cache

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Russian and Kazakh question words, prepositions and conjunctions (the glossary skips them).
CYRILLIC_STOPWORDS = frozenset(
    """в во на и или по о об обо с со к ко для из от до за при без как что кто где когда
    сколько ли не ни это есть ли является какой какая какие каков какова может могут можно
    нужно надо у мой моя мое моё мои меня мне я вы мы он она они его её ее их этот эта эти
    то же бы а но чем чей чья также ст статья статьи статье
    және мен бен пен туралы қалай кім не неше қанша қай қандай бойынша үшін ма ме ба бе па пе
    бар жоқ да де та те ғой""".split()
)


def has_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


@lru_cache(maxsize=1)
def _reference() -> re.Pattern[str]:
    """A reference typed into search: `ст. 21`, `Article 21(1)`, `21-бап` (compiled on demand:
    a pattern with Cyrillic and IGNORECASE costs milliseconds)."""
    return re.compile(
        r"(?:(?:\b(?:article|art|arts|ст|статья|статьи|статье|статью|бап)\.?\s*"
        r"(?P<a>\d+(?:-\d+)?)(?P<p>\(\d+\))?)|(?:\b(?P<b>\d+)\s*-?\s*(?:бап|баб)\w*))"
        r"(?P<e>@(?:1995|2026))?",  # `ст. 21@1995`: the reference keeps its edition
        re.IGNORECASE,
    )


def find_reference(text: str) -> str | None:
    """The provision a reference typed into search names (`ст. 21` -> "21"), or None."""
    if not any(ch.isdigit() for ch in text):
        return None
    m = _reference().search(text)
    if m is None:
        return None
    ref = (m.group("a") + (m.group("p") or "")) if m.group("a") else m.group("b")
    return ref + (m.group("e") or "")


def strip_reference(text: str) -> str:
    """The text without the reference in it."""
    return _reference().sub(" ", text)


def stem_matches(stem: str, word: str) -> bool:
    """A glossary stem matches a word that starts with it; a stem that is a whole word ending in
    a vowel, й or ь also matches that word with another ending (курултай ~ Курултае)."""
    if word.startswith(stem):
        return True
    return len(stem) >= 5 and stem[-1] in "аеёиоуыэюяйьі" and word.startswith(stem[:-1])


def glossary_match(run: list[str], glossary: dict[str, tuple[str, ...]]) -> tuple[int, str] | None:
    """The glossary key whose stems match the most words from the start of `run` (in order,
    skipping Cyrillic prepositions and conjunctions), and how many words it used; or None."""
    best: tuple[int, int, str] | None = None  # (stems matched, words used, key)
    for key in glossary:
        stems = key.split()
        pos, k = 0, 0
        while k < len(stems) and pos < len(run):
            if stem_matches(stems[k], run[pos]):
                k += 1
                pos += 1
            elif k > 0 and run[pos] in CYRILLIC_STOPWORDS:
                pos += 1
            else:
                break
        if k == len(stems) and (best is None or (k, len(key)) > (best[0], len(best[2]))):
            best = (k, pos, key)
    return None if best is None else (best[1], best[2])


def suggest_english(words: list[str], glossary: dict[str, list[str]]) -> list[str]:
    """English terms of the glossary entries that begin most like the untranslated words (a
    misspelt or unlisted Russian or Kazakh word), as examples of an English query."""
    out: list[str] = []
    for word in words:
        best = max(((_common(word, key), key) for key in glossary), default=(0, ""))
        if best[0] >= 4:
            out.extend(e for e in glossary[best[1]] if e not in out)
    return out[:3]


def _common(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
