"""Search: the relevance suite (queries as users type them) and safety on any input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzconst.errors import KzconstError, NotFoundError, UsageError
from kzconst.search.rank import search

# query -> articles of 2026 of which at least one must be in the top 3
RELEVANCE = [
    ("privacy", {"21"}),
    ("personal data", {"21"}),
    ("death penalty", {"17"}),
    ("dual citizenship", {"13"}),
    ("vice president", {"49"}),
    ("how is the constitution amended", {"92"}),
    ("145 deputies", {"53"}),
    ("People's Council", {"70", "71"}),
    ("Halyk Kenesi", {"70", "71"}),
    ("dissolution of the Kurultai", {"62"}),
    ("presumption of innocence", {"19"}),
    ("torture", {"20"}),
    ("freedom of speech", {"23"}),
    ("censorship", {"23"}),
    ("state language", {"9"}),
    ("Russian language", {"9"}),
    ("capital Astana", {"2"}),
    ("tenge", {"2"}),
    ("marriage", {"30"}),
    ("minimum wage", {"31"}),
    ("presidential term seven years", {"43"}),
    ("impeachment high treason", {"50"}),
    ("Constitutional Court judges", {"72"}),
    ("Prosecutor General", {"84"}),
    ("ombudsman", {"85"}),
    ("advocates", {"86"}),
    ("akim", {"89"}),
    ("maslikhat", {"88"}),
    ("entry into force", {"94"}),
    ("private ownership of land", {"8"}),
    ("peaceful assembly", {"34"}),
    ("pay taxes", {"38"}),
    ("military service", {"39"}),
    ("environment", {"37"}),
    ("flag emblem anthem", {"11"}),
    ("Government resignation", {"69"}),
    ("Supreme Court", {"82", "83"}),  # 83: its Chair and judges
    ("extradition", {"14"}),
    ("religion separated from the state", {"7"}),
    ("Qurultai", {str(n) for n in range(52, 63)}),  # any Kurultai article
]


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_relevance(query: str, expected: set[str]) -> None:
    result = search(query, edition="2026", limit=3)
    top = [g.article for g in result.articles]
    assert expected & set(top), f"{query!r}: top 3 are {top}"


def test_relevance_suite_is_large_enough() -> None:
    assert len(RELEVANCE) >= 30


def test_hits_are_grouped_and_highlighted() -> None:
    result = search("personal data", edition="2026")
    first = result.articles[0]
    assert first.article == "21"
    hit = first.hits[0]
    assert hit.marks, "the matched words are marked"
    marked = [hit.snippet[a:b].lower() for a, b in hit.marks]
    assert any("personal" in m or "data" in m for m in marked), marked


@pytest.mark.parametrize(
    ("kwargs", "check"),
    [
        ({"section": "VI"}, lambda arts: arts <= {"70", "71"}),
        ({"topic": "privacy"}, lambda arts: "21" in arts),
        ({"scope": "commentary"}, lambda arts: bool(arts)),
    ],
)
def test_scoping(kwargs: dict[str, str], check) -> None:
    result = search("state", edition="2026", **kwargs)
    assert check({g.article for g in result.articles})


def test_editions_scope_the_search() -> None:
    everywhere = search("Mazhilis", edition=None, scope="text", limit=50)
    assert "1995" in {g.edition for g in everywhere.articles}
    only_2026 = search("Senate", edition="2026", limit=50)
    assert {g.edition for g in only_2026.articles} <= {"2026"}


def test_phrase_prefix_and_not() -> None:
    assert search('"personal data"', edition="2026").articles[0].article == "21"
    assert search("citizen*", edition="2026").articles
    # NOT works per paragraph: 21(2) names banking secrecy, 21(1) does not
    hits = [h for g in search("privacy NOT banking", edition="2026").articles for h in g.hits]
    assert hits
    assert all("banking" not in h.snippet.lower() for h in hits if h.kind == "text")


def test_did_you_mean() -> None:
    result = search("privasy", edition="2026")
    assert not result.articles
    assert "privacy" in result.suggestions


@pytest.mark.parametrize("query", ["", "   ", "AND OR NOT", "((", '"', "*", "x" * 10_001])
def test_unsearchable_queries_are_usage_errors(query: str) -> None:
    with pytest.raises(UsageError):
        search(query)


def test_unknown_topic() -> None:
    with pytest.raises(NotFoundError):
        search("state", topic="astrology")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_search_never_raises_anything_but_its_own_errors(text: str) -> None:
    try:
        search(text, edition="2026")
    except KzconstError:
        pass


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "*",
                "AND",
                "OR",
                "NOT",
                "NEAR",
                "^",
                ":",
                "-",
                "+",
                "privacy",
                "ст.",
                "Құрылтай",
                "{",
                "}",
            ]
        ),
        max_size=12,
    )
)
def test_fts_operators_are_safe(parts: list[str]) -> None:
    try:
        search(" ".join(parts), edition="2026")
    except KzconstError:
        pass
