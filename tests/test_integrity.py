"""The shipped corpus against the official structure and the corpus rules of SOURCES.md."""

from __future__ import annotations

import re

import pytest

from conftest import structure
from kzconst.corpus.model import Corpus
from kzconst.corpus.validate import validate

SECTIONS_2026 = {
    "I": (1, 11),
    "II": (12, 41),
    "III": (42, 51),
    "IV": (52, 62),
    "V": (63, 69),
    "VI": (70, 71),
    "VII": (72, 75),
    "VIII": (76, 86),
    "IX": (87, 91),
    "X": (92, 93),
    "XI": (94, 96),
}


def test_shipped_corpus_has_no_problems(corpus: Corpus) -> None:
    from kzconst.corpus.load import parse_toml

    _, problems = validate(parse_toml(corpus.path), corpus.path)
    assert [str(p) for p in problems] == []


def test_2026_articles_are_1_to_96_in_order(corpus: Corpus) -> None:
    numbers = [a.number for a in corpus.edition_articles("2026")]
    assert numbers == ["preamble", *map(str, range(1, 97))]


def test_2026_sections_hold_the_official_ranges(corpus: Corpus) -> None:
    assert [s.number for s in corpus.edition_sections("2026")] == list(SECTIONS_2026)
    for number, (first, last) in SECTIONS_2026.items():
        section = corpus.section("2026", number)
        assert section is not None
        got = [int(a.number) for a in corpus.section_articles(section)]
        assert got == list(range(first, last + 1)), number
        assert (section.first, section.last) == (str(first), str(last))


def _official_items(spec: str) -> dict[str, int]:
    """'4:1-5:5;0:1-21:22' -> {'4': 5, '': 22}: paragraph label -> number of sub-items (the
    figure after the last colon counts inserted ones such as 10-1)."""
    out: dict[str, int] = {}
    if spec == "-":
        return out
    for part in spec.split(";"):
        label = part.split(":", 1)[0]
        key = "" if label == "0" else label
        out[key] = out.get(key, 0) + int(part.rsplit(":", 1)[1])
    return out


@pytest.mark.parametrize("number", [str(n) for n in range(1, 97)])
def test_2026_article_matches_official_structure(corpus: Corpus, number: str) -> None:
    official = structure("2026")[number]
    art = corpus.article("2026", number)
    assert art is not None
    labels = [p.number for p in art.paragraphs]
    expected = [""] if official["paragraphs"] == "-" else official["paragraphs"].split(",")
    assert labels == expected
    got_items = {p.number: len(p.items) for p in art.paragraphs if p.items}
    assert got_items == _official_items(official["subitems"])
    for para in art.paragraphs:
        assert [i.number for i in para.items] == [str(n) for n in range(1, len(para.items) + 1)]


def test_2026_counts_match_the_structure_file(corpus: Corpus) -> None:
    arts = [a for a in corpus.edition_articles("2026") if not a.is_preamble]
    labels = sum(len([p for p in a.paragraphs if p.number]) for a in arts)
    items = sum(len(p.items) for a in arts for p in a.paragraphs)
    assert (len(arts), labels, items) == (96, 297, 111)


def test_every_article_has_text_commentary_topics_and_sources(corpus: Corpus) -> None:
    for art in corpus.articles:
        where = f"{art.edition} {art.number}"
        assert art.commentary, where
        assert art.sources, where
        assert art.topics, where
        assert art.title, where
        for c in art.commentary:
            assert c.text.strip() and re.match(r"https?://", c.source), where
        if not art.repealed:
            assert any(p.text.strip() or p.items for p in art.paragraphs), where


def test_2026_articles_state_their_change_and_concordance(corpus: Corpus) -> None:
    for art in corpus.edition_articles("2026"):
        if art.is_preamble:
            continue
        from kzconst.changes import article_change

        change, _ = article_change(corpus, art)
        assert change in ("identical", "reworded", "changed", "new"), art.number
        assert (change == "new") == (not art.predecessors), art.number


def test_flagship_numbers_read_as_in_the_official_text(corpus: Corpus) -> None:
    """Spot checks of paragraphs that carry numbers (ages, terms, counts, dates)."""

    def text(ref: str) -> str:
        art, _, para = ref.partition(".")
        a = corpus.article("2026", art)
        assert a is not None
        return a.paragraph(para).text if para else " ".join(p.text for p in a.paragraphs)

    assert "one hundred and forty-five" in text("53.1").lower() or "145" in text("53.1")
    assert "seven years" in text("43.1")
    assert "forty" in text("43.2") or "40" in text("43.2")
    assert "1 July 2026" in text("94.1")
    assert "Astana" in text("2.4")
    assert "death penalty is prohibited" in text("17.3").lower()


def test_lazy_builder_matches_the_validating_builder(corpus: Corpus) -> None:
    """Cache hits build articles without validation; they must equal the validated ones."""
    from kzconst.corpus.load import parse_toml
    from kzconst.corpus.model import article_from_table

    raw = parse_toml(corpus.path)
    validated, problems = validate(raw, corpus.path)
    assert not problems
    assert [article_from_table(t) for t in raw["article"]] == list(validated.articles)


def test_concordance_is_symmetric(corpus: Corpus) -> None:
    """2026 X continues 1995 Y exactly when 1995 Y names 2026 X as a successor."""
    if not corpus.numbers("1995"):
        pytest.skip("no 1995 edition in this corpus")
    forward = {(a.number, p) for a in corpus.edition_articles("2026") for p in a.predecessors}
    backward = {(s, a.number) for a in corpus.edition_articles("1995") for s in a.successors}
    assert forward == backward


def test_every_reference_in_the_text_is_a_cross_reference(corpus: Corpus) -> None:
    """References inside the wording ("paragraph 5 of Article 43") are listed in `xrefs`."""
    from kzconst.refs.extract import find_refs

    for art in corpus.articles:
        parts = [p.text for p in art.paragraphs] + [p.closing for p in art.paragraphs]
        parts += [i.text for p in art.paragraphs for i in p.items]
        found = find_refs(corpus, "\n".join(parts), art.edition)
        named = {f.ref.article for f in found if f.ref is not None} - {art.number}
        listed = {x.split("(")[0] for x in art.xrefs}
        assert named <= listed, f"{art.edition} art. {art.number}: {sorted(named - listed)}"


def test_1995_articles_match_the_official_list(corpus: Corpus) -> None:
    official = list(structure("1995"))
    assert corpus.numbers("1995") == official
    repealed = [a.number for a in corpus.edition_articles("1995") if a.repealed]
    assert repealed == ["84"]
    assert corpus.article("1995", "84").status_note


@pytest.mark.parametrize("number", [n for n in structure("1995") if n != "preamble"])
def test_1995_article_matches_official_structure(corpus: Corpus, number: str) -> None:
    official = structure("1995")[number]
    art = corpus.article("1995", number)
    assert art is not None
    assert art.section == official["section"]
    if art.repealed:  # excluded whole: its paragraphs are there only with their old wordings
        assert all(p.status == "excluded" and p.history for p in art.paragraphs)
        return
    labels = [p.number for p in art.paragraphs]
    expected = [""] if official["paragraphs"] == "-" else official["paragraphs"].split(",")
    assert labels == expected
    got_items = {p.number: len(p.items) for p in art.paragraphs if p.items}
    assert got_items == _official_items(official["subitems"])
    notes = official["notes"]
    if notes.startswith("excluded:"):
        for raw in notes.split(";")[0].removeprefix("excluded:").split(","):
            label = raw.strip()
            if label.endswith(")"):  # a sub-item of the only or a numbered paragraph
                items = [i for p in art.paragraphs for i in p.items if i.number == label[:-1]]
                assert items and all(i.status == "excluded" for i in items), label
            else:
                para = art.paragraph(label)
                assert para is not None and para.status == "excluded", label


def test_show_prints_every_2026_article_with_commentary(cli) -> None:
    out = cli("show", "1-96").stdout
    heads = [line for line in out.splitlines() if line.startswith("Article ")]
    assert len(heads) == 96
    assert out.count("Commentary (kzconst, not part of the text)") == 96
