"""Find references to the Constitution in free text (English, Russian, Kazakh); data only.

The text is cut into tokens once and read left to right by a small parser; every token is looked
at a bounded number of times, so a long line costs what the same references on separate lines
cost (no regular expression runs over the rest of a line per match).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from kzconst.corpus.model import Corpus
from kzconst.refs.grammar import Ref, word_class
from kzconst.refs.resolve import Provision, Spec, resolve_spec

# One pass: a number (`21`, `83-1`, `21-23`), a word in any script, or one other character.
_TOKEN = re.compile(r"(?P<num>[0-9]+(?:-[0-9]+)?)|(?P<word>[^\W\d_]+)|(?P<sym>\S)")
MAX_LIST = 100  # numbers in one list (`статьи 17, 18 и 21`)
_DASHES = ("-", "–", "—")  # hyphen, en dash, em dash: range marks
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


class _Hit(NamedTuple):
    start: int  # character offsets in the text
    end: int
    specs: tuple[Spec, ...]
    kazakh: bool  # the act is named before the reference, not after


class _Tokens:
    """The token list, and the pieces every form is made of; methods return the next index."""

    def __init__(self, text: str) -> None:
        found = [
            (m.lastgroup or "sym", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)
        ]
        self.kind = [k if k != "num" or _short(v) else "sym" for k, v, _, _ in found]
        self.val = [v.casefold() if k == "word" else v for k, v, _, _ in found]
        self.cls = [
            word_class(v) if k == "word" else "" for k, v in zip(self.kind, self.val, strict=True)
        ]
        self.start = [s for _, _, s, _ in found]
        self.end = [e for _, _, _, e in found]
        self.n = len(self.kind)

    def is_sym(self, i: int, chars: str | tuple[str, ...]) -> bool:
        return i < self.n and self.kind[i] == "sym" and self.val[i] in chars

    def is_cls(self, i: int, *classes: str) -> bool:
        return i < self.n and self.cls[i] in classes

    def is_num(self, i: int) -> bool:
        return i < self.n and self.kind[i] == "num"

    def is_small(self, i: int) -> bool:
        """A number that may continue a list: not a year or an amount (`Art. 21, 1995`)."""
        return self.is_num(i) and len(self.val[i].partition("-")[0]) <= 3

    def skip(self, i: int, chars: str) -> int:
        return i + 1 if self.is_sym(i, chars) else i

    def element(self, i: int) -> tuple[str, int] | None:
        """A number, `8)`, or a range `21-23`, `21 to 23`, `1)-3)`."""
        if not self.is_num(i) or self.is_cls(i + 1, "YEAR"):
            return None  # `статьи 2026 года`: a date
        value, i = self.val[i], self.skip(i + 1, ")")
        if (self.is_sym(i, _DASHES) or self.is_cls(i, "TO")) and self.is_num(i + 1):
            value, i = f"{value}..{self.val[i + 1]}", self.skip(i + 2, ")")
        return value, i

    def numbers(self, i: int, single: bool = False) -> tuple[list[str], int] | None:
        """A list `17, 18 и 21`, `1 and 2`, `1) и 2)`; one element when `single`."""
        first = self.element(i)
        if first is None:
            return None
        out, i = [first[0]], first[1]
        while not single and len(out) < MAX_LIST:
            j = self.skip(i, ",")
            j = j + 1 if self.is_cls(j, "AND") else j
            nxt = self.element(j) if j > i and self.is_small(j) else None
            if nxt is None:  # `Art. 21, 1995`: a year or an amount, not an article
                break
            out.append(nxt[0])
            i = nxt[1]
        return out, i

    def keyword(self, i: int, *classes: str) -> int | None:
        """A keyword of one of `classes` and its abbreviation dot (`ст.`, `п.`, `art.`)."""
        if not self.is_cls(i, *classes):
            return None
        if self.val[i] == "sub":  # `sub-paragraph`
            ok = self.is_sym(i + 1, "-") and self.is_cls(i + 2, "PARA_EN")
            return i + 3 if ok else None
        j = self.skip(i + 1, ".")
        if self.val[i] in ("п", "ч") and j == i + 1:
            return None  # a bare letter is a paragraph only as an abbreviation: `п. 1`
        return j

    # --- English ------------------------------------------------------------------------------


class _Parser(_Tokens):
    """The forms of reference, English, Russian and Kazakh, over the tokens."""

    def english_article(self, i: int) -> tuple[list[Spec], int] | None:
        """`Article 21(1)`, `Articles 21-23`, `arts 17, 18`, `Art. 43, para. 5`, `article 21
        item 7`."""
        j = self.keyword(i, "ART_EN", "ART_EN_1")
        if j is None:
            return None
        specs: list[Spec] = []
        while len(specs) < MAX_LIST:
            pinned = self.pinned(j)
            if pinned is None:
                break
            spec, j = self.more_paragraphs(*pinned)
            specs.append(spec)
            k = self.skip(j, ",")
            k = k + 1 if self.is_cls(k, "AND") else k
            # After the singular `Article`, only a pinned provision continues the list
            # (`Article 62(3) and 46(8)`); `Article 21 and 1995` is not two articles.
            pinned_next = self.is_num(k) and self.is_sym(k + 1, "(")
            if (self.cls[i] == "ART_EN_1" and not pinned_next) or k == j or not self.is_small(k):
                break
            j = k
        if not specs:
            return None
        if len(specs) == 1 and not specs[0].paragraphs:
            specs[0], j = self.trailing(specs[0], j, "PARA_EN", "ITEM_EN")
        return specs, j

    def pinned(self, i: int) -> tuple[Spec, int] | None:
        """`21`, `21(1)`, `21(1)(3)`, `21.1`, `21-23`, `21 to 23`."""
        if not self.is_num(i):
            return None
        if self.is_sym(i + 1, ".") and self.is_num(i + 2) and self.end[i + 1] == self.start[i + 2]:
            return Spec(self.val[i], (self.val[i + 2],)), i + 3
        pins: list[str] = []
        j = i + 1
        while (
            len(pins) < 2 and self.is_sym(j, "(") and self.is_num(j + 1) and self.is_sym(j + 2, ")")
        ):
            pins.append(self.val[j + 1])
            j += 3
        if pins:
            return Spec(self.val[i], (pins[0],), tuple(pins[1:])), j
        element = self.element(i)
        return (Spec(element[0]), element[1]) if element is not None else None

    def more_paragraphs(self, spec: Spec, i: int) -> tuple[Spec, int]:
        """`21(1) and (2)`, `21(1), (2)`, `21(1)-(3)`: more paragraphs of the same article."""
        if len(spec.paragraphs) != 1 or spec.items:
            return spec, i
        paras = list(spec.paragraphs)
        while len(paras) < MAX_LIST:
            k = self.skip(i, ",")
            dash = self.is_sym(k, _DASHES)
            if self.is_cls(k, "AND") or dash:
                k += 1
            if k == i or not (
                self.is_sym(k, "(") and self.is_num(k + 1) and self.is_sym(k + 2, ")")
            ):
                break
            if dash:
                paras[-1] = f"{paras[-1]}..{self.val[k + 1]}"
            else:
                paras.append(self.val[k + 1])
            i = k + 3
        return Spec(spec.article, tuple(paras), spec.items), i

    def trailing(self, spec: Spec, i: int, para: str, item: str) -> tuple[Spec, int]:
        """`, para. 5`, `п. 1`, `item 7` after a single article, unless they begin the next
        reference (`статьей 21, пунктом 1 статьи 22`)."""
        paras: list[str] = []
        items: list[str] = []
        for cls, into in ((para, paras), (item, items)):
            j = self.skip(i, ",")
            k = self.keyword(j, cls)
            found = self.numbers(k) if k is not None else None
            if found is None:
                continue
            if self.names_next(found[1]):
                break
            into.extend(found[0])
            i = found[1]
        return Spec(spec.article, tuple(paras), tuple(items)), i

    def names_next(self, i: int) -> bool:
        """Whether token i goes on to another article (`... of Article 22`, `... статьи 22`):
        then the paragraph before it is that article's, not the one before."""
        if self.is_cls(i, "ART_RU", "ART_RU_1", "PARA_RU", "ITEM_RU"):
            return True
        if not self.is_cls(i, "OF"):
            return False
        i = i + 2 if self.is_cls(i + 1, "THE") else i + 1
        return self.is_cls(i, "ART_EN", "ART_EN_1")

    def english_part_first(self, i: int) -> tuple[list[Spec], int] | None:
        """`paragraph 5 of Article 43`, `subparagraph 3) of paragraph 1 of Article 46`,
        `paragraphs 1 and 2 of Article 18`, `subparagraph 8) of Article 46`."""
        items: list[str] = []
        paras: list[str] = []
        j = i
        for cls, into in (("ITEM_EN", items), ("PARA_EN", paras)):
            k = self.keyword(j, cls)
            found = self.numbers(k) if k is not None else None
            if found is None or not self.is_cls(found[1], "OF"):
                continue
            into.extend(found[0])
            j = found[1] + 1
        if not items and not paras:
            return None
        j = j + 1 if self.is_cls(j, "THE") else j
        k = self.keyword(j, "ART_EN", "ART_EN_1")
        if k is None or not self.is_num(k):
            return None
        return [Spec(self.val[k], tuple(paras), tuple(items))], self.skip(k + 1, ")")

    # --- Russian ------------------------------------------------------------------------------

    def russian(self, i: int) -> tuple[list[Spec], int] | None:
        """`подпункт 3) пункта 1 статьи 46`, `ч. 1 ст. 21`, `статьи 17, 18 и 21`, `ст.ст. 12,
        13`, `пп. 8) ст. 46`, `ст. 21 п. 1`."""
        items: list[str] = []
        paras: list[str] = []
        j = i
        for cls, into in (("ITEM_RU", items), ("PARA_RU", paras)):
            k = self.keyword(j, cls)
            found = self.numbers(k) if k is not None else None
            if found is not None:
                into.extend(found[0])
                j = found[1]
        k = self.keyword(j, "ART_RU", "ART_RU_1")
        if k is None:
            return None
        single = self.cls[j] == "ART_RU_1"
        k = self.keyword(k, "ART_RU") or k  # `ст.ст. 12, 13`
        found = self.numbers(k, single=single)
        if found is None:
            return None
        specs = [Spec(a, tuple(paras), tuple(items)) for a in found[0]]
        j = found[1]
        if not paras and not items and self.is_sym(j, "(") and self.is_num(j + 1):
            # `статей 21 и 46(8)`: a pin on the list's last article belongs to it alone
            pinned = self.pinned(j - 1) if self.is_num(j - 1) else None
            if pinned is not None and pinned[0].article == specs[-1].article:
                last, j = self.more_paragraphs(*pinned)
                specs[-1] = last
        if len(specs) == 1 and not paras and not items and not specs[0].paragraphs:
            specs[0], j = self.trailing(specs[0], j, "PARA_RU", "ITEM_RU")
        return specs, j

    # --- Kazakh -------------------------------------------------------------------------------

    def kazakh(self, i: int) -> tuple[list[Spec] | None, int]:
        """`21-бабы`, `21-баптың 1-тармағы`, `46-баптың 8) тармақшасы`, `21–23-баптар`,
        `17, 18 және 21-баптар`. Without the keyword, the index past the list (never re-read)."""
        arts = self.numbers(i)
        if arts is None:
            return None, i + 1
        j = self.skip(arts[1], "-")
        if not self.is_cls(j, "ART_KK"):
            return None, max(arts[1], i + 1)
        j += 1
        paras: list[str] = []
        items: list[str] = []
        for cls, into in (("PARA_KK", paras), ("ITEM_KK", items)):
            found = self.numbers(j)
            k = self.skip(found[1], "-") if found is not None else j
            if found is not None and self.is_cls(k, cls):
                into.extend(found[0])
                j = k + 1
        return [Spec(a, tuple(paras), tuple(items)) for a in arts[0]], j

    def preamble(self, i: int) -> tuple[list[Spec], int] | None:
        """`the preamble of the Constitution`, `преамбула Конституции`, `Конституцияның
        преамбуласы`: the word alone may name any act's preamble."""
        after = i + 1  # `of the`, `to the 1995`: at most three words before the Constitution
        while after < min(i + 4, self.n) and self.kind[after] != "sym":
            if self.cls[after] == "CONST":
                break
            after += 1
        if self.is_cls(after, "CONST") or (i > 0 and self.is_cls(i - 1, "CONST")):
            return [Spec("preamble")], i + 1
        return None

    def parse(self) -> list[_Hit]:
        hits: list[_Hit] = []
        i = 0
        while i < self.n:
            cls = self.cls[i]
            result: tuple[list[Spec], int] | None = None
            nxt = i + 1
            if cls in ("ART_EN", "ART_EN_1"):
                result = self.english_article(i)
            elif cls in ("PARA_EN", "ITEM_EN"):
                result = self.english_part_first(i)
            elif cls.endswith("_RU") or cls == "ART_RU_1":
                result = self.russian(i)
            elif cls == "PREAMBLE":
                result = self.preamble(i)
            elif self.kind[i] == "num":
                specs, nxt = self.kazakh(i)
                result = (specs, nxt) if specs else None
            if result is None:
                i = nxt
                continue
            specs, end = result
            kazakh = self.kind[i] == "num"
            hits.append(_Hit(self.start[i], self.end[end - 1], tuple(specs), kazakh))
            i = end
        return hits


def _short(number: str) -> bool:
    """An article, paragraph or sub-item number has at most 4 digits a part; a longer number
    breaks any reference."""
    return all(len(part) <= 4 for part in number.split("-"))


def find_refs(corpus: Corpus, text: str, edition: str) -> list[FoundRef]:
    """Every provision referred to in `text`, in order of appearance, each resolved."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[FoundRef] = []
    labels = {ed: [n for n in corpus.numbers(ed) if n != "preamble"] for ed in corpus.editions}
    cache: dict[tuple[tuple[Spec, ...], str], list[tuple[Ref | None, Provision | None, str]]] = {}
    for hit in _Parser(text).parse():
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


def _edition_of(text: str, hit: _Hit, default: str) -> str | None:
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
    after = text[hit.end : hit.end + 120]
    if after.startswith(("@1995", "@2026")):  # kzconst's own qualifier, pasted into prose
        return after[1:5]
    if (_OTHER_ACT.match(after) and not _CONSTITUTION_NEXT.match(after)) or _FOREIGN.match(after):
        return None
    amended = _AMENDED_AFTER.match(after)
    if amended and 1995 <= int(amended.group("year") or amended.group("year2")) < 2026:
        return "1995"
    m = _EDITION_AFTER.match(after)
    if m is None:
        return default
    return _edition_year(m.group("y1") or m.group("y2"), default)


def _edition_year(year: str | None, default: str) -> str | None:
    if year is None:
        return default
    return year if year in ("1995", "2026") else None
