"""References in running prose as lawyers, journalists and clerks write them: each reference
yields exactly the provisions it means, with the span of its own text; nothing lost, doubled or
invented. Expectations come from what the sentence means, checked against the official numbering
(tests/data/structure*.tsv); "!55(1)(3)" is a provision the law does not have.
"""

from __future__ import annotations

import itertools
import re

import pytest

from kzconst.corpus.model import Corpus
from kzconst.refs.extract import find_refs
from test_extract import found_as_expected, official

# (text, expected in a run with the 2026 default)
PROSE = [
    ("Articles 21(1), 23 and 46(8)", ["21(1)", "23", "46(8)"]),
    ("пунктами 1 и 2 статьи 21", ["21(1)", "21(2)"]),
    ("статьи 21, 23 Конституции", ["21", "23"]),
    ("subparagraph 3) of paragraph 1 of Article 55", ["!55(1)(3)"]),
    (
        "Art. 95(4) of the 2026 Constitution and Art. 44 of the 1995 Constitution",
        ["95(4)", "44@1995"],
    ),
    ("ст. 44 Конституции 1995 года", ["44@1995"]),
    ("21-бап 1-тармағы", ["21(1)"]),
    ("arts. 17-19", ["17", "18", "19"]),
    ("Article 21, paragraph 1", ["21(1)"]),
    ("Article 2 para 7", ["2(7)"]),
    ("(Article 21)", ["21"]),
    ("Article 1995", []),
    ("in 2021 Article 21", ["21@1995"]),  # in 2021 only the 1995 text was in force
    ("paragraph 2 of Articles 21 and 23", ["21(2)", "23(2)"]),
    ("paragraphs 1 and 2 of Articles 21 and 23", ["21(1)", "21(2)", "23(1)", "23(2)"]),
    ("пункт 2 статей 21 и 23", ["21(2)", "23(2)"]),
    ("п. 2 ст. 21 и 23", ["21(2)", "23(2)"]),
    ("ч. 1 ст. 21 and 21(1)-(3)", ["21(1)", "21(1)", "21(2)", "21(3)"]),
    ("подпункт 8 статьи 46 and 46 item 8", ["46(8)", "46(8)"]),
    ("Articles 21 and 23 of the Constitution of 1995", ["21@1995", "23@1995"]),
    ("Article 21(1); Article 23(2).", ["21(1)", "23(2)"]),
    ("статьи 21 и 46(8), а также ст. 23", ["21", "46(8)", "23"]),
    ("ст. 21, 23; п. 2 ст. 44", ["21", "23", "44(2)"]),
    ("пунктов 1 и 3 статьи 23 Конституции", ["23(1)", "23(3)"]),
    (
        "Article 21 of the 1995 Constitution and Article 21 of the 2026 Constitution",
        ["21@1995", "21"],
    ),
    ("Articles 17 through 19", ["17", "18", "19"]),
    ("paragraph 3 of Article 95 and Article 96", ["95(3)", "96"]),
    ("Article 46(1) and (8)", ["46(1)", "46(8)"]),
    ("subparagraphs 1) and 2) of Article 46", ["46(1)", "46(2)"]),
    ("21-баптың 1 және 2-тармақтары", ["21(1)", "21(2)"]),
    ("17-бап және 21-бап", ["17", "21"]),
    ("Конституцияның 21-бабының 2-тармағы", ["21(2)"]),
    ("статья 21 Конституции 2026 года и статья 21 Конституции 1995 года", ["21", "21@1995"]),
    ("see Article 21 and\nArticle 23", ["21", "23"]),
    ("Art. 21 para. 1 and Art. 23 para. 2", ["21(1)", "23(2)"]),
    ("paras 1-2 of Article 23", ["23(1)", "23(2)"]),
    ("п.п. 1, 2 ст. 23", ["23(1)", "23(2)"]),
    ("ч.ч. 1 и 2 ст. 23", ["23(1)", "23(2)"]),
    ("Article 21 (1) guarantees", ["21(1)"]),
    ("Article 21 of Law No. 123", []),
    ("статьёй 21 и ст. 23 Конституции", ["21", "23"]),
    ("Article 21(2)-(3) and Article 23(1)", ["21(2)", "21(3)", "23(1)"]),
    ("under Article 95, paragraph 4 and Article 96", ["95(4)", "96"]),
    ("Articles 21, 22, and 23", ["21", "22", "23"]),
    ("ст. 21 Конституции и ст. 14 ГК", ["21"]),
    ("Article 21 and Article 5 of the Civil Code", []),
    ("the 1995 Constitution, Article 21", ["21@1995"]),
    ("Constitution of 1995, art. 21", ["21@1995"]),
    ("Article 21 (1995)", ["21@1995"]),
    ("Art. 21(1) (2026)", ["21(1)"]),
    ("ст. 21 и ст. 14 ГК", []),
    ("ст. 9 и 917 ГК РК", []),
    ("ст. 14 и 21(2) ГК", []),
    ("Article 21 and Article 23 of the 1995 Constitution", ["21@1995", "23@1995"]),
    ("п. 1 ст. 21; 22(2); 23(1) Конституции", ["21(1)", "22(2)", "23(1)"]),
    ("Articles 21, 23, 46(8) and 55(4)(3)", ["21", "23", "46(8)", "55(4)(3)"]),
    ("Article 21(1) and Article 23 and 46(8)", ["21(1)", "23", "46(8)"]),
    ("ст. 21 ч. 1, ст. 23 ч. 2", ["21(1)", "23(2)"]),
    ("пункты 2 и 3 статьи 21 и статья 23", ["21(2)", "21(3)", "23"]),
    ("17 және 18-баптардың 1-тармақтары", ["17(1)", "18(1)"]),
    ("21-баптың 1-тармағы мен 23-баптың 2-тармағы", ["21(1)", "23(2)"]),
    ("Article 21 of the Constitution and Article 5 of the Law on Elections", ["21"]),
    ("Article 55 paragraph 4 subparagraph 3", ["55(4)(3)"]),
    ("Articles 21-23 and 25(1)", ["21", "22", "23", "25(1)"]),
    (
        "Article 21(1) of the Constitution of the Republic of Kazakhstan of 30 August 1995",
        ["21(1)@1995"],
    ),
    ("Art. 21.1 and 21.2", ["21(1)", "21(2)"]),
    ("Article 18 of the Constitution; Article 18 of the 1995 Constitution", ["18", "18@1995"]),
    ("ст. 21; ст. 14 ГК", ["21"]),
    ("paragraph 2 of Article 21 and paragraph 1 of Article 23", ["21(2)", "23(1)"]),
    ("ст. 21 ч. 2", ["21(2)"]),
    ("ст.21 п.2", ["21(2)"]),
    ("ч. 1 ст. 21 и 21(2)", ["21(1)", "21(2)"]),
    ("статьи 21 и 23(1)", ["21", "23(1)"]),
    ("пункты 1 и 2 статей 21 и 23", ["21(1)", "21(2)", "23(1)", "23(2)"]),
    ("статьи 21, 23 и 46(8)", ["21", "23", "46(8)"]),
    ("Article 46 subparagraphs 1 and 8", ["46(1)", "46(8)"]),
    ("Article 21 paragraphs 1 and 2", ["21(1)", "21(2)"]),
    ("Article 2(3-1) of the 1995 Constitution", ["2(3-1)@1995"]),
    ("21 және 23-баптар", ["21", "23"]),
    ("1995 жылғы Конституцияның 44-бабы және 2026 жылғы Конституцияның 46-бабы", ["44@1995", "46"]),
    ("ст. 21 (Article 21(1))", ["21", "21(1)"]),
    ("п. 1 ст. 21, 46(8)", ["21(1)", "46(8)"]),
    # Article 21 has three paragraphs: `and 23` is article 23; `and 2` may be paragraph 2 or
    # article 2, and is not guessed
    ("Article 21(1) and 23", ["21(1)", "23"]),
    ("Article 21(1) and 2", ["21(1)"]),
    ("Articles 21(1), 22(2) and 23.", ["21(1)", "22(2)", "23"]),
    ("Article 21 to 2026 Article 56", ["21", "56"]),  # a year ends no range
    ("in the case of Article 55, of the Senate", ["55"]),
    ("Articles 21(1) and 23", ["21(1)", "23"]),
    ("статья 21, 1995", ["21"]),
    ("ст. 21 и ст. 23(2)", ["21", "23(2)"]),
    ("подпункт 8 статьи 46 и 46(9)", ["46(8)", "46(9)"]),
    ("ч. 1 ст. 21 и 46 item 8", ["21(1)", "46(8)"]),
    ("Article 21 para 1 and 23 para 2", ["21(1)", "23(2)"]),
    ("п. 2 ст. 21 и 23 Конституции 1995 года", ["21(2)@1995", "23(2)@1995"]),
    ("paragraph 2 of Articles 21 and 23 of the 1995 Constitution", ["21(2)@1995", "23(2)@1995"]),
    ("Articles 21 and 23(2)", ["21", "23(2)"]),
    (
        "the Constitution, Article 21",
        ["21"],
    ),  # the qualifier ends the chain: a pinned number after it is not read (lost, never wrong)
    ("Article 21 of the Constitution and 23(2)", ["21"]),
]


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_prose(corpus: Corpus, text: str, expected: list[str]) -> None:
    assert found_as_expected(corpus, text, "2026") == expected


def test_prose_expectations_follow_the_official_numbering() -> None:
    numbering = {"2026": official("2026"), "1995": official("1995")}
    for text, expected in PROSE:
        for entry in expected:
            missing = entry.startswith("!")
            label, _, ed = entry.lstrip("!").partition("@")
            known = label in numbering[ed or "2026"] or "-1)" in label
            assert known != missing, (text, label)


@pytest.mark.parametrize(("text", "_expected"), PROSE)
def test_each_reference_reports_its_own_text(corpus: Corpus, text: str, _expected: object) -> None:
    """The line:column and text of a reference are where that text is; two references never
    share or overlap a span."""
    lines = text.split("\n")
    spans: list[tuple[int, int, str]] = []
    for f in find_refs(corpus, text, "2026"):
        at = "\n".join(lines[f.line - 1 :])[f.column - 1 :]
        assert " ".join(at.split()).startswith(f.text), (f.line, f.column, f.text)
        spans.append((f.line, f.column, f.text))
    distinct = list(dict.fromkeys(spans))
    for (l1, c1, t1), (l2, c2, _) in itertools.pairwise(distinct):
        assert (l1, c1 + len(t1)) <= (l2, c2) or l1 < l2, (t1, distinct)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # the three confident wrong answers: each reference with its own span and provisions
        (
            "ч. 1 ст. 21 and 21(1)-(3)",
            [("1:1", "ч. 1 ст. 21", ["21(1)"]), ("1:17", "21(1)-(3)", ["21(1)", "21(2)", "21(3)"])],
        ),
        (
            "подпункт 8 статьи 46 and 46 item 8",
            [("1:1", "подпункт 8 статьи 46", ["46(8)"]), ("1:26", "46 item 8", ["46(8)"])],
        ),
        (
            "paragraph 2 of Articles 21 and 23",
            [("1:1", "paragraph 2 of Articles 21 and 23", ["21(2)", "23(2)"])],
        ),
        (
            "статьи 21 и 46(8), а также ст. 23",
            [
                ("1:1", "статьи 21", ["21"]),
                ("1:13", "46(8)", ["46(8)"]),
                ("1:28", "ст. 23", ["23"]),
            ],
        ),
        ("п. 1 ст. 21;\n46(8)", [("1:1", "п. 1 ст. 21", ["21(1)"]), ("2:1", "46(8)", ["46(8)"])]),
        (
            "Article 21 para 1 and 23 para 2",
            [("1:1", "Article 21 para 1", ["21(1)"]), ("1:23", "23 para 2", ["23(2)"])],
        ),
        ("п.п. 1, 2 ст. 23", [("1:1", "п.п. 1, 2 ст. 23", ["23(1)", "23(2)"])]),
        ("sub-item 8) of Article 46", [("1:1", "sub-item 8) of Article 46", ["46(8)"])]),
    ],
)
def test_a_reference_after_another_has_its_own_span(
    corpus: Corpus, text: str, spans: list[tuple[str, str, list[str]]]
) -> None:
    got: dict[tuple[str, str], list[str]] = {}
    for f in find_refs(corpus, text, "2026"):
        assert f.provision is not None, f.message
        got.setdefault((f"{f.line}:{f.column}", f.text), []).append(f.provision.label)
    assert [(pos, txt, labels) for (pos, txt), labels in got.items()] == spans


def test_a_year_is_never_an_article_nor_a_paragraph(corpus: Corpus) -> None:
    for text in ("Article 1995", "in 2021 Article 21", "Article 21 (2010)"):
        for f in find_refs(corpus, text, "2026"):
            assert f.provision is None or not re.search(r"(19|20)\d\d", f.provision.label)
