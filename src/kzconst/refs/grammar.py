"""The reference grammar: text -> Ref, for the English, Russian and Kazakh forms documents use."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kzconst.corpus.model import PREAMBLE
from kzconst.errors import UsageError

MAX_REF_LENGTH = 200
NUM = r"\d{1,4}(?:-\d{1,3})?"
ITEM = r"\d{1,3}(?:-\d{1,2})?"  # sub-items are inserted too: 1995 44(10-1)
EXPECTED = (
    "expected a reference such as 21, art. 21, 21(1), 21.1, 46(1)(3), 21-23, 21,23, "
    "preamble, 21@1995, ст. 21, п. 1 ст. 21 or 21-бап"
)


class Ref(NamedTuple):
    """A parsed reference: an article (or the preamble), optionally a paragraph and a sub-item.

    `end` makes it a range of whole articles (`21-23`); `edition` is an explicit `@1995`.
    """

    article: str
    paragraph: str | None = None
    item: str | None = None
    end: str | None = None
    edition: str | None = None
    on: str | None = None  # `@2010-01-01`: the provision as it read on that day
    para_end: str | None = None  # `21(1)-(3)`: paragraphs 1 to 3 in the official order

    def __str__(self) -> str:
        return format_ref(self)


def format_ref(ref: Ref) -> str:
    """The canonical text of a Ref; `parse_refs(format_ref(r)) == [r]`."""
    out = ref.article
    if ref.end is not None:
        out += f"..{ref.end}"
    if ref.paragraph is not None:
        out += f"({ref.paragraph})"
        if ref.para_end is not None:
            out += f"-({ref.para_end})"
        if ref.item is not None:
            out += f"({ref.item})"
    elif ref.item is not None:  # a sub-item named without its paragraph: `подпункт 8 статьи 46`
        out += f" item {ref.item}"
    if ref.edition:
        out += f"@{ref.edition}"
    if ref.on:
        out += f"@{ref.on}"
    return out


# --- parsing ----------------------------------------------------------------------------------

_PREAMBLE_WORDS = {"preamble", "pmbl", "преамбула", "преамбулы", "преамбуле", "преамбуласы"}
# The grammar's patterns, compiled on first use: a plain `21` needs none of them.
_SOURCES: dict[str, tuple[str, int]] = {
    "EDITION": (r"\s*@\s*([^\s@]+)\s*$", 0),
    "ART_WORD": (r"^(?:articles?|arts?\.?)\s*", re.IGNORECASE),
    # 21, 21(1), 21(1)(3), 21.1, 21.1.3, 21 para 1, 21 para 1 subpara 3, 21(3-1), 21 p. 1,
    # 21 clause 1, 21 part 1
    "EN": (
        rf"""^(?P<art>{NUM})
        (?:\s*\((?P<p1>{NUM})\)|\.(?P<p2>{NUM})|\s*,?\s*(?:para(?:graph)?|p|§|clause|part)\.?\s*(?P<p3>{NUM}))?
        (?:\s*\((?P<i1>{ITEM})\)|\.(?P<i2>{ITEM})
           |\s*,?\s*(?:sub-?para(?:graph)?|sub-?item|item|subp|pp)\.?\s*(?P<i3>{ITEM})\)?)?$""",
        re.IGNORECASE | re.VERBOSE,
    ),
    "RANGE": (rf"^(?P<a>{NUM})\s*(?:\.\.|–|—|-)\s*(?P<b>{NUM})$", 0),
    # Russian: ст. 21, статья 21, статьи 21; п. 1, ч. 1, часть 1; пп. 3) / подпункт 3)
    "RU_ART": (rf"(?:\bст\.?|\bстатья|\bстатьи|\bстатье|\bстатьей|\bстатью)\s*(?P<n>{NUM})", 0),
    "RU_PARA": (
        rf"(?:(?<![а-яё])[пч]\.|\bпункт[а-яё]*|(?<![а-яё])п(?=\s)|\bчаст(?:ь|и|ью|ей)\b)"
        rf"\s*(?P<n>{NUM})",
        0,
    ),
    "RU_ITEM": (rf"(?:(?<![а-яё])пп\.?|\bподпункт[а-яё]*)\s*(?P<n>{ITEM})\)?", 0),
    # Kazakh: 21-бап, 21-бабы, 21-баптың; 1-тармақ, 1-тармағы; 3) тармақша / 3-тармақша
    "KK_ART": (rf"(?P<n>{NUM})\s*-?\s*(?:бап|баб)[а-яәіңғүұқөһ]*", 0),
    "KK_PARA": (rf"(?P<n>{NUM})\s*-?\s*(?:тармақ|тармағ)(?!ша)[а-яәіңғүұқөһ]*", 0),
    "KK_ITEM": (rf"(?P<n>{ITEM})\)?\s*-?\s*тармақша[а-яәіңғүұқөһ]*", 0),
}


@functools.cache
def _rx(name: str) -> re.Pattern[str]:
    pattern, flags = _SOURCES[name]
    return re.compile(pattern, flags)


def parse_refs(text: str) -> list[Ref]:
    """Parse one argument holding one or more references (`21,23`, `21-23`, `ст. 21`).

    Raises:
        UsageError: the text is not a reference; the message says what one looks like.
    """
    if text.isascii() and text.isdigit() and len(text) <= 4:  # the common case, no grammar
        return [Ref(_norm(text))]
    if len(text) > MAX_REF_LENGTH:
        raise UsageError(f"reference too long ({len(text)} characters); {EXPECTED}")
    stripped = text.strip()
    if not stripped:
        raise UsageError(f"empty reference; {EXPECTED}")
    qualifiers = []
    while m := _rx("EDITION").search(stripped):  # `@1995`, `@2010-01-01`, or both
        qualifiers.append(_parse_edition(m.group(1)))
        stripped = stripped[: m.start()].strip()
    edition = qualifiers[0] if qualifiers else None
    body = _rx("ART_WORD").sub("", stripped, count=1)
    if body != stripped and (_PARA_RANGE.match(body) or _PARA_LIST.match(body)):
        stripped = body  # `Article 21(1)-(3)`, `Art. 21(1),(3)`: the forms a bare 21 takes
    m = _PARA_RANGE.match(stripped)
    if m:  # a range of paragraphs: resolved in the official order, inserted numbers included
        first, last = m.group(2), m.group(3)
        if first == last:  # `21(2)-(2)`: one paragraph, as `21-21` is one article
            ref = Ref(_norm(m.group(1)), first)
            for q in qualifiers:
                ref = _with_edition(ref, q)
            return [ref]
        _check_span(text, m.group(1), int(first), int(last))
        ref = Ref(_norm(m.group(1)), first, para_end=last)
        for q in qualifiers:
            ref = _with_edition(ref, q)
        return [ref]
    stripped += "".join(f"@{q}" for q in reversed(qualifiers[1:]))  # for _parse_one
    stripped = expand_paragraph_forms(stripped)
    parts = [p.strip() for p in re.split(r"[,;]\s*(?![^()]*\))", stripped)]
    if len(parts) > 1 and all(parts) and not _looks_like_prose_list(parts):
        return [_with_edition(r, edition) for p in parts for r in _parse_one(p, text)]
    return [_with_edition(r, edition) for r in _parse_one(stripped, text)]


_PARA_RANGE = re.compile(r"^(\d+(?:-\d+)?)\((\d+)\)\s*[-–—]\s*\((\d+)\)$")
_PARA_LIST = re.compile(r"^(\d+(?:-\d+)?)(\(\d+[^()]*\)(?:\s*,\s*\(\d+[^()]*\))+)$")
MAX_PARAGRAPH_SPAN = 50


def _check_span(text: str, article: str, first: int, last: int) -> None:
    """A paragraph range runs upwards over at most MAX_PARAGRAPH_SPAN paragraphs."""
    if not first < last <= first + MAX_PARAGRAPH_SPAN:
        low, high = sorted((first, last))
        raise UsageError(
            f"paragraph range {text!r} must run upwards ({article}({low})-({high})) "
            f"over at most {MAX_PARAGRAPH_SPAN} paragraphs"
        )


def expand_paragraph_forms(text: str) -> str:
    """Paragraph ranges and lists of one article, as the corpus's own notes write them:
    `21(1)-(3)` -> `21(1), 21(2), 21(3)`; `21(1),(2)` -> `21(1), 21(2)`. Other text unchanged."""
    m = _PARA_RANGE.match(text)
    if m:
        article, first, last = m.group(1), int(m.group(2)), int(m.group(3))
        _check_span(text, article, first, last)
        return ", ".join(f"{article}({n})" for n in range(first, last + 1))
    m = _PARA_LIST.match(text)
    if m:
        article = m.group(1)
        paras = re.findall(r"\(\d+[^()]*\)", m.group(2))
        return ", ".join(article + para for para in paras)
    return text


def _looks_like_prose_list(parts: list[str]) -> bool:
    """`art. 43, para. 5` is one reference, not the list `43` and `para. 5`."""
    return any(
        re.match(r"^(?:para|p\.|paragraph|clause|part|sub|item|п\.|пункт|пп)", p.strip(), re.I)
        for p in parts[1:]
    )


def _with_edition(ref: Ref, edition: str | None) -> Ref:
    if edition is None:
        return ref
    if _DATE.match(edition):
        if ref.on and ref.on != edition:
            raise UsageError(f"two dates in one reference: {ref.on} and {edition}")
        return ref._replace(on=edition)
    if ref.edition and ref.edition != edition:
        raise UsageError(f"two editions in one reference: {ref.edition} and {edition}")
    return ref._replace(edition=edition)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_edition(value: str) -> str:
    if value in ("2026", "1995"):
        return value
    if _DATE.match(value):
        from datetime import date

        try:
            date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"invalid date {value!r} in reference (expected YYYY-MM-DD)") from None
        return value
    raise UsageError(
        f"unknown edition {value[:40]!r} in reference (expected @2026 or @1995, or a date "
        "@YYYY-MM-DD)"
    )


def _parse_one(part: str, original: str) -> list[Ref]:
    if "," in part and "(" not in part and not _looks_like_prose_list(part.split(",")):
        return [r for p in part.split(",") for r in _parse_one(p.strip(), original)]
    edition = None
    m = _rx("EDITION").search(part)
    if m:
        edition = _parse_edition(m.group(1))
        part = part[: m.start()].strip()
    low = " ".join(part.casefold().split())
    if low in _PREAMBLE_WORDS:
        return [_with_edition(Ref(PREAMBLE), edition)]
    ref = _parse_cyrillic(low) if re.search(r"[а-яёәіңғүұқөһ]", low) else None
    if ref is None:
        ref = _parse_latin(low)
    if ref is None:
        shown = original if len(original) <= 40 else original[:37] + "..."
        raise UsageError(f"malformed reference {shown!r}: {EXPECTED}")
    return [_with_edition(ref, edition)]


def _parse_latin(low: str) -> Ref | None:
    body = _rx("ART_WORD").sub("", low).strip()
    body = re.sub(r"\s+of\s+the\s+constitution$", "", body)
    m = _rx("RANGE").match(body)
    if m and _is_range(m.group("a"), m.group("b")):
        return Ref(m.group("a"), end=m.group("b"))
    if m and "-" not in m.group("a") + m.group("b"):
        a, b = _norm(m.group("a")), _norm(m.group("b"))
        if a == b:  # `21-21`: a range of one article
            return Ref(a)
        if int(b) < int(a) and re.search(r"\.\.|–|—", body):  # never an inserted number
            raise UsageError(reversed_range(a, b))
    m = _rx("EN").match(body)
    if not m:
        return None
    para = m.group("p1") or m.group("p2") or m.group("p3")
    item = m.group("i1") or m.group("i2") or m.group("i3")
    return Ref(_norm(m.group("art")), para and _norm(para), item and _norm(item))


def _parse_cyrillic(low: str) -> Ref | None:
    art = _rx("RU_ART").search(low) or _rx("KK_ART").search(low)
    if art is None:
        return None
    rest = low[: art.start()] + " " + low[art.end() :]
    item = _rx("RU_ITEM").search(rest) or _rx("KK_ITEM").search(rest)
    if item:
        rest = rest[: item.start()] + " " + rest[item.end() :]
    para = _rx("RU_PARA").search(rest) or _rx("KK_PARA").search(rest)
    if para:
        rest = rest[: para.start()] + " " + rest[para.end() :]
    leftover = re.sub(
        r"конституци[а-яәіңғүұқөһ]*|республики|казахстан|қазақстан|\bрк\b|"
        r"республикасы[а-яәіңғүұқөһ]*|[\s.,]",
        "",
        rest,
    )
    if leftover:
        return None
    return Ref(
        _norm(art.group("n")), para and _norm(para.group("n")), item and _norm(item.group("n"))
    )


def _norm(number: str) -> str:
    """`021` -> `21`; keeps inserted numbers `83-1`."""
    head, _, tail = number.partition("-")
    head = str(int(head))
    return f"{head}-{int(tail)}" if tail else head


def reversed_range(first: str, last: str) -> str:
    """The usage error of `23-21`: a range of articles runs upwards."""
    return f"article range {first}-{last} must run upwards ({last}-{first})"


def _is_range(a: str, b: str) -> bool:
    """`21-23` is a range; `83-1` and `3-1` are inserted numbers (second part not larger)."""
    return "-" not in a and "-" not in b and int(b) > int(a)


# --- resolving --------------------------------------------------------------------------------


# --- words of references in prose (refs/extract.py) --------------------------------------------

_WORDS = {
    "ART_EN": ("articles", "arts", "art"),  # may head a list: `arts 17, 18`
    "ART_EN_1": ("article",),
    "PARA_EN": (
        *("paragraph", "paragraphs", "para", "paras", "par", "p"),
        *("clause", "clauses", "part", "parts"),  # `clause 2 of Article 26`, `Article 26 part 2`
    ),
    "ITEM_EN": ("subparagraph", "subparagraphs", "subpara", "subparas", "sub", "item", "items"),
    "ART_RU": ("ст", "статьи", "статей", "статьям", "статьями", "статьях"),
    "ART_RU_1": ("статья", "статье", "статью", "статьей", "статьёй"),
    "PARA_RU": ("п", "ч", "часть", "части", "частью", "частей", "частям", "частями", "частях"),
    "ITEM_RU": ("пп", "подп", "подпп"),
    "AND": ("and", "or", "и", "или", "а", "және", "немесе"),
    "TO": ("to", "through"),
    "YEAR": ("года", "год", "году", "г", "жылғы", "жылы", "year"),
    "OF": ("of",),
    "THE": ("the",),
}
_WORD_CLASS = {w: cls for cls, words in _WORDS.items() for w in words}
# Inflected words, by stem: (stem, class, stems of words that are not it)
_STEMS = (
    ("подпункт", "ITEM_RU", ()),
    ("пункт", "PARA_RU", ()),
    ("тармақша", "ITEM_KK", ()),
    ("тармақ", "PARA_KK", ()),
    ("тармағ", "PARA_KK", ()),
    ("бөлік", "PARA_KK", ()),
    ("бөліг", "PARA_KK", ()),
    ("бап", "ART_KK", ()),
    ("баб", "ART_KK", ()),
    ("preamb", "PREAMBLE", ()),
    ("преамбул", "PREAMBLE", ()),
    ("constitution", "CONST", ("constitutional",)),
    ("конституци", "CONST", ("конституцион",)),
    ("кодекс", "ACT", ()),
    ("заң", "ACT", ()),
    ("жарлы", "ACT", ()),
    ("қаулы", "ACT", ()),
    ("конвенция", "ACT", ()),
    ("пакт", "ACT", ()),
    ("закон", "ACT", ()),
    ("бұйрығ", "ACT", ()),
    ("бұйрық", "ACT", ()),
    ("ереже", "ACT", ()),
    ("жарғы", "ACT", ()),
    ("нұсқаулы", "ACT", ()),
    ("регламент", "ACT", ()),
    ("декларация", "ACT", ()),
    ("хартия", "ACT", ()),
    ("келісім", "ACT", ()),
    ("хаттама", "ACT", ()),
)


# Ordinal words: `the second paragraph`, `части первой`, `бірінші тармағы`.
_ORDINALS_EN = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_ORDINALS_KK = (
    "бірінші екінші үшінші төртінші бесінші алтыншы жетінші сегізінші тоғызыншы оныншы".split()
)
_ORDINAL_RU = re.compile(
    r"(перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)"
    r"(?:ая|ой|ую|ый|ое|ого|ом|ому|ым|ые|ых|ыми|ья|ьей|ью|ье|ий|ьего|ьем|ьему|ьим|ьи|ьих|ьими)"
)
_RU_STEMS = ("перв", "втор", "трет", "четв", "пят", "шест", "седьм", "восьм", "девят", "десят")


def ordinal(word: str) -> str | None:
    """The number an ordinal word (casefolded) stands for, `second` -> `2`; else None."""
    for words in (_ORDINALS_EN, _ORDINALS_KK):
        if word in words:
            return str(words.index(word) + 1)
    m = _ORDINAL_RU.fullmatch(word)
    if m is None:
        return None
    stem = m.group(1).replace("ё", "е")
    return str(next(n for n, s in enumerate(_RU_STEMS, 1) if stem.startswith(s)))


@functools.lru_cache(maxsize=8192)  # bounded: the text may hold millions of distinct words
def word_class(word: str) -> str:
    """The part a (casefolded) word plays in a reference: `ART_EN`, `PARA_RU`, `ITEM_KK`,
    `CONST`, `ACT` (another act), `AND`, ...; "" for any other word."""
    cls = _WORD_CLASS.get(word)
    if cls is not None:
        return cls
    if ordinal(word) is not None:
        return "ORD"
    for stem, cls, not_it in _STEMS:
        if word.startswith(stem) and not any(word.startswith(n) for n in not_it):
            return cls
    return ""
