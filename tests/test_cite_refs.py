"""Citations in every style, the stdin pipeline, and references found in free text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzconst.cite import STYLES


@pytest.mark.parametrize(
    ("ref", "style", "expected"),
    [
        ("21.1", "plain", "Constitution of the Republic of Kazakhstan (2026), art. 21(1)"),
        ("21.1", "short", "Const. RK 2026, art. 21(1)"),
        ("21.1", "oscola", "Constitution of the Republic of Kazakhstan 2026, art 21(1)"),
        (
            "21.1",
            "bluebook",
            "Konstitutsiya Respubliki Kazakhstan [Constitution] art. 21(1) (Kaz. 2026)",
        ),
        ("21.1", "ru", "п. 1 ст. 21 Конституции Республики Казахстан 2026 года"),
        ("46(3)", "ru", "пп. 3) ст. 46 Конституции Республики Казахстан 2026 года"),
        ("55(4)(2)", "ru", "пп. 2) п. 4 ст. 55 Конституции Республики Казахстан 2026 года"),
        ("21.1", "kk", "2026 жылғы Қазақстан Республикасы Конституциясының 21-бабының 1-тармағы"),
        ("21", "kk", "2026 жылғы Қазақстан Республикасы Конституциясының 21-бабы"),
        ("21.1", "id", "2026/art_21__para_1"),
        ("18@1995", "id", "1995/art_18"),
        (
            "18@1995",
            "plain",
            "Constitution of the Republic of Kazakhstan (1995, as amended to 2022), art. 18",
        ),
        ("21", "url", "https://adilet.zan.kz/rus/docs/K2600000000"),
        ("preamble", "oscola", "Constitution of the Republic of Kazakhstan 2026, preamble"),
        (
            "21.1",
            "markdown",
            "[Constitution of the Republic of Kazakhstan (2026), art. 21(1)]"
            "(https://adilet.zan.kz/rus/docs/K2600000000)",
        ),
    ],
)
def test_styles(cli, ref: str, style: str, expected: str) -> None:
    r = cli("cite", ref, "--style", style)
    assert r.code == 0, r.stderr
    assert r.stdout == expected + "\n"


def test_csl_json_is_an_array_and_bibtex_one_line(cli) -> None:
    # CSL-JSON (what Zotero and pandoc read) is an array of items, even of one.
    [csl] = json.loads(cli("cite", "21.1", "--style", "csl-json").stdout)
    assert csl["type"] == "legislation"
    # CSL renders label + locator: "art. 21(1)". With label "paragraph" it would read
    # "para. 21(1)", a paragraph that does not exist (csl-citation.json lists "article").
    assert (csl["locator"], csl["label"]) == ("21(1)", "article")
    items = json.loads(cli("cite", "21", "43", "--style", "csl-json").stdout)
    assert [i["locator"] for i in items] == ["21", "43"]
    assert len({i["id"] for i in items}) == 2
    bib = cli("cite", "21.1", "--style", "bibtex").stdout
    assert bib.startswith("@legislation{") and bib.count("\n") == 1


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "oscola",
            "Constitution of the Republic of Kazakhstan 1995, art 15(2) "
            "(as in force on 1 January 2010)",
        ),
        (
            "ru",
            "п. 2 ст. 15 Конституции Республики Казахстан 1995 года "
            "(в редакции, действовавшей на 01.01.2010)",
        ),
    ],
)
def test_a_dated_citation_names_the_wording(cli, style: str, expected: str) -> None:
    """Citing the 2010 wording as the 1995 text "as amended to 2022" would cite other words."""
    assert cli("cite", "15(2)@2010-01-01", "--style", style).stdout.strip() == expected


def test_every_style_gives_one_line_per_provision_with_each(cli) -> None:
    for style in STYLES:
        out = cli("cite", "21-23", "--style", style, "--each").stdout
        if style == "csl-json":
            assert len(json.loads(out)) == 3
        else:
            assert len(out.splitlines()) == 3, style


@pytest.mark.parametrize(
    ("refs", "style", "expected"),
    [
        (["21-23"], "oscola", "Constitution of the Republic of Kazakhstan 2026, arts 21–23"),
        (["21-23"], "plain", "Constitution of the Republic of Kazakhstan (2026), arts. 21–23"),
        (["21-23"], "short", "Const. RK 2026, arts. 21–23"),
        (["21,23"], "short", "Const. RK 2026, arts. 21, 23"),
        (["1-3,9"], "short", "Const. RK 2026, arts. 1–3, 9"),
        (["21(1)-(3)"], "short", "Const. RK 2026, art. 21(1)–(3)"),
        (
            ["21(1),(3)"],
            "oscola",
            "Constitution of the Republic of Kazakhstan 2026, art 21(1), (3)",
        ),
        (["21-23"], "ru", "ст. 21–23 Конституции Республики Казахстан 2026 года"),
        (["21(1)-(3)"], "ru", "пп. 1–3 ст. 21 Конституции Республики Казахстан 2026 года"),
        (["21-23"], "kk", "2026 жылғы Қазақстан Республикасы Конституциясының 21–23-баптары"),
        (
            ["21(1)-(3)"],
            "kk",
            "2026 жылғы Қазақстан Республикасы Конституциясының 21-бабының 1–3-тармақтары",
        ),
        (
            ["17-19@1995"],
            "bluebook",
            "Konstitutsiya Respubliki Kazakhstan [Constitution] arts. 17–19 (Kaz. 1995)",
        ),
        (["21-23"], "url", "https://adilet.zan.kz/rus/docs/K2600000000"),
        (["21", "43"], "short", "Const. RK 2026, art. 21\nConst. RK 2026, art. 43"),
        (["21-22"], "id", "2026/art_21 2026/art_22"),  # one line: the ids of the range
        (["46(1)-(2)"], "short", "Const. RK 2026, art. 46(1)–(2)"),  # sub-items of art. 46
    ],
)
def test_a_range_or_list_is_one_citation(cli, refs: list[str], style: str, expected: str) -> None:
    r = cli("cite", *refs, "--style", style)
    assert r.code == 0, r.stderr
    assert r.stdout == expected + "\n"


def test_group_citation_in_csl_json_and_bibtex(cli) -> None:
    [item] = json.loads(cli("cite", "21-23", "--style", "csl-json").stdout)
    assert (item["locator"], item["label"]) == ("21–23", "article")
    bib = cli("cite", "21-23", "--style", "bibtex").stdout
    assert "arts. 21–23" in bib and bib.count("\n") == 1


def test_cite_stdin_reports_bad_lines_and_prints_the_good_ones(cli) -> None:
    r = cli("cite", "-", "--style", "short", input="21\nabc\n\n999\n43.5\n")
    assert r.code == 1
    assert r.stdout == "Const. RK 2026, art. 21\nConst. RK 2026, art. 43(5)\n"
    errors = r.stderr.splitlines()
    assert errors[0].startswith("kzconst: error: stdin:2: malformed reference")
    assert errors[1].startswith("kzconst: error: stdin:4: no article 999")
    assert len(errors) == 2


def test_cite_stdin_strict_stops_at_the_first_bad_line(cli) -> None:
    r = cli("cite", "-", "--strict", input="21\nabc\n43\n")
    assert r.code == 2
    assert r.stdout == ""
    assert r.stderr.startswith("kzconst: error: stdin:2: malformed reference")
    assert r.stderr.count("\n") == 1


def test_cite_style_is_case_insensitive_and_short_flag_is_capital_s(cli) -> None:
    upper = cli("cite", "21.1", "--style", "OSCOLA")
    assert upper.code == 0 and upper.stdout.endswith("art 21(1)\n")
    assert cli("cite", "21.1", "-S", "oscola").stdout == upper.stdout


def test_cite_reads_refs_from_stdin(cli) -> None:
    r = cli("cite", "-", "--style", "ru", input="21(1)\n\n 43(5)@2026 \n")
    assert r.stdout.splitlines() == [
        "п. 1 ст. 21 Конституции Республики Казахстан 2026 года",
        "п. 5 ст. 43 Конституции Республики Казахстан 2026 года",
    ]


def test_search_refs_pipe_into_cite(cli) -> None:
    refs = cli("search", "personal data", "--format", "refs").stdout
    assert refs.splitlines()[0] == "21(1)@2026"
    r = cli("cite", "-", "--style", "ru", input=refs)
    assert r.code == 0
    lines = r.stdout.splitlines()
    assert len(lines) == len(refs.splitlines())
    assert all(line.endswith("Конституции Республики Казахстан 2026 года") for line in lines)


@pytest.mark.parametrize(("data", "code"), [(b"\xff\xfe\x00bad", 2), (b"", 1), (b"\n \n", 1)])
def test_cite_stdin_errors(cli, data: bytes, code: int) -> None:
    r = cli("cite", "-", input=data)
    assert r.code == code
    assert r.stderr.count("\n") == 1


RUSSIAN = (
    "Суд отметил, что в силу статьи 18 Конституции Республики Казахстан каждый имеет право\n"
    "на неприкосновенность частной жизни (п. 1 ст. 18), а также сослался на ст. 999.\n"
)


def test_refs_maps_a_1995_reference_to_its_successor(cli) -> None:
    r = cli("refs", "-", "--as-of", "2025-06-01", "-f", "json", input=RUSSIAN)
    assert r.code == 0
    found = json.loads(r.stdout)["results"]
    first = found[0]
    assert (first["line"], first["column"], first["text"]) == (1, 25, "статьи 18")
    # not the default edition, and read on a date: `ref` carries both, so
    # `jq .ref | kzconst cite -` cites the 1995 wording of that day
    assert (first["ref"], first["edition"], first["exists"]) == (
        "18@1995@2025-06-01",
        "1995",
        True,
    )
    assert first["id"] == "1995/art_18"
    assert "21" in first["successors_2026"]
    assert found[1]["ref"] == "18(1)@1995@2025-06-01"
    missing = found[2]
    assert missing["exists"] is False and "no article 999" in missing["message"]


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Article 21(1) of the Constitution", "21(1)"),
        ("see art. 43, para. 5 of the Constitution", "43(5)"),
        ("п. 1 ст. 21 Конституции", "21(1)"),
        ("Конституцияның 21-бабы", "21"),
        ("21-баптың 1-тармағы", "21(1)"),
        ("paragraph 5 of Article 43", "43(5)"),
    ],
)
def test_refs_finds_forms(cli, text: str, ref: str) -> None:
    found = json.loads(cli("refs", "-", "-f", "json", input=text).stdout)["results"]
    assert [f["ref"] for f in found] == [ref]


def test_refs_ignores_other_acts_and_reports_none(cli) -> None:
    r = cli("refs", "-", input="Article 5 of the Civil Code; статья 7 Закона о браке.")
    assert r.code == 1
    assert "no references" in r.stderr


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(max_size=300)
    | st.lists(
        st.sampled_from(
            [
                "Article",
                "21",
                "(1)",
                "ст.",
                "п.",
                "статьи",
                "-бап",
                "1995",
                "of the",
                "Constitution",
                "Конституции",
                ",",
                "para.",
                "999",
                "83-1",
                "\n",
            ]
        ),
        max_size=20,
    ).map(" ".join)
)
def test_refs_never_raise_on_arbitrary_text(corpus, text: str) -> None:
    from kzconst.refs.extract import find_refs

    for found in find_refs(corpus, text, "2026"):
        assert found.line >= 1 and found.column >= 1
        assert found.exists == (found.message == "")


def test_cli_offers_exactly_the_styles_cite_knows() -> None:
    """`--style` choices are declared in the CLI (for --help and completion) without importing
    cite.py at start-up; they must not drift from the formatters."""
    from kzconst.cli.cite import Style

    assert [s.value for s in Style] == list(STYLES)


def test_bibtex_keys_tell_a_range_from_a_list(cli) -> None:
    # Articles 21 to 23 and Articles 21 and 23 are different citations: one .bib file may hold
    # both, and BibTeX keys must be unique.
    keys = {
        cli("cite", ref, "-S", "bibtex").stdout.split("{", 1)[1].split(",", 1)[0]
        for ref in ("21-23", "21,23", "21(1)-(3)", "21(1),(3)")
    }
    assert len(keys) == 4
