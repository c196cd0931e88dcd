"""The reference grammar, table-driven: text -> Ref, and Ref -> provision."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzconst.errors import NotFoundError, UsageError
from kzconst.refs.grammar import Ref, format_ref, parse_refs
from kzconst.refs.resolve import resolve


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21", [Ref("21")]),
        ("art 21", [Ref("21")]),
        ("Art. 21", [Ref("21")]),
        ("Article 21", [Ref("21")]),
        ("article 21 of the Constitution", [Ref("21")]),
        ("21(1)", [Ref("21", "1")]),
        ("21.1", [Ref("21", "1")]),
        ("21 para 1", [Ref("21", "1")]),
        ("21 paragraph 1", [Ref("21", "1")]),
        ("art. 43, para. 5", [Ref("43", "5")]),
        ("46(1)(3)", [Ref("46", "1", "3")]),
        ("46.1.3", [Ref("46", "1", "3")]),
        ("21-23", [Ref("21", end="23")]),
        ("21..23", [Ref("21", end="23")]),
        ("21–23", [Ref("21", end="23")]),
        ("21,23,30", [Ref("21"), Ref("23"), Ref("30")]),
        ("preamble", [Ref("preamble")]),
        ("Preamble", [Ref("preamble")]),
        ("ст. 21", [Ref("21")]),
        ("статья 21", [Ref("21")]),
        ("п. 1 ст. 21", [Ref("21", "1")]),
        ("ст. 21 п. 1", [Ref("21", "1")]),
        ("пункт 1 статьи 21", [Ref("21", "1")]),
        ("подпункт 3) пункта 1 статьи 46", [Ref("46", "1", "3")]),
        ("21-бап", [Ref("21")]),
        ("21-баптың 1-тармағы", [Ref("21", "1")]),
        ("Конституцияның 21-бабы", [Ref("21")]),
        ("21@1995", [Ref("21", edition="1995")]),
        ("18(1)@1995", [Ref("18", "1", edition="1995")]),
        ("83-1", [Ref("83-1")]),
        ("2(3-1)", [Ref("2", "3-1")]),
        ("2.3-1", [Ref("2", "3-1")]),
        ("94-2@1995", [Ref("94-2", edition="1995")]),
        ("021", [Ref("21")]),
        # a sub-item named without its paragraph (2026 arts 46, 56, 65, 66, 71 have none)
        ("46 subpara 8", [Ref("46", None, "8")]),
        ("46 item 8", [Ref("46", None, "8")]),
        ("подпункт 8 статьи 46", [Ref("46", None, "8")]),
        ("пп. 8) ст. 46", [Ref("46", None, "8")]),
        ("46-баптың 8) тармақшасы", [Ref("46", None, "8")]),
        ("44(10-1)@1995", [Ref("44", "10-1", edition="1995")]),
        ("подпункт 10-1) статьи 44", [Ref("44", None, "10-1")]),
        # ч. / часть is a paragraph; Конституции РК is the Constitution
        ("ч. 1 ст. 21", [Ref("21", "1")]),
        ("часть 1 статьи 21", [Ref("21", "1")]),
        ("ч. 1 ст. 21 Конституции РК", [Ref("21", "1")]),
        ("п. 1 ст. 21 Конституции Республики Казахстан", [Ref("21", "1")]),
        ("arts 17", [Ref("17")]),
        ("Articles 21-23", [Ref("21", end="23")]),
    ],
)
def test_parse(text: str, expected: list[Ref]) -> None:
    assert parse_refs(text) == expected


@pytest.mark.parametrize(
    "text", ["abc", "", "   ", "21((1", "art", "x" * 300, "21 para", "ст.", "1-2-3"]
)
def test_malformed_is_a_usage_error_saying_what_is_expected(text: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_refs(text)
    assert "21" in err.value.message  # the message shows what a reference looks like


def test_unknown_edition_qualifier_names_the_editions() -> None:
    with pytest.raises(UsageError, match="@2026 or @1995"):
        parse_refs("21@2020")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("21", "21"),
        ("21(1)", "21(1)"),
        ("46(3)", "46(3)"),
        ("46(1)(3)", "46(3)"),
        ("2.4", "2(4)"),
        ("preamble", "preamble"),
        ("55(4)(5)", "55(4)(5)"),
        ("46 item 8", "46(8)"),
        ("подпункт 8 статьи 46", "46(8)"),
        ("71 item 4", "71(4)"),
        ("ч. 2 ст. 15", "15(2)"),
    ],
)
def test_resolve_labels(corpus, text: str, label: str) -> None:
    [ref] = parse_refs(text)
    [provision] = resolve(corpus, ref, "2026")
    assert provision.label == label


def test_range_and_list_resolve_in_order(corpus) -> None:
    provisions = [p for r in parse_refs("1-3") for p in resolve(corpus, r, "2026")]
    assert [p.article.number for p in provisions] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("999", "nearest: 96"),
        ("21(9)", "its paragraphs are 1, 2, 3"),
        ("46(40)", "subparagraphs are 1) to 22)"),
        ("21(1)(2)", "no subparagraphs"),
        ("21 item 3", "article 21 (2026) has no subparagraphs; its paragraphs are 1, 2, 3"),
        ("55 item 3", "name the paragraph of subparagraph 3); its subparagraphs are 55(4)(1)"),
        ("1 item 1", "article 1 (2026) has no numbered paragraphs and no subparagraphs"),
        ("1(1)", "article 1 (2026) has no numbered paragraphs and no subparagraphs"),
        ("46(8)(1)", "has no numbered paragraphs, so 46(8)(1) names nothing"),
        ("65 item 10", "its subparagraphs are 1) to 9)"),
    ],
)
def test_missing_provisions_say_what_exists(corpus, text: str, fragment: str) -> None:
    [ref] = parse_refs(text)
    with pytest.raises(NotFoundError) as err:
        resolve(corpus, ref, "2026")
    assert fragment in err.value.message


refs = (
    st.builds(
        Ref,
        article=st.integers(1, 120).map(str) | st.just("83-1"),
        paragraph=st.none() | st.integers(1, 9).map(str) | st.just("3-1"),
        item=st.none(),
        end=st.none(),
        edition=st.none() | st.sampled_from(["2026", "1995"]),
        on=st.none() | st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10),
        para_end=st.none(),
    )
    | st.builds(
        Ref,
        article=st.integers(1, 99).map(str),
        paragraph=st.integers(1, 9).map(str),
        item=st.integers(1, 22).map(str),
        end=st.none(),
        edition=st.none(),
        on=st.none(),
        para_end=st.none(),
    )
    | st.builds(
        Ref,
        article=st.integers(1, 99).map(str),
        paragraph=st.none(),
        item=st.integers(1, 22).map(str) | st.just("10-1"),
        end=st.none(),
        edition=st.none() | st.sampled_from(["2026", "1995"]),
        on=st.none(),
        para_end=st.none(),
    )
)


@given(refs)
def test_format_round_trips(ref: Ref) -> None:
    assert parse_refs(format_ref(ref)) == [ref]


@given(st.text(max_size=250))
def test_parser_raises_only_usage_errors(text: str) -> None:
    with contextlib.suppress(UsageError):
        parse_refs(text)
