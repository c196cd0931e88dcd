"""References in prose, table-driven: every form (English, Russian, Kazakh; ranges, lists, parts,
sub-items) yields exactly the provisions the official numbering has, or says why not.

Expectations are checked against tests/data/structure{2026,1995}.tsv (the official numbering),
so a row cannot expect a provision that does not exist, nor call "missing" one that does.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import structure
from kzconst.corpus.model import Corpus
from kzconst.refs.extract import find_refs

# (text, edition of the run, expected): "21(1)" resolves in the run's edition, "18@1995" names
# its edition, "!21 item 7" is a reference to something that does not exist (the parsed form).
EN = [
    ("Article 21", "2026", ["21"]),
    ("see Art. 21 of the Constitution", "2026", ["21"]),
    ("art 21(1)", "2026", ["21(1)"]),
    ("Article 55(4)(3)", "2026", ["55(4)(3)"]),
    ("Article 21.1 applies", "2026", ["21(1)"]),
    ("Articles 21-23", "2026", ["21", "22", "23"]),
    ("Articles 21 to 23", "2026", ["21", "22", "23"]),
    ("Articles 21–23", "2026", ["21", "22", "23"]),
    ("arts 17, 18", "2026", ["17", "18"]),
    ("Articles 12, 13 and 14 of the Constitution", "2026", ["12", "13", "14"]),
    ("Articles 21(1) and 22(2)", "2026", ["21(1)", "22(2)"]),
    ("see art. 43, para. 5 of the Constitution", "2026", ["43(5)"]),
    ("Article 46, subparagraph 8", "2026", ["46(8)"]),
    ("article 21 item 7", "2026", ["!21 item 7"]),
    ("Article 21(7)", "2026", ["!21(7)"]),
    ("paragraph 5 of Article 43", "2026", ["43(5)"]),
    ("paragraphs 1 and 2 of Article 18 of the Constitution", "2026", ["18(1)", "18(2)"]),
    ("subparagraph 3) of paragraph 4 of Article 55", "2026", ["55(4)(3)"]),
    ("subparagraph 8) of Article 46", "2026", ["46(8)"]),
    ("sub-paragraph 2) of paragraph 3 of Article 57", "2026", ["57(3)(2)"]),
    ("Article 21, paragraph 2 of Article 22", "2026", ["21", "22(2)"]),
    ("Article 83-1 of the Constitution", "1995", ["83-1"]),
    ("Articles 83-84", "1995", ["83", "83-1", "84"]),
    ("Article 18 of the Constitution of 1995", "2026", ["18@1995"]),
    ("Article 18 of the 1995 Constitution", "2026", ["18@1995"]),
    ("Article 64 of the Constitution of 1993", "2026", []),
    ("Article 5 of the Civil Code", "2026", []),
    ("Article 1 of the Constitutional Law on Elections", "2026", []),
    ("Article 999", "2026", ["!999"]),
    ("the preamble of the Constitution", "2026", ["preamble"]),
    ("the preamble to the 1995 Constitution", "2026", ["preamble@1995"]),
    ("the preamble to the Law", "2026", []),
    ("Art. 21, 1995", "2026", ["21"]),  # a year does not continue a list
    # a range past the last article: the part that exists, and the rest once
    ("Articles 94-99", "2026", ["94", "95", "96", "!97..99"]),
    ("Articles 95-200", "2026", ["95", "96", "!97..200"]),
    ("Articles 1-9999", "2026", [*map(str, range(1, 97)), "!97..9999"]),
    ("Articles 1-99999", "2026", [*map(str, range(1, 97)), "!97..99999"]),
    ("Articles 97-200", "2026", ["!97..200"]),
    ("Art. 21 par. 1", "2026", ["21(1)"]),
    ("paragraph 1 of Article 21 of the Civil Code", "2026", []),
    ("Article 21 of the Constitution of the Russian Federation", "2026", []),
    ("Article 3 of the Constitution of the Republic of Kyrgyzstan", "2026", []),
    ("Article 3 of the Constitution of the Republic of Kazakhstan", "2026", ["3"]),
]
RU = [
    ("ст. 21", "2026", ["21"]),
    ("статья 21 Конституции", "2026", ["21"]),
    ("статьи 17, 18 и 21", "2026", ["17", "18", "21"]),
    ("ст.ст. 12, 13 Конституции РК", "2026", ["12", "13"]),
    ("статьями 21–23", "2026", ["21", "22", "23"]),
    ("п. 1 ст. 21", "2026", ["21(1)"]),
    ("пункт 1 статьи 21", "2026", ["21(1)"]),
    ("пунктами 1 и 2 статьи 18", "2026", ["18(1)", "18(2)"]),
    ("пунктов 1-3 статьи 13", "2026", ["13(1)", "13(2)", "13(3)"]),
    ("ч. 1 ст. 21 Конституции РК", "2026", ["21(1)"]),
    ("часть 2 статьи 15", "2026", ["15(2)"]),
    ("частью 1 статьи 14 Конституции Республики Казахстан", "2026", ["14(1)"]),
    ("подпункт 8 статьи 46", "2026", ["46(8)"]),
    ("пп. 8) ст. 46", "2026", ["46(8)"]),
    ("подпункт 3) пункта 4 статьи 55", "2026", ["55(4)(3)"]),
    ("пп. 1) п. 3 ст. 57", "2026", ["57(3)(1)"]),
    ("подпункты 1) и 2) статьи 46", "2026", ["46(1)", "46(2)"]),
    ("ст. 21 п. 1", "2026", ["21(1)"]),
    ("статьей 21, пунктом 1 статьи 22", "2026", ["21", "22(1)"]),
    ("подпункт 3 статьи 21", "2026", ["!21 item 3"]),
    ("статьи 18 Конституции Республики Казахстан 1995 года", "2026", ["18@1995"]),
    ("подпунктом 10-1) статьи 44", "1995", ["44(10-1)"]),
    ("статья 7 Закона о браке", "2026", []),
    ("ст. 14 ГК РК", "2026", []),
    ("статьи 5 Конституционного закона «О выборах»", "2026", []),
    ("в преамбуле Конституции", "2026", ["preamble"]),
    ("подпункты 1)-3) статьи 46", "2026", ["46(1)", "46(2)", "46(3)"]),
    ("статьи 17, 21-23", "2026", ["17", "21", "22", "23"]),
    ("в редакции статьи 2026 года", "2026", []),
    ("статьи 15 Конституции Российской Федерации", "2026", []),
    ("статьи 10 Конституции Казахской ССР", "2026", []),
    ("Согласно статье 21 Конституции Президент", "2026", ["21"]),
]
KK = [
    ("21-бап", "2026", ["21"]),
    ("Конституцияның 21-бабы", "2026", ["21"]),
    ("21-баптың 1-тармағы", "2026", ["21(1)"]),
    ("55-баптың 4-тармағының 3) тармақшасы", "2026", ["55(4)(3)"]),
    ("46-баптың 8) тармақшасы", "2026", ["46(8)"]),
    ("21–23-баптар", "2026", ["21", "22", "23"]),
    ("21-23-баптар", "2026", ["21", "22", "23"]),
    ("17, 18 және 21-баптар", "2026", ["17", "18", "21"]),
    ("18-баптың 1 және 2-тармақтары", "2026", ["18(1)", "18(2)"]),
    ("Конституцияның 83-1-бабы", "1995", ["83-1"]),
    ("1995 жылғы Конституцияның 4-бабы", "2026", ["4@1995"]),
    ("21-баптың 3) тармақшасы", "2026", ["!21 item 3"]),
    ("Азаматтық кодекстің 9-бабы", "2026", []),
    ("Конституцияның преамбуласы", "2026", ["preamble"]),
    ("Азаматтық кодекстің жалпы бөлімінің 9-бабы", "2026", []),
]
FORMS = {"en": EN, "ru": RU, "kk": KK}
ROWS = [(lang, *row) for lang, rows in FORMS.items() for row in rows]


def found_as_expected(corpus, text: str, edition: str) -> list[str]:
    out = []
    for f in find_refs(corpus, text, edition):
        if f.provision is None:
            out.append(f"!{f.ref}")
        else:
            out.append(f.provision.label + ("" if f.edition == edition else f"@{f.edition}"))
    return out


@pytest.mark.parametrize(("lang", "text", "edition", "expected"), ROWS)
def test_form(corpus, lang: str, text: str, edition: str, expected: list[str]) -> None:
    assert found_as_expected(corpus, text, edition) == expected


def official(edition: str) -> set[str]:
    """Every provision label of the official numbering: 21, 21(1), 46(8), 55(4)(3)."""
    labels = set()
    for article, row in structure(edition).items():
        labels.add(article)
        paras = [] if row["paragraphs"] in ("-", "0") else row["paragraphs"].split(",")
        labels.update(f"{article}({p})" for p in paras)
        for series in [] if row["subitems"] == "-" else row["subitems"].split(";"):
            para, span, _count = series.split(":")
            first, last = span.split("-")
            where = article if para == "0" else f"{article}({para})"
            numbers = range(int(first), int(last) + 1)
            labels.update(f"{where}({n})" for n in numbers)
            if para == "0":  # no numbered paragraphs: `46 item 8` names the sub-item
                labels.update(f"{article} item {n}" for n in numbers)
    return labels


def test_expectations_follow_the_official_numbering() -> None:
    """A row expecting a provision expects one the law has; a "missing" one is missing."""
    numbering = {"2026": official("2026"), "1995": official("1995")}
    for _lang, text, edition, expected in ROWS:
        for entry in expected:
            missing = entry.startswith("!")
            label, _, ed = entry.lstrip("!").partition("@")
            known = label in numbering[ed or edition] or "-1)" in label  # inserted: 44(10-1)
            assert known != missing, (text, label)


def test_each_form_is_covered() -> None:
    """The coverage the report quotes: rows per language, and of them ranges, lists, parts."""
    for rows in FORMS.values():
        assert len(rows) >= 12
        assert sum(len(e) > 1 for _, _, e in rows) >= 3  # ranges and lists
        assert any("(" in x for _, _, e in rows for x in e)  # paragraphs / sub-items


def test_a_reference_across_a_line_break_keeps_its_line_and_column(corpus) -> None:
    [f] = find_refs(corpus, "first line\n  see п. 1\nст. 21 here", "2026")
    assert (f.line, f.column, f.text, f.provision.label) == (2, 7, "п. 1 ст. 21", "21(1)")


def test_refs_prints_what_was_resolved_not_what_was_parsed(cli) -> None:
    r = cli("refs", "-", input="подпункт 8 статьи 46; article 21 item 7\n")
    assert r.code == 0
    first, second = r.stdout.splitlines()
    assert first == "1:1  подпункт 8 статьи 46  = 46(8)@2026"
    assert second.startswith("1:23  article 21 item 7  -> NOT FOUND: article 21 (2026)")
    assert "its paragraphs are 1, 2, 3" in second


def test_records_have_one_shape_and_resolved_ids(cli) -> None:
    text = "Article 21(1); article 21 item 7; статьи 18 Конституции 1995 года; Articles 21-23"
    doc = json.loads(cli("refs", "-", "-f", "json", input=text).stdout)
    records = doc["results"]
    assert len({frozenset(r) for r in records}) == 1  # the same keys on every record
    para, missing, old, *rng = records
    assert (para["id"], para["ref"], para["paragraph"]) == ("2026/art_21__para_1", "21(1)", "1")
    assert missing["exists"] is False and missing["id"] is None and missing["ref"] is None
    assert missing["parsed"] == "21 item 7" and "paragraphs are 1, 2, 3" in missing["message"]
    assert (old["id"], old["ref"], old["edition"]) == ("1995/art_18", "18@1995", "1995")
    assert [r["ref"] for r in rng] == ["21", "22", "23"]


def test_refs_pipe_into_cite_cites_the_edition_found(cli) -> None:
    text = "статьи 18 Конституции 1995 года и подпункт 8 статьи 46"
    records = json.loads(cli("refs", "-", "-f", "json", input=text).stdout)["results"]
    refs = "".join(r["ref"] + "\n" for r in records)
    cited = cli("cite", "-", "--style", "id", input=refs).stdout.splitlines()
    assert cited == ["1995/art_18", "2026/art_46__point_8"]


def test_cite_oscola_cites_the_sub_item(cli) -> None:
    r = cli("cite", "подпункт 8 статьи 46", "--style", "oscola")
    assert r.stdout == "Constitution of the Republic of Kazakhstan 2026, art 46(8)\n"


@pytest.mark.parametrize(
    "text", ["46 subpara 8", "46 item 8", "46(8)", "пп. 8) ст. 46", "46-баптың 8) тармақшасы"]
)
def test_a_sub_item_without_its_paragraph_shows_that_sub_item(cli, text: str) -> None:
    r = cli("show", text, "-f", "json")
    assert r.code == 0, r.stderr
    [record] = json.loads(r.stdout)["results"]
    assert (record["id"], record["item"]) == ("2026/art_46__point_8", "8")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("21 item 3", "no subparagraphs; its paragraphs are 1, 2, 3"),
        ("55 item 3", "its subparagraphs are 55(4)(1)-(5)"),
        ("46 item 23", "its subparagraphs are 1) to 22)"),
    ],
)
def test_a_sub_item_that_is_not_there_is_an_error_naming_what_is(
    cli, text: str, fragment: str
) -> None:
    r = cli("show", text)
    assert r.code == 1 and r.stdout == ""
    assert fragment in r.stderr and r.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "text",
    ["Art. 1 " * 3000, "Article 1(" * 3000, "1, " * 3000 + "x", "статьи " + "1, " * 3000],
)
def test_long_lines_find_each_reference_once(corpus, text: str) -> None:
    """The pathological lines of bench/refs_speed.py, small: a token is read a bounded number
    of times (the speed itself is measured in bench/, not here)."""
    found = find_refs(corpus, text, "2026")
    assert len(found) in (0, 3000, 100)  # `статьи 1, 1, ...` is cut at MAX_LIST numbers


WORDS = [
    *(
        "Article Articles art. arts ст. ст п. ч. пп. подпункт пункта статьи статей бап и and"
    ).split(),
    *("және to - – , ; . of the Constitution Конституции Конституцияның РК Code Закона").split(),
    *("кодекстің preamble преамбула года sub paragraph paragraphs item ( ) \n").split(" "),
    *("21 46 (1) (8) 8) 1995 2026 83-1 10-1 0 9999 99999 1 2 3 22 -бап -бабы -тармағы").split(),
    "тармақшасы",
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from(["", "-"]))
def test_any_mix_of_reference_words_resolves_or_says_why(corpus, words, glue) -> None:
    """Found by fuzzing: `Article 1995 года` crashed; `Articles 23–21` gave nothing silently."""
    text = " ".join(words).replace(" -", glue + "-")
    for f in find_refs(corpus, text, "2026"):
        assert (f.provision is None) == bool(f.message)
        assert f.line >= 1 and f.column >= 1


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Article 1995 года", None),
        ("Articles 23–21", "the range 23-21 is empty"),
        ("пункты 9999–2 статьи 21", "has no paragraph 9999..2; its paragraphs are 1, 2, 3"),
    ],
)
def test_nonsense_ranges_are_errors_not_silence(corpus, text: str, fragment: str | None) -> None:
    found = find_refs(corpus, text, "2026")
    if fragment is None:
        assert found == []
    else:
        [f] = found
        assert f.provision is None and fragment in f.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Article 21(1) and (2)", ["21(1)", "21(2)"]),
        ("Article 21(1), (2) and (3)", ["21(1)", "21(2)", "21(3)"]),
        ("Article 21(1)-(3)", ["21(1)", "21(2)", "21(3)"]),
        ("Article 62(3) and 46(8)", ["62(3)", "46(8)"]),
        # the official order: 41(3-1) was inserted in 2011 between 41(3) and 41(4)
        ("Article 41(3)-(5) of the Constitution of 1995", ["41(3)", "41(3-1)", "41(4)", "41(5)"]),
    ],
)
def test_paragraph_lists_in_prose_keep_every_paragraph(
    corpus: Corpus, text: str, expected: list[str]
) -> None:
    found = find_refs(corpus, text, "2026")
    assert [f.provision.label for f in found if f.provision is not None] == expected


def test_a_pasted_edition_qualifier_is_kept(corpus: Corpus) -> None:
    """`18@1995` in prose is 1995 Article 18 (privacy), not 2026 Article 18."""
    [found] = find_refs(corpus, "See Article 18@1995 here.", "2026")
    assert found.edition == "1995" and found.provision is not None


@pytest.mark.parametrize(
    "text",
    [
        "Article 18 of the Constitution as amended in 2007",
        "ст. 18 Конституции (в редакции 2010 года)",
        "Article 18 of the Constitution in the 2010 wording",
    ],
)
def test_a_wording_before_2026_is_the_1995_text(corpus: Corpus, text: str) -> None:
    """The 2026 text did not exist in 2007 or 2010: such a reference is to the 1995 text."""
    [found] = find_refs(corpus, text, "2026")
    assert found.edition == "1995"


def test_the_documents_own_article_heading_is_not_a_reference(corpus: Corpus) -> None:
    text = "Статья 1. Настоящий Закон вступает в силу согласно статье 94 Конституции"
    assert [f.provision.label for f in find_refs(corpus, text, "2026") if f.provision] == ["94"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ст. 21(1) Конституции", ["21(1)"]),
        ("статей 21 и 46(8) Конституции", ["21", "46(8)"]),
    ],
)
def test_a_pin_after_a_russian_article_is_kept(
    corpus: Corpus, text: str, expected: list[str]
) -> None:
    found = find_refs(corpus, text, "2026")
    assert [f.provision.label for f in found if f.provision is not None] == expected
