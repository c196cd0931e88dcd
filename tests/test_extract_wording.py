"""References in prose that name a wording of the 1995 text by a time phrase (`as amended in
2022`, `as of 2010`, `в ред. Закона № 403-IV`, `before the 2022 reform`), and line breaks that end
what names a reference's edition. Each day below is read from `kzconst history REF@1995`: the
law that made the wording and the day it took effect (found by an adversarial tester: each row
was a confident wrong answer).
"""

from __future__ import annotations

import pytest

from kzconst.corpus.model import Corpus
from kzconst.refs.extract import find_refs
from test_extract import found_as_expected

# (text, label, the day whose wording is read)
WORDING = [
    # A1: the Law of 8 June 2022 changed 4(1), 47(1), 47(2) from 1 January 2023, 50(2) from
    # 19 January 2023; Article 18 was never amended (the original wording).
    ("Article 4(1) of the Constitution as amended in 2022", "4(1)", "2023-01-01"),
    ("Article 47(1) of the Constitution, as amended in 2022", "47(1)", "2023-01-01"),
    ("Article 47 of the Constitution as amended in 2022", "47", "2023-01-01"),
    ("Article 50(2) of the Constitution as amended in 2022", "50(2)", "2023-01-19"),
    ("Article 18 of the Constitution as amended in 2022", "18", "1995-09-05"),
    # 41(3-1) was inserted by the Law of 2 February 2011 (in force 3 February 2011)
    ("Article 41 of the Constitution as amended in 2007 and 2011", "41", "2011-02-03"),
    # A4: a law by number or date, a version year, `as of`, before / after a reform
    ("статья 41 Конституции (в ред. Закона РК от 02.02.2011 № 403-IV)", "41", "2011-02-03"),
    ("статья 41 Конституции (с изменениями от 2007 г.)", "41", "2007-05-22"),
    # 10.03.2017 is the date of Law No. 51-VI, which changed 41(2) from 11 March 2017
    ("статья 41 Конституции (с изм. и доп. по состоянию на 10.03.2017)", "41", "2017-03-11"),
    ("Article 41 in the 2007 version", "41", "2007-05-22"),
    ("Article 41 (as of 2010)", "41", "2010-12-31"),
    ("Article 41 of the Constitution, as amended by Law No. 254-III", "41", "2007-05-22"),
    ("Article 41 in the wording of 21 May 2007", "41", "2007-05-22"),
    ("Article 41 (amended 2007)", "41", "2007-05-22"),
    # 41(1) was changed by the Law of 17 September 2022 (the June 2022 law left Article 41)
    ("Article 41 of the Constitution before the 2022 reform", "41", "2022-09-16"),
    ("Article 4(1) of the Constitution before the 2022 reform", "4(1)", "2022-12-31"),
    ("Article 41 of the Constitution after the 2007 amendments", "41", "2007-05-22"),
    ("In 2005, Article 41 provided that", "41", "2005-12-31"),
    ("статья 50 Конституции 1995 г. (в ред. от 7 октября 1998 г.)", "50", "1998-10-08"),
    ("статья 18 Конституции 1995 г. (в ред. от 7 октября 1998 г.)", "18", "1995-09-05"),
]


@pytest.mark.parametrize(("text", "label", "day"), WORDING)
def test_a_time_phrase_reads_that_wording_of_the_1995_text(
    corpus: Corpus, text: str, label: str, day: str
) -> None:
    [f] = find_refs(corpus, text, "2026")
    assert f.provision is not None, f.message
    assert (f.edition, f.provision.label, f.provision.article.as_of) == ("1995", label, day)
    assert day in f.note


def test_the_note_names_the_law_that_made_the_wording(corpus: Corpus) -> None:
    [f] = find_refs(corpus, "Article 4(1) of the Constitution as amended in 2022", "2026")
    assert "2022-06-08" in f.note and "2023-01-01" in f.note
    [g] = find_refs(corpus, "Article 18 of the Constitution as amended in 2022", "2026")
    assert "original" in g.note


# B1: a line break ends the chain a 1995 edition names, unless the line ends with a connector
BREAKS = [
    ("Article 15(2) of the 1995 Constitution\n\nArticle 21(2)", ["15(2)@1995", "21(2)"]),
    ("- Article 15(2) of the 1995 Constitution\n- Article 21(2)", ["15(2)@1995", "21(2)"]),
    ("Article 15(2) of the 1995 Constitution\nArticle 21(2)", ["15(2)@1995", "21(2)"]),
    ("Article 15(2) of the 1995 Constitution,\nArticle 21(2)", ["15(2)@1995", "21(2)@1995"]),
    ("the 1995\nConstitution, Article 21", ["21@1995"]),  # one sentence wrapped
    ("1995 жылғы Конституцияның 4-бабы\n\n21-бабы", ["4@1995", "21"]),
]


@pytest.mark.parametrize(("text", "expected"), BREAKS)
def test_a_line_break_ends_what_names_the_edition(
    corpus: Corpus, text: str, expected: list[str]
) -> None:
    assert found_as_expected(corpus, text, "2026") == expected


def test_refs_exits_1_when_no_reference_names_a_provision_that_exists(cli) -> None:
    """DESIGN: exit 1 = nothing found; the NOT FOUND lines are still printed."""
    r = cli("refs", "-", input="Article 200\n")
    assert r.code == 1 and "NOT FOUND" in r.stdout
    r = cli("refs", "-", "-f", "json", input="Article 200\n")
    assert r.code == 1 and '"exists": false' in r.stdout
    assert cli("refs", "-", input="Article 200 and Article 21(1)\n").code == 0
    assert cli("refs", "-", input="no references here\n").code == 1


@pytest.mark.parametrize("text", ["статьи " + "1, " * 300, "Articles " + "1, " * 300])
def test_a_list_cut_at_max_list_says_so(corpus: Corpus, text: str) -> None:
    found = find_refs(corpus, text, "2026")
    assert len(found) == 100 and "cut at 100" in found[-1].note
    assert not any(f.note for f in found[:-1])


def test_a_list_of_exactly_max_list_is_not_cut(corpus: Corpus) -> None:
    found = find_refs(corpus, "статьи " + "1, " * 99 + "2", "2026")
    assert len(found) == 100 and not any(f.note for f in found)
