"""compare and changes: a diff that reproduces both texts, paragraph-level alignment, labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzconst.compare import Chunk, compare, diff_words, roll_up
from kzconst.corpus.load import load_corpus
from kzconst.refs.resolve import Provision


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sides(chunks: list[Chunk]) -> tuple[str, str]:
    old = "".join(c.text for c in chunks if c.op in ("equal", "delete"))
    new = "".join(c.newer for c in chunks if c.op in ("equal", "insert"))
    return old, new


TEXTS = st.lists(
    st.sampled_from([*"abcABC ,.;:()-'\n«»", "the", "The", "Article", "1)", " ", "  "]),
    max_size=40,
).map("".join)


@given(TEXTS, TEXTS)
def test_diff_reproduces_both_texts_exactly(old: str, new: str) -> None:
    chunks, ratio = diff_words(old, new)
    got_old, got_new = _sides(chunks)
    # The older side is reproduced character for character, bar whitespace at the very end.
    assert got_old == old.rstrip()
    assert _norm(got_old) == _norm(old)
    assert _norm(got_new) == _norm(new)
    assert 0.0 <= ratio <= 1.0


@pytest.mark.parametrize(
    ("old", "new", "deleted", "inserted"),
    [
        # case is an edit: the older side must not read "Everyone has The right"
        (
            "Everyone has the right to life.",
            "The right to life is inalienable.",
            "Everyone has the",
            "The",
        ),
        # punctuation is an edit: 1995 18(2) reads "postal, telegraph and other"
        ("postal, telegraph and other", "postal and other", ", telegraph", None),
        ("a right.", "a right", ".", None),
    ],
)
def test_case_and_punctuation_edits_are_shown(
    old: str, new: str, deleted: str, inserted: str | None
) -> None:
    chunks, _ = diff_words(old, new)
    assert _sides(chunks)[0] == old and _norm(_sides(chunks)[1]) == _norm(new)
    assert deleted in [c.text.strip() for c in chunks if c.op == "delete"]
    if inserted:
        assert inserted in [c.text.strip() for c in chunks if c.op == "insert"]


def test_identical_texts_have_one_equal_run() -> None:
    chunks, ratio = diff_words(
        "The death penalty is prohibited.", "The death penalty is prohibited."
    )
    assert [c.op for c in chunks] == ["equal"] and ratio == 1.0


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["identical", "identical"], "identical"),
        (["identical", "reworded"], "reworded"),
        (["identical", "changed"], "changed"),
        (["new", "new"], "new"),
        (["new", "identical"], "changed"),
        (["identical", "moved"], "identical"),
        (["identical", "dropped"], "changed"),
    ],
)
def test_roll_up(labels: list[str], expected: str) -> None:
    assert roll_up(labels) == expected


# --- alignment on a small corpus written for the test ------------------------------------------

CORPUS = """\
[corpus]
version = "2026.01.01"

[[edition]]
id = "2026"
title = "Constitution"
adopted = "2026-03-15"
in_force_from = "2026-07-01"
official_source = "https://adilet.zan.kz/rus/docs/K2600000000"

[[edition]]
id = "1995"
title = "Constitution"
adopted = "1995-08-30"
in_force_from = "1995-09-05"
in_force_to = "2026-06-30"
official_source = "https://adilet.zan.kz/rus/docs/K950001000_"

[[section]]
edition = "2026"
number = "I"
title = "One"
first = "1"
last = "2"

[[section]]
edition = "1995"
number = "I"
title = "One"
first = "1"
last = "1"

[[article]]
edition = "2026"
number = "1"
section = "I"
title = "First"
predecessors = ["1"]
sources = ["x"]

[[article.paragraph]]
number = "1"
text = "The state is democratic."
predecessors = ["1(1)"]
change = "identical"

[[article.paragraph]]
number = "2"
text = "Power belongs to the people alone."
predecessors = []
change = "new"

[[article.commentary]]
kind = "summary"
text = "s"
source = "https://example.org"

[[article]]
edition = "2026"
number = "2"
section = "I"
title = "Second"
predecessors = ["1"]
sources = ["x"]

[[article.paragraph]]
number = "1"
text = "Its principles are accord and peace."
predecessors = ["1(2)"]
change = "reworded"
change_note = "word order"

[[article.commentary]]
kind = "summary"
text = "s"
source = "https://example.org"

[[article]]
edition = "1995"
number = "1"
section = "I"
title = "First"
successors = ["1", "2"]
sources = ["x"]

[[article.paragraph]]
number = "1"
text = "The state is democratic."

[[article.paragraph]]
number = "2"
text = "Its principles are peace and accord."

[[article.commentary]]
kind = "summary"
text = "s"
source = "https://example.org"
"""


@pytest.fixture
def small(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "c.toml"
    path.write_text(CORPUS, encoding="utf-8")
    return load_corpus(path)


def test_compare_aligns_paragraph_with_paragraph(small) -> None:  # type: ignore[no-untyped-def]
    cmp = compare(small, [Provision(small.article("2026", "1"))], None)
    labels = [(tuple(p.label for p in pair.left), pair.change) for pair in cmp.pairs]
    # 1(1) continues 1995 1(1) only; 1(2) is new; 1995 1(2) is continued in 2026 2(1), not here
    assert labels[0] == (("1(1)",), "identical")
    assert labels[1] == ((), "new")
    assert labels[2] == (("1(2)",), "moved")
    assert "2(1)" in cmp.pairs[2].note
    assert cmp.pairs[0].similarity == 1.0
    assert cmp.change == "changed"  # a new paragraph; the moved one does not count


def test_compare_from_1995_finds_the_successor_paragraph(small) -> None:  # type: ignore[no-untyped-def]
    art = small.article("1995", "1")
    cmp = compare(small, [Provision(art, art.paragraph("2"))], None)
    assert [p.label for p in cmp.pairs[0].right] == ["2(1)"]
    assert cmp.pairs[0].change == "reworded"


def test_changes_rolls_up_paragraph_labels(small, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kzconst.changes import changes_table

    rows = {r["article"]: r for r in changes_table(small) if r["edition"] == "2026"}
    assert rows["1"]["status"] == "changed"  # one identical, one new paragraph
    assert rows["2"]["status"] == "reworded"


def test_no_paragraph_data_never_claims_unchanged(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("changes").stdout
    assert " unchanged " not in out


def test_compare_17_quotes_1995_exactly(cli, corpus) -> None:  # type: ignore[no-untyped-def]
    """1995 15(1) reads "Everyone has the right to life." (old.md): the diff must say so."""
    out = cli("compare", "17").stdout
    old = re.sub(r"\{\+.*?\+\}", "", out)
    old = re.sub(r"\[-(.*?)-\]", r"\1", old)
    assert "Everyone has the right to life" in _norm(old)
    assert "Everyone has The right" not in out


def test_compare_21_keeps_the_comma_of_1995(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("compare", "21").stdout
    old = re.sub(r"\{\+.*?\+\}", "", out)
    old = re.sub(r"\[-(.*?)-\]", r"\1", old)
    assert "postal, telegraph" in old


def test_the_unified_diff_keeps_the_newer_texts_space_before_an_equal_run(cli) -> None:
    # 2026 58(4) opens with a new sentence before "A session of ...", which began 1995 59(4).
    out = cli("compare", "58").stdout
    assert "Kurultai.+} A session of" in out and "Kurultai.+}A session" not in out


def test_two_wordings_of_one_article_are_not_described_as_the_2026_change(cli) -> None:
    # 41@1995 on 1 Jan 2010 (five-year term) against 1 Jan 2023 (seven years, one term): the
    # commentary on what 2026 Article 43 changed is not about these two wordings.
    out = cli("compare", "41@2010-01-01", "41@2023-01-01").stdout
    assert "What changed" not in out and "kzconst history 41@1995" in out


def test_a_paragraph_with_two_predecessors_diffs_wording_not_their_numbers(cli) -> None:  # type: ignore[no-untyped-def]
    # 2026 43(1) joins 1995 41(1) and 42(5): "5." is the old paragraph's number, not words
    # that were removed; the heading names both predecessors.
    out = cli("compare", "43(1)").stdout
    assert "41(1), 42(5)" in out
    assert "[-5.-]" not in out and "[-1.-]" not in out
    assert "The same person may not{+, in accordance with the Constitution,+} be elected" in out


def test_a_dated_comparison_says_the_commentary_is_about_the_last_wording(cli) -> None:  # type: ignore[no-untyped-def]
    # On 1 January 2000, 1995 15(2) allowed the death penalty as an exceptional measure; the
    # commentary describes the last wording (after the Law of 8 June 2022), which banned it.
    out = cli("compare", "15(2)@2000-01-01", "17(3)").stdout
    assert "exceptional measure" in out
    assert "not from the dated text shown" in out
    # Undated, the commentary is about the text shown: no such line.
    assert "not from the dated text shown" not in cli("compare", "17(3)").stdout


def test_two_paragraphs_chosen_are_diffed_without_their_numbers(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("compare", "15(2)@2000-01-01", "17(3)").stdout
    assert "[-2." not in out and "{+3+}" not in out


def test_a_wording_that_could_not_be_read_is_not_diffed(cli) -> None:  # type: ignore[no-untyped-def]
    import json

    # The 1995 wording of 2(3-1) in force on 1 January 2018 is a gap in the corpus: its
    # placeholder is not words that were removed, and no similarity is measured.
    r = cli("compare", "2(3-1)@2018-01-01", "2(3-1)@2020-01-01")
    assert r.code == 0
    assert "could not be read" in r.stderr
    assert "Similarity not measured" in r.stdout and "Similarity 14%" not in r.stdout
    [record] = json.loads(
        cli("compare", "2(3-1)@2018-01-01", "2(3-1)@2020-01-01", "-f", "json").stdout
    )["results"]
    assert record["similarity"] is None
    assert all(p["similarity"] is None for p in record["pairs"])


def test_a_gap_in_one_paragraph_leaves_the_others_compared(cli) -> None:  # type: ignore[no-untyped-def]
    # 1995 Article 2 on 1 January 2018 (2(3-1) unreadable) and on 1 January 2020: 2(1), 2(2)
    # and 2(4) did not change and are not marked; 2(3) changed Astana to Nur-Sultan.
    out = cli("compare", "2@2018-01-01", "2@2020-01-01").stdout
    assert "1. The Republic of Kazakhstan is a unitary state" in out
    assert "{+Nur-Sultan" in out or "{+Nur-Sultan+}" in out
    assert "[-[the wording in force on this date could not be read" in out


def test_the_gap_note_names_the_provision_and_its_day(cli) -> None:  # type: ignore[no-untyped-def]
    # The 2026 provision comes first and has no day: the note takes the 1995 one's own.
    r = cli("compare", "5(6)", "2(3-1)@2018-01-01")
    assert "the wording of 2(3-1) on 2018-01-01 could not be read" in r.stderr
