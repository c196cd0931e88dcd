"""Search: relevance (queries as users type them, the graded tuning set), query understanding,
what the search tells the reader, and safety on any input."""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzconst.errors import KzconstError, NotFoundError, UsageError
from kzconst.search.query import Vocabulary, parse_query
from kzconst.search.rank import search
from kzconst.search.snippet import MARK_CLOSE, MARK_OPEN, make_snippet
from kzconst.search.words import key_of

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))
import relevance  # noqa: E402  (bench/relevance.py: the relevance runner)

# query -> the article of 2026 that must come first (judged from the official text)
FIRST = [
    ("privacy", "21"),
    ("personal data", "21"),
    ("death penalty", "17"),
    ("dual citizenship", "13"),
    ("vice president", "49"),
    ("145 deputies", "53"),
    ("People's Council", "70"),  # 70 establishes it; 71 lists its powers
    ("Halyk Kenesi", "70"),
    ("dissolution of the Kurultai", "62"),
    ("presumption of innocence", "19"),
    ("torture", "20"),
    ("freedom of speech", "23"),
    ("censorship", "23"),
    ("state language", "9"),
    ("Russian language", "9"),
    ("capital Astana", "2"),
    ("tenge", "2"),
    ("marriage", "30"),
    ("minimum wage", "31"),
    ("presidential term seven years", "43"),
    ("impeachment high treason", "50"),
    ("Prosecutor General", "84"),
    ("ombudsman", "85"),
    ("advocates", "86"),
    ("akim", "89"),
    ("maslikhat", "88"),
    ("entry into force", "94"),
    ("private ownership of land", "8"),
    ("peaceful assembly", "34"),
    ("pay taxes", "38"),
    ("military service", "39"),
    ("environment", "37"),
    ("flag emblem anthem", "11"),
    ("Government resignation", "69"),
    ("extradition", "14"),
    ("religion separated from the state", "7"),
    ("Qurultai", "52"),  # was: any of 52-62
    ("Supreme Court", "82"),  # was: 82 or 83
]
# query -> articles of 2026 of which one must be in the top 3
TOP3 = [
    ("how is the constitution amended", {"92"}),
    ("Constitutional Court judges", {"72"}),
]
# The examples of issue 13: each "should be first" article must come first.
ISSUE_TABLE = [
    ("Kurultai", "52"),
    ("Government", "63"),
    ("Supreme Court", "82"),
    ("how many deputies are in the Kurultai", "53"),
    # 51(1): on the President's death the powers pass to the Vice President (44(3), where the
    # powers end, is also relevant, and second).
    ("what happens if the president dies", "51"),
    ("who appoints the Prime Minister", "46"),
    ("state of emergency", "46"),
    ("martial law", "46"),
    ("can the Kurultai override the president's veto", "56"),
    ("can prisoners vote", "35"),
    ("jury", "76"),
    ("conscription", "39"),
]


@pytest.mark.parametrize(("query", "expected"), FIRST)
def test_relevance_first(query: str, expected: str) -> None:
    top = [g.article for g in search(query, edition="2026", limit=3).articles]
    assert top[:1] == [expected], f"{query!r}: top 3 are {top}"


@pytest.mark.parametrize(("query", "expected"), TOP3)
def test_relevance_top3(query: str, expected: set[str]) -> None:
    top = [g.article for g in search(query, edition="2026", limit=3).articles]
    assert expected & set(top), f"{query!r}: top 3 are {top}"


@pytest.mark.parametrize(("query", "expected"), ISSUE_TABLE)
def test_issue_table_examples_come_first(query: str, expected: str) -> None:
    top = [g.article for g in search(query, edition="2026", limit=3).articles]
    assert top[:1] == [expected], f"{query!r}: top 3 are {top}"


@pytest.fixture(scope="module")
def tuning() -> list[relevance.Judged]:
    return relevance.run(BENCH / "relevance" / "tuning.toml")


def test_tuning_set_is_large_and_graded(tuning: list[relevance.Judged]) -> None:
    assert len(tuning) >= 100
    assert all(2 in r.relevant.values() for r in tuning)


def test_tuning_set_meets_the_issue_targets(tuning: list[relevance.Judged]) -> None:
    overall = relevance.summary(tuning)["all"]
    assert overall["P@1"] >= 0.90 and overall["R@3"] >= 0.97, overall


# The levels reached on the sets tuned on (P@1, R@3, MRR), as of 2026-12-07: tuning.toml
# 0.963 / 1.000 / 0.980; heldout.toml (run more than once, so tuned on too) 0.913 / 0.971 /
# 0.944; attack.toml (an adversarial tester's questions) 0.854 / 0.924 / 0.897. heldout2.toml
# is the held-out set: never here.
TUNED_LEVELS = {  # every set but heldout3, the last held-out set (run once, not tuned on)
    "tuning.toml": (0.96, 0.99, 0.98),
    "heldout.toml": (0.92, 0.98, 0.95),
    "heldout2.toml": (0.92, 0.96, 0.94),
    "attack.toml": (0.90, 0.96, 0.93),
    "tuning3.toml": (0.90, 0.96, 0.93),
    "attack7.toml": (0.90, 0.96, 0.93),
    "attack8.toml": (0.93, 0.99, 0.96),
}


@pytest.mark.parametrize("name", sorted(TUNED_LEVELS))
def test_tuned_sets_do_not_regress(name: str) -> None:
    overall = relevance.summary(relevance.run(BENCH / "relevance" / name))["all"]
    p1, r3, mrr = TUNED_LEVELS[name]
    assert overall["P@1"] >= p1 and overall["R@3"] >= r3 and overall["MRR"] >= mrr, overall


def test_every_institution_defining_article_comes_first(tuning: list[relevance.Judged]) -> None:
    late = [(r.q, r.edition, r.got[:3]) for r in tuning if r.kind == "institution" and r.p1 < 1]
    assert not late


def test_cyrillic_queries_reach_the_english_text(tuning: list[relevance.Judged]) -> None:
    late = [(r.q, r.got[:3]) for r in tuning if r.kind == "cyrillic" and r.r3 < 1]
    assert not late


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


# --- query understanding ----------------------------------------------------------------------


def test_question_words_are_dropped() -> None:
    labels = [c.label for c in parse_query("how many deputies are in the Kurultai").concepts]
    assert labels == ["deputies", "kurultai"]


def test_hyphenated_words_are_kept_whole() -> None:
    [concept] = parse_query("re-elected").concepts
    assert concept.own == ('"re elected"',), "one phrase, not the stray syllable 're'"


def test_thesaurus_words_are_expansions_below_the_users_own() -> None:
    from kzconst.search.rank import EXPANSION_WEIGHT

    result = search("veto", edition="2026")
    [concept] = result.query.concepts
    assert concept.own == ('"veto"',) and '"objections of the President"' in concept.expansions
    assert EXPANSION_WEIGHT < 1
    assert result.articles[0].article == "56"  # 56(?) overcomes the President's objections


def test_topic_descriptions_are_not_aliases() -> None:
    """`dual citizenship` is not citizenship OR deprivation OR extradition OR protection abroad."""
    result = search("dual citizenship", edition="2026")
    operands = {o for c in result.query.concepts for o in (*c.own, *c.expansions)}
    assert not operands & {'"deprivation"', '"extradition"', '"protection abroad"'}
    assert result.articles[0].article == "13"


def test_coordination_level_orders_the_results() -> None:
    result = search("can prisoners vote", edition="2026", limit=50)
    matched = [g.matched for g in result.articles]
    assert matched == sorted(matched, reverse=True)
    assert result.articles[0].article == "35" and not result.relaxed


def test_relaxed_search_is_flagged_and_names_the_missing_word() -> None:
    result = search("privacy zzyzxq", edition="2026")
    assert result.relaxed and result.missing == ["zzyzxq"]
    assert result.articles[0].article == "21"


def test_results_say_how_many_matched() -> None:
    few = search("state", edition="2026", limit=3)
    every = search("state", edition="2026", limit=200)
    assert len(few.articles) == 3 and few.total == every.total == len(every.articles) > 3


# --- Cyrillic and references --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("персональные данные", "21"),
        ("смертная казнь", "17"),
        ("смертной казни", "17"),
        ("Президент", "42"),
        ("Құрылтай", "52"),
        ("сколько депутатов в Курултае", "53"),
    ],
)
def test_glossary_translates_cyrillic(query: str, first: str) -> None:
    result = search(query, edition="2026")
    assert result.articles[0].article == first
    assert not result.query.untranslated


def test_cyrillic_with_nothing_to_translate_says_so(cli) -> None:
    r = cli("search", "абырвалг")
    assert r.code == 1
    assert "English rendering" in r.stderr and "kzconst search" in r.stderr


def test_untranslated_cyrillic_words_are_named(cli) -> None:
    r = cli("search", "персональные данные абырвалг")
    assert r.code == 0 and r.stdout.startswith("21@2026")
    assert "left out: абырвалг" in r.stderr


@pytest.mark.parametrize(
    ("query", "article"),
    [("ст. 21", "21"), ("Article 21", "21"), ("21-бап", "21"), ("статья 17", "17")],
)
def test_a_reference_typed_into_search_points_to_show(cli, query: str, article: str) -> None:
    r = cli("search", query)
    assert r.code == 1
    assert f"kzconst show {article}" in r.stderr


def test_a_reference_beside_words_is_a_note(cli) -> None:
    r = cli("search", "Article 21 privacy")
    assert r.code == 0 and r.stdout.startswith("21@2026")
    assert "kzconst show 21" in r.stderr


# --- what the reader is told --------------------------------------------------------------------


def test_cut_off_list_says_so_on_stderr_and_in_json(cli) -> None:
    import json

    r = cli("search", "state", "--limit", "2")
    assert r.code == 0
    assert re.search(r"showing 2 of \d+ articles \(--limit N for more\)", r.stderr), r.stderr
    records = json.loads(cli("search", "state", "--limit", "2", "-f", "json").stdout)["results"]
    assert len(records) == 2 and records[0]["total"] > 2
    assert cli("search", "state", "--limit", "200").stderr == ""


def test_relaxed_search_says_so_on_stderr(cli) -> None:
    r = cli("search", "privacy zzyzxq")
    assert "no article has every word" in r.stderr and "zzyzxq" in r.stderr


def test_snippets_are_cut_at_word_boundaries() -> None:
    words = " ".join(f"word{i}" for i in range(200))
    marked = words.replace("word100", f"{MARK_OPEN}word100{MARK_CLOSE}")
    snippet, marks = make_snippet(marked, width=80)
    assert snippet.startswith("…") and snippet.endswith("…")
    inner = snippet.strip("…")
    assert inner.split() == [w for w in inner.split() if re.fullmatch(r"word\d+", w)]
    assert f" {inner} " in f" {words} "
    assert [snippet[a:b] for a, b in marks] == ["word100"]


def test_every_shown_snippet_ends_on_a_whole_word() -> None:
    for group in search("state", edition="2026", limit=20).articles:
        for hit in group.hits:
            if hit.snippet.endswith("…"):
                last = hit.snippet[:-1].split()[-1].strip(".,;:()«»“”\"'")
                assert re.search(rf"\b{re.escape(last)}\b", group.title + " " + _row_text(hit))


def _row_text(hit) -> str:
    from kzconst.corpus.load import load_corpus

    art = load_corpus().article("2026", hit.ref.split("(")[0])
    assert art is not None
    texts = [p.text for p in art.paragraphs] + [i.text for p in art.paragraphs for i in p.items]
    return " ".join(texts + [c.text for c in art.commentary])


def test_the_row_with_more_of_the_query_is_shown_first() -> None:
    # 46(4): the President, with the Kurultai's consent, appoints the Prime Minister. 46(7) only
    # appoints (heads of diplomatic missions): it is not the answer, however short it is.
    group = search("who appoints the Prime Minister", edition="2026").articles[0]
    assert group.article == "46"
    assert group.hits[0].ref == "46(4)"
    words = group.hits[0].snippet.lower()
    assert "appoints the prime minister" in words


def test_the_snippet_shows_where_the_query_words_meet() -> None:
    filler = " ".join(f"w{i}" for i in range(60))
    lone = f"{MARK_OPEN}minister{MARK_CLOSE}"
    both = f"{MARK_OPEN}appoints{MARK_CLOSE} the {MARK_OPEN}minister{MARK_CLOSE}"
    snippet, marks = make_snippet(f"{filler} {lone} {filler} {both} {filler}", width=80)
    assert "appoints the minister" in snippet
    assert sorted(snippet[a:b] for a, b in marks) == ["appoints", "minister"]


def test_veto_finds_the_presidents_objections_not_objects_of_property() -> None:
    # 46(3): the President returns a law for repeated discussion and voting; 56(2): the Kurultai
    # overcomes the President's objections. 8(2) speaks of the "objects" of property: no veto.
    for query in ("veto", "вето"):
        got = [a.article for a in search(query, edition="2026").articles]
        assert got[:2] == ["56", "46"], query
        assert "8" not in got, query


def test_a_thesaurus_key_is_matched_across_filler_words() -> None:
    entry = (["lose citizenship"], ["deprived of citizenship"], [], [])
    entries = {key_of(["lose", "citizenship"]): entry}
    vocab = Vocabulary(lambda key: entries.get(key))
    [concept] = parse_query("can I lose my citizenship", vocab).concepts
    assert concept.label == "lose citizenship"
    assert concept.expansions == ('"deprived of citizenship"',)
    # A filler opening the run never starts a key, and adjacent words still match first.
    assert [c.label for c in parse_query("my citizenship", vocab).concepts] == ["citizenship"]


def test_lay_questions_reach_the_provision_across_filler_words() -> None:
    # 92: the Constitution is amended only by national referendum; 13(2): deprivation of
    # citizenship; 51(1): the President's powers pass to the Vice President on illness.
    for query, first in (
        ("how can the constitution be changed", "92"),
        ("can I lose my citizenship", "13"),
        ("who is in charge if the president is ill", "51"),
    ):
        assert search(query, edition="2026").articles[0].article == first, query


def test_verb_and_noun_meet_where_the_stemmer_keeps_them_apart() -> None:
    from kzconst.search.words import derived

    assert derived("dissolve") == {"dissolution"} and derived("dissolution") == {"dissolve"}
    assert derived("reduced") == {"reduction"} and derived("assumption") == {"assume"}
    assert derived("resolve") == set() and derived("resolutions") == set()  # acts, not resolving
    # 62(1): the President may dissolve the Kurultai; 46(2) names the power only in passing.
    assert search("who can dissolve the Kurultai", edition="2026").articles[0].article == "62"


def test_the_scores_shown_follow_the_order_within_a_coordination_level() -> None:
    for query in ("state of emergency", "Kurultai", "who appoints the Prime Minister", "veto"):
        groups = search(query, edition="2026", limit=20).articles
        for a, b in itertools.pairwise(groups):
            if a.matched == b.matched:
                assert a.score >= b.score, (query, a.article, b.article)


# Single-word thesaurus and glossary values whose porter stem also matches another word family
# in the text, reviewed: each pair below is one family (application / applicable). A new pair
# ("objections" matching "objects" of property, "correspondence" matching "the corresponding
# decision") is a false friend: write the value as a phrase instead.
REVIEWED_STEM_MATES = {
    "application": {"applicable", "applicants"},
    "applications": {"applicable", "applicants"},
    "elections": {"elect", "elected", "elects"},
    "government": {"governed", "governing", "governs"},
    "interpretation": {"interpreted"},
    "inviolability": {"inviolable"},
    "obligation": {"obliged", "obliges"},
    "organisation": {"organised", "organises", "organising"},
    "requirements": {"require", "required", "requires", "requiring"},
    "resignation": {"resign", "resigns"},
}


def test_thesaurus_words_match_no_false_friends() -> None:
    import tomllib

    from kzconst.corpus.load import corpus_path
    from kzconst.search.index import open_index

    with corpus_path(None).open("rb") as fh:
        tables = tomllib.load(fh)
    values = {
        v.lower()
        for table in ("thesaurus", "glossary")
        for vs in tables[table].values()
        for v in vs
        if re.fullmatch(r"[\w-]+", v)
    }
    conn = open_index(None)
    found = {}
    for value in sorted(values):
        forms = {
            m.lower()
            for (marked,) in conn.execute(
                "SELECT highlight(row, 0, '[', ']') FROM row WHERE row MATCH ?",
                [f'body : "{value}"'],
            )
            for m in re.findall(r"\[([^\]]*)\]", marked)
        }
        keep = max(3, len(value) - 3)
        odd = {f for f in forms if f[:keep] != value[:keep]}
        if odd:
            found[value] = odd
    assert found == REVIEWED_STEM_MATES


def test_a_1995_hit_in_a_later_wording_says_so(cli) -> None:
    # 1995 15(2) allowed the death penalty until the Law of 8 June 2022 (referendum of 5 June
    # 2022) prohibited it: the search quotes that last wording and must say since when.
    r = cli("search", "death penalty", "--edition", "1995", "--limit", "2")
    assert r.code == 0 and "15(2)@1995" in r.stdout
    assert "15(2)@1995 (from 2022-06-08)" in r.stderr and "kzconst history" in r.stderr
    # The 2026 text has one wording: no such note.
    assert "history" not in cli("search", "death penalty", "--limit", "2").stderr


# The paragraph that answers, judged from the law: it must be the first one shown for its
# article (and so what `search -f refs` hands to `show`).
ANSWERING_PARAGRAPH = [
    ("who replaces the president", "51(1)"),  # the powers pass to the Vice President...
    ("how long is the president's term", "43(1)"),  # elected for a term of seven years
    ("how many deputies are in the Kurultai", "53(1)"),  # one hundred and forty-five deputies
    ("is same-sex marriage allowed", "30(2)"),  # a union of a man and a woman
    ("what is the People's Council", "70(1)"),  # the highest consultative body
    ("Kurultai", "52(1)"),  # the highest representative body, exercising legislative power
    ("who appoints the Prime Minister", "46(4)"),  # with the Kurultai's consent
    ("state language", "9(1)"),
    ("death penalty", "17(3)"),
    ("censorship", "23(5)"),
    ("presumption of innocence", "19(1)"),
    ("torture", "20(2)"),
    ("how old must the president be", "43(2)"),  # not younger than forty
    ("extradition", "14(1)"),
    ("private property", "29(1)"),
    ("detention without a court decision", "18(2)"),
]


@pytest.mark.parametrize(("query", "paragraph"), ANSWERING_PARAGRAPH)
def test_the_answering_paragraph_is_shown_first(query: str, paragraph: str) -> None:
    article = paragraph.split("(", maxsplit=1)[0]
    [group] = [g for g in search(query, edition="2026", limit=20).articles if g.article == article]
    assert group.best_ref == paragraph


def test_a_possessive_finds_the_plain_word() -> None:
    # 53(2): the term of office of the deputies of the Kurultai is five years.
    [deputy, _] = parse_query("how long is a deputy's term").concepts
    assert '"deputy"' in deputy.own
    assert search("how long is a deputy's term", edition="2026").articles[0].article == "53"


def test_an_article_inserted_later_says_since_when(cli) -> None:
    # 1995 Article 99 (the Constitutional Council's transition) was inserted by the Law of
    # 8 June 2022: quoted from the 1995 text, it must not read as if it had always been there.
    r = cli("search", "Constitutional Council", "--edition", "1995", "-n", "3")
    assert "99(1)@1995 (from 2022-06-08)" in r.stderr


def test_no_match_in_the_1995_text_says_only_its_last_wording_was_searched(cli) -> None:
    # 2(3) named the capital Nur-Sultan from 2019 to 2022: the search holds the last wording.
    r = cli("search", "Nur-Sultan", "--edition", "1995")
    assert r.code == 1 and "last wording" in r.stderr and "history" in r.stderr


def test_the_preamble_is_placed_before_section_i(cli) -> None:
    out = cli("search", "united people of Kazakhstan", "-n", "20").stdout
    assert "preamble@2026  Preamble  [before Section I;" in out


def test_search_topic_is_named_as_topics_lists_it(cli) -> None:
    assert cli("search", "court", "--topic", "Rule of Law").code == 0
    assert cli("search", "court", "--topic", "rule_of_law").code == 0


@pytest.mark.parametrize(
    ("name", "article"),
    [
        ("Supreme Court of the Republic", "82"),  # 82(1): the highest judicial body
        ("President of the Republic of Kazakhstan", "42"),  # 42(1): the head of state
        ("Constitutional Court of the Republic of Kazakhstan", "72"),  # 72(1)
    ],
)
def test_an_official_full_name_finds_the_defining_article(name: str, article: str) -> None:
    # Every body is "of the Republic (of Kazakhstan)": the words add nothing to tell them apart.
    assert search(name, edition="2026").articles[0].article == article


def test_a_1995_hit_in_a_second_list_gets_its_own_date(cli) -> None:
    # 1995 52(5) lists 1)-3) twice; the second list (Mazhilis deputies' party) was reworded by
    # the Law of 8 June 2022 ("on the basis of a party list"), the first dates from 2007.
    r = cli(
        "search",
        "withdrawal or expulsion of the deputy from the political party",
        "--edition",
        "1995",
        "-n",
        "1",
    )
    assert "52(5)(1)@1995 (from 2022-06-08)" in r.stderr


def test_a_topic_name_the_text_never_says_does_not_swallow_its_words() -> None:
    # "secular state" names a topic, but 1(1) says "a democratic, secular, law-governed and
    # social state": read as one name, the query matched no article's text at all.
    first = search("secular state", edition="2026")
    assert [c.label for c in first.query.concepts] == ["secular", "state"]
    assert search("secular state", edition="2026").articles[0].article == "1"


@pytest.mark.parametrize("text", ["NOT death", "(NOT death)", "life OR NOT death"])
def test_a_not_with_nothing_before_it_is_a_usage_error(cli, text: str) -> None:  # type: ignore[no-untyped-def]
    # Dropping the NOT would return exactly the articles the user excluded (17, 44, 51...).
    r = cli("search", text)
    assert r.code == 2 and r.stdout == ""
    assert "NOT needs words before it" in r.stderr


def test_not_leaves_out_the_paragraphs_with_what_follows() -> None:
    # NOT applies per paragraph (README): 51(1), on the President's death, is left out; the
    # paragraphs of 51 on the President without it may be shown.
    hits = [
        h for a in search("president NOT death", edition="2026", limit=100).articles for h in a.hits
    ]
    assert hits and not [h.ref for h in hits if "death" in h.snippet.lower()]


def test_a_misspelt_word_is_offered_not_replaced(cli) -> None:  # type: ignore[no-untyped-def]
    # A word none has is searched as typed; the spelling the text has is offered on stderr,
    # never silently (nor noisily) put in its place: "marital" is not "martial".
    r = cli("search", "constitutinal court", "-n", "1")
    assert r.code == 0 and "none has: constitutinal; did you mean: constitutional" in r.stderr
    r = cli("search", "marital status", "-n", "3")
    assert "did you mean: martial" in r.stderr and "62@2026" not in r.stdout


@pytest.mark.parametrize(
    "word",
    [
        "abortion",
        "euthanasia",
        "inequality",
        "injustice",
        "unregistered",
        "deregulation",
        "speeding",
        "legalisation",
    ],
)
def test_a_word_the_text_lacks_is_not_replaced_by_another_word(cli, word: str) -> None:  # type: ignore[no-untyped-def]
    # "abortion" is two slips from "abolition", "inequality" equality with a prefix, "speeding"
    # one slip from "spending": words of their own, not typos of the text's; nothing found.
    r = cli("search", word)
    assert r.code == 1 and r.stdout == ""


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("court NOT судьи", "judge"),  # the glossary's English for судьи
        ("court NOT Qurultai", "kurultai"),  # a name's other spellings
        ("суд NOT президент", "president"),
    ],
)
def test_not_leaves_out_translations_and_spellings(text: str, left_out: str) -> None:
    hits = [h for a in search(text, edition="2026", limit=100).articles for h in a.hits]
    assert hits and not [h.ref for h in hits if left_out in h.snippet.lower()]


def test_a_reference_typed_with_its_edition_keeps_it(cli) -> None:  # type: ignore[no-untyped-def]
    # 1995 Article 21 is freedom of movement; 2026 Article 21 is privacy: the hint must name
    # the edition typed, and "1995" is not searched as a word.
    r = cli("search", "ст. 21@1995")
    assert r.code == 1 and "kzconst show 21@1995" in r.stderr


def test_a_phrase_under_not_leaves_out_the_phrase_not_its_first_word() -> None:
    # 43(1), the President elected "for a term of seven years", has no "term of office": it is
    # not left out with the rows that have the phrase (43(3)).
    query = 'president NOT "term of office"'
    hits = [h for a in search(query, edition="2026", limit=100).articles for h in a.hits]
    assert not [h for h in hits if "term of office" in h.snippet.lower()]
    assert "43(1)" in {h.ref for h in hits}
