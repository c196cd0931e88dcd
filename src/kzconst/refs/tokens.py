"""The tokens of prose that references are read from, and the pieces every form is made of."""

from __future__ import annotations

import re

from kzconst.refs.grammar import ordinal, word_class
from kzconst.refs.resolve import Spec

# One pass: a number (`21`, `83-1`, `21-23`), a word in any script, or one other character.
_TOKEN = re.compile(r"(?P<num>[0-9]+(?:-[0-9]+)?)|(?P<word>[^\W\d_]+)|(?P<sym>\S)")
MAX_LIST = 100  # numbers in one list (`статьи 17, 18 и 21`)
DASHES = ("-", "–", "—")  # hyphen, en dash, em dash: range marks
# `Article 1995`, `Article 2026`: a year, never an article (the Constitution has under 100).
_YEAR = re.compile(r"(?:19|20)\d\d")
_SYMBOLS = {"&": "AND", "§": "PARA_EN"}  # `Arts 12 & 13`, `Article 21 § 2`
EDITIONS = ("1995", "2026")


_CARDINALS = "one two three four five six seven eight nine ten".split()
_LOWER = {"clause": "PARA_EN", "clauses": "PARA_EN", "part": "PART", "parts": "PART"}


class Tokens:
    """The token list of a text; methods take a token index and return the next one."""

    def __init__(self, text: str) -> None:
        found = [
            (m.lastgroup or "sym", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)
        ]
        self.kind = [k if k != "num" or _short(v) else "sym" for k, v, _, _ in found]
        self.val = [v.casefold() if k == "word" else v for k, v, _, _ in found]
        self.cls = [
            word_class(v) if k == "word" else _SYMBOLS.get(v, "")
            for k, v in zip(self.kind, self.val, strict=True)
        ]
        self.start = [s for _, _, s, _ in found]
        self.end = [e for _, _, _, e in found]
        self.n = len(self.kind)
        self.cut_at: set[int] = set()  # where a list was cut at MAX_LIST numbers

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
        to = self.is_sym(i, DASHES) or self.is_cls(i, "TO")
        if to and self.is_num(i + 1) and not _YEAR.fullmatch(self.val[i + 1]):  # `57 to 2026`
            last = self.val[i + 1]
            inserted = self.val[i] == "-" and last.isdigit() and int(last) <= int(value or 0)
            joint = f"{value}-{last}" if inserted else f"{value}..{last}"  # `1-1`, `10-1`
            value, i = joint, self.skip(i + 2, ")")
        elif _YEAR.fullmatch(value):
            return None
        return value, i

    def numbers(self, i: int, single: bool = False) -> tuple[list[str], int] | None:
        """A list `17, 18 и 21`, `1 and 2`, `1) и 2)`; one element when `single`. A number
        with its own pin (`и 21(1)`, `and 46 item 8`) begins a new reference: the list stops."""
        first = self.element(i)
        if first is None:
            return None
        out, i = [first[0]], first[1]
        while not single and len(out) < MAX_LIST:
            j = self.skip(i, ",")
            j = j + 1 if self.is_cls(j, "AND") else j
            nxt = self.element(j) if j > i and self.is_small(j) else None
            if nxt is None or self.has_pin(j):  # `Art. 21, 1995`: a year, not an article
                break
            out.append(nxt[0])
            i = nxt[1]
        if len(out) >= MAX_LIST:
            self.note_cut(i)
        return out, i

    def note_cut(self, i: int) -> None:
        """Remember that a list stopped at MAX_LIST before the list went on at token i."""
        j = self.skip(i, ",;")
        j = j + 1 if self.is_cls(j, "AND") else j
        if self.is_num(j):
            self.cut_at.add(i)

    def ordinals(self, i: int) -> tuple[list[str], int] | None:
        """`second`, `first and second`, `первой и второй`: the numbers and the index past."""
        out: list[str] = []
        while self.is_cls(i, "ORD") and len(out) < MAX_LIST:
            out.append(ordinal(self.val[i]) or "")
            j = self.skip(i + 1, ",")
            j = j + 1 if self.is_cls(j, "AND") else j
            if j == i + 1 or not self.is_cls(j, "ORD"):
                return out, i + 1
            i = j
        return (out, i) if out else None

    def lower_part(self, i: int) -> str:
        """The word class of the part below a paragraph at `i`: a subparagraph word, a paragraph
        word that names a sub-item (`clause 3 of paragraph 1`), or PART (`part 2 of paragraph
        1`: a part of a paragraph, which kzconst does not number)."""
        k = self.keyword(i, "PARA_EN") if self.val[i] in _LOWER else None
        found = self.numbers(k) if k is not None else None
        if found is not None and self.is_cls(found[1], "OF"):
            j = found[1] + 1
            j = j + 1 if self.is_cls(j, "THE") and self.is_cls(j + 1, "ORD") else j
            ordinals = self.ordinals(j)  # `of the first paragraph`
            if self.keyword(ordinals[1] if ordinals else j, "PARA_EN") is not None:
                return _LOWER[self.val[i]]  # `part 2 of paragraph 1`: not numbered here
        return "ITEM_EN"

    def cardinal(self, i: int) -> tuple[list[str], int] | None:
        """`two` in `part two of Article 26`: the number and the index past."""
        word = self.val[i] if i < len(self.val) else ""
        return ([str(_CARDINALS.index(word) + 1)], i + 1) if word in _CARDINALS else None

    def edition_pin(self, i: int) -> str | None:
        """`(1995)`, `(2026)` at i: the edition one member of a list names."""
        ok = self.is_sym(i, "(") and self.is_sym(i + 2, ")") and self.is_num(i + 1)
        return self.val[i + 1] if ok and self.val[i + 1] in EDITIONS else None

    def has_pin(self, i: int) -> bool:
        """Whether the number at i carries its own paragraph or sub-item: `21(1)`, `46 item 8`,
        `23 para 2`."""
        if self.is_sym(i + 1, "(") and self.is_small(i + 2) and self.is_sym(i + 3, ")"):
            return True
        k = self.keyword(i + 1, "PARA_EN", "ITEM_EN")
        return k is not None and self.is_small(k)

    def keyword(self, i: int, *classes: str) -> int | None:
        """A keyword of one of `classes` and its abbreviation dot (`ст.`, `п.`, `art.`)."""
        if not self.is_cls(i, *classes):
            return None
        if self.val[i] == "sub":  # `sub-paragraph`, `sub-item`
            ok = self.is_sym(i + 1, "-") and self.is_cls(i + 2, "PARA_EN", "ITEM_EN")
            return i + 3 if ok else None
        j = self.skip(i + 1, ".")
        if self.val[i] in ("п", "ч") and j == i + 1:
            return None  # a bare letter is a paragraph only as an abbreviation: `п. 1`
        if j > i + 1 and self.val[j : j + 2] == [self.val[i], "."]:
            return j + 2  # doubled for the plural: `п.п. 1, 2`, `ч.ч.`, `ст.ст. 12, 13`
        return j

    def pinned(self, i: int) -> tuple[Spec, int] | None:
        """`21`, `21(1)`, `21(1)(3)`, `21.1`, `21-23`, `21 to 23`."""
        if not self.is_num(i):
            return None
        if self.is_sym(i + 1, ".") and self.is_num(i + 2) and self.end[i + 1] == self.start[i + 2]:
            return Spec(self.val[i], (self.val[i + 2],)), i + 3
        k = self.keyword(i + 2, "PARA_EN") if self.is_sym(i + 1, "(") else None
        if k is not None and self.is_small(k) and self.is_sym(k + 1, ")"):
            return Spec(self.val[i], (self.val[k],)), k + 2  # `Articles 21 (paragraph 2) and 23`
        pins: list[str] = []
        j = i + 1
        while (
            len(pins) < 2
            and self.is_sym(j, "(")
            and self.is_small(j + 1)
            and self.is_sym(j + 2, ")")
        ):  # `Article 21 (1995)`: a year, not a paragraph
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
            dash = self.is_sym(k, DASHES)
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

    def year_pinned(self, i: int) -> tuple[list[Spec], int] | None:
        """`1995 18(2)`, `2026 21(1)`: an edition year, then a number with its own paragraph."""
        if not (self.is_num(i) and self.val[i] in EDITIONS and self.has_pin(i + 1)):
            return None
        if self.end[i] == self.start[i + 1] or not self.is_sym(i + 2, "("):
            return None
        pinned = self.pinned(i + 1)
        return (
            ([self.more_paragraphs(*pinned)[0]], self.more_paragraphs(*pinned)[1])
            if pinned
            else None
        )

    def plural_points(self, i: int, k: int | None, end: int) -> bool:
        """`пп. 1–3 ст. 21`: «пп.» abbreviates пункты (plural) as well as one подпункт (`пп. 8)
        ст. 46`, `пп. 3 п. 1 ст. 56`); numbers without `)`, right before the article, are
        пункты."""
        if k is None or self.val[i] != "пп" or self.is_sym(k + 1, ")"):
            return False
        return self.is_cls(end, "ART_RU", "ART_RU_1")

    def is_ascii(self, i: int) -> bool:
        return self.val[i].isascii()

    def names_next(self, i: int) -> bool:
        """Whether token i goes on to another article (`... of Article 22`, `... статьи 22`):
        then the paragraph before it is that article's, not the one before."""
        if self.is_cls(i, "ART_RU", "ART_RU_1", "PARA_RU", "ITEM_RU"):
            return True
        if not self.is_cls(i, "OF"):
            return False
        i = i + 2 if self.is_cls(i + 1, "THE") else i + 1
        return self.is_cls(i, "ART_EN", "ART_EN_1")


def _short(number: str) -> bool:
    """An article, paragraph or sub-item number has at most 4 digits; a longer number breaks
    any reference, except as the end of a range (`Articles 1-99999`)."""
    head, _, tail = number.partition("-")
    return len(head) <= 4 and len(tail) <= 9
