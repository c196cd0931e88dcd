"""Find references to the Constitution in free text (English, Russian, Kazakh); data only.

The forms are read by refs/parser.py; this module decides which act and edition each names and
resolves it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kzconst.corpus.model import Corpus
from kzconst.refs.grammar import Ref, word_class
from kzconst.refs.parser import Hit, Parser
from kzconst.refs.resolve import Provision, Spec, resolve_spec

# A reference followed by one of these names another act, not the Constitution.
_OTHER_ACT = re.compile(
    r"^[\s,]*(?:of\s+the\s+|of\s+)?(?:[\w-]+\s+){0,3}?(?:code|law|act|decree|regulation|"
    r"convention|covenant|treaty|constitutional\s+law|кодекс|закон|указ|постановлен|конвенц|"
    r"пакт|договор|конституционн|заң|[УГН]К\b|[ГУ]ПК\b|КоАП\b|АПК\b|ТК\b)",
    re.I,
)
_CONSTITUTION_NEXT = re.compile(
    r"^[\s,]*(?:of\s+)?(?:the\s+)?(?:\d{4}\s+)?(?:constitution\b|конституци(?:я|и|ю|ей)\b)", re.I
)
# Another state's constitution: "Constitution of the Russian Federation", "Конституции СССР".
_FOREIGN = re.compile(
    r"^[\s,]*(?:(?:of|to)\s+)?(?:the\s+)?(?:constitution|конституци(?:я|и|ю|ей))\b[\s,]*"
    r"(?:of\s+)?(?:the\s+)?(?:republic\s+of\s+(?!kazakhstan)|республики\s+(?!казахстан)|"
    r"russian|ussr|soviet|kazakh\s+ssr|[^\W\d_]+\s+ssr\b|united\s+states|российской|"
    r"рф\b|ссср|[^\W\d_]+\s+сср\b|кыргыз|киргиз|узбек|беларус|украин)",
    re.I,
)
# "... of the Constitution of 1995", "Конституции Республики Казахстан 1995 года",
# "Конституции РК от 30 августа 1995 года", "the 1995 Constitution".
_EDITION_AFTER = re.compile(
    r"^[\s,]*(?:(?:of|to)\s+)?(?:the\s+)?(?:(?P<y1>\d{4})(?:\s+года)?\s+)?"
    r"(?:constitution|конституци(?:я|и|ю|ей))\b"
    r"(?:\s+(?:of\s+)?(?:the\s+)?(?:republic\s+of\s+kazakhstan|республики\s+казахстан|рк\b))?"
    r"[\s,(]*(?:(?:adopted\s+on|adopted|принят[а-я]*|of|от|dated)\s+)?"
    r"(?:\d{1,2}\s+[^\W\d_]+\s+)?(?P<y2>\d{4})?",
    re.I,
)
# `Article 21 (1995)`: the year of the edition, in brackets.
_YEAR_AFTER = re.compile(r"^\s*\((?P<y1>(?:19|20)\d\d)(?P<y2>)\)")
# The edition just before: "the 1995 Constitution, Article 21", "Constitution of 1995, art. 21",
# "Конституция 1995 года, статья 21".
_EDITION_BEFORE = re.compile(
    r"(?:\b(?P<y1>\d{4})\s+constitution|\b(?:constitution|конституци[а-я]*)\s+"
    r"(?:of\s+(?:the\s+republic\s+of\s+kazakhstan\s+(?:of\s+)?)?|(?:республики\s+казахстан|рк)\s+)?"
    r"(?P<y2>\d{4})(?:\s+(?:года|г\.))?)[\s,:]*$",
    re.I,
)
# "... of the Constitution as amended in 2007", "ст. 15 Конституции (в редакции 2010 года)": the
# 1995 text as it stood then, whatever the default edition.
_AMENDED_AFTER = re.compile(
    r"^[^.;\n]{0,60}?(?:(?:as\s+amended|в\s+редакции|в\s+ред\.)[^.;\n]{0,30}?"
    r"(?P<year>(?:19|20)\d\d)|in\s+(?:the|its)\s+(?P<year2>(?:19|20)\d\d)\s+wording)",
    re.I,
)
# A line that opens with `Статья 1.` (nominative, then a full stop) heads an article of the
# document being read, not a reference to the Constitution.
_OWN_HEADING = re.compile(r"[ \t]*Статья\s+\d+(?:-\d+)?\.\s", re.I)
# Kazakh names the act before the reference: "1995 жылғы Конституцияның 4-бабы",
# "Азаматтық кодекстің 9-бабы".
_ACT_BEFORE = re.compile(r"([^\W\d_]+)[\s,]*$")
_YEAR_BEFORE = re.compile(r"(\d{4})\s+жылғы\s+(?:\d{1,2}\s+[^\W\d_]+\s+)?(?:[^\W\d_]+\s+){0,2}$")


@dataclass(frozen=True, slots=True)
class FoundRef:
    """One provision a reference in the text names, resolved, or why it does not exist."""

    line: int
    column: int
    text: str
    ref: Ref | None  # the reference as parsed, one provision of it
    edition: str
    provision: Provision | None
    message: str  # empty when the provision exists

    @property
    def exists(self) -> bool:
        return self.provision is not None

    @property
    def successors(self) -> tuple[str, ...]:
        return self.provision.article.successors if self.provision else ()

    @property
    def predecessors(self) -> tuple[str, ...]:
        return self.provision.article.predecessors if self.provision else ()


def find_refs(corpus: Corpus, text: str, edition: str) -> list[FoundRef]:
    """Every provision referred to in `text`, in order of appearance, each resolved."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[FoundRef] = []
    labels = {ed: [n for n in corpus.numbers(ed) if n != "preamble"] for ed in corpus.editions}
    cache: dict[tuple[tuple[Spec, ...], str], list[tuple[Ref | None, Provision | None, str]]] = {}
    for hit in Parser(text).parse():
        ed = _edition_of(text, hit, edition)
        if ed is None:
            continue  # another act, or another constitution (1993)
        line = bisect_right(line_starts, hit.start)
        column = hit.start - line_starts[line - 1] + 1
        at_line_start = not text[line_starts[line - 1] : hit.start].strip()
        if at_line_start and _OWN_HEADING.match(text, line_starts[line - 1]):
            continue  # `Статья 1. Настоящий Закон...`: the heading of the document itself
        raw = " ".join(text[hit.start : hit.end].split())
        resolved = cache.get((hit.specs, ed))
        if resolved is None:
            resolved = cache[hit.specs, ed] = [
                r for spec in hit.specs for r in resolve_spec(corpus, spec, ed, labels.get(ed, []))
            ]
        found.extend(FoundRef(line, column, raw, r, ed, p, msg) for r, p, msg in resolved)
    return found


def _edition_of(text: str, hit: Hit, default: str) -> str | None:
    """The edition the reference names, the default when it names none, or None when it names
    another act or another constitution."""
    if hit.kazakh:
        before = text[max(0, hit.start - 100) : hit.start]
        for _ in range(3):  # `Азаматтық кодекстің жалпы бөлімінің 5-бабы`: the act, further back
            word = _ACT_BEFORE.search(before)
            cls = word_class(word.group(1).casefold()) if word else ""
            if word is None or cls == "ACT":
                return None if cls == "ACT" else default
            before = before[: word.start()]
            if cls == "CONST":
                year = _YEAR_BEFORE.search(before)
                return _edition_year(year.group(1) if year else None, default)
        return default
    after = text[hit.after : hit.after + 120]
    if after.startswith(("@1995", "@2026")):  # kzconst's own qualifier, pasted into prose
        return after[1:5]
    if (_OTHER_ACT.match(after) and not _CONSTITUTION_NEXT.match(after)) or _FOREIGN.match(after):
        return None
    amended = _AMENDED_AFTER.match(after)
    if amended and 1995 <= int(amended.group("year") or amended.group("year2")) < 2026:
        return "1995"
    m = _EDITION_AFTER.match(after) or _YEAR_AFTER.match(after)
    named = (m.group("y1") or m.group("y2")) if m is not None else None
    if named is None:  # `the 1995 Constitution, Article 21`
        m = _EDITION_BEFORE.search(text, max(0, hit.head - 80), hit.head)
        named = (m.group("y1") or m.group("y2")) if m is not None else None
    return _edition_year(named, default)


def _edition_year(year: str | None, default: str) -> str | None:
    if year is None:
        return default
    return year if year in ("1995", "2026") else None
