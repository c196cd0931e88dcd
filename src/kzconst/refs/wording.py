"""Which wording of a 1995 provision a time phrase names (`as amended in 2022`, `as of 2010`,
`before the 2022 reform`, `в ред. Закона № 403-IV`), and the day that wording is read on."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from kzconst.corpus.model import Corpus, History
from kzconst.refs.resolve import Provision

ORIGINAL_DAY = "1995-09-05"
LAST_1995_DAY = "2026-06-30"


class When(NamedTuple):
    """A time phrase: `amended` (the wording made by the latest law dated on or before `value`,
    an ISO day, or by the law numbered `value`), `on` (in force on the day `value`), `before`
    (the day before the first law of the year `value` took effect)."""

    how: str
    value: str
    said: str  # the phrase, for the note


_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("january", "январ"),
            ("february", "феврал"),
            ("march", "март", "марта"),
            ("april", "апрел"),
            ("may", "мая", "май"),
            ("june", "июн"),
            ("july", "июл"),
            ("august", "август"),
            ("september", "сентябр"),
            ("october", "октябр"),
            ("november", "ноябр"),
            ("december", "декабр"),
        ),
        1,
    )
    for m in names
}
_YEAR = r"(?:199[5-9]|20[0-2]\d)"
FIRST_1995_DAY = "1995-09-05"  # the original text's first day in force
_DATE = (
    rf"(?:\d{{1,2}}\s+[^\W\d_]+\s+{_YEAR}|\d{{1,2}}\.\d{{1,2}}\.{_YEAR}|{_YEAR}-\d\d-\d\d|"
    rf"[A-Za-z]+\s+\d{{1,2}},\s+{_YEAR})(?:\s*(?:года|г\.?))?"
)
_YEARS = rf"{_YEAR}(?:(?:\s*,\s*|\s+(?:and|и|or)\s+){_YEAR})*(?:\s*(?:года|г\.?))?"
_REFORM = r"(?:constitutional\s+)?(?:amendments?|reforms?|revisions?|changes|referendums?)"
# Between the reference and the phrase: `of the Constitution`, `Конституции 1995 г.`, `(`.
_LEAD = r"^(?:[^.;\n]|(?<=\sг)\.|(?<=изм)\.|(?<=доп)\.){0,60}?"
_AFTER = re.compile(
    _LEAD + r"(?:"
    rf"(?:as\s+amended\s+by|amended\s+by|в\s+ред(?:\.|акции)|с\s+изменениями,?\s+внесенными)"
    rf"\s+(?:the\s+)?(?:law|закона|законом)\b[^()\n]{{0,60}}?(?:no\.?|№)\s*(?P<num>\d+-[IVX]+)"
    rf"|(?:as\s+amended\s+by|в\s+ред(?:\.|акции))\s+(?:the\s+)?(?:law|закона)\s+(?:рк\s+)?"
    rf"(?:of|от)\s+(?P<lawday>{_DATE})"
    rf"|(?:по\s+состоянию\s+на|as\s+(?:of|at)|as\s+in\s+force\s+on|in\s+force\s+on)\s+"
    rf"(?:(?P<onday>{_DATE})|(?P<onyear>{_YEAR})\b)"
    rf"|(?:in\s+the\s+wording\s+of|в\s+ред(?:\.|акции)\s+от|as\s+amended\s+on)\s+"
    rf"(?P<amday>{_DATE})"
    rf"|(?:(?:as\s+it\s+stood|as\s+in\s+force)\s+)?before\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?"
    rf"(?P<before>{_YEAR})"
    rf"(?:\s+{_REFORM})?"
    rf"|(?:в\s+редакции\s+|в\s+ред\.\s*)?до\s+(?:(?:поправок|реформы|изменений)\s+)?"
    rf"(?P<before2>{_YEAR})"
    rf"|(?:as\s+amended|as\s+it\s+stood|as\s+in\s+force|в\s+редакции|в\s+ред\.|с\s+изменениями|"
    rf"с\s+изм\.(?:\s+и\s+доп\.)?|\(amended)(?:(?!before|until|до\s)[^.;\n]){{0,30}}?"
    rf"(?P<years>{_YEARS})"
    rf"|in\s+(?:the|its)\s+(?P<year2>{_YEAR})\s+(?:wording|version|edition|text)"
    rf"|after\s+the\s+(?P<year3>{_YEAR})\s+{_REFORM}"
    r"|(?P<original>(?:in\s+(?:its|the)\s+|\(|the\s+)?original\s+(?:wording|text|version|constitution)"
    r"|as\s+(?:originally\s+)?adopted(?:\s+in\s+1995)?|в\s+первоначальной\s+редакции)"
    r")",
    re.I,
)
# A word every phrase of _AFTER has; without one in reach, _AFTER cannot match.
_AFTER_HINT = re.compile(
    r"amend|ред|stood|force|before|до\s|wording|version|edition|text|after|original|adopted|"
    r"состоян|изм|as\s+(?:of|at)|первонач",
    re.I,
)
_PHRASE = re.compile(
    r"as\s|amended|в\s+ред|с\s+изм|по\s+сост|in\s+(?:the|its|force)|before|after|до\s|"
    r"original|в\s+перв",
    re.I,
)
# `In 2005, Article 41 provided...`: the law as it stood that year.
_BEFORE = re.compile(
    rf"(?:^|[.;!?]\s+|\n)\s*(?:(?:in|as\s+of|в)\s+(?P<year>{_YEAR})(?:\s+году)?"
    rf"|(?P<how>before|until|up\s+to|prior\s+to|(?:в\s+редакции\s+)?до)\s+(?:the\s+)?"
    rf"(?:(?:поправок|реформы|изменений)\s+)?(?P<until>{_YEAR})(?:\s+(?:года|г\.))?"
    rf"(?:\s+{_REFORM})?"
    rf"|(?:as\s+amended\s+in|in\s+the|в\s+редакции)\s+(?P<amended>{_YEAR})"
    rf"(?:\s+(?:wording|version|text|года|г\.))?"
    rf"|(?:the\s+)?(?P<wording>{_YEAR})\s+(?:wording|version|text)\s+of(?:\s+the)?"
    rf"|(?:the\s+|in\s+the\s+)?(?P<original>original)),?\s*$",
    re.I,
)


def when_after(after: str) -> When | None:
    """The time phrase right after a reference (`..., as amended in 2007`), if it names a
    wording before 1 July 2026."""
    if not _AFTER_HINT.search(after, 0, 100):  # most references name no wording: be quick
        return None
    m = _AFTER.match(after)
    if m is None:
        return None
    said = " ".join(after[_phrase_start(m) : m.end()].split())
    g = m.groupdict()
    if g["num"]:
        return When("law", g["num"].upper(), said)
    for key, how in (("lawday", "amended"), ("amday", "amended"), ("onday", "on")):
        if g[key]:
            day = parse_day(g[key])
            return When(how, day, said) if day and day <= LAST_1995_DAY else None
    if g["onyear"]:
        return When("on", f"{g['onyear']}-12-31", said)
    if g["before"] or g["before2"]:
        return When("before", g["before"] or g["before2"], said)
    if g["original"]:  # the text as adopted, in force from 5 September 1995
        return When("on", FIRST_1995_DAY, said)
    years = re.findall(_YEAR, g["years"] or g["year2"] or g["year3"] or "")
    if not years or max(years) >= "2026":  # `as amended in 2027`: not a 1995 wording
        return None
    return When("amended", f"{max(years)}-12-31", said)


def _phrase_start(m: re.Match[str]) -> int:
    """Where the phrase itself begins (past `of the Constitution`)."""
    text = m.group()
    found = _PHRASE.search(text)
    return found.start() if found else 0


def when_before(before: str) -> When | None:
    """`In 2005, Article 41 ...`: the wording in force on 31 December of that year; `Before the
    2022 reform, Article 50 ...`: the wording in force before that year's first change."""
    m = _BEFORE.search(before)
    if m is None:
        return None
    said = " ".join(m.group().strip(" ,.;").split())
    if m.group("until"):  # `Before the 2022 reform, Article 50 ...`
        return When("before", m.group("until"), said)
    year = m.group("amended") or m.group("wording")
    if year:  # `As amended in 2017, Article 45 ...` (2026 and after: the new text's years)
        return When("amended", f"{year}-12-31", said) if year < "2026" else None
    if m.group("original"):  # `the original Article 41`
        return When("on", FIRST_1995_DAY, said)
    if m.group("year") >= "2026":  # `In 2026 Article 50 ...`: the new Constitution's year
        return None
    return When("on", f"{m.group('year')}-12-31", f"in {m.group('year')}")


def parse_day(text: str) -> str | None:
    """`21 May 2007`, `7 октября 1998 г.`, `02.02.2011`, `2007-05-21`, `May 21, 2007` -> ISO."""
    words = re.findall(r"[^\W\d_]+|\d+", text.casefold())
    nums = [int(w) for w in words if w.isdigit()]
    month = next((_month(w) for w in words if not w.isdigit() and _month(w)), None)
    try:
        if "-" in text and len(nums) == 3:
            return date(nums[0], nums[1], nums[2]).isoformat()
        if month is None and len(nums) == 3:
            return date(nums[2], nums[1], nums[0]).isoformat()
        if month is not None and len(nums) == 2:
            day, year = (nums[0], nums[1]) if nums[0] <= 31 else (nums[1], nums[0])
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    return None


def _month(word: str) -> int | None:
    return next((n for stem, n in _MONTHS.items() if word.startswith(stem)), None)


def _histories(p: Provision) -> list[History]:
    """The histories of a provision and every unit inside it."""
    out: list[History | None] = []
    if p.item is not None:
        out.append(p.item.history)
    elif p.paragraph is not None:
        out += [p.paragraph.history, *(it.history for it in p.paragraph.items)]
    else:
        out.append(p.article.history)
        for para in p.article.paragraphs:
            out += [para.history, *(it.history for it in para.items)]
    return [h for h in out if h is not None]


def changes(p: Provision) -> list[tuple[str, str]]:
    """(first day, law id) of every wording of the provision and of the units inside it, its
    exclusion included."""
    found: list[tuple[str, str]] = []
    for h in _histories(p):
        found += [(w.start, w.law) for w in h.wordings]
        if h.since:
            found.append((h.since, h.since_law))
        if h.excluded_from:
            found.append((h.excluded_from, h.excluded_law))
    return found


def _law_date(corpus: Corpus, law_id: str) -> str:
    law = corpus.laws.get(law_id)
    return law.date if law is not None else law_id


def wording_day(corpus: Corpus, p: Provision, when: When) -> tuple[str, str]:
    """The day a provision is read on for a time phrase, and the note saying why."""
    if when.how == "law":
        law = next((x for x in corpus.laws.values() if x.number.upper() == when.value), None)
        if law is None:
            return "", f"{when.said}: no amending law numbered {when.value} is known; not dated"
        when = When("amended", law.date, when.said)
    if when.how == "on":
        if when.value in corpus.laws:  # a consolidated text is dated by its amending law
            when = When("amended", when.value, when.said)
        else:
            return when.value, f"{when.said}: the wording in force on {when.value}"
    if when.how == "before":
        return _before(corpus, p, when)
    made = [(s, law) for s, law in changes(p) if _law_date(corpus, law) <= when.value]
    if not made or max(made)[1] == "1995":
        return ORIGINAL_DAY, (
            f"{when.said}: no law dated on or before {when.value} changed it; the original "
            f"wording (in force from {ORIGINAL_DAY})"
        )
    start, law_id = max(made)
    return start, (
        f"{when.said}: the wording made by the law of {_law_date(corpus, law_id)}, in force "
        f"from {start}"
    )


def _before(corpus: Corpus, p: Provision, when: When) -> tuple[str, str]:
    """The day before the first law of the year took effect for the provision."""
    starts = [s for s, law in changes(p) if law[:4] == when.value and law != "1995"]
    laws = [x.in_force or x.date for x in corpus.laws.values() if x.date[:4] == when.value]
    first = min(starts or laws or [f"{when.value}-01-01"])
    day = (date.fromisoformat(first) - timedelta(days=1)).isoformat()
    day = max(day, ORIGINAL_DAY)
    return day, f"{when.said}: the wording in force on {day}, the day before {first}"
