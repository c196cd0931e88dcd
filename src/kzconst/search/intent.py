"""What a question asks for beyond its words: a term, an age, a number of members, a body's
powers, who appoints someone, the old law. "How long does the Prosecutor General serve" is
answered by the paragraph that names a term in years, "how old must the President be" by the
one that sets an age; the law spells numbers in words ("forty years of age"), so a number typed
in digits is searched in words."""

from __future__ import annotations

import re
from typing import NamedTuple


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class Intent(NamedTuple):
    """What signals an intent in a question; the words it uses up, which say *what kind* of
    answer is wanted, not what it is about ("serve" in "how long does the Prosecutor General
    serve": 84(3) says "The term of office of the Prosecutor General is six years"); the FTS5
    operands of a row that answers it, the kind of that row, and the shape its text must have."""

    signal: re.Pattern[str]
    used_up: re.Pattern[str]
    answer: tuple[str, ...]
    kind: str = "text"
    shape: re.Pattern[str] | None = None


_DURATION = (
    r"\bhow\s+long\b|\bhow\s+many\s+years\b|\bhow\s+often\b|\bterm\b|\btenure\b"
    r"|\bterms\b(?!\s+of\b(?!\s+office))"  # not "the terms of a treaty"
    r"|\bсколько\s+лет\b|\bкак\s+долго\b|\bсрок\w*|\bнеше\s+жыл\w*|\bмерзім\w*"
)
_NOTHING = re.compile(r"(?!)")
_PASSIVE = ("appointed", "elected", "formed", "released", "nominated", "removed", "dismissed")
_WHO = (  # "who appoints X": the English verbs
    r"\bwho\s+(?:\w+\s+)?(?:appoints?|elects?|dismiss(?:es)?|removes?|forms?|nominates?"
    r"|chooses?|picks?|selects?|names?|fires?|sacks?|releases?)\b"
)
INTENTS: dict[str, Intent] = {
    "duration": Intent(
        _re(_DURATION),
        _re(
            r"\bhow\s+long\b|\bfor\s+how\s+many\s+years\b|\bhow\s+many\s+years\b|\bhow\s+often\b"
            r"|\bserv(?:e|es|ed|ing)\b|\blasts?\b|\bstays?\b|\bin\s+office\b"
            r"|\bна\s+сколько\s+лет\b|\bсколько\s+лет\b|\bкак\s+долго\b|\bнеше\s+жыл\w*"
        ),
        ('NEAR("term" "years", 14)',),
    ),
    "age": Intent(
        _re(
            r"\bhow\s+old\b|\byears?[\s-]+old\b|(?<!\bold\s)\bage[ds]?\b|\bhow\s+young\b"
            r"|\bminimum\s+age\b"
            r"|\bвозраст\w*|\bжас\w*"
        ),
        _re(r"\bhow\s+old\b|\bhow\s+young\b|\byears?[\s-]+old\b|\bminimum\b"),
        ('"years of age"', '"age of"', '"younger than"', '"older than"'),
    ),
    "count": Intent(
        _re(
            r"\bhow\s+many\b(?!\s+years\b)|\bnumber\s+of\s+(?:seats|members)\b"
            r"|\bсколько\b(?!\s+лет\b)|\bқанша\b(?!\s+жыл)"
        ),
        _re(r"\bhow\s+many\b|\bseats?\b|\bnumber\s+of\b|\bсколько\b|\bқанша\b"),
        ('"consists of"', '"composed of"', '"consisting of"'),
    ),
    # "what does the Qazaqstan Halyq Kenesi do": the article on its powers (71), not the one
    # that says what it is (70); answered by a title that is about powers ("Powers of ...",
    # "...: powers"), not one that names them in passing ("executive power", 63).
    "powers": Intent(
        _re(
            r"\bwhat\s+(?:does|do|can|did|may)\b.*\bdo\b|\b(?:powers?|functions?|competence|role)"
            r"\s+of\b|\bresponsible\s+for\b"
        ),
        _re(r"\b(?:powers?|functions?|competence|role)\s+of\b"),  # the answer's title says it
        ('"powers"', '"functions"', '"competence"'),
        "title",
        _re(r"^(?:powers|functions|competence)\b|:\s*(?:powers|functions|competence)\b"),
    ),
    # "who appoints the Vice President": the article on that office, whose paragraph says it
    # is appointed and by whom (49(1)), over the list of the President's powers (46(2)).
    "agent": Intent(
        _re(
            _WHO + r"|\bкто\s+(?:\w+\s+)?(?:назнача|избира|освобожда|увольня|формиру)\w*"
            r"|\bкім\s+(?:\w+\s+)?(?:тағайында|сайла)\w*"
        ),
        _NOTHING,
        tuple(f'"{verb}"' for verb in _PASSIVE),
        "text",
        _re(rf"\b(?:is|are)\s+(?:\w+\s+){{0,2}}?(?:{'|'.join(_PASSIVE)})\b"),
    ),
    # "are laws passed before 2026 still valid", "what happened to the old parliament": the
    # final and transitional provisions are not ranked down (see search.rank).
    "transition": Intent(
        _re(
            r"\b(?:19|20)\d\d\b|\b(?:former|previous|prior|existing|earlier|transition\w*)\b"
            r"|\bold\b(?!\s+age\b)"
            r"|\bno\s+longer\b|\banymore\b|\bnew\s+constitution\b"
        ),
        _NOTHING,
        (),
    ),
}
_PLAIN = re.compile(r'^[^"()]*$')


def read_intents(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without the words that only say what kind of answer is wanted, and the intents
    (see INTENTS). A query with quotes, parentheses or operators is taken as written."""
    if not _PLAIN.match(text) or re.search(r"\b(?:AND|OR|NOT)\b", text):
        return text, ()
    found = tuple(name for name, intent in INTENTS.items() if intent.signal.search(text))
    for name in found:
        rest = INTENTS[name].used_up.sub(" ", text)
        if rest.split():
            text = rest
    return text, found


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """0 <= n < 1000 in words as the corpus writes them: "one hundred and forty-five"."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    return f"{_UNITS[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")


def spelt_number(word: str) -> set[str]:
    """A number typed in digits as the law spells it: `40` -> forty, `7-year` -> seven-year
    (which also finds "seven years"); nothing for any other word."""
    m = re.fullmatch(r"([0-9]{1,3})(?:-(years?|months?|days?|hours?))?", word)
    if m is None:
        return set()
    words = number_words(int(m.group(1)))
    return {f"{words}-{m.group(2).rstrip('s')}" if m.group(2) else words}


_OBJECT = _re(_WHO + r"\s+(?:the\s+|a\s+|an\s+)?(?P<object>[^\W\d_][\w\s'’-]*?)\s*(?:[?.!]|$)")


def asked_about(text: str) -> str:
    """What a "who appoints X" question names, as typed: `the Chair of the Kurultai` ->
    "chair of the kurultai" ("" for any other question)."""
    m = _OBJECT.search(text)
    return " ".join(m.group("object").lower().split()) if m else ""
