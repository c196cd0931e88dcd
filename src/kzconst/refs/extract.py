"""Find references to the Constitution in free text (English, Russian, Kazakh); data only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzconst.corpus.model import Corpus
from kzconst.errors import KzconstError
from kzconst.refs.grammar import Ref, parse_refs
from kzconst.refs.resolve import resolve

_N = r"\d{1,3}(?:-\d{1,2})?"
_CYR = r"[а-яёәіңғүұқөһА-ЯЁӘІҢҒҮҰҚӨҺ]"
PATTERNS = [
    # English: "paragraph 1 of Article 21", "subparagraph 3) of paragraph 1 of Article 46"
    re.compile(
        rf"(?:sub-?paragraph\s+{_N}\)?\s+of\s+)?paragraph\s+{_N}\s+of\s+Article\s+{_N}", re.I
    ),
    # English: "Article 21(1)", "Art. 21", "art. 43, para. 5", "Articles 18"
    re.compile(
        rf"\b(?:Articles?|Art\.?)\s*{_N}(?:\s*\({_N}\)){{0,2}}"
        rf"(?:,?\s*(?:para(?:graph)?\.?|p\.)\s*{_N})?"
        rf"(?:,?\s*(?:sub-?para(?:graph)?\.?|item)\s*{_N}\)?)?",
        re.I,
    ),
    # Russian: "подпункт 3) пункта 1 статьи 46", "п. 1 ст. 21", "статьи 18", "ст. 21"
    re.compile(
        rf"(?:(?:подпункт{_CYR}*|пп\.)\s*{_N}\)?\s*)?(?:(?:пункт{_CYR}*|п\.)\s*{_N}\s*)?"
        rf"(?:стать{_CYR}*|ст\.)\s*{_N}(?!\d)",
        re.I,
    ),
    # Kazakh: "Конституцияның 21-бабы", "21-баптың 1-тармағы"
    re.compile(
        rf"{_N}\s*-\s*ба[бп]{_CYR}*(?:\s+{_N}\s*-\s*тарма[қғ]{_CYR}*)?"
        rf"(?:\s+{_N}\)?\s*тармақша{_CYR}*)?",
        re.I,
    ),
]
# A reference followed by one of these names another act, not the Constitution.
_OTHER_ACT = re.compile(
    r"^[\s,]*(?:of\s+the\s+|of\s+)?(?:[\w-]+\s+){0,3}?(?:code|law|act|decree|regulation|"
    r"convention|covenant|treaty|кодекс|закон|указ|постановлен|конвенц|пакт|договор|заң|"
    r"кодекс)",
    re.I,
)
_CONSTITUTION = re.compile(r"constitution|конституци", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_EN_WORDS = re.compile(
    r"^(?:sub-?paragraph\s+(\S+?)\)?\s+of\s+)?paragraph\s+(\S+)\s+of\s+"
    r"Article\s+(\S+)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class FoundRef:
    """A reference found in text, with where it is and what it resolves to."""

    line: int
    column: int
    text: str
    ref: Ref | None
    edition: str
    exists: bool
    message: str
    successors: tuple[str, ...]
    predecessors: tuple[str, ...]


def find_refs(corpus: Corpus, text: str, edition: str) -> list[FoundRef]:
    """Every reference to the Constitution in `text`, in order of appearance."""
    found: list[FoundRef] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        taken: list[tuple[int, int]] = []
        for pattern in PATTERNS:
            for m in pattern.finditer(line):
                start, end = m.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                if _OTHER_ACT.match(line[end : end + 60]) and not _CONSTITUTION.match(
                    line[end : end + 60].lstrip(" ,").removeprefix("of the ")
                ):
                    continue
                taken.append((start, end))
                ed = _edition_named_after(line[end : end + 90], edition)
                if ed is None:
                    continue  # "Article 64 of the Constitution ... of 28 January 1993"
                found.append(_resolve(corpus, lineno, start + 1, m.group(0).strip(), ed))
    found.sort(key=lambda f: (f.line, f.column))
    return found


def _edition_named_after(following: str, default: str) -> str | None:
    """The edition a reference names ("... Constitution of 1995"), the default when it names
    none, or None when it names another constitution (1993)."""
    sentence = re.split(r"[.;]\s", following, maxsplit=1)[0]
    if not _CONSTITUTION.search(sentence):
        return default
    year = _YEAR.search(sentence)
    if year is None:
        return default
    return year.group(1) if year.group(1) in ("1995", "2026") else None


def _resolve(corpus: Corpus, line: int, column: int, raw: str, edition: str) -> FoundRef:
    ref = _parse(raw)
    if ref is None:
        return FoundRef(line, column, raw, None, edition, False, "not a reference", (), ())
    ref = Ref(ref.article, ref.paragraph, ref.item, None, None)
    try:
        provisions = resolve(corpus, ref, edition)
    except KzconstError as exc:
        return FoundRef(line, column, raw, ref, edition, False, exc.message, (), ())
    art = provisions[0].article
    return FoundRef(line, column, raw, ref, edition, True, "", art.successors, art.predecessors)


def _parse(raw: str) -> Ref | None:
    text = " ".join(raw.split())
    m = _EN_WORDS.match(text)
    if m:
        sub, para, art = m.group(1), m.group(2), m.group(3)
        text = f"{art}({para})" + (f"({sub.rstrip(')')})" if sub else "")
    text = re.sub(r"^(?:articles)\b", "art", text, flags=re.I)
    try:
        refs = parse_refs(text)
    except KzconstError:
        return None
    return refs[0] if len(refs) == 1 else None
