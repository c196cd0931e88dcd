"""One English term per legal term: the shipped text never uses a rejected rendering.

Each row names the official Russian term, the English the corpus uses for it, the pattern of the
rendering(s) it replaced, and one sample of that variant so the pattern is known to bite. The scan
covers every text of the corpus (paragraphs, lead-ins, sub-items, closing text, earlier wordings);
commentary is our own prose and is not scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from kzconst.corpus.load import parse_toml
from kzconst.corpus.model import Corpus


@dataclass(frozen=True)
class Term:
    russian: str
    english: str
    banned: str  # regular expression of the rejected variant(s)
    variant: str  # a sample of the rejected rendering: the pattern must match it
    ignore_case: bool = True

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.banned, re.IGNORECASE if self.ignore_case else 0)


TERMS = [
    Term(
        "неотъемлемый и неотчуждаемый",
        "inherent and inalienable",
        r"\bnon-transferable\b",
        "are recognised as inalienable and non-transferable",
    ),
    Term(
        "нравственность",
        "morality",
        r"\bmorals\b",
        "the health of citizens and the morals of society",
    ),
    Term(
        "согласие (общественное, межэтническое...)",
        "accord",
        r"\bconcord\b",
        "inter-confessional concord",
    ),
    Term("должность / должности", "office(s)", r"\bposts?\b", "may not hold other paid posts"),
    Term(
        "образует (a body)",
        "forms",
        r"\b(?:establishes|creates|sets up) (?:the Security Council|(?:standing |joint )?"
        r"(?:committees|commissions)|a commission)\b",
        "establishes the Security Council and other consultative and advisory bodies",
    ),
    Term(
        "обязательные платежи",
        "compulsory payments",
        r"\b(?:obligatory|mandatory) payments\b",
        "taxes, levies and other obligatory payments",
    ),
    Term(
        "сборы (with налоги)",
        "levies",
        r"\btaxes,? (?:and )?fees\b",
        "legally established taxes, fees",
    ),
    Term(
        "общеобязательные стандарты",
        "generally binding standards",
        r"\b(?:compulsory|obligatory|mandatory) standards\b",
        "establishes compulsory standards of education",
    ),
    Term(
        "отменяет (an act)",
        "annuls",
        r"\bcancel(?:s|led|ed|ling|ing)?\b",
        "cancels or suspends the effect of acts",
    ),
    Term(
        "административное взыскание, налагаемое в судебном порядке",
        "administrative penalty imposed by a court",
        r"\bimposed by judicial procedure\b|\bjudicially imposed\b|\bcourt-imposed\b",
        "an administrative penalty imposed by judicial procedure",
    ),
    Term(
        "обращение (to the Constitutional Court)",
        "application",
        r"\bappeals? (?:to|with) the Constitutional Court\b",
        "sends an appeal to the Constitutional Court",
    ),
    Term(
        "государство",
        "the state (lower case)",
        r"\b[Tt]he State\b(?! (?:Flag|Emblem|Anthem|Guard Service|Counsellor|Secretary))",
        "the State ensures the integrity of its territory",
        ignore_case=False,
    ),
    Term(
        "исключен (by an amending law)",
        'status "excluded", text left empty',
        r"\b(?:excluded|deleted|repealed) by (?:the )?Law of\b",
        "Excluded by the Law of the Republic of Kazakhstan of 7 October 1998",
    ),
]


def _texts(raw: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of the corpus tables: paragraphs, items, wordings."""

    def walk(node: dict[str, Any], where: str) -> Iterator[tuple[str, str]]:
        for key in ("text", "closing"):
            value = node.get(key)
            if isinstance(value, str) and value:
                yield f"{where} {key}", value
        for key in ("item", "wording"):
            for n, child in enumerate(node.get(key, [])):
                yield from walk(child, f"{where} {key} {child.get('number', n)}")

    for article in raw.get("article", []):
        for para in article.get("paragraph", []):
            yield from walk(para, f"{article['edition']} {article['number']}({para['number']})")


@pytest.fixture(scope="module")
def texts(corpus: Corpus) -> list[tuple[str, str]]:
    return list(_texts(parse_toml(corpus.path)))


@pytest.mark.parametrize("term", TERMS, ids=[f"{t.russian} -> {t.english}" for t in TERMS])
def test_the_pattern_catches_the_variant(term: Term) -> None:
    assert term.pattern.search(term.variant)


@pytest.mark.parametrize("term", TERMS, ids=[f"{t.russian} -> {t.english}" for t in TERMS])
def test_no_text_uses_a_rejected_rendering(texts: list[tuple[str, str]], term: Term) -> None:
    found = [
        f"{where}: {m.group(0)!r}" for where, text in texts for m in term.pattern.finditer(text)
    ]
    assert found == [], f"{term.russian} is rendered {term.english!r}"


def test_the_scan_sees_the_whole_corpus(texts: list[tuple[str, str]]) -> None:
    # a walker that stopped at the paragraphs would make every row above pass vacuously
    wheres = {where.split()[0] for where, _ in texts}
    assert wheres == {"2026", "1995"}
    assert any(" item " in where for where, _ in texts)


# --- identical wording, identical English ----------------------------------------------------

_REF = re.compile(r"([\w-]+)(?:\(([\w-]+)\))?(?:\(([\w-]+)\))?")


def _provision_text(raw: dict[str, Any], ref: str) -> str:
    match = _REF.fullmatch(ref)
    assert match, ref
    number, label, item = match.groups()
    article = next(a for a in raw["article"] if a["edition"] == "1995" and a["number"] == number)
    para = next(p for p in article["paragraph"] if p["number"] == (label or ""))
    if item is None:
        return str(para["text"])
    return str(next(i for i in para["item"] if i["number"] == item)["text"])


def _plain(text: str) -> str:
    """Ignore line breaks, a sub-item's lower-case start and its closing ';' or '.'."""
    text = " ".join(text.split()).rstrip(";.")
    return text[:1].lower() + text[1:]


def _identical_pairs(raw: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    for article in raw["article"]:
        if article["edition"] != "2026":
            continue
        for para in article.get("paragraph", []):
            for node, where in [(para, para["number"])] + [
                (i, f"{para['number']}/{i['number']}") for i in para.get("item", [])
            ]:
                if node.get("change") == "identical":
                    source = " ".join(_provision_text(raw, r) for r in node["predecessors"])
                    yield f"2026 {article['number']}({where})", node["text"], source
