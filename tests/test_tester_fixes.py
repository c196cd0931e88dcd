"""Defects an adversarial tester found: each test states the convention or design it holds to."""

from __future__ import annotations

import re

import pytest

# --- topics: a topic is named by its words, not by one spelling of its id ----------------------


@pytest.mark.parametrize("name", ["privacy", "Privacy", "PRIVACY", " privacy "])
def test_topic_names_are_case_insensitive(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("topics", name, "-f", "refs")
    assert r.code == 0, r.stderr
    assert r.stdout.split() == cli("topics", "privacy", "-f", "refs").stdout.split()


@pytest.mark.parametrize("name", ["rule of law", "Rule of Law", "rule_of_law", "RULE-OF-LAW"])
def test_topic_words_may_be_spaced(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("topics", name)
    assert r.code == 0, r.stderr
    assert r.stdout.startswith("rule-of-law ")


def test_topic_counts_agree_in_number(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("topics").stdout + cli("topics", "-f", "md").stdout
    assert not re.search(r"\b1 articles", out)
    assert "[1 article]" in out  # the capital: one article (2026 art. 2)
    assert "(1 article)" in out


# --- refs FILE: a pipe is a file too (`refs <(cmd)`, `refs /dev/stdin`) ------------------------


def _kzconst() -> str:
    import shutil
    import sys
    from pathlib import Path

    return shutil.which("kzconst", path=str(Path(sys.executable).parent)) or "kzconst"


def test_refs_reads_process_substitution_and_dev_stdin(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    script = (
        f"'{_kzconst()}' refs <(printf 'see Article 21(1)\\n') && "
        f"printf 'see Article 21(1)\\n' | '{_kzconst()}' refs /dev/stdin"
    )
    p = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert p.returncode == 0, p.stderr
    assert p.stdout.count("21(1)@2026") == 2, p.stdout


def test_refs_still_refuses_a_directory(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = cli("refs", str(tmp_path))
    assert r.code == 2
    assert "directory" in r.stderr


# --- "clause" and "part": English drafting's words for a numbered paragraph --------------------


def _found(cli, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    import json

    r = cli("refs", "-", "-f", "jsonl", input=text)
    assert r.code == 0, r.stderr
    return [json.loads(line)["ref"] for line in r.stdout.splitlines()]


@pytest.mark.parametrize(
    "text",
    [
        "clause 2 of Article 26",
        "Article 26, clause 2",
        "Article 26 clause 2",
        "Article 26 part 2",
        "Part 2 of Article 26",
        "part 2 of article 26",
    ],
)
def test_refs_reads_clause_and_part_as_paragraph(cli, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(cli, text) == ["26(2)"]


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # Article 46 is one paragraph with sub-items 1) to 22): "paragraph 1" is that paragraph,
        # and the clause of it is the sub-item, not paragraph 1 (= sub-item 1).
        ("clause 3 of paragraph 1 of Article 46", ["46(3)"]),
        ("clause 3 of the first paragraph of Article 46", ["46(3)"]),
        # English drafting counts parts in words: "part two" is the second part.
        ("part two of Article 26", ["26(2)"]),
        ("Paragraph Three of Article 5", ["5(3)"]),
    ],
)
def test_refs_reads_a_clause_of_a_paragraph_and_parts_in_words(
    cli, text: str, refs: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert _found(cli, text) == refs


def test_a_clause_of_a_paragraph_without_sub_items_is_not_that_paragraph(cli) -> None:  # type: ignore[no-untyped-def]
    # 1995 52(2) has no sub-items: the clause is not found, rather than 52(2) given instead.
    r = cli("refs", "-", input="clause 3 of paragraph 2 of Article 52 of the 1995 Constitution")
    assert "= 52(2)@1995" not in r.stdout
    assert "NOT FOUND" in r.stdout


@pytest.mark.parametrize(
    "ref", ["26 clause 2", "26 part 2", "Article 26, part 2", "art 26 clause 2"]
)
def test_show_reads_clause_and_part_as_paragraph(cli, ref: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("show", ref)
    assert r.code == 0, r.stderr
    assert r.stdout.startswith("Article 26(2) · 2026")


# --- the article word before a paragraph range or list (the forms citations print) -------------


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Article 21(1)-(3)", ["1", "2", "3"]),
        ("art. 21(1)-(3)", ["1", "2", "3"]),
        ("art. 21(1)–(3)", ["1", "2", "3"]),  # en dash, as `cite` prints it
        ("Art. 21(1),(3)", ["1", "3"]),
        ("art. 21(1), (3)", ["1", "3"]),  # as `cite` prints a list
        ("Article 21(1)-(3)@1995", ["1", "2", "3"]),
    ],
)
def test_article_word_before_paragraph_range_or_list(text: str, paragraphs: list[str]) -> None:
    from kzconst.refs.grammar import parse_refs

    bare = text.split(" ", 1)[1]
    assert parse_refs(text) == parse_refs(bare)
    refs = parse_refs(text)
    got = [r.paragraph for r in refs] if len(refs) > 1 else None
    if got is None:  # a range: one Ref, first to last
        assert (refs[0].article, refs[0].paragraph, refs[0].para_end) == ("21", "1", "3")
    else:
        assert [r.article for r in refs] == ["21"] * len(got)
        assert got == paragraphs


def test_show_article_word_paragraph_range(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("show", "art. 21(1)–(3)", "--text-only")
    assert r.code == 0, r.stderr
    assert r.stdout == cli("show", "21(1)-(3)", "--text-only").stdout


# --- ranges of articles run upwards; a range of one is its article -----------------------------


@pytest.mark.parametrize("ref", ["23-21", "23..21", "23–21", "art 23-21", "96-12"])
def test_reversed_article_range_is_a_usage_error(cli, ref: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("show", ref)
    assert r.code == 2, r.stderr  # like `21(3)-(1)`: malformed, not "no such article"
    first, last = ref.rsplit(maxsplit=1)[-1].replace("..", "-").replace("–", "-").split("-")
    assert f"must run upwards ({last}-{first})" in r.stderr


@pytest.mark.parametrize("ref", ["21-21", "21..21", "21–21"])
def test_range_of_one_article_is_that_article(cli, ref: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("show", ref, "--text-only")
    assert r.code == 0, r.stderr
    assert r.stdout == cli("show", "21", "--text-only").stdout


@pytest.mark.parametrize(
    "ref", ["83-1@1995", "94-1@1995", "94-2@1995", "2(3-1)@1995", "41(3-1)@1995", "44(10-1)@1995"]
)
def test_inserted_numbers_of_1995_stay_identifiers(cli, ref: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("show", ref)
    assert r.code == 0, r.stderr


@pytest.mark.parametrize("ref", ["83-1", "84-1", "10-1", "3-1"])
def test_unknown_inserted_number_is_not_found_not_a_range(cli, ref: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("show", ref)  # 2026 has no inserted articles: an identifier that does not exist
    assert r.code == 1, r.stderr
    assert f"no article {ref}" in r.stderr


def test_range_of_one_in_prose(cli) -> None:  # type: ignore[no-untyped-def]
    assert _found(cli, "see Articles 21-21") == ["21"]


# --- cite: a range or list is one citation, sub-items too; Russian plural abbreviations ---------


@pytest.mark.parametrize(
    ("ref", "style", "expected"),
    [
        ("46(8)-(10)", "short", "Const. RK 2026, art. 46(8)–(10)"),
        ("46(8)-(10)", "oscola", "Constitution of the Republic of Kazakhstan 2026, art 46(8)–(10)"),
        # «подпункты 8)–10) статьи 46»: «подп.», since «пп.» is also one подпункт («пп. 8)»)
        ("46(8)-(10)", "ru", "подп. 8)–10) ст. 46 Конституции Республики Казахстан 2026 года"),
        (
            "46(8)-(10)",
            "kk",
            "2026 жылғы Қазақстан Республикасы Конституциясының 46-бабының 8)–10) тармақшалары",
        ),
        # «пункты 1–3 статьи 21»: the plural abbreviation doubles the letter
        ("21(1)-(3)", "ru", "пп. 1–3 ст. 21 Конституции Республики Казахстан 2026 года"),
        ("21(1),(3)", "ru", "пп. 1, 3 ст. 21 Конституции Республики Казахстан 2026 года"),
        ("21(1)", "ru", "п. 1 ст. 21 Конституции Республики Казахстан 2026 года"),
        ("46(8)", "ru", "пп. 8) ст. 46 Конституции Республики Казахстан 2026 года"),
    ],
)
def test_sub_item_range_is_one_citation(cli, ref: str, style: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("cite", ref, "-S", style)
    assert r.code == 0, r.stderr
    assert r.stdout == expected + "\n"


def test_id_style_gives_one_line_per_reference(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("cite", "21-23", "46(8)-(10)", "21", "-S", "id")
    assert r.code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 3  # one line per reference, for scripts
    assert lines[0].split() == ["2026/art_21", "2026/art_22", "2026/art_23"]
    assert lines[1].split() == [f"2026/art_46__point_{n}" for n in (8, 9, 10)]
    assert lines[2] == "2026/art_21"
    each = cli("cite", "21-23", "-S", "id", "--each").stdout.splitlines()
    assert each == lines[0].split()
    assert "space" in cli("cite", "--help").stdout  # the id form of a range is documented


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("пп. 1–3 ст. 21", ["21(1)", "21(2)", "21(3)"]),  # what `cite -S ru` prints
        ("пп. 1, 3 ст. 21", ["21(1)", "21(3)"]),
        ("подп. 8)–10) ст. 46", ["46(8)", "46(9)", "46(10)"]),
        ("пп. 8) ст. 46", ["46(8)"]),  # one подпункт
        ("пп. 3) п. 1 ст. 56", ["56(3)"]),  # 2026 art. 56: a lead-in and sub-items
    ],
)
def test_refs_reads_russian_plural_abbreviations(cli, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _found(cli, text) == expected


def test_a_paragraph_range_of_one_is_that_paragraph_and_a_reversed_one_names_its_article(
    cli,
) -> None:
    assert cli("show", "21(2)-(2)", "--text-only").stdout.startswith("Article 21(2) ")
    r = cli("show", "50(3)-(1)")
    assert r.code == 2 and "(50(1)-(3))" in r.stderr


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # 1995 55(1-1): the Senate elects the Human Rights Commissioner; 55(1) is another
        # power (the Supreme Court). "(1-1)" is the inserted number, never a range of one.
        ("Article 55(1-1) of the 1995 Constitution", ["55(1-1)@1995"]),
        ("Article 53(1-1) of the 1995 Constitution", ["53(1-1)@1995"]),
        ("Article 44(10-1) of the 1995 Constitution", ["44(10-1)@1995"]),
        ("Article 21(1)-(2)", ["21(1)", "21(2)"]),
    ],
)
def test_refs_reads_an_inserted_sub_number_as_itself(cli, text: str, refs: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _found(cli, text) == refs


@pytest.mark.parametrize("text", ["Article 21(1-1)", "Article 21(2-2)"])
def test_refs_does_not_turn_a_missing_inserted_number_into_another(cli, text: str) -> None:  # type: ignore[no-untyped-def]
    # 2026 Article 21 has paragraphs 1 to 3 and nothing inserted: not found, not 21(1).
    r = cli("refs", "-", input=text)
    assert "NOT FOUND" in r.stdout and "= 21(" not in r.stdout


@pytest.mark.parametrize(
    "text", ["part 2 of paragraph 1 of Article 46", "part 2 of paragraph 1 of Article 12"]
)
def test_a_part_of_a_paragraph_is_not_given_as_another_provision(cli, text: str) -> None:  # type: ignore[no-untyped-def]
    # kzconst does not number the parts of a paragraph: 12(1) has two, and Article 46 is one
    # paragraph of sub-items, so "paragraph 1 of Article 46" alone would be sub-item 1 and
    # "part 2" of it sub-item 2 - neither is what was cited.
    r = cli("refs", "-", input=text)
    assert "NOT FOUND" in r.stdout and "does not number the parts" in r.stdout
    assert " = " not in r.stdout
