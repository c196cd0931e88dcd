"""Commands through CliRunner: output, formats and the exit codes of DESIGN.md."""

from __future__ import annotations

import json

import pytest


def test_show_prints_text_commentary_and_edition(cli) -> None:
    r = cli("show", "21")
    assert r.code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(
        "Article 21 · 2026 · Constitution of 2026, in force from 1 July 2026"
    )
    assert "(editorial title)" in lines[2]
    assert any(line.startswith("1. ") and "personal data" in line for line in lines)
    assert "Commentary (kzconst, not part of the text)" in r.stdout
    assert "1995 predecessor: Article 18" in r.stdout
    assert "\x1b[" not in r.stdout
    assert r.stderr == ""


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["show", "2.4"], "Article 2(4) · 2026"),
        (["show", "1-3"], "Article 1 · 2026"),
        (["show", "1,9"], "Article 1 · 2026"),
        (["show", "ст. 21 п. 1"], "Article 21(1) · 2026"),
        (["show", "21-бап"], "Article 21 · 2026"),
        (["show", "preamble"], "Preamble · 2026"),
        (["show", "46(1)(3)"], "Article 46(3) · 2026"),
        (["show", "Article", "21"], None),
    ],
)
def test_show_reference_forms(cli, args: list[str], first_line: str | None) -> None:
    r = cli(*args)
    if first_line is None:  # two arguments: "Article" alone is not a reference
        assert r.code == 2
        return
    assert r.code == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith(first_line)


def test_show_range_shows_every_article_once(cli) -> None:
    out = cli("show", "1-3", "--no-commentary").stdout
    heads = [line.split(" · ")[0] for line in out.splitlines() if line.startswith("Article ")]
    assert heads == ["Article 1", "Article 2", "Article 3"]


def test_show_keeps_brackets_and_markup_like_text(cli) -> None:
    out = cli("show", "46(3)").stdout
    assert "3) calls regular and extraordinary elections" in out


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["show", "999"], 1, "no article 999 in the 2026 Constitution"),
        (["show", "abc"], 2, "expected a reference such as 21"),
        (["show", "21(9)"], 1, "no paragraph 9"),
        (["show", "21", "--edition", "2020"], 2, "unknown edition '2020'"),
        (["show", "21", "--as-of", "yesterday"], 2, "invalid date"),
        (["show", "21", "--as-of", "1990-01-01"], 2, "no edition was in force on 1990-01-01"),
        (["show", "21", "--bogus"], 2, "No such option: --bogus"),
        (["toc", "XX"], 1, "no section 'XX'"),
        (["search", ""], 2, "empty query"),
        (["search", "AND OR NOT"], 2, "no words to search for"),
        (["search", "zzzzqqq"], 1, "no matches"),
        (["cite", "21", "--style", "apa"], 2, "'apa' is not one of"),
        (["topics", "nosuchtopic"], 1, "no topic"),
        (["compare", "70"], 1, "no predecessor"),
    ],
)
def test_errors_are_one_line_with_the_documented_code(
    cli, args: list[str], code: int, fragment: str
) -> None:
    r = cli(*args)
    assert r.code == code, (r.stdout, r.stderr)
    assert r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.startswith("kzconst: error: ")
    assert fragment in r.stderr
    assert "Traceback" not in r.stderr


def test_broken_corpus_exits_3_naming_the_place(cli, tmp_path, monkeypatch) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[corpus]\nversion = "x"\n[[article]\nnumber = 1\n', encoding="utf-8")
    r = cli("--help")
    assert r.code == 0
    r = cli("show", "1", "--corpus", str(broken))
    assert r.code == 3
    assert f"{broken}:3: invalid TOML" in r.stderr
    monkeypatch.setenv("KZCONST_CORPUS", str(broken))
    assert cli("show", "1").code == 3


def test_check_reports_ok_and_counts(cli) -> None:
    r = cli("check")
    assert r.code == 0
    assert ": OK (" in r.stdout and "records in 2026" in r.stdout


def test_check_lists_every_problem_and_exits_3(cli, tmp_path) -> None:
    from test_corpus import MINIMAL

    bad = tmp_path / "bad.toml"
    bad.write_text(
        MINIMAL.replace('topics = ["privacy"]', 'topics = ["x"]').replace(
            "https://example.org/2", "nowhere"
        ),
        encoding="utf-8",
    )
    r = cli("check", str(bad))
    assert r.code == 3
    assert len(r.stdout.splitlines()) == 2
    assert all(line.startswith(f"{bad}:") for line in r.stdout.splitlines())
    assert "2 problem(s) found" in r.stderr


def test_toc_lists_sections_and_articles(cli) -> None:
    out = cli("toc").stdout
    assert out.count("Section ") >= 11
    assert "   96  " in out
    ii = cli("toc", "ii").stdout
    assert "Section II." in ii and "Section III." not in ii


def test_search_privacy_lists_article_21_first(cli) -> None:
    r = cli("search", "privacy")
    assert r.code == 0
    assert r.stdout.splitlines()[0].startswith("21@2026 ")
    assert all(
        line.split()[0][0].isdigit() or line.startswith("preamble")
        for line in r.stdout.splitlines()
    )


def test_cite_oscola_prints_one_line(cli) -> None:
    r = cli("cite", "21.1", "--style", "oscola")
    assert r.stdout == "Constitution of the Republic of Kazakhstan 2026, art 21(1)\n"


def test_compare_marks_new_wording(cli, corpus) -> None:
    if corpus.article("1995", "18") is None:
        pytest.skip("the 1995 edition is not in this corpus yet")
    out = cli("compare", "21").stdout
    assert "{+" in out and "personal" in out


def test_info_names_editions_and_translation(cli) -> None:
    out = cli("info").stdout
    assert "Edition 2026" in out and "Unofficial" in out


@pytest.mark.parametrize(
    "command",
    [
        ["show", "21"],
        ["toc"],
        ["info"],
        ["topics"],
        ["search", "privacy"],
        ["cite", "21", "--style", "id"],
    ],
)
def test_every_command_has_help(cli, command: list[str]) -> None:
    r = cli(command[0], "--help")
    assert r.code == 0 and "Usage: kzconst " + command[0] in r.stdout


def test_json_show_is_versioned_and_keeps_non_ascii(cli) -> None:
    r = cli("show", "21.1", "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["kzconst"] == 1 and doc["command"] == "show"
    [rec] = doc["results"]
    assert rec["id"] == "2026/art_21__para_1" and rec["ref"] == "21(1)"
    assert rec["paragraphs"][0]["number"] == "1"
    ru = cli("cite", "21.1", "--style", "ru").stdout
    assert ru == "п. 1 ст. 21 Конституции Республики Казахстан 2026 года\n"


def test_text_only_1995_says_which_wording_it_quotes(cli) -> None:
    # 1995 41(1) set a seven-year term only from the Law of 17 September 2022 (five years
    # before): pasted without a date, the text must still say it is the last wording.
    for fmt in ("text", "md"):
        out = cli("show", "41@1995", "--text-only", "-f", fmt).stdout
        assert "seven years" in out and "last wording" in out and "17 September 2022" in out
    assert "five years" in cli("show", "41@1995@2010-01-01", "--text-only", "-f", "md").stdout
    assert "Text in force on 1 January 2010" in cli("show", "41@1995@2010-01-01", "-f", "md").stdout
    assert "wording" not in cli("show", "41", "--text-only", "-f", "md").stdout  # 2026: one text


def test_json_wording_dates_are_never_open_for_a_text_no_longer_in_force(cli) -> None:
    import json

    def para(ref: str) -> dict[str, object]:
        return json.loads(cli("show", ref, "-f", "json").stdout)["results"][0]["paragraphs"][0]

    # 1995 Article 1(1) was never amended: the original text, 5 Sept 1995 to 30 June 2026.
    assert {k: para("1(1)@1995")[k] for k in ("valid_from", "valid_to", "law")} == {
        "valid_from": "1995-09-05",
        "valid_to": "2026-06-30",
        "law": "1995",
    }
    # 1995 41(1)'s last wording ended with the edition, not "null" (still in force).
    assert para("41(1)@1995")["valid_to"] == "2026-06-30"
    # The 2026 text is in force from 1 July 2026, with no end.
    assert para("17(3)")["valid_from"] == "2026-07-01" and para("17(3)")["valid_to"] is None


def test_json_amended_by_names_the_law_of_the_provision_shown(cli) -> None:
    import json

    def amended(ref: str) -> object:
        return json.loads(cli("show", ref, "-f", "json").stdout)["results"][0]["amended_by"]["id"]

    # On 17 Sept 2022, 1995 4(1) still read as in 1995 (the Law of 8 June 2022 changed it from
    # 1 Jan 2023); the Law of 10 March 2017 had changed 4(3), not 4(1).
    assert amended("4(1)@1995@2022-09-17") == "1995"
    assert amended("4(3)@1995@2022-09-17") == "2017-03-10"
    assert amended("4@1995@2022-09-17") == "2017-03-10"  # the article: its latest wording


def test_an_undated_1995_heading_says_since_when_the_provision_reads_so(cli) -> None:
    # 4(1): reworded by the Law of 8 June 2022 with effect from 1 January 2023 (not from the
    # edition's last law, of 17 September 2022); 84: excluded by the Law of 21 May 2007.
    line = cli("show", "4(1)@1995", "--text-only").stdout.splitlines()[1]
    assert "from 1 January 2023" in line and "8 June 2022" in line
    assert "17 September 2022" not in line
    line = cli("show", "84@1995", "--text-only").stdout.splitlines()[1]
    assert line.startswith("Excluded from 22 May 2007") and "21 May 2007" in line


def test_a_1995_section_is_never_silently_the_2026_one(cli) -> None:
    # Section IX is local government in 2026 but Final and Transitional Provisions in 1995.
    r = cli("changes", "IX@1995")
    assert r.code == 2 and "2026" in r.stderr
    r = cli("search", "court", "-s", "IX@1995")
    assert r.code == 2 and "--edition 1995" in r.stderr
    assert cli("search", "court", "-s", "IX@1995", "--edition", "1995").code == 0
