"""The 1995 text in time: --as-of and REF@DATE show the law of that date, `history` every wording.

Expectations come from the amending laws (the footnotes of the official text name them): the
wording a court would have applied on that day, not the last one.
"""

from __future__ import annotations

import json

import pytest

from kzconst.corpus.model import Corpus


def text_on(cli, ref: str) -> str:  # type: ignore[no-untyped-def]
    r = cli("show", ref, "--no-commentary", "--plain")
    assert r.code == 0, r.stderr
    return " ".join(r.stdout.split())


# The table: what kzconst printed, and the law of that date.
@pytest.mark.parametrize(
    ("ref", "present", "absent"),
    [
        # 2007 wording: not more than twice in a row, and not for the First President
        ("42(5)@2010-01-01", ["twice in succession", "First President"], ["more than once"]),
        # 2007 wording: five years (seven again only from 17 September 2022)
        ("41(1)@2010-01-01", ["five years"], ["seven years"]),
        ("41(1)@2023-01-01", ["seven years"], ["five years"]),
        # 2007-2022: death penalty for terrorist crimes causing deaths and grave wartime crimes
        ("15(2)@2010-01-01", ["terrorist", "wartime"], ["prohibited"]),
        ("15(2)@2023-01-01", ["prohibited"], ["terrorist"]),
        # before the Law of 10 March 2017: no deprivation of citizenship in any circumstances
        ("10(2)@2016-06-01", ["under no circumstances"], ["terrorist"]),
        # original: four years; early termination by the Senate
        ("86(2)@2000-01-01", ["four years"], ["five years"]),
        ("86(2)@2008-01-01", ["five years"], ["four years"]),
        # the Constitutional Council until 1 January 2023
        ("47(1)@2022-10-01", ["Constitutional Council"], ["Constitutional Court"]),
    ],
)
def test_the_law_of_that_date(cli, ref: str, present: list[str], absent: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = text_on(cli, ref)
    for words in present:
        assert words in text, (ref, words)
    for words in absent:
        assert words not in text, (ref, words)


@pytest.mark.parametrize(
    ("ref", "inserted"),
    [
        ("41(3-1)@2010-01-01", "2011"),  # inserted by the Law of 2 February 2011
        ("83-1@2020-01-01", "2022"),  # the Human Rights Commissioner, inserted in 2022
    ],
)
def test_a_provision_not_yet_inserted_is_not_shown(cli, ref: str, inserted: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("show", ref)
    assert r.code == 1 and r.stdout == ""
    assert "did not exist" in r.stderr and inserted in r.stderr


def test_as_of_and_ref_at_date_agree(cli) -> None:  # type: ignore[no-untyped-def]
    a = cli("show", "42", "--as-of", "2010-01-01", "--no-commentary").stdout
    b = cli("show", "42@2010-01-01", "--no-commentary").stdout
    assert a == b and "Text in force on 1 January 2010" in a
    assert "21 May 2007" in a  # the heading names the law whose wording is shown


def test_2026_text_after_1_july_is_the_text(cli) -> None:  # type: ignore[no-untyped-def]
    dated = cli("show", "21", "--as-of", "2026-08-01", "--no-commentary").stdout.splitlines()
    plain = cli("show", "21", "--no-commentary").stdout.splitlines()
    assert [x for x in dated if not x.startswith("Text in force")] == plain


def test_history_shows_the_terms_with_their_laws(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("history", "41@1995").stdout
    block = out.split("41(1)", 1)[1].split("41(2)", 1)[0]
    for law in ("7 October 1998 No. 284-I", "21 May 2007 No. 254-III", "17 September 2022"):
        assert law in block, law
    assert block.index("five") < block.index("seven")


def test_history_json_joins_up(cli) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(cli("history", "41(1)@1995", "-f", "json").stdout)
    [rec] = doc["results"]
    wordings = rec["wordings"]
    assert wordings[0]["valid_from"] == "1995-09-05"
    assert wordings[-1]["valid_to"] == "2026-06-30"
    assert [w["law"] for w in wordings] == ["1995", "1998-10-07", "2007-05-21", "2022-09-17"]


# One provision per amending law: the day before it took effect, and the day it did.
@pytest.mark.parametrize(
    ("ref", "law", "before", "after"),
    [
        ("41(1)", "1998-10-07", "five years", "seven years"),
        ("86(2)", "2007-05-21", "four years", "five years"),
        ("10(2)", "2017-03-10", "under no circumstances", "terrorist"),
        ("15(2)", "2022-06-08", "terrorist", "prohibited"),
        ("41(1)", "2022-09-17", "five years", "seven years"),
    ],
)
def test_each_amending_law_takes_effect_on_its_day(
    cli, corpus: Corpus, ref: str, law: str, before: str, after: str
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    day = corpus.laws[law].in_force
    eve = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    assert before in text_on(cli, f"{ref}@{eve}")
    assert after in text_on(cli, f"{ref}@{day}")
    rec = json.loads(cli("show", f"{ref}@{day}", "-f", "json").stdout)["results"][0]
    assert rec["paragraphs"][0]["law"] == law
    assert rec["as_of"] == day and rec["in_force"] is True


def test_the_amending_laws_are_the_known_ones(corpus: Corpus) -> None:
    numbers = {law.number for law in corpus.laws.values()}
    for number in ("284-I", "254-III", "403-IV", "51-VI", "142-VII"):
        assert number in numbers


def test_every_wording_lies_inside_the_1995_period(corpus: Corpus) -> None:
    ed = corpus.editions["1995"]
    for art in corpus.edition_articles("1995"):
        for para in art.paragraphs:
            for unit in (para, *para.items):
                for w in unit.history.wordings if unit.history else ():
                    assert ed.in_force_from <= w.start <= w.end <= ed.in_force_to, art.number
                    assert w.law in corpus.laws or w.law == "1995", (art.number, w.law)


def test_a_gap_is_shown_and_said(cli, corpus: Corpus) -> None:  # type: ignore[no-untyped-def]
    gaps = [
        (art.number, para.number, w.start)
        for art in corpus.edition_articles("1995")
        for para in art.paragraphs
        if para.history
        for w in para.history.wordings
        if w.gap
    ]
    if not gaps:
        pytest.skip("every earlier wording has been read")
    number, para, start = gaps[0]
    ref = f"{number}({para})@{start}" if para else f"{number}@{start}"
    r = cli("show", ref, "--no-commentary")
    assert "could not be read" in r.stdout and "could not be read" in r.stderr


def test_no_period_of_a_provision_is_left_out(corpus: Corpus) -> None:
    """A provision with history reads from 5 September 1995 (or from its insertion): a period
    without a wording would be a silent gap."""
    for art in corpus.edition_articles("1995"):
        for para in art.paragraphs:
            for unit in (para, *para.items):
                h = unit.history
                if h is None or h.inserted:
                    continue
                first = h.wordings[0].start if h.wordings else h.since
                assert not first or first == "1995-09-05", (art.number, para.number, first)


def test_a_second_list_in_a_paragraph_is_its_own(cli) -> None:  # type: ignore[no-untyped-def]
    """1995 52(5) has two lists 1)-3); the second one's lead-in belongs to the paragraph."""
    out = cli("show", "52(5)(1)@1995", "--no-commentary", "--plain").stdout
    assert out.count(" 1) ") == 1 and "Mazhilis of Parliament is deprived" not in out
    whole = cli("show", "52(5)@1995", "--no-commentary", "--plain").stdout
    assert "loss of citizenship of the Republic of Kazakhstan.\n" in whole
    assert "\n   A deputy of the Mazhilis of Parliament is deprived of the mandate upon:\n" in whole
    # before the Law of 21 May 2007 the paragraph had no lists at all
    old = cli("show", "52(5)@2000-01-01", "--no-commentary", "--plain")
    assert " 1) " not in old.stdout and "could not be read" not in old.stderr


# --- found by an adversarial run (each was a confident wrong answer) ---------------------------


def test_the_heading_names_the_law_of_the_provision_shown(cli) -> None:  # type: ignore[no-untyped-def]
    """41(1) was last changed in 2007 by 2016; the 2011 law only added 41(3-1)."""
    out = cli("show", "41(1)@2016-01-01", "--no-commentary").stdout
    assert "21 May 2007" in out and "2 February 2011" not in out


def test_history_of_an_inserted_article_starts_at_its_insertion(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("history", "83-1@1995").stdout
    assert "since 8 June 2022" in out and "since 5 September 1995" not in out


def test_history_labels_are_references(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("history", "72(1)@1995").stdout
    assert "72(1)(2-1)" in out and "72(1(2-1))" not in out


def test_a_gap_is_never_diffed_nor_quoted_as_law(cli) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(cli("history", "2(3-1)@1995", "-f", "json").stdout)
    for w in doc["results"][0]["wordings"]:
        if w["status"] == "gap":
            assert w["text"] == "" and w["diff"] == []
    shown = json.loads(cli("show", "2(3-1)@2018-01-01", "-f", "json").stdout)["results"][0]
    assert shown["paragraphs"][0]["status"] == "gap" and shown["paragraphs"][0]["text"] == ""


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["show", "17@2026", "--as-of", "2000-01-01"], 1, "not in force on 2000-01-01"),
        (["show", "41@2010-01-01", "--as-of", "2000-01-01"], 2, "two dates"),
        (["show", "41(1)@2010-01-01", "--edition", "2026"], 1, "not in force on 2010-01-01"),
        (["cite", "84@2010-01-01"], 1, "excluded from 2007-05-22"),
        (["cite", "41(4)@2010-01-01"], 1, "excluded from 1998-10-08"),
        (["search", "death penalty", "--as-of", "2010-01-01"], 2, "not the law of 2010-01-01"),
    ],
)
def test_dates_never_disagree_silently(cli, args: list[str], code: int, says: str) -> None:  # type: ignore[no-untyped-def]
    r = cli(*args)
    assert r.code == code and says in r.stderr and r.stdout == ""


def test_refs_as_of_a_date_before_an_insertion(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("refs", "-", "--as-of", "2010-01-01", "-f", "json", input="ст. 83-1 Конституции")
    [rec] = json.loads(r.stdout)["results"]
    assert rec["exists"] is False and "did not exist on 2010-01-01" in rec["message"]


# --- found by a second adversarial run ---------------------------------------------------------


def test_a_paragraph_range_keeps_inserted_paragraphs(cli) -> None:  # type: ignore[no-untyped-def]
    """1995 41(3-1) (inserted in 2011) lies between 41(3) and 41(4) in the official order."""
    out = cli("cite", "-S", "id", "--each", "41(3)-(5)@1995").stdout.split()
    assert out == [f"1995/art_41__para_{n}" for n in ("3", "3-1", "4", "5")]
    items = cli("cite", "-S", "id", "--each", "44(10)-(11)@1995").stdout.split()
    assert items == [f"1995/art_44__point_{n}" for n in ("10", "10-1", "11")]


def test_compare_does_not_label_an_earlier_wording(cli) -> None:  # type: ignore[no-untyped-def]
    """The labels judge the last 1995 wording: 2000's death penalty is not "reworded"."""
    out = cli("compare", "15@2000-01-01").stdout
    assert "reworded" not in out.split("What changed")[0] and "as on 2000-01-01" in out


def test_text_only_keeps_the_wording_date(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("show", "15.2@2010-01-01", "--text-only").stdout
    assert "Text in force on 1 January 2010" in out


def test_search_names_an_unknown_section(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("search", "court", "--section", "XII")
    assert r.code == 2 and "no section" in r.stderr
    assert cli("search", "court", "--section", "8").code == 0


def test_bibtex_keys_are_distinct(cli) -> None:  # type: ignore[no-untyped-def]
    keys = [
        line.split("{", 1)[1].split(",", 1)[0]
        for line in cli(
            "cite", "-S", "bibtex", "2,13", "21,3", "15.2@2010-01-01", "15.2@1995"
        ).stdout.splitlines()
    ]
    assert len(set(keys)) == len(keys) == 4


def test_topics_on_a_date_list_only_articles_then_in_force(cli) -> None:  # type: ignore[no-untyped-def]
    """1995 Article 83-1 (the Human Rights Commissioner) was inserted in 2022."""
    dated = cli("topics", "human-rights-commissioner", "--as-of", "2020-01-01", "-f", "refs")
    assert "83-1@1995@2020-01-01" not in dated.stdout
    assert (
        "83-1@1995" in cli("topics", "human-rights-commissioner", "-e", "1995", "-f", "refs").stdout
    )


def test_history_tells_apart_two_lists_numbered_alike(cli) -> None:
    # 1995 52(5) has two lists 1)-3): grounds for every deputy (departure, guilty verdict,
    # loss of citizenship), then for Mazhilis deputies (party withdrawal, party dissolution,
    # recall); only the second list was reworded by the Law of 8 June 2022.
    out = cli("history", "52(5)@1995").stdout
    assert "52(5)(1) (list 2: A deputy of the Mazhilis" in out
    first_list = [x for x in out.splitlines() if x.startswith("One wording since")]
    assert any("52(5)(1), 52(5)(2), 52(5)(3)" in x for x in first_list)


def test_json_carries_the_note_of_the_wording_it_quotes(cli) -> None:
    import json

    # The June 2022 wording of 1995 71(1) took effect on paper on 8 June 2022, but the
    # provisions on the Constitutional Court applied only from 1 January 2023.
    [record] = json.loads(cli("show", "71(1)@1995@2022-07-01", "-f", "json").stdout)["results"]
    [para] = record["paragraphs"]
    assert para["valid_from"] == "2022-06-08"
    assert "1 January 2023" in para["wording_note"]
    # 1(1) of 1995 never needed one.
    [record] = json.loads(cli("show", "1(1)@1995", "-f", "json").stdout)["results"]
    assert record["paragraphs"][0]["wording_note"] is None
    [history] = json.loads(cli("history", "71(1)@1995", "-f", "json").stdout)["results"]
    notes = [w["wording_note"] for w in history["wordings"]]
    assert notes[0] is None and "1 January 2023" in notes[1] and "1 January 2023" in notes[2]


def test_a_wording_restated_before_it_applied_says_so(cli) -> None:
    # 1995 Article 71 was restated by the Law of 8 June 2022, but under that Law the
    # provisions on the Constitutional Court were put into effect from 1 January 2023 and the
    # Constitutional Council kept its powers until the Court was formed: any text that quotes
    # the Court's composition for a day in late 2022 must say so.
    for args in (
        ("show", "71(1)@2022-12-01"),
        ("show", "71(1)@2022-07-01"),  # the June wording, before the September amendment
        ("show", "71(1)@2022-07-01", "--text-only"),
        ("show", "71(1)@2022-12-01", "--text-only"),
        ("show", "71(1)@2022-12-01", "-f", "md"),
        ("history", "71(1)@1995"),
    ):
        assert "put into effect from 1 January 2023" in cli(*args).stdout, args


def test_the_history_of_a_2026_provision_is_not_the_1995_original(cli) -> None:
    import json

    # The 2026 text was adopted at the referendum of 15 March 2026 and has one wording; it is
    # not "the original text of 30 August 1995" (which JSON and text both once said).
    out = cli("history", "21(1)").stdout
    assert "1995" not in out
    assert "original text of 15 March 2026" in out
    [record] = json.loads(cli("history", "21(1)", "-f", "json").stdout)["results"]
    [wording] = record["wordings"]
    assert wording["law"] is None and "1995" not in wording["law_title"]


def test_the_history_of_one_provision_with_one_wording_prints_it(cli) -> None:
    # 1995 1(1) was never amended: its history is its one wording, with the text.
    out = cli("history", "1(1)@1995").stdout
    assert "5 September 1995 to 30 June 2026" in out
    assert "democratic, secular" in out


@pytest.mark.parametrize(
    ("ref", "since", "law"),
    [
        # 1995 Article 94-2 was inserted by the Law of 17 September 2022 No. 142-VII, 83-1 and
        # 99 by the Law of 8 June 2022, 94-1 by the Law of 21 May 2007 No. 254-III: none of
        # them is "the original text of 30 August 1995", in force from 5 September 1995.
        ("94-2@1995", "2022-09-17", "2022-09-17"),
        ("83-1(1)@1995", "2022-06-08", "2022-06-08"),
        ("99(1)@1995", "2022-06-08", "2022-06-08"),
        ("94-1@1995", "2007-05-22", "2007-05-21"),  # the Law of 21 May 2007: in force next day
    ],
)
def test_an_inserted_article_is_dated_and_made_by_the_law_that_inserted_it(
    cli, ref: str, since: str, law: str
) -> None:  # type: ignore[no-untyped-def]
    import json

    [record] = json.loads(cli("show", ref, "-f", "json").stdout)["results"]
    para = record["paragraphs"][0]
    assert (para["valid_from"], para["law"]) == (since, law)
    [history] = json.loads(cli("history", ref, "-f", "json").stdout)["results"]
    first = history["wordings"][0]
    assert (first["valid_from"], first["law"]) == (since, law)
    assert "30 August 1995" not in cli("history", ref).stdout


def test_a_paragraph_inserted_earlier_than_its_readable_wording_names_its_own_law(cli) -> None:  # type: ignore[no-untyped-def]
    # 1995 2(3-1) was inserted by the Law of 10 March 2017 No. 51-VI (its 2017 wording is a
    # gap in the corpus); the Law of 17 September 2022 only changed it later.
    r = cli("show", "2(3-1)@1995@2016-01-01")
    assert r.code == 1
    assert "10 March 2017 No. 51-VI" in r.stderr and "2017-03-11" in r.stderr
    assert "17 September 2022" not in r.stderr
