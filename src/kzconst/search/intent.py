"""What a question asks for beyond its words: an age, a term, a number of members. "How long
does the Prosecutor General serve" is answered by the paragraph that names a term in years,
"can a 35 year old become President" by the one that sets an age; the law spells numbers in
words ("forty years of age"), so a number typed in digits is also searched in words."""

from __future__ import annotations

import re

# intent -> (what signals it, the words it uses up, the FTS5 operands of a paragraph that
# answers it). The used-up words say *what kind* of answer is wanted, not what it is about:
# "serve" in "how long does the Prosecutor General serve" is not a word of the answer (84(3):
# "The term of office of the Prosecutor General is six years").
_DURATION = (
    r"\bhow\s+long\b|\bhow\s+many\s+years\b|\bhow\s+often\b|\bterms?\b|\btenure\b"
    r"|\bсколько\s+лет\b|\bкак\s+долго\b|\bсрок\w*|\bнеше\s+жыл\w*|\bмерзім\w*"
)
INTENTS: dict[str, tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]] = {
    "duration": (
        re.compile(_DURATION, re.IGNORECASE),
        re.compile(
            r"\bhow\s+long\b|\bfor\s+how\s+many\s+years\b|\bhow\s+many\s+years\b|\bhow\s+often\b"
            r"|\bserv(?:e|es|ed|ing)\b|\blasts?\b|\bstays?\b|\bin\s+office\b"
            r"|\bна\s+сколько\s+лет\b|\bсколько\s+лет\b|\bкак\s+долго\b|\bнеше\s+жыл\w*",
            re.IGNORECASE,
        ),
        ('NEAR("term" "years", 14)',),
    ),
    "age": (
        re.compile(
            r"\bhow\s+old\b|\byears?[\s-]+old\b|\bage[ds]?\b|\bhow\s+young\b|\bminimum\s+age\b"
            r"|\bвозраст\w*|\bжас\w*",
            re.IGNORECASE,
        ),
        re.compile(r"\bhow\s+old\b|\bhow\s+young\b|\byears?[\s-]+old\b|\bminimum\b", re.IGNORECASE),
        ('"years of age"', '"age of"', '"younger than"', '"older than"'),
    ),
    "count": (
        re.compile(
            r"\bhow\s+many\b(?!\s+years\b)|\bnumber\s+of\s+(?:seats|members)\b"
            r"|\bсколько\b(?!\s+лет\b)|\bқанша\b(?!\s+жыл)",
            re.IGNORECASE,
        ),
        re.compile(r"\bhow\s+many\b|\bseats?\b|\bnumber\s+of\b|\bсколько\b|\bқанша\b", re.I),
        ('"consists of"', '"composed of"', '"consisting of"'),
    ),
}
_PLAIN = re.compile(r'^[^"()]*$')


def read_intents(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without the words that only say what kind of answer is wanted, and the intents
    (see INTENTS). A query with quotes, parentheses or operators is taken as written."""
    if not _PLAIN.match(text) or re.search(r"\b(?:AND|OR|NOT)\b", text):
        return text, ()
    found = tuple(name for name, (signal, _, _) in INTENTS.items() if signal.search(text))
    for name in found:
        rest = INTENTS[name][1].sub(" ", text)
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
